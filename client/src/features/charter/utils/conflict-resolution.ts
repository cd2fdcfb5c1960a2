import type { CharterClause, CharterMergeConflict } from '@concord/shared';

import { isApiError } from '@/lib/api-client';

import type { ClauseDraft } from '../api/save-revision';

function isClause(value: CharterMergeConflict['base']): value is CharterClause {
  return value !== null && !Array.isArray(value);
}

/** The conflicts of a save refused with 409 because others changed the same text meanwhile; null for any other error. */
export function conflictsOf(error: unknown): CharterMergeConflict[] | null {
  if (!isApiError(error, 409)) return null;
  const details = error.details as { conflicts?: CharterMergeConflict[] } | undefined;
  return details?.conflicts ?? null;
}

/** One side of a clause conflict as a clause; null when that side has none (deleted, or an order conflict). */
export function asClause(value: CharterMergeConflict['base']): CharterClause | null {
  return isClause(value) ? value : null;
}

/** What the author picked for a conflicting clause: the version saved since, theirs, or text written now. */
export type Choice = 'theirs' | 'yours' | 'custom';

/** What the author decided for one conflicting clause: their version, mine, or text written now (null: no clause). */
export type Resolution = { clauseId: string; clause: CharterClause | null };

/**
 * The author's decision for every clause conflict (order conflicts keep the head's order and need
 * none): "theirs" unless chosen otherwise. Text written now keeps the heading of the author's
 * version (else theirs, else the base's, else the clause id) and, until edited, the author's body.
 */
export function resolutionsFor(
  conflicts: readonly CharterMergeConflict[],
  choices: Readonly<Record<string, Choice>>,
  custom: Readonly<Record<string, string>>,
): Resolution[] {
  return conflicts.flatMap((conflict) => {
    const clauseId = conflict.clauseId;
    if (clauseId === null) return [];
    const choice = choices[clauseId] ?? 'theirs';
    const theirs = asClause(conflict.theirs);
    const yours = asClause(conflict.yours);
    if (choice === 'theirs') return [{ clauseId, clause: theirs }];
    if (choice === 'yours') return [{ clauseId, clause: yours }];
    const template = yours ?? theirs ?? asClause(conflict.base);
    return [
      {
        clauseId,
        clause: {
          id: clauseId,
          heading: template?.heading ?? clauseId,
          body: custom[clauseId] ?? template?.body ?? '',
        },
      },
    ];
  });
}

/**
 * Step one of saving after a conflict: the draft with every conflicting clause set to the head's
 * version, and the head's clause order, so the three-way merge keeps everything else of the draft
 * and merges cleanly.
 */
export function draftAcceptingTheirs(
  draft: readonly ClauseDraft[],
  conflicts: readonly CharterMergeConflict[],
): ClauseDraft[] {
  let result: ClauseDraft[] = [...draft];
  for (const conflict of conflicts) {
    if (conflict.clauseId === null) {
      const order = Array.isArray(conflict.theirs) ? conflict.theirs : [];
      const placed = order.flatMap((id) => result.filter((clause) => clause.id === id));
      const rest = result.filter((clause) => clause.id === undefined || !order.includes(clause.id));
      result = [...placed, ...rest];
      continue;
    }
    const theirs = isClause(conflict.theirs) ? conflict.theirs : null;
    const index = result.findIndex((clause) => clause.id === conflict.clauseId);
    if (theirs === null) result = result.filter((clause) => clause.id !== conflict.clauseId);
    else if (index >= 0) result[index] = theirs;
    else result.push(theirs);
  }
  return result;
}

/** Step two: the merged head with the author's own resolutions applied (null when nothing is left to change). */
export function applyResolutions(
  head: readonly CharterClause[],
  resolutions: readonly Resolution[],
  draft: readonly ClauseDraft[],
): CharterClause[] | null {
  const result = [...head];
  let changed = false;
  for (const { clauseId, clause } of resolutions) {
    const index = result.findIndex((candidate) => candidate.id === clauseId);
    const current = result[index] ?? null;
    if (clause === null) {
      if (index >= 0) result.splice(index, 1);
      changed ||= index >= 0;
      continue;
    }
    if (current !== null && current.heading === clause.heading && current.body === clause.body) continue;
    changed = true;
    if (index >= 0) result[index] = clause;
    else {
      // Re-insert after the clause that precedes it in the draft.
      const draftIndex = draft.findIndex((candidate) => candidate.id === clauseId);
      const before = draft
        .slice(0, Math.max(draftIndex, 0))
        .reverse()
        .find((candidate) => result.some((kept) => kept.id === candidate.id));
      const at = before === undefined ? 0 : result.findIndex((kept) => kept.id === before.id) + 1;
      result.splice(at, 0, clause);
    }
  }
  return changed ? result : null;
}
