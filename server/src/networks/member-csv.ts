import { MEMBER_LANGUAGES, type MemberInput, type MemberLanguage } from '@concord/shared';

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

/**
 * Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes doubled,
 * and line breaks). Each record carries the line number it starts on, for error messages.
 */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (quoted) {
      if (char === '"') {
        if (source[index + 1] === '"') {
          field += '"';
          index++;
        } else {
          quoted = false;
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[index + 1] === '\n') index++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
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
export function parseMemberCsv(text: string): ParsedMembers | { headerError: string } {
  const records = parseCsvRecords(text);
  if (records.length === 0)
    return { headerError: `The CSV is empty; the first line must be: ${MEMBER_CSV_COLUMNS.join(',')}` };
  const header = records[0].fields.map((column) => column.trim().toLowerCase());
  const missing = MEMBER_CSV_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      headerError: `The CSV header lacks the column(s): ${missing.join(', ')} (expected ${MEMBER_CSV_COLUMNS.join(',')})`,
    };
  }
  const position = Object.fromEntries(MEMBER_CSV_COLUMNS.map((column) => [column, header.indexOf(column)])) as Record<
    keyof MemberInput,
    number
  >;
  const errors: CsvLineError[] = [];
  const byEmail = new Map<string, MemberInput & { line: number }>();
  for (const record of records.slice(1)) {
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
