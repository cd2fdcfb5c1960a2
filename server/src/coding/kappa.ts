/** Two coders' yes/no decisions about one theme over the answers both coded. */
export interface AgreementTable {
  /** Both gave the theme. */
  both: number;
  /** Only the first coder did. */
  firstOnly: number;
  /** Only the second coder did. */
  secondOnly: number;
  /** Neither did. */
  neither: number;
}

export interface Agreement {
  /** Cohen's kappa; null when undefined (no decisions, or both coders constant and equal). */
  kappa: number | null;
  /** Observed share of agreeing decisions; null without decisions. */
  agreement: number | null;
}

/**
 * Cohen's kappa, κ = (pₒ − pₑ) / (1 − pₑ), with pₒ the observed agreement and pₑ the agreement
 * expected from each coder's own rates. Computed on whole counts — κ = (n·agree − e) / (n² − e) with
 * e = yes₁·yes₂ + no₁·no₂ — so the only rounding is the final division and hand-computed fractions
 * compare exactly.
 */
export function cohenKappa(table: AgreementTable): Agreement {
  const n = table.both + table.firstOnly + table.secondOnly + table.neither;
  if (n === 0) return { kappa: null, agreement: null };
  const agree = table.both + table.neither;
  const firstYes = table.both + table.firstOnly;
  const secondYes = table.both + table.secondOnly;
  const expected = firstYes * secondYes + (n - firstYes) * (n - secondYes);
  const denominator = n * n - expected;
  return { kappa: denominator === 0 ? null : (n * agree - expected) / denominator, agreement: agree / n };
}

/** The table of one theme from each coder's set of themes per common answer. */
export function agreementTable(
  themeId: string,
  items: ReadonlyArray<{ first: ReadonlySet<string>; second: ReadonlySet<string> }>,
): AgreementTable {
  const table: AgreementTable = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const item of items) {
    const first = item.first.has(themeId);
    const second = item.second.has(themeId);
    if (first && second) table.both += 1;
    else if (first) table.firstOnly += 1;
    else if (second) table.secondOnly += 1;
    else table.neither += 1;
  }
  return table;
}

/** Tables summed cell by cell: the pooled kappa treats every (answer, theme) decision as one item. */
export function poolTables(tables: readonly AgreementTable[]): AgreementTable {
  return tables.reduce(
    (sum, table) => ({
      both: sum.both + table.both,
      firstOnly: sum.firstOnly + table.firstOnly,
      secondOnly: sum.secondOnly + table.secondOnly,
      neither: sum.neither + table.neither,
    }),
    { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 },
  );
}
