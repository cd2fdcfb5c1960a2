import { createHash } from 'node:crypto';
import type { CodingProgressDto, CodingStatus } from '@concord/shared';
import type { TextAnswerRow } from '../responses';

/** The fields of a free-text answer that the coding page filters on: all the responses feature reads but the time. */
export type FilterableAnswer = Omit<TextAnswerRow, 'completedAt'>;

/** What the filters need to know of the acting user's coding of an answer. */
export interface CodingState {
  themeIds: readonly string[];
  suggestedThemeIds: readonly string[];
}

export interface AnswerFilters {
  q?: string;
  networkIds?: ReadonlySet<string>;
  country?: string;
  role?: string;
  language?: string;
  status?: CodingStatus;
  themeId?: string;
  sample?: number;
}

/** Lower case without accents or other marks, so "Équipe" finds "equipe" and the reverse. */
export function foldForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function sampleRank(question: string, responseId: string): string {
  return createHash('sha256').update(`${question}\u0000${responseId}`).digest('hex');
}

/**
 * A fixed pseudo-random sample of a question's answers: the `size` answers whose hash of
 * (question, response id) sorts first. Every coder gets the same sample without storing it; a new
 * response enters it only if it outranks one already in, so a sample stays nearly stable.
 */
export function sampleOf(question: string, responseIds: readonly string[], size: number): Set<string> {
  return new Set(
    responseIds
      .map((id) => ({ id, rank: sampleRank(question, id) }))
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
      .slice(0, size)
      .map((entry) => entry.id),
  );
}

function statusMatches(status: CodingStatus, coding: CodingState | undefined): boolean {
  switch (status) {
    case 'all':
      return true;
    case 'uncoded':
      return coding === undefined;
    case 'coded':
      return coding !== undefined;
    case 'suggested':
      return coding !== undefined && coding.suggestedThemeIds.length > 0;
  }
}

/** The answers that match every filter, in their list order. */
export function filterAnswers<T extends FilterableAnswer>(
  question: string,
  answers: readonly T[],
  codings: ReadonlyMap<string, CodingState>,
  filters: AnswerFilters,
): T[] {
  const sample =
    filters.sample === undefined
      ? null
      : sampleOf(
          question,
          answers.map((answer) => answer.responseId),
          filters.sample,
        );
  const words = filters.q === undefined ? [] : foldForSearch(filters.q).split(/\s+/).filter(Boolean);
  return answers.filter((answer) => {
    if (sample !== null && !sample.has(answer.responseId)) return false;
    if (filters.networkIds !== undefined && !filters.networkIds.has(answer.networkId)) return false;
    if (filters.country !== undefined && answer.country !== filters.country) return false;
    if (filters.role !== undefined && answer.role !== filters.role) return false;
    if (filters.language !== undefined && answer.language !== filters.language) return false;
    const coding = codings.get(answer.responseId);
    if (filters.status !== undefined && !statusMatches(filters.status, coding)) return false;
    if (filters.themeId !== undefined && !(coding?.themeIds.includes(filters.themeId) ?? false)) return false;
    if (words.length > 0) {
      const text = foldForSearch(answer.text);
      if (!words.every((word) => text.includes(word))) return false;
    }
    return true;
  });
}

/** Coded and awaiting-review counts of the acting user over all of a question's answers. */
export function progressOf(
  answers: readonly FilterableAnswer[],
  codings: ReadonlyMap<string, CodingState>,
): CodingProgressDto {
  let coded = 0;
  let suggested = 0;
  for (const answer of answers) {
    const coding = codings.get(answer.responseId);
    if (coding === undefined) continue;
    coded += 1;
    if (coding.suggestedThemeIds.length > 0) suggested += 1;
  }
  return { total: answers.length, coded, suggested };
}

/**
 * One page of the matching answers: by page number, or the first `pageSize` that come after a given
 * answer in the full list (a cursor that still works when coding moves answers out of a filter).
 * Returns null when the cursor answer is not in the list.
 */
export function pageOf<T extends FilterableAnswer>(
  all: readonly FilterableAnswer[],
  matching: readonly T[],
  cursor: { after?: string; page: number; pageSize: number },
): T[] | null {
  if (cursor.after === undefined) {
    const start = (cursor.page - 1) * cursor.pageSize;
    return matching.slice(start, start + cursor.pageSize);
  }
  const positions = new Map(all.map((answer, index) => [answer.responseId, index]));
  const from = positions.get(cursor.after);
  if (from === undefined) return null;
  const page: T[] = [];
  for (const answer of matching) {
    if ((positions.get(answer.responseId) ?? -1) > from) page.push(answer);
    if (page.length === cursor.pageSize) break;
  }
  return page;
}

/** Theme names compare without case, outer spaces or repeated inner spaces. */
export function themeNameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}
