import { isDeepStrictEqual } from 'node:util';
import type { EvidenceFigures, EvidenceQuery, QuestionTally, TallyResult } from '@concord/shared';
import { DomainError } from '../common/domain-error';

/** The tally query string (as the analysis endpoints read it) for a citation's query. */
export type TallyQueryString = Record<string, string>;

const LIST_FILTERS = ['network', 'country', 'role', 'language'] as const;
const DATE_FILTERS = ['from', 'to'] as const;
const KNOWN_FILTERS = new Set<string>([...LIST_FILTERS, ...DATE_FILTERS, 'version', 'includePartial', 'answers']);

function bad(message: string): DomainError {
  return new DomainError('bad_request', message);
}

function stringList(name: string, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0 || !value.every((item) => typeof item === 'string' && item !== ''))
    throw bad(`${name} must be a non-empty list of strings`);
  return value.join(',');
}

/**
 * Writes a citation's grouping, filters and weighting as the query string of the tally
 * endpoints, so the citation is computed by exactly the code that answers those endpoints. Shape
 * mistakes are 400s naming the filter; values are then checked by the tally query parser.
 */
export function evidenceTallyQuery(query: Pick<EvidenceQuery, 'groupBy' | 'filters' | 'weighting'>): TallyQueryString {
  const raw: TallyQueryString = {};
  if (query.groupBy !== undefined) raw.groupBy = query.groupBy;
  if (query.weighting !== undefined) raw.weighting = query.weighting;
  const filters: Record<string, unknown> = query.filters ?? {};
  for (const key of Object.keys(filters)) {
    if (!KNOWN_FILTERS.has(key)) throw bad(`filters.${key} is not a tally filter`);
  }
  for (const key of LIST_FILTERS) {
    if (filters[key] !== undefined) raw[key] = stringList(`filters.${key}`, filters[key]);
  }
  for (const key of DATE_FILTERS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw bad(`filters.${key} must be an ISO 8601 date or date-time`);
    raw[key] = value;
  }
  const version = filters.version;
  if (version !== undefined) {
    if (!Array.isArray(version) || version.length === 0 || !version.every((item) => Number.isInteger(item)))
      throw bad('filters.version must be a non-empty list of version numbers');
    raw.version = version.join(',');
  }
  const includePartial = filters.includePartial;
  if (includePartial !== undefined) {
    if (typeof includePartial !== 'boolean') throw bad('filters.includePartial must be true or false');
    raw.includePartial = String(includePartial);
  }
  const answers = filters.answers;
  if (answers !== undefined) {
    if (typeof answers !== 'object' || answers === null || Array.isArray(answers))
      throw bad('filters.answers must map question names to lists of values');
    for (const [question, values] of Object.entries(answers as Record<string, unknown>))
      raw[`answer[${question}]`] = stringList(`filters.answers.${question}`, values);
  }
  return raw;
}

/** The figures of one question from a tally body, or undefined when the source does not ask it. */
export function evidenceFigures(result: TallyResult, question: string, asOf: Date): EvidenceFigures | undefined {
  const found: QuestionTally | undefined = result.questions.find((entry) => entry.name === question);
  if (found === undefined) return undefined;
  const figures: EvidenceFigures = {
    asOf: asOf.toISOString(),
    responses: result.responses,
    suppressed: result.suppressed,
    minCellSize: result.minCellSize,
    question: found,
  };
  if (result.groupLabels !== undefined) figures.groupLabels = result.groupLabels;
  return figures;
}

/**
 * Whether two sets of figures differ in what they say: the moment they were taken and the labels
 * of groups are left aside. Both sides go through JSON, as a stored snapshot has.
 */
export function figuresChanged(cited: EvidenceFigures | null, now: EvidenceFigures | null): boolean {
  if (cited === null || now === null) return true;
  const said = (figures: EvidenceFigures): unknown =>
    JSON.parse(
      JSON.stringify({
        responses: figures.responses,
        suppressed: figures.suppressed,
        minCellSize: figures.minCellSize,
        question: figures.question,
      }),
    );
  return !isDeepStrictEqual(said(cited), said(now));
}
