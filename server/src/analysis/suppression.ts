/**
 * Complementary small-cell suppression within one grouping.
 *
 * Every group with fewer than `minCellSize` responses is hidden. Pooled figures are shown beside
 * the visible groups, so pooled minus visible gives the hidden groups' figures added together:
 * that sum must never describe fewer than `minCellSize` responses, nor a single group. So while
 * the hidden groups hold between 1 and `minCellSize - 1` responses, or a lone group is hidden, the
 * smallest visible group is hidden too. The hidden groups then hold no responses, or at least
 * `minCellSize` spread over at least two groups (or every group, when all are hidden).
 *
 * Returns the keys to hide. Ties between equal sizes are broken by key, so the choice is stable.
 */
export function suppressedGroups(sizes: ReadonlyMap<string, number>, minCellSize: number): Set<string> {
  const hidden = new Set<string>();
  let hiddenTotal = 0;
  for (const [key, size] of sizes) {
    if (size < minCellSize) {
      hidden.add(key);
      hiddenTotal += size;
    }
  }
  if (hidden.size === 0) return hidden;
  const visible = [...sizes]
    .filter(([key]) => !hidden.has(key))
    .sort(([keyA, a], [keyB, b]) => a - b || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0));
  for (const [key, size] of visible) {
    const safe = hiddenTotal === 0 || (hiddenTotal >= minCellSize && hidden.size >= 2);
    if (safe) break;
    hidden.add(key);
    hiddenTotal += size;
  }
  return hidden;
}
