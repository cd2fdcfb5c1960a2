import type { ClauseDiffDto, DiffOp } from '@concord/shared';
import { diffArrays } from 'diff';
import { blameRevisions, type RevisionForBlame } from './blame';
import { paragraphsOf } from './paragraphs';

/** A piece of a redline: equal text, or a change with the revision that made it. */
export interface AttributedOp {
  op: DiffOp['op'];
  text: string;
  /** The revision that made an insert or delete; null for equal text. */
  revision: number | null;
}

/** Who changed what in one clause between the first and the last of a run of revisions. */
interface ClauseAttribution {
  /** Revision that last changed the heading (insertions into it). */
  headingChanged: number;
  /** First revision after the oldest whose heading differs from the oldest's (deletions from it). */
  oldHeadingReplaced: number;
  /** Per paragraph of the newest body: the revision that last changed it. */
  newParagraphs: number[];
  /** Per paragraph of the oldest body: the revision that removed or changed it. */
  oldParagraphs: number[];
  /** The revision that removed the clause, for a clause gone by the newest. */
  removed: number;
}

const PARAGRAPH_BREAK = /(\n[ \t]*\n\s*)/;

/**
 * For the oldest revision's paragraphs, the revision after it that first changed or removed each
 * one: the same paragraph-level diff as blame, run forwards.
 */
function oldSideAttribution(
  revisions: readonly RevisionForBlame[],
  newest: number,
): Map<string, { oldParagraphs: number[]; oldHeadingReplaced: number; removed: number }> {
  const result = new Map<string, { oldParagraphs: number[]; oldHeadingReplaced: number; removed: number }>();
  const [oldest, ...later] = revisions;
  if (oldest === undefined) return result;
  for (const clause of oldest.clauses) {
    const texts = paragraphsOf(clause.body);
    const replacedAt: Array<number | null> = texts.map(() => null);
    // Which of the oldest paragraphs each current paragraph still is (null: written since).
    let tracked: Array<{ text: string; origin: number | null }> = texts.map((text, origin) => ({ text, origin }));
    let headingReplaced: number | null = null;
    let removed: number | null = null;
    for (const revision of later) {
      const now = revision.clauses.find((entry) => entry.id === clause.id);
      if (now === undefined) {
        removed ??= revision.number;
        for (const entry of tracked) if (entry.origin !== null) replacedAt[entry.origin] ??= revision.number;
        tracked = [];
        continue;
      }
      if (now.heading !== clause.heading) headingReplaced ??= revision.number;
      const next: typeof tracked = [];
      let index = 0;
      for (const change of diffArrays(
        tracked.map((entry) => entry.text),
        paragraphsOf(now.body),
      )) {
        if (change.added) {
          for (const text of change.value) next.push({ text, origin: null });
          continue;
        }
        const entries = tracked.slice(index, index + change.value.length);
        index += change.value.length;
        if (change.removed) {
          for (const entry of entries) if (entry.origin !== null) replacedAt[entry.origin] ??= revision.number;
        } else next.push(...entries);
      }
      tracked = next;
    }
    result.set(clause.id, {
      oldParagraphs: replacedAt.map((at) => at ?? newest),
      oldHeadingReplaced: headingReplaced ?? newest,
      removed: removed ?? newest,
    });
  }
  return result;
}

/**
 * Attribution of every clause over `revisions` (consecutive, oldest first): insertions come from
 * the blame of the newest revision's paragraphs, deletions from the revision that first changed
 * or removed the oldest revision's paragraph.
 */
export function redlineAttribution(revisions: readonly RevisionForBlame[]): Map<string, ClauseAttribution> {
  const newestRevision = revisions[revisions.length - 1];
  const newest = newestRevision?.number ?? 0;
  const oldSide = oldSideAttribution(revisions, newest);
  const result = new Map<string, ClauseAttribution>();
  const blamed = blameRevisions(revisions);
  for (const clause of blamed) {
    const old = oldSide.get(clause.id);
    result.set(clause.id, {
      headingChanged: clause.headingRevision,
      oldHeadingReplaced: old?.oldHeadingReplaced ?? newest,
      newParagraphs: clause.paragraphs.map((paragraph) => paragraph.revision),
      oldParagraphs: old?.oldParagraphs ?? [],
      removed: old?.removed ?? newest,
    });
  }
  for (const [id, old] of oldSide) {
    if (result.has(id)) continue;
    result.set(id, {
      headingChanged: newest,
      oldHeadingReplaced: old.oldHeadingReplaced,
      newParagraphs: [],
      oldParagraphs: old.oldParagraphs,
      removed: old.removed,
    });
  }
  return result;
}

