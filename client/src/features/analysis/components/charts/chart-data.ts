import type { ChoiceCount, QuestionTally } from '@concord/shared';

import { percent } from './chart-theme';

/**
 * The data the analysis charts draw, shaped from a question's tally: plain functions, so that what
 * a chart shows (and says to a screen reader) is tested without drawing it.
 */

/** One bar or column per choice or value: its count, and pooled and weighted shares in percent. */
export interface ShareRow {
  label: string;
  count: number;
  pooled: number | null;
  weighted: number | null;
}

/** A share (0–1, or null when there is none) in percent. */
const inPercent = (share: number | null | undefined): number | null =>
  share === null || share === undefined ? null : share * 100;

/** The question's choices (or values) with their pooled share and, when asked for, the network-weighted one. */
export function shareRows(question: QuestionTally): ShareRow[] {
  const weighted = question.weighted?.choices;
  return (question.choices ?? []).map((choice) => ({
    label: choice.label,
    count: choice.count,
    pooled: inPercent(choice.share),
    weighted: inPercent(weighted?.find((candidate) => candidate.value === choice.value)?.share),
  }));
}

/** "label: count (share[; weighted share])" per row, as the charts' text alternatives list them. */
export function shareRowsText(rows: readonly ShareRow[], weighted: boolean, prefix = ''): string {
  return rows
    .map(
      (row) =>
        `${prefix}${row.label}: ${row.count} (${percent(row.pooled === null ? null : row.pooled / 100)}` +
        `${weighted ? `; weighted ${percent(row.weighted === null ? null : row.weighted / 100)}` : ''})`,
    )
    .join('; ');
}

/** One ranked item: mean rank pooled and weighted (1 = always first), and how many put it first. */
export interface RankRow {
  label: string;
  meanRank: number | null;
  weightedRank: number | null;
  firstPlace: number;
  n: number;
}

/** The items of a ranking, best mean rank first; items nobody ranked come last. */
export function rankRows(question: QuestionTally): RankRow[] {
  const weighted = question.weighted?.items;
  return [...(question.items ?? [])]
    .sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity))
    .map((item) => ({
      label: item.label,
      meanRank: item.meanRank,
      weightedRank: weighted?.find((candidate) => candidate.value === item.value)?.meanRank ?? null,
      firstPlace: item.firstPlace,
      n: item.n,
    }));
}

/** One bar of the grouped stacked chart: all responses, the weighted total, or one group. */
export interface StackLine {
  key: string;
  label: string;
  /** A total (all responses, weighted) rather than a group: labelled in a plain cell, not a row header. */
  total: boolean;
  suppressed: boolean;
  responses: number;
  n: number | null;
  /** Share (0–1) of each choice, in the order of the question's choices; empty for a suppressed group. */
  shares: Array<number | null>;
  counts: Array<number | null>;
}

/** A stacked bar as the chart library takes it: percent per choice index (`c0`, `c1`…), absent when zero. */
export interface StackRow {
  key: string;
  label: string;
  [choice: `c${number}`]: number | undefined;
}

/**
 * Single choices split the bar by share of answers. A respondent may tick several choices of a multiple
 * choice, so there the bar is split by share of all choices ticked, and the table gives the shares of respondents.
 */
function splitOf(choices: ChoiceCount[] | undefined, values: string[], multi: boolean): Array<number | null> {
  const byValue = new Map((choices ?? []).map((choice) => [choice.value, choice]));
  if (!multi) return values.map((value) => byValue.get(value)?.share ?? null);
  const ticks = values.reduce((sum, value) => sum + (byValue.get(value)?.count ?? 0), 0);
  return values.map((value) => (ticks === 0 ? null : (byValue.get(value)?.count ?? 0) / ticks));
}

/**
 * The bars of the grouped stacked chart: all responses, the weighted total when asked for, then one per
 * group sorted by its label (the server keys network groups by id, an order that means nothing to a reader).
 * `labels` names the groups; an unnamed empty key is "Not given".
 */
export function stackLines(question: QuestionTally, labels: Record<string, string>): StackLine[] {
  const multi = question.kind === 'multi';
  const choices = question.choices ?? [];
  const values = choices.map((choice) => choice.value);
  const labelOf = (key: string) => labels[key] ?? (key === '' ? 'Not given' : key);
  const groups = Object.entries(question.groups ?? {}).sort(([a], [b]) => labelOf(a).localeCompare(labelOf(b)));

  const lines: StackLine[] = [
    {
      key: '#all',
      label: 'All responses',
      total: true,
      suppressed: false,
      responses: question.answered,
      n: question.answered,
      shares: splitOf(choices, values, multi),
      counts: choices.map((choice) => choice.count),
    },
  ];
  if (question.weighted?.choices) {
    const weighted: ChoiceCount[] = question.weighted.choices.map((share) => ({
      value: share.value,
      label: share.value,
      count: 0,
      share: share.share,
    }));
    const total = weighted.reduce((sum, share) => sum + (share.share ?? 0), 0);
    lines.push({
      key: '#weighted',
      label: 'Weighted by network',
      total: true,
      suppressed: false,
      responses: question.answered,
      n: null,
      shares: multi
        ? // Weighted shares of respondents, rescaled to the shares of all ticks like the other bars.
          values.map((value) =>
            total === 0 ? null : (weighted.find((share) => share.value === value)?.share ?? 0) / total,
          )
        : splitOf(weighted, values, false),
      counts: values.map(() => null),
    });
  }
  for (const [key, figures] of groups) {
    lines.push({
      key,
      label: labelOf(key),
      total: false,
      suppressed: figures.suppressed,
      responses: figures.responses,
      // A suppressed group carries no figures at all, not even its size.
      n: figures.suppressed ? null : (figures.answered ?? figures.responses),
      shares: figures.suppressed ? [] : splitOf(figures.choices, values, multi),
      counts: values.map((value) => figures.choices?.find((choice) => choice.value === value)?.count ?? null),
    });
  }
  return lines;
}

/** The chart library's rows for the stacked bars: a segment per positive share, in percent. */
export function stackRows(lines: readonly StackLine[]): StackRow[] {
  return lines.map((line) => {
    const row: StackRow = { key: line.key, label: line.label };
    line.shares.forEach((share, index) => {
      if (share !== null && share > 0) row[`c${index}`] = share * 100;
    });
    return row;
  });
}

/** The stacked chart's text alternative: every bar's size and shares, and which groups are suppressed. */
export function stackSummary(lines: readonly StackLine[], question: QuestionTally): string {
  const multi = question.kind === 'multi';
  const choices = question.choices ?? [];
  return (
    `Stacked bar chart: share of ${multi ? 'choices ticked' : 'answers'} per choice, for all responses and per group. ` +
    lines
      .map((line) =>
        line.suppressed
          ? `${line.label}: fewer than the minimum responses, not shown`
          : `${line.label}${line.n === null ? '' : ` (n = ${line.n})`}: ` +
            choices.map((choice, index) => `${choice.label} ${percent(line.shares[index])}`).join(', '),
      )
      .join('; ') +
    '.'
  );
}
