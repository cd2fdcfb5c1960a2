/** One step of a word-level diff; equal+delete texts give the old text, equal+insert the new. */
export interface DiffOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export type ClauseDiffStatus = 'added' | 'removed' | 'modified' | 'moved' | 'unchanged';

export interface ClauseDiffDto {
  id: string;
  status: ClauseDiffStatus;
  /** The heading in the newer revision (the older one for a removed clause). */
  heading: string;
  /** A modified clause that also changed position. */
  moved?: boolean;
  headingOps?: DiffOp[];
  ops?: DiffOp[];
  /** Whole texts for added and removed clauses. */
  body?: string;
}

export interface CharterDiffDto {
  from: number;
  to: number;
  clauses: ClauseDiffDto[];
}

/** The old side of a diff: every equal and delete text, in order. */
export function oldTextOf(ops: readonly DiffOp[]): string {
  return ops
    .filter((op) => op.op !== 'insert')
    .map((op) => op.text)
    .join('');
}

/** The new side of a diff: every equal and insert text, in order. */
export function newTextOf(ops: readonly DiffOp[]): string {
  return ops
    .filter((op) => op.op !== 'delete')
    .map((op) => op.text)
    .join('');
}
