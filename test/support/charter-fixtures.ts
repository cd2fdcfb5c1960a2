import type { DiffOp } from '@concord/shared';

/**
 * The word changes of the meetings clause when "The Round Table meets once a year." becomes
 * "... twice a year.": the edit the charter tests make to see diffs, amendments and stale translations.
 */
export const MEETINGS_ONCE_TO_TWICE: DiffOp[] = [
  { op: 'equal', text: 'The Round Table meets ' },
  { op: 'delete', text: 'once' },
  { op: 'insert', text: 'twice' },
  { op: 'equal', text: ' a year.' },
];