/**
 * Splits ops at paragraph breaks and gives each inserted piece the revision of the new paragraph
 * it lands in, and each deleted piece the revision of the old paragraph it came from.
 */
export function attributeOps(
  ops: readonly DiffOp[],
  insertedBy: (newParagraph: number) => number,
  deletedBy: (oldParagraph: number) => number,
): AttributedOp[] {
  const result: AttributedOp[] = [];
  let oldParagraph = 0;
  let newParagraph = 0;
  const push = (op: DiffOp['op'], text: string, revision: number | null): void => {
    const last = result[result.length - 1];
    if (last !== undefined && last.op === op && last.revision === revision) last.text += text;
    else result.push({ op, text, revision });
  };
  for (const op of ops) {
    op.text.split(PARAGRAPH_BREAK).forEach((piece, index) => {
      if (piece === '') return;
      const isBreak = index % 2 === 1;
      if (isBreak) {
        if (op.op !== 'insert') oldParagraph += 1;
        if (op.op !== 'delete') newParagraph += 1;
      }
      const revision =
        op.op === 'equal' ? null : op.op === 'insert' ? insertedBy(newParagraph) : deletedBy(oldParagraph);
      push(op.op, piece, revision);
    });
  }
  return result;
}

/** One clause of a redline with every change attributed. */
export interface AttributedClause {
  entry: ClauseDiffDto;
  heading: AttributedOp[];
  body: AttributedOp[];
}

/** Attributes each clause of a diff between the first and last of `revisions`. */
export function attributeDiff(
  diff: readonly ClauseDiffDto[],
  revisions: readonly RevisionForBlame[],
): AttributedClause[] {
  const attribution = redlineAttribution(revisions);
  const newestRevision = revisions[revisions.length - 1];
  const newest = newestRevision?.number ?? 0;
  const newestBodies = new Map(newestRevision?.clauses.map((clause) => [clause.id, clause.body]) ?? []);
  const fallback: ClauseAttribution = {
    headingChanged: newest,
    oldHeadingReplaced: newest,
    newParagraphs: [],
    oldParagraphs: [],
    removed: newest,
  };
  return diff.map((entry) => {
    const who = attribution.get(entry.id) ?? fallback;
    const insertedBy = (paragraph: number): number => who.newParagraphs[paragraph] ?? who.headingChanged;
    const deletedBy = (paragraph: number): number => who.oldParagraphs[paragraph] ?? who.removed;
    const headingOps = (ops: readonly DiffOp[]): AttributedOp[] =>
      attributeOps(
        ops,
        () => who.headingChanged,
        () => (entry.status === 'removed' ? who.removed : who.oldHeadingReplaced),
      );
    switch (entry.status) {
      case 'added':
        return {
          entry,
          heading: headingOps([{ op: 'insert', text: entry.heading }]),
          body: attributeOps([{ op: 'insert', text: entry.body ?? '' }], insertedBy, deletedBy),
        };
      case 'removed':
        return {
          entry,
          heading: headingOps([{ op: 'delete', text: entry.heading }]),
          body: attributeOps([{ op: 'delete', text: entry.body ?? '' }], insertedBy, deletedBy),
        };
      case 'modified':
        return {
          entry,
          heading: headingOps(entry.headingOps ?? [{ op: 'equal', text: entry.heading }]),
          body: attributeOps(entry.ops ?? [], insertedBy, deletedBy),
        };
      case 'moved':
      case 'unchanged':
        return {
          entry,
          heading: [{ op: 'equal', text: entry.heading, revision: null }],
          body: [{ op: 'equal', text: entry.body ?? newestBodies.get(entry.id) ?? '', revision: null }],
        };
    }
  });
}
