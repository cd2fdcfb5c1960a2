import type { FactCountColumns } from './tally';

/** What one counted fact is, in the columns' order: everything of a fact count but its number. */
export function factIdentity(row: Omit<FactCountColumns, 'n'>): [string, string, string, string, string, number] {
  return [row.measure, row.question, row.row_key, row.col_key, row.value, row.rank];
}
