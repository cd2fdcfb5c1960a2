import type { CharterClause, CharterMergeConflict } from '@concord/shared';

import type { ClauseDraft } from '../api/save-revision';

function isClause(value: CharterMergeConflict['base']): value is CharterClause {
  return value !== null && !Array.isArray(value);
}

/** What the author decided for one conflicting clause: their version, mine, or text written now (null: no clause). */
export type Resolution = { clauseId: string; clause: CharterClause | null };

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
    const current = index >= 0 ? result[index] : null;
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
