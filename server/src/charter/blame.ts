import type { CharterClause, ClauseHistoryChange } from '@concord/shared';
import { diffArrays } from 'diff';
import { movedClauseIds } from './clause-diff';
import { paragraphsOf } from './paragraphs';

export interface RevisionForBlame {
  number: number;
  clauses: readonly CharterClause[];
}

export interface BlamedClause {
  id: string;
  heading: string;
  headingRevision: number;
  paragraphs: Array<{ text: string; revision: number }>;
}

/**
 * For the last of `revisions` (oldest first, consecutive), the revision that last changed each
 * paragraph and heading: each step keeps the attribution of paragraphs the diff finds unchanged.
 */
export function blameRevisions(revisions: readonly RevisionForBlame[]): BlamedClause[] {
  let state = new Map<string, BlamedClause>();
  for (const revision of revisions) {
    const next = new Map<string, BlamedClause>();
    for (const clause of revision.clauses) {
      const previous = state.get(clause.id);
      const texts = paragraphsOf(clause.body);
      if (previous === undefined) {
        next.set(clause.id, {
          id: clause.id,
          heading: clause.heading,
          headingRevision: revision.number,
          paragraphs: texts.map((text) => ({ text, revision: revision.number })),
        });
        continue;
      }
      const headingRevision = previous.heading === clause.heading ? previous.headingRevision : revision.number;
      const paragraphs: BlamedClause['paragraphs'] = [];
      let index = 0;
      for (const change of diffArrays(
        previous.paragraphs.map((paragraph) => paragraph.text),
        texts,
      )) {
        if (change.removed) index += change.value.length;
        else if (change.added) change.value.forEach((text) => paragraphs.push({ text, revision: revision.number }));
        else {
          // Unchanged paragraphs keep the revision that wrote them.
          paragraphs.push(...previous.paragraphs.slice(index, index + change.value.length));
          index += change.value.length;
        }
      }
      next.set(clause.id, { id: clause.id, heading: clause.heading, headingRevision, paragraphs });
    }
    state = next;
  }
  const last = revisions[revisions.length - 1];
  return last === undefined ? [] : last.clauses.map((clause) => state.get(clause.id) as BlamedClause);
}

export interface ClauseChange {
  revision: number;
  changes: ClauseHistoryChange[];
  clause: CharterClause | null;
}

/** Every revision (oldest first) in which one clause appeared, changed, moved or disappeared. */
export function clauseHistory(revisions: readonly RevisionForBlame[], clauseId: string): ClauseChange[] {
  const history: ClauseChange[] = [];
  let previous: RevisionForBlame | null = null;
  for (const revision of revisions) {
    const now = revision.clauses.find((clause) => clause.id === clauseId) ?? null;
    const before = previous?.clauses.find((clause) => clause.id === clauseId) ?? null;
    const changes: ClauseHistoryChange[] = [];
    if (before === null && now !== null) changes.push('added');
    else if (before !== null && now === null) changes.push('removed');
    else if (before !== null && now !== null && previous !== null) {
      if (before.heading !== now.heading) changes.push('renamed');
      if (before.body !== now.body) changes.push('modified');
      if (movedClauseIds(previous.clauses, revision.clauses).has(clauseId)) changes.push('moved');
    }
    if (changes.length > 0) history.push({ revision: revision.number, changes, clause: now });
    previous = revision;
  }
  return history;
}
