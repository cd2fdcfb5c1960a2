import type { CharterClause, CharterMergeConflict } from '@concord/shared';
import { diffArrays } from 'diff';
import { joinParagraphs, paragraphsOf } from './paragraphs';

export type ListMerge<T> = { ok: true; result: T[] } | { ok: false };

export type RevisionMerge = { ok: true; clauses: CharterClause[] } | { ok: false; conflicts: CharterMergeConflict[] };

function sameList<T>(left: readonly T[], right: readonly T[]): boolean {
  return left.length === right.length && left.every((value, index) => value === right[index]);
}

/** One change of a side relative to the base: base[start..end) replaced by `content`. */
interface Hunk<T> {
  start: number;
  end: number;
  content: T[];
}

function hunksOf<T>(base: readonly T[], edited: readonly T[]): Array<Hunk<T>> {
  const hunks: Array<Hunk<T>> = [];
  let index = 0;
  let open: Hunk<T> | null = null;
  for (const change of diffArrays(base as T[], edited as T[])) {
    if (change.added || change.removed) {
      open ??= { start: index, end: index, content: [] };
      if (change.removed) {
        index += change.value.length;
        open.end = index;
      } else open.content.push(...change.value);
    } else {
      if (open !== null) hunks.push(open);
      open = null;
      index += change.value.length;
    }
  }
  if (open !== null) hunks.push(open);
  return hunks;
}

function sameHunk<T>(left: Hunk<T>, right: Hunk<T>): boolean {
  return left.start === right.start && left.end === right.end && sameList(left.content, right.content);
}

/**
 * Two changes overlap when their base ranges share an element, when both insert at one point, or
 * when one inserts strictly inside the range the other replaces. Touching ranges do not overlap.
 */
function overlap<T>(left: Hunk<T>, right: Hunk<T>): boolean {
  const leftEmpty = left.start === left.end;
  const rightEmpty = right.start === right.end;
  if (leftEmpty && rightEmpty) return left.start === right.start;
  if (leftEmpty) return right.start < left.start && left.start < right.end;
  if (rightEmpty) return left.start < right.start && right.start < left.end;
  return left.start < right.end && right.start < left.end;
}

/**
 * Three-way merge of two edits of one list: each side's changes against the base are applied
 * together; changes that touch the same base elements (or insert at the same point) conflict
 * unless both sides made exactly the same change.
 */
export function mergeLists<T>(base: readonly T[], ours: readonly T[], theirs: readonly T[]): ListMerge<T> {
  const mine = hunksOf(base, ours);
  const other = hunksOf(base, theirs).filter((hunk) => !mine.some((candidate) => sameHunk(candidate, hunk)));
  for (const left of mine) {
    for (const right of other) if (overlap(left, right)) return { ok: false };
  }
  // At one start, an insertion goes before a replacement that begins there.
  const hunks = [...mine, ...other].sort((left, right) => left.start - right.start || left.end - right.end);
  const result: T[] = [];
  let index = 0;
  for (const hunk of hunks) {
    result.push(...base.slice(index, hunk.start), ...hunk.content);
    index = hunk.end;
  }
  result.push(...base.slice(index));
  return { ok: true, result };
}

function sameClause(left: CharterClause, right: CharterClause): boolean {
  return left.heading === right.heading && left.body === right.body;
}

function mergeScalar(base: string, ours: string, theirs: string): string | undefined {
  if (ours === base) return theirs;
  if (theirs === base || theirs === ours) return ours;
  return undefined;
}

/** One clause present on all three sides; undefined on conflict. */
function mergeClause(base: CharterClause, theirs: CharterClause, yours: CharterClause): CharterClause | undefined {
  const heading = mergeScalar(base.heading, yours.heading, theirs.heading);
  if (heading === undefined) return undefined;
  if (yours.body === base.body) return { id: base.id, heading, body: theirs.body };
  if (theirs.body === base.body || theirs.body === yours.body) return { id: base.id, heading, body: yours.body };
  const body = mergeLists(paragraphsOf(base.body), paragraphsOf(yours.body), paragraphsOf(theirs.body));
  if (!body.ok) return undefined;
  return { id: base.id, heading, body: joinParagraphs(body.result) };
}

type Outcome = { kind: 'keep'; clause: CharterClause } | { kind: 'drop' } | { kind: 'conflict' };

