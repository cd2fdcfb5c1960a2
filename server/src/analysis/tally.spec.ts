import { buildQuestionPlan } from './question-plan';
import { assembleTally, distributionStats, type FactCountRow, weightedFigures } from './tally';

const row = (network: string, measure: string, question: string, value = '', n = 1, rank = 0): FactCountRow => ({
  network,
  grp: '',
  measure,
  question,
  row_key: '',
  col_key: '',
  value,
  rank,
  n,
});

/** One network's figures for a question whose choices are labelled by their values; shares follow from the counts. */
const figures = (answered: number, skipped: number, mean: number | null, counts: Record<string, number>) => ({
  answered,
  skipped,
  choices: Object.entries(counts).map(([value, count]) => ({ value, label: value, count, share: count / answered })),
  mean,
});

describe('tally arithmetic', () => {
  it('median and mean of a distribution', () => {
    const values = new Map([
      ['1', new Map([[0, 1]])],
      ['4', new Map([[0, 2]])],
      ['5', new Map([[0, 1]])],
    ]);
    expect(distributionStats(values)).toEqual({ mean: 3.5, median: 4, min: 1, max: 5, n: 4 });
    expect(distributionStats(new Map())).toEqual({ mean: null, median: null, min: null, max: null, n: 0 });
  });

  it('regional weighting: each network counts once, whatever its size', () => {
    const pooled = figures(10, 0, 1, { yes: 9, no: 1 });
    const big = figures(8, 0, 2, { yes: 8 });
    const small = figures(2, 0, 4, { yes: 1, no: 1 });
    const silent = figures(0, 3, null, {});
    expect(weightedFigures(pooled, [big, small, silent])).toEqual({
      networks: 2,
      choices: [
        { value: 'yes', share: 0.75 },
        { value: 'no', share: 0.25 },
      ],
      mean: 3,
    });
  });

  it('suppresses groups and whole results under the threshold', () => {
    const { questions } = buildQuestionPlan({ elements: [{ type: 'boolean', name: 'ok' }] });
    const rows = [row('n1', 'r', ''), row('n1', 'r', ''), row('n1', 'a', 'ok', '', 2), row('n1', 'v', 'ok', 'true', 2)];
    expect(assembleTally(questions, rows, { groupBy: false, weighted: false, minCellSize: 3 })).toEqual({
      responses: 2,
      suppressed: true,
      questions: [
        { name: 'ok', type: 'boolean', kind: 'choice', title: 'ok', answered: 0, skipped: 0, suppressed: true },
      ],
    });
    const open = assembleTally(questions, rows, { groupBy: false, weighted: false, minCellSize: 2 });
    expect(open.questions[0]?.choices).toEqual([
      { value: 'true', label: 'Yes', count: 2, share: 1 },
      { value: 'false', label: 'No', count: 0, share: 0 },
    ]);
  });

  it('leaves networks under the threshold, and their complement, out of the weighted figures', () => {
    const { questions } = buildQuestionPlan({ elements: [{ type: 'boolean', name: 'ok' }] });
    // n1: three responses, all "true"; n2: one response, "false" (below k = 3, hidden); n3: four,
    // one "true". With n2 alone hidden, pooled minus n1 and n3 would give n2's answer: n1, the
    // smallest shown network, is hidden with it.
    const rows = [
      ...[1, 2, 3].map(() => row('n1', 'r', '')),
      row('n1', 'a', 'ok', '', 3),
      row('n1', 'v', 'ok', 'true', 3),
      row('n2', 'r', ''),
      row('n2', 'a', 'ok', '', 1),
      row('n2', 'v', 'ok', 'false', 1),
      ...[1, 2, 3, 4].map(() => row('n3', 'r', '')),
      row('n3', 'a', 'ok', '', 4),
      row('n3', 'v', 'ok', 'true', 1),
      row('n3', 'v', 'ok', 'false', 3),
    ];
    const tally = assembleTally(questions, rows, { groupBy: false, weighted: true, minCellSize: 3 });
    expect(tally.questions[0]?.weighted).toEqual({
      networks: 1,
      choices: [
        { value: 'true', share: 0.25 },
        { value: 'false', share: 0.75 },
      ],
    });
  });

  it('gives exact shares and means, unrounded', () => {
    const { questions } = buildQuestionPlan({ elements: [{ type: 'rating', name: 'score', rateMin: 1, rateMax: 5 }] });
    const rows = [
      ...[1, 2, 3].map(() => row('n1', 'r', '')),
      row('n1', 'a', 'score', '', 3),
      row('n1', 'v', 'score', '1', 2),
      row('n1', 'v', 'score', '2', 1),
    ];
    const [score] = assembleTally(questions, rows, { groupBy: false, weighted: false, minCellSize: 3 }).questions;
    expect(score?.mean).toBe(4 / 3);
    expect(score?.choices?.find((choice) => choice.value === '1')?.share).toBe(2 / 3);
  });
});
