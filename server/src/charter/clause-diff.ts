import type { CharterClause, ClauseDiffDto, DiffOp } from '@concord/shared';
import { diffArrays } from 'diff';
import { paragraphTokens, wordTokens } from './paragraphs';

/**
 * Bounds on the work a diff may do. Beyond them the changed region is shown as deleted whole and
 * inserted whole: still exact, only coarser. Paragraphs are diffed first, so the word-level step
 * only ever sees the paragraphs that changed.
 */
export interface DiffLimits {
  paragraphEdits: number;
  wordEdits: number;
  /**
   * Word edits allowed as a share of the tokens on both sides: past it the texts have little in
   * common, word-level highlighting would be noise, and the search is the most expensive.
   */
  wordEditShare: number;
  timeoutMs: number;
  /** performance.now() after which no more word-level work starts (one budget for a whole comparison). */
  deadline?: number;
}

export const DEFAULT_DIFF_LIMITS: DiffLimits = {
  paragraphEdits: 4_000,
  wordEdits: 2_000,
  wordEditShare: 0.3,
  timeoutMs: 250,
};

/** Total time a whole revision comparison may spend on word-level diffs before it falls back. */
export const COMPARISON_BUDGET_MS = 600;

function remaining(limits: DiffLimits): number {
  return limits.deadline === undefined
    ? limits.timeoutMs
    : Math.min(limits.timeoutMs, limits.deadline - performance.now());
}

function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (text === '') return;
  const last = ops[ops.length - 1];
  if (last !== undefined && last.op === op) last.text += text;
  else ops.push({ op, text });
}

function replaceWhole(ops: DiffOp[], oldText: string, newText: string): void {
  push(ops, 'delete', oldText);
  push(ops, 'insert', newText);
}

function diffWordsInto(ops: DiffOp[], oldText: string, newText: string, limits: DiffLimits): void {
  const timeout = remaining(limits);
  if (oldText === '' || newText === '' || timeout <= 0) return replaceWhole(ops, oldText, newText);
  const oldTokens = wordTokens(oldText);
  const newTokens = wordTokens(newText);
  const share = Math.ceil((oldTokens.length + newTokens.length) * limits.wordEditShare);
  const changes = diffArrays(oldTokens, newTokens, {
    maxEditLength: Math.min(limits.wordEdits, Math.max(8, share)),
    timeout,
  });
  if (changes === undefined) return replaceWhole(ops, oldText, newText);
  const local: DiffOp[] = [];
  for (const change of changes) {
    push(local, change.added ? 'insert' : change.removed ? 'delete' : 'equal', change.value.join(''));
  }
  for (const op of tidy(local)) push(ops, op.op, op.text);
}

/** Length of the whitespace both texts end with. */
function commonTrailingSpace(left: string, right: string): number {
  let length = 0;
  for (;;) {
    const [a, b] = [left[left.length - 1 - length], right[right.length - 1 - length]];
    if (a === undefined || a !== b || !/\s/.test(a)) return length;
    length++;
  }
}

/**
 * Tokens carry their trailing whitespace, so a replaced word shows as "once " → "twice ". The text
 * whitespace both sides of a replacement end with is moved out into the equal text that follows.
 */
function tidy(ops: DiffOp[]): DiffOp[] {
  const result: DiffOp[] = [];
  for (let index = 0; index < ops.length; index++) {
    const [current, next] = [ops[index], ops[index + 1]];
    if (current === undefined) break;
    if (current.op === 'delete' && next?.op === 'insert') {
      const shared = commonTrailingSpace(current.text, next.text);
      push(result, 'delete', current.text.slice(0, current.text.length - shared));
      push(result, 'insert', next.text.slice(0, next.text.length - shared));
      push(result, 'equal', next.text.slice(next.text.length - shared));
      index++;
    } else push(result, current.op, current.text);
  }
  return result;
}

