import { MEMBER_LANGUAGES, type MemberInput, type MemberLanguage } from '@concord/shared';
import { CsvError, parse } from 'csv-parse/sync';

export const MEMBER_CSV_COLUMNS = ['name', 'email', 'country', 'role', 'language'] as const;
const EMAIL_PATTERN = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const MAX_FIELD = 320;

export interface CsvLineError {
  line: number;
  message: string;
}

export interface ParsedMembers {
  members: Array<MemberInput & { line: number }>;
  errors: CsvLineError[];
}

/** A CSV whose quoting cannot be read: the whole file is refused, naming the line. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`The CSV could not be read at line ${line}: ${reason}`);
  }
}

const CSV_PROBLEMS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'a closing quote is followed by more than spaces before the comma',
};

/**
 * Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes doubled,
 * and line breaks), with csv-parse. Each record carries the line number it starts on, for error
 * messages; blank lines are left out but counted. A quote inside an unquoted field is kept as
 * text, spaces around fields are dropped (every member field is trimmed anyway). Throws a
 * CsvSyntaxError for quoting it cannot read.
 */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  // Every line break becomes one LF first: csv-parse then counts lines exactly (with CRLF, or a
  // mix, its line count drifts), and a record starts on the line after the previous one ends
  // because blank lines come out as records too.
  const ends: number[] = [];
  let fields: string[][];
  try {
    fields = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      record_delimiter: '\n',
      relax_column_count: true,
      relax_quotes: true,
      trim: true,
      on_record: (record: string[], context) => {
        ends.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new CsvSyntaxError((ends.at(-1) ?? 0) + 1, CSV_PROBLEMS[error.code] ?? error.message);
  }
  return fields.flatMap((record, index) =>
    record.length === 1 && record[0]?.trim() === '' ? [] : [{ line: (ends[index - 1] ?? 0) + 1, fields: record }],
  );
}

/** Checks one member's fields; returns the normalised member or the problems found, joined. */
export function checkMember(raw: Record<keyof MemberInput, string>): MemberInput | string {
  const problems: string[] = [];
  const name = raw.name.trim();
  const email = raw.email.trim().toLowerCase();
  const country = raw.country.trim();
  const role = raw.role.trim();
  const language = raw.language.trim().toLowerCase();
  if (name === '') problems.push('name is empty');
  if (!EMAIL_PATTERN.test(email)) problems.push(`email "${raw.email.trim()}" is not an e-mail address`);
  if (country === '') problems.push('country is empty');
  if (role === '') problems.push('role is empty');
  if (!(MEMBER_LANGUAGES as readonly string[]).includes(language)) {
    problems.push(`language "${raw.language.trim()}" must be one of: ${MEMBER_LANGUAGES.join(', ')}`);
  }
  for (const key of ['name', 'email', 'country', 'role'] as const) {
    if (raw[key].trim().length > MAX_FIELD) problems.push(`${key} is longer than ${MAX_FIELD} characters`);
  }
  if (problems.length > 0) return problems.join('; ');
  return { name, email, country, role, language: language as MemberLanguage };
}

/**
 * Reads a member list: a header naming the five columns (any order, case-insensitive), then one
 * member per line. Bad lines are reported with their line number and left out; good ones are kept.
 * An e-mail that appears twice keeps its last line, as a later import would.
 */
export function parseMemberCsv(text: string): ParsedMembers | { fileError: string } {
  let records: Array<{ line: number; fields: string[] }>;
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { fileError: error.message };
    throw error;
  }
  const [headerRecord, ...rows] = records;
  if (headerRecord === undefined)
    return { fileError: `The CSV is empty; the first line must be: ${MEMBER_CSV_COLUMNS.join(',')}` };
  const header = headerRecord.fields.map((column) => column.trim().toLowerCase());
  const missing = MEMBER_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      fileError: `The CSV header lacks the column(s): ${missing.join(', ')} (expected ${MEMBER_CSV_COLUMNS.join(',')})`,
    };
  }
  const position = Object.fromEntries(MEMBER_CSV_COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<
    keyof MemberInput,
    number
  >;
  const errors: CsvLineError[] = [];
  const byEmail = new Map<string, MemberInput & { line: number }>();
  for (const record of rows) {
    if (record.fields.length !== header.length) {
      errors.push({ line: record.line, message: `expected ${header.length} fields, found ${record.fields.length}` });
      continue;
    }
    const raw = Object.fromEntries(
      MEMBER_CSV_COLUMNS.map((column) => [column, record.fields[position[column]]]),
    ) as Record<keyof MemberInput, string>;
    const checked = checkMember(raw);
    if (typeof checked === 'string') {
      errors.push({ line: record.line, message: checked });
      continue;
    }
    byEmail.delete(checked.email);
    byEmail.set(checked.email, { ...checked, line: record.line });
  }
  return { members: [...byEmail.values()], errors };
}

/**
 * Checks the JSON body of a member upsert: an array of {name,email,country,role,language}.
 * Returns the members or the problems, each naming the item and field, e.g. "[1].email …".
 */
export function checkMemberList(body: unknown): { members: MemberInput[] } | { problems: string[] } {
  if (!Array.isArray(body))
    return { problems: ['The body must be an array of members {name,email,country,role,language}'] };
  if (body.length === 0) return { problems: ['The body must hold at least one member'] };
  const problems: string[] = [];
  const members: MemberInput[] = [];
  body.forEach((item: unknown, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push(`[${index}] must be an object`);
      return;
    }
    const record = item as Record<string, unknown>;
    const unknownKeys = Object.keys(record).filter((key) => !(MEMBER_CSV_COLUMNS as readonly string[]).includes(key));
    if (unknownKeys.length > 0) problems.push(`[${index}] has unknown field(s): ${unknownKeys.join(', ')}`);
    const wrongTypes = MEMBER_CSV_COLUMNS.filter((key) => typeof record[key] !== 'string');
    if (wrongTypes.length > 0) {
      problems.push(...wrongTypes.map((key) => `[${index}].${key} must be a string`));
      return;
    }
    const checked = checkMember(record as Record<keyof MemberInput, string>);
    if (typeof checked === 'string') problems.push(...checked.split('; ').map((problem) => `[${index}].${problem}`));
    else members.push(checked);
  });
  return problems.length > 0 ? { problems } : { members };
}
