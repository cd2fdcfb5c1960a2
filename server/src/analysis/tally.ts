import type {
  ChoiceCount,
  GroupFigures,
  MatrixCell,
  QuestionFigures,
  QuestionTally,
  RankItem,
  WeightedFigures,
} from '@concord/shared';
import type { LabelledValue, MatrixColumnPlan, TallyQuestion } from './question-plan';
import { suppressedGroups } from './suppression';

/** A fact's columns as SQL returns them (fact-sql.ts), with how many times it was counted. */
export interface FactCountColumns {
  measure: string;
  question: string;
  row_key: string;
  col_key: string;
  value: string;
  rank: number;
  n: number;
}

/** One aggregated row from SQL: a count of facts for one network and one group. */
export interface FactCountRow extends FactCountColumns {
  network: string;
  grp: string;
}

interface CellCounts {
  answered: number;
  /** value → rank → count */
  values: Map<string, Map<number, number>>;
}

/** The counts of one set of responses (everything, one group, or one network). */
export class FactBucket {
  responses = 0;
  private readonly cells = new Map<string, CellCounts>();

  add(row: FactCountRow): void {
    if (row.measure === 'r') {
      this.responses += row.n;
      return;
    }
    const cell = this.cell(row.question, row.row_key, row.col_key);
    if (row.measure === 'a') {
      cell.answered += row.n;
      return;
    }
    let ranks = cell.values.get(row.value);
    if (ranks === undefined) cell.values.set(row.value, (ranks = new Map<number, number>()));
    ranks.set(row.rank, (ranks.get(row.rank) ?? 0) + row.n);
  }

  cell(question: string, row = '', col = ''): CellCounts {
    const key = `${question}\u0001${row}\u0001${col}`;
    let cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, (cell = { answered: 0, values: new Map() }));
    return cell;
  }

  /** Every (row, col) cell of a question that has counts, e.g. matrix rows, in insertion order. */
  rowsOf(question: string): Map<string, CellCounts> {
    const prefix = `${question}\u0001`;
    const found = new Map<string, CellCounts>();
    for (const [key, cell] of this.cells) {
      if (!key.startsWith(prefix)) continue;
      const [row, col] = key.slice(prefix.length).split('\u0001');
      if (col === '' && row !== undefined && row !== '') found.set(row, cell);
    }
    return found;
  }
}

/** Exact: the API never rounds, the client rounds for display. */
function ratio(count: number, base: number): number | null {
  return base === 0 ? null : count / base;
}

function totalOf(ranks: Map<number, number>): number {
  let total = 0;
  for (const n of ranks.values()) total += n;
  return total;
}