/** Word-level ops turning `oldText` into `newText`; equal+delete texts give old, equal+insert new. */
export function diffText(oldText: string, newText: string, limits: DiffLimits = DEFAULT_DIFF_LIMITS): DiffOp[] {
  const ops: DiffOp[] = [];
  if (oldText === newText) {
    push(ops, 'equal', oldText);
    return ops;
  }
  const oldParagraphs = paragraphTokens(oldText);
  const newParagraphs = paragraphTokens(newText);
  const timeout = remaining(limits);
  const changes =
    timeout <= 0
      ? undefined
      : diffArrays(oldParagraphs, newParagraphs, { maxEditLength: limits.paragraphEdits, timeout });
  if (changes === undefined) {
    replaceWhole(ops, oldText, newText);
    return ops;
  }
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    // Paired paragraphs (one edited for one) are diffed pair by pair: cheaper and closer to intent.
    if (removed.length === added.length) {
      removed.forEach((paragraph, index) => diffWordsInto(ops, paragraph, added[index] ?? '', limits));
    } else {
      diffWordsInto(ops, removed.join(''), added.join(''), limits);
    }
    removed = [];
    added = [];
  };
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      push(ops, 'equal', change.value.join(''));
    }
  }
  flush();
  return ops;
}

/** Ids of clauses present on both sides whose position relative to the others changed. */
export function movedClauseIds(from: readonly CharterClause[], to: readonly CharterClause[]): Set<string> {
  const toIds = new Set(to.map((clause) => clause.id));
  const fromIds = new Set(from.map((clause) => clause.id));
  const fromOrder = from.map((clause) => clause.id).filter((id) => toIds.has(id));
  const toOrder = to.map((clause) => clause.id).filter((id) => fromIds.has(id));
  const moved = new Set<string>();
  for (const change of diffArrays(fromOrder, toOrder)) {
    if (change.added) change.value.forEach((id) => moved.add(id));
  }
  return moved;
}

/**
 * Clause-level comparison of two revisions, in the newer order, with each removed clause placed
 * after the clause that preceded it in the older revision.
 */
export function diffClauses(
  from: readonly CharterClause[],
  to: readonly CharterClause[],
  baseLimits: DiffLimits = DEFAULT_DIFF_LIMITS,
): ClauseDiffDto[] {
  const limits = { ...baseLimits, deadline: baseLimits.deadline ?? performance.now() + COMPARISON_BUDGET_MS };
  const fromById = new Map(from.map((clause) => [clause.id, clause]));
  const toIds = new Set(to.map((clause) => clause.id));
  const moved = movedClauseIds(from, to);
  const removedAfter = new Map<string | null, ClauseDiffDto[]>();
  let anchor: string | null = null;
  for (const clause of from) {
    if (toIds.has(clause.id)) {
      anchor = clause.id;
      continue;
    }
    const group = removedAfter.get(anchor) ?? [];
    group.push({ id: clause.id, status: 'removed', heading: clause.heading, body: clause.body });
    removedAfter.set(anchor, group);
  }
  const result: ClauseDiffDto[] = [...(removedAfter.get(null) ?? [])];
  for (const clause of to) {
    const old = fromById.get(clause.id);
    if (old === undefined) {
      result.push({ id: clause.id, status: 'added', heading: clause.heading, body: clause.body });
    } else if (old.heading === clause.heading && old.body === clause.body) {
      result.push({ id: clause.id, status: moved.has(clause.id) ? 'moved' : 'unchanged', heading: clause.heading });
    } else {
      const entry: ClauseDiffDto = { id: clause.id, status: 'modified', heading: clause.heading };
      if (moved.has(clause.id)) entry.moved = true;
      if (old.heading !== clause.heading) entry.headingOps = diffText(old.heading, clause.heading, limits);
      entry.ops = diffText(old.body, clause.body, limits);
      result.push(entry);
    }
    result.push(...(removedAfter.get(clause.id) ?? []));
  }
  return result;
}

/** The diff of one clause against its earlier state (null: the clause is new). */
export function diffOneClause(before: CharterClause | null, after: CharterClause): ClauseDiffDto {
  if (before === null) return { id: after.id, status: 'added', heading: after.heading, body: after.body };
  const [entry] = diffClauses([before], [after]);
  // One clause on each side with the same id always gives exactly one entry.
  if (entry === undefined) throw new Error(`No diff entry for clause ${after.id}`);
  return entry;
}