function mergeExistence(
  base: CharterClause | undefined,
  theirs: CharterClause | undefined,
  yours: CharterClause | undefined,
): Outcome {
  if (base === undefined) {
    if (theirs === undefined) return yours === undefined ? { kind: 'drop' } : { kind: 'keep', clause: yours };
    if (yours === undefined || sameClause(theirs, yours)) return { kind: 'keep', clause: theirs };
    return { kind: 'conflict' };
  }
  if (theirs === undefined && yours === undefined) return { kind: 'drop' };
  // A deletion on one side wins only over a clause the other side left untouched.
  if (theirs === undefined) return sameClause(yours as CharterClause, base) ? { kind: 'drop' } : { kind: 'conflict' };
  if (yours === undefined) return sameClause(theirs, base) ? { kind: 'drop' } : { kind: 'conflict' };
  const clause = mergeClause(base, theirs, yours);
  return clause === undefined ? { kind: 'conflict' } : { kind: 'keep', clause };
}

/**
 * The clause order: the side that reordered the clauses all three share sets it (both reordering
 * differently is a conflict); clauses added by the other side go after their nearest predecessor there.
 */
function mergeOrder(
  base: readonly CharterClause[],
  theirs: readonly CharterClause[],
  yours: readonly CharterClause[],
  surviving: ReadonlySet<string>,
): { ok: true; order: string[] } | { ok: false; conflict: CharterMergeConflict } {
  const inTheirs = new Set(theirs.map((clause) => clause.id));
  const inYours = new Set(yours.map((clause) => clause.id));
  const inBase = new Set(base.map((clause) => clause.id));
  const shared = (list: readonly CharterClause[]): string[] =>
    list.map((clause) => clause.id).filter((id) => inBase.has(id) && inTheirs.has(id) && inYours.has(id));
  const [baseSeq, theirSeq, yourSeq] = [shared(base), shared(theirs), shared(yours)];
  let primary: readonly CharterClause[];
  let secondary: readonly CharterClause[];
  if (sameList(yourSeq, baseSeq) || sameList(yourSeq, theirSeq)) [primary, secondary] = [theirs, yours];
  else if (sameList(theirSeq, baseSeq)) [primary, secondary] = [yours, theirs];
  else return { ok: false, conflict: { clauseId: null, base: baseSeq, theirs: theirSeq, yours: yourSeq } };
  const order = primary.map((clause) => clause.id).filter((id) => surviving.has(id));
  const placed = new Set(order);
  let previous: string | null = null;
  for (const clause of secondary) {
    if (surviving.has(clause.id) && !placed.has(clause.id)) {
      const at = previous === null ? 0 : order.indexOf(previous) + 1;
      order.splice(at, 0, clause.id);
      placed.add(clause.id);
    }
    if (placed.has(clause.id)) previous = clause.id;
  }
  return { ok: true, order };
}

/**
 * Three-way merge of an edit made on `base` ("yours") with the head that moved on since ("theirs"),
 * clause by clause and paragraph by paragraph. Every disagreement is reported; nothing is dropped.
 */
export function mergeRevisions(
  base: readonly CharterClause[],
  theirs: readonly CharterClause[],
  yours: readonly CharterClause[],
): RevisionMerge {
  const byId = (list: readonly CharterClause[]) => new Map(list.map((clause) => [clause.id, clause]));
  const [baseById, theirsById, yoursById] = [byId(base), byId(theirs), byId(yours)];
  const ids = [...new Set([...base, ...theirs, ...yours].map((clause) => clause.id))];
  const conflicts: CharterMergeConflict[] = [];
  const merged = new Map<string, CharterClause>();
  for (const id of ids) {
    const [b, t, y] = [baseById.get(id), theirsById.get(id), yoursById.get(id)];
    const outcome = mergeExistence(b, t, y);
    if (outcome.kind === 'conflict')
      conflicts.push({ clauseId: id, base: b ?? null, theirs: t ?? null, yours: y ?? null });
    else if (outcome.kind === 'keep') merged.set(id, outcome.clause);
  }
  const order = mergeOrder(base, theirs, yours, new Set(merged.keys()));
  if (!order.ok) conflicts.push(order.conflict);
  if (conflicts.length > 0 || !order.ok) return { ok: false, conflicts };
  return { ok: true, clauses: order.order.map((id) => merged.get(id) as CharterClause) };
}
