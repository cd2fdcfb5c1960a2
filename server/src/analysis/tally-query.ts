import {
  MEMBER_LANGUAGES,
  TALLY_GROUP_BY,
  TALLY_WEIGHTINGS,
  type TallyGroupBy,
  type TallyWeighting,
} from '@concord/shared';
import { DomainError } from '../common/domain-error';

export interface ParsedFilters {
  network?: string[];
  country?: string[];
  role?: string[];
  language?: string[];
  version?: number[];
  from?: Date;
  to?: Date;
  /** question name → accepted values (any of them). */
  answers: Record<string, string[]>;
  includePartial: boolean;
}

export interface ParsedTallyQuery {
  groupBy: TallyGroupBy | null;
  weighting: TallyWeighting;
  /** Asked-for threshold; the service never goes below the campaign's. */
  minCellSize: number | null;
  filters: ParsedFilters;
}

export type RawQuery = Record<string, unknown>;

const LIST_KEYS = ['network', 'country', 'role', 'language', 'version'] as const;
const SCALAR_KEYS = ['groupBy', 'weighting', 'from', 'to', 'includePartial', 'minCellSize'] as const;
const ANSWER_KEY = /^answer\[([^\]]+)\]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function bad(message: string): DomainError {
  return new DomainError('bad_request', message);
}

function single(name: string, value: unknown): string {
  if (typeof value !== 'string') throw bad(`${name} must be given once`);
  return value;
}

/** Comma-separated or repeated values, trimmed, without empties. */
function list(name: string, value: unknown): string[] {
  const parts = (Array.isArray(value) ? value : [value]).flatMap((part: unknown) => {
    if (typeof part !== 'string') throw bad(`${name} must be a list of values`);
    return part.split(',');
  });
  const values = parts.map((part) => part.trim()).filter((part) => part !== '');
  if (values.length === 0) throw bad(`${name} must not be empty`);
  return values;
}

export function parseVersionList(name: string, value: unknown): number[] {
  const values = list(name, value);
  if (!values.every((part) => /^[1-9]\d{0,8}$/.test(part))) throw bad(`${name} must be a list of positive integers`);
  return [...new Set(values.map(Number))].sort((a, b) => a - b);
}

function date(name: string, value: unknown, endOfDay: boolean): Date {
  const text = single(name, value);
  const parsed = ISO_DATE.test(text)
    ? new Date(text.length === 10 && endOfDay ? `${text}T23:59:59.999Z` : text)
    : new Date(NaN);
  if (Number.isNaN(parsed.getTime())) throw bad(`${name} must be an ISO 8601 date or date-time`);
  return parsed;
}

function oneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  const text = single(name, value);
  if (!(allowed as readonly string[]).includes(text)) throw bad(`${name} must be one of: ${allowed.join(', ')}`);
  return text as T;
}

/** Reads answer filters written `answer[Q3]=yes` (plain query parser) or parsed into `{answer: {Q3: 'yes'}}`. */
function answerFilters(query: RawQuery, into: Record<string, string[]>): void {
  for (const [key, value] of Object.entries(query)) {
    const question = ANSWER_KEY.exec(key)?.[1];
    if (question !== undefined) into[question] = list(key, value);
  }
  const nested = query.answer;
  if (nested === undefined) return;
  if (typeof nested !== 'object' || nested === null || Array.isArray(nested))
    throw bad('answer must be written answer[<question>]=<value>');
  for (const [question, value] of Object.entries(nested as Record<string, unknown>))
    into[question] = list(`answer[${question}]`, value);
}

/** Validates the tally query string; every mistake is a 400 naming the parameter. */
export function parseTallyQuery(query: RawQuery, extraKeys: readonly string[] = []): ParsedTallyQuery {
  const known = new Set<string>([...LIST_KEYS, ...SCALAR_KEYS, 'answer', ...extraKeys]);
  for (const key of Object.keys(query)) {
    if (!known.has(key) && !ANSWER_KEY.test(key)) throw bad(`Unknown query parameter: ${key}`);
  }
  const filters: ParsedFilters = { answers: {}, includePartial: false };
  if (query.network !== undefined) filters.network = list('network', query.network);
  if (query.country !== undefined) filters.country = list('country', query.country);
  if (query.role !== undefined) filters.role = list('role', query.role);
  if (query.language !== undefined) {
    const languages = list('language', query.language);
    const invalid = languages.find((language) => !(MEMBER_LANGUAGES as readonly string[]).includes(language));
    if (invalid !== undefined) throw bad(`language must be among: ${MEMBER_LANGUAGES.join(', ')}`);
    filters.language = languages;
  }
  if (query.version !== undefined) filters.version = parseVersionList('version', query.version);
  if (query.from !== undefined) filters.from = date('from', query.from, false);
  if (query.to !== undefined) filters.to = date('to', query.to, true);
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to)
    throw bad('from must not be after to');
  if (query.includePartial !== undefined) {
    const value = single('includePartial', query.includePartial);
    if (value !== 'true' && value !== 'false') throw bad('includePartial must be true or false');
    filters.includePartial = value === 'true';
  }
  answerFilters(query, filters.answers);
  let minCellSize: number | null = null;
  if (query.minCellSize !== undefined) {
    const value = single('minCellSize', query.minCellSize);
    if (!/^\d{1,4}$/.test(value) || Number(value) < 1) throw bad('minCellSize must be a positive integer');
    minCellSize = Number(value);
  }
  return {
    groupBy: query.groupBy === undefined ? null : oneOf('groupBy', query.groupBy, TALLY_GROUP_BY),
    weighting: query.weighting === undefined ? 'pooled' : oneOf('weighting', query.weighting, TALLY_WEIGHTINGS),
    minCellSize,
    filters,
  };
}

/** The rollup holds no dates, no partial responses and no answer combinations: those need a scan. */
export function needsScan(filters: ParsedFilters): boolean {
  return (
    filters.includePartial ||
    filters.from !== undefined ||
    filters.to !== undefined ||
    Object.keys(filters.answers).length > 0
  );
}
