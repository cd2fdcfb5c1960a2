/**
 * The one row a statement always returns (an aggregate, `SELECT EXISTS`, an upsert's `RETURNING`).
 * None at all means the statement or the schema is not what the caller assumes, so it fails loudly
 * with what was asked rather than reading a field of `undefined` further on.
 */
export function onlyRow<T>(rows: readonly T[], what: string): T {
  const [row] = rows;
  if (row === undefined) throw new Error(`Expected a row from ${what}, got none`);
  return row;
}

/** The element at `index` of a list the caller has just built or checked, or a clear error naming it. */
export function elementAt<T>(items: readonly T[], index: number, what: string): T {
  const item = items[index];
  if (item === undefined) throw new Error(`${what} has no element ${index} (length ${items.length})`);
  return item;
}