/** Numbers in numeric order, then text. */
function byValue(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  const numeric = (value: string, number: number): boolean => value.trim() !== '' && Number.isFinite(number);
  if (numeric(a, x) && numeric(b, y)) return x - y;
  if (numeric(a, x) !== numeric(b, y)) return numeric(a, x) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Listed choices in their order, then any other value met in the answers. */
function choiceCounts(
  listed: readonly LabelledValue[],
  values: Map<string, Map<number, number>>,
  base: number,
): ChoiceCount[] {
  const result: ChoiceCount[] = listed.map((choice) => {
    const count = values.has(choice.value) ? totalOf(values.get(choice.value) as Map<number, number>) : 0;
    return { value: choice.value, label: choice.label, count, share: ratio(count, base) };
  });
  const known = new Set(listed.map((choice) => choice.value));
  const extra = [...values.keys()].filter((value) => !known.has(value)).sort(byValue);
  for (const value of extra) {
    const count = totalOf(values.get(value) as Map<number, number>);
    if (count !== 0) result.push({ value, label: value, count, share: ratio(count, base) });
  }
  return result;
}

/** Mean, median, min and max of a distribution of numeric answers (non-numbers are left out). */
export function distributionStats(values: Map<string, Map<number, number>>): {
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
  n: number;
} {
  const points: Array<[number, number]> = [];
  for (const [value, ranks] of values) {
    const number = Number(value);
    const count = totalOf(ranks);
    if (value.trim() !== '' && Number.isFinite(number) && count > 0) points.push([number, count]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const n = points.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return { mean: null, median: null, min: null, max: null, n: 0 };
  const sum = points.reduce((total, [value, count]) => total + value * count, 0);
  const at = (index: number): number => {
    let seen = 0;
    for (const [value, count] of points) {
      seen += count;
      if (index < seen) return value;
    }
    return points.at(-1)?.[0] ?? NaN;
  };
  const median = n % 2 === 1 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
  return { mean: sum / n, median, min: points[0]?.[0] ?? NaN, max: points.at(-1)?.[0] ?? NaN, n };
}

function rankItems(listed: readonly LabelledValue[], values: Map<string, Map<number, number>>): RankItem[] {
  const known = new Set(listed.map((item) => item.value));
  const all = [
    ...listed,
    ...[...values.keys()].filter((value) => !known.has(value)).map((value) => ({ value, label: value })),
  ];
  return all.map((item) => {
    const ranks = values.get(item.value) ?? new Map<number, number>();
    let n = 0;
    let sum = 0;
    for (const [rank, count] of ranks) {
      n += count;
      sum += rank * count;
    }
    return {
      value: item.value,
      label: item.label,
      meanRank: n === 0 ? null : sum / n,
      firstPlace: ranks.get(1) ?? 0,
      n,
    };
  });
}

function cellFigures(
  column: MatrixColumnPlan,
  cell: CellCounts | undefined,
): Pick<MatrixCell, 'answered' | 'choices' | 'mean' | 'median'> {
  const answered = cell?.answered ?? 0;
  const values = cell?.values ?? new Map<string, Map<number, number>>();
  switch (column.kind) {
    case 'choice':
    case 'multi':
      return { answered, choices: choiceCounts(column.choices, values, answered) };
    case 'numeric': {
      const stats = distributionStats(values);
      return {
        answered,
        choices: choiceCounts(column.choices, values, answered),
        mean: stats.mean,
        median: stats.median,
      };
    }
    case 'text':
      return { answered };
  }
}

/** The figures of one question over one bucket. `panelPresence` is for questions nested in a dynamic panel. */
export function questionFigures(question: TallyQuestion, bucket: FactBucket): QuestionFigures {
  const top = bucket.cell(question.name);
  const presence = question.panel === undefined ? top.answered : bucket.cell(question.panel).answered;
  const figures: QuestionFigures = { answered: top.answered, skipped: Math.max(0, bucket.responses - presence) };
  switch (question.kind) {
    case 'choice':
    case 'multi':
      figures.choices = choiceCounts(question.choices, top.values, top.answered);
      break;
    case 'numeric': {
      const stats = distributionStats(top.values);
      figures.choices = choiceCounts(question.choices, top.values, stats.n);
      figures.mean = stats.mean;
      figures.median = stats.median;
      figures.min = stats.min;
      figures.max = stats.max;
      break;
    }
    case 'ranking':
      figures.items = rankItems(question.choices, top.values);
      break;
    case 'matrix': {
      const rows = bucket.rowsOf(question.name);
      const listed =
        question.rows.length > 0 ? question.rows : [...rows.keys()].map((value) => ({ value, label: value }));
      figures.rows = listed.map((row) => {
        const values = rows.get(row.value)?.values ?? new Map<string, Map<number, number>>();
        let answered = 0;
        for (const ranks of values.values()) answered += totalOf(ranks);
        return {
          row: row.value,
          rowLabel: row.label,
          answered,
          choices: choiceCounts(question.choices, values, answered),
        };
      });
      break;
    }
    case 'matrixcells': {
      // A matrix dynamic has no fixed rows: its cells are tallied over all rows under row ''.
      const rows = question.type === 'matrixdynamic' ? [{ value: '', label: '' }] : question.rows;
      figures.rows = rows.flatMap((row) =>
        question.columns.map((column) => ({
          row: row.value,
          rowLabel: row.label,
          column: column.value,
          columnLabel: column.label,
          ...cellFigures(column, bucket.cell(question.name, row.value, column.value)),
        })),
      );
      break;
    }
    case 'text':
      break;
  }
  return figures;
}

/** Mean of the defined numbers, or null when there are none. */
function meanOf(values: ReadonlyArray<number | null | undefined>): number | null {
  const defined = values.filter((value): value is number => typeof value === 'number');
  return defined.length === 0 ? null : defined.reduce((sum, value) => sum + value, 0) / defined.length;
}

/**
 * Regional weighting: each network that answered the question (and is large enough to be shown)
 * counts once, whatever its size —
 * the weighted share of a choice is the mean of the networks' shares, the weighted mean the mean
 * of their means.
 */
export function weightedFigures(pooled: QuestionFigures, perNetwork: readonly QuestionFigures[]): WeightedFigures {
  const answering = perNetwork.filter((figures) => figures.answered > 0);
  const weighted: WeightedFigures = { networks: answering.length };
  // The pooled figures list every value any network gave, in display order.
  const first = pooled;
  if (first.choices !== undefined) {
    weighted.choices = first.choices.map((choice) => ({
      value: choice.value,
      share: meanOf(answering.map((figures) => figures.choices?.find((c) => c.value === choice.value)?.share ?? 0)),
    }));
  }
  if ('mean' in first) weighted.mean = meanOf(answering.map((figures) => figures.mean));
  if (first.items !== undefined) {
    weighted.items = first.items.map((item) => ({
      value: item.value,
      meanRank: meanOf(answering.map((figures) => figures.items?.find((i) => i.value === item.value)?.meanRank)),
    }));
  }
  return weighted;
}

export interface AssembleOptions {
  groupBy: boolean;
  weighted: boolean;
  minCellSize: number;
}

export interface AssembledTally {
  responses: number;
  suppressed: boolean;
  questions: QuestionTally[];
}

/** Shapes the aggregated SQL rows into the tally of every question, with groups and weighting. */
export function assembleTally(
  questions: readonly TallyQuestion[],
  rows: readonly FactCountRow[],
  options: AssembleOptions,
): AssembledTally {
  const pooled = new FactBucket();
  const groups = new Map<string, FactBucket>();
  const networks = new Map<string, FactBucket>();
  for (const row of rows) {
    pooled.add(row);
    if (options.groupBy) {
      let group = groups.get(row.grp);
      if (group === undefined) groups.set(row.grp, (group = new FactBucket()));
      group.add(row);
    }
    if (options.weighted) {
      let network = networks.get(row.network);
      if (network === undefined) networks.set(row.network, (network = new FactBucket()));
      network.add(row);
    }
  }
  const suppressed = pooled.responses < options.minCellSize;
  const groupKeys = [...groups.keys()].sort();
  const hiddenGroups = suppressedGroups(sizesOf(groups), options.minCellSize);
  // The weighted figures show each network's shares averaged: the networks left out of them follow
  // the same complementary rule as hidden groups.
  const hiddenNetworks = suppressedGroups(sizesOf(networks), options.minCellSize);
  const shownNetworks = [...networks].filter(([key]) => !hiddenNetworks.has(key)).map(([, bucket]) => bucket);
  return {
    responses: pooled.responses,
    suppressed,
    questions: questions.map((question) => {
      const head = {
        name: question.name,
        type: question.type,
        kind: question.kind,
        title: question.title,
        ...(question.panel === undefined ? {} : { panel: question.panel }),
      };
      if (suppressed) return { ...head, answered: 0, skipped: 0, suppressed: true };
      const tally: QuestionTally = { ...head, ...questionFigures(question, pooled) };
      if (options.groupBy) {
        const byGroup: Record<string, GroupFigures> = {};
        for (const key of groupKeys) {
          const bucket = groups.get(key) as FactBucket;
          byGroup[key] = hiddenGroups.has(key)
            ? suppressedGroup()
            : { responses: bucket.responses, suppressed: false, ...questionFigures(question, bucket) };
        }
        tally.groups = byGroup;
      }
      if (options.weighted)
        tally.weighted = weightedFigures(
          tally,
          shownNetworks.map((bucket) => questionFigures(question, bucket)),
        );
      return tally;
    }),
  };
}

/**
 * A hidden group carries no figures at all, not even its size. (The shared type still lists
 * `responses` as always present until the client reads it as optional.)
 */
const suppressedGroup = (): GroupFigures => ({ suppressed: true }) as GroupFigures;

function sizesOf(buckets: ReadonlyMap<string, FactBucket>): Map<string, number> {
  return new Map([...buckets].map(([key, bucket]) => [key, bucket.responses]));
}
