import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';

import type { QuestionTally } from '@concord/shared';

import { rankRows, shareRows, shareRowsText, stackLines, stackRows, stackSummary, type StackLine } from './chart-data';

function tally(fields: Partial<QuestionTally>): QuestionTally {
  return { name: 'q', type: 'radiogroup', kind: 'choice', title: 'Q', answered: 0, skipped: 0, ...fields };
}

const choice = (value: string, count: number, share: number | null) => ({
  value,
  label: value.toUpperCase(),
  count,
  share,
});

describe('shareRows and their text', () => {
  it('gives pooled and weighted shares in percent, null where the tally has none', () => {
    const question = tally({
      answered: 4,
      choices: [choice('a', 3, 0.75), choice('b', 1, 0.25), choice('c', 0, null)],
      weighted: {
        networks: 2,
        choices: [
          { value: 'a', share: 0.5 },
          { value: 'b', share: null },
        ],
      },
    });
    expect(shareRows(question)).toEqual([
      { label: 'A', count: 3, pooled: 75, weighted: 50 },
      { label: 'B', count: 1, pooled: 25, weighted: null },
      { label: 'C', count: 0, pooled: null, weighted: null },
    ]);
    expect(shareRowsText(shareRows(question), true, 'Answer ')).toBe(
      'Answer A: 3 (75.0 %; weighted 50.0 %); Answer B: 1 (25.0 %; weighted –); Answer C: 0 (–; weighted –)',
    );
    expect(shareRowsText(shareRows(question), false)).toBe('A: 3 (75.0 %); B: 1 (25.0 %); C: 0 (–)');
  });
});

describe('rankRows', () => {
  it('puts the best mean rank first and items nobody ranked last, with their weighted rank', () => {
    const question = tally({
      kind: 'ranking',
      items: [
        { value: 'x', label: 'X', meanRank: 2.5, firstPlace: 1, n: 4 },
        { value: 'y', label: 'Y', meanRank: null, firstPlace: 0, n: 0 },
        { value: 'z', label: 'Z', meanRank: 1.25, firstPlace: 3, n: 4 },
      ],
      weighted: { networks: 2, items: [{ value: 'z', meanRank: 1.5 }] },
    });
    expect(rankRows(question)).toEqual([
      { label: 'Z', meanRank: 1.25, weightedRank: 1.5, firstPlace: 3, n: 4 },
      { label: 'X', meanRank: 2.5, weightedRank: null, firstPlace: 1, n: 4 },
      { label: 'Y', meanRank: null, weightedRank: null, firstPlace: 0, n: 0 },
    ]);
  });
});

describe('stacked bars per group', () => {
  const single = tally({
    answered: 10,
    choices: [choice('yes', 6, 0.6), choice('no', 4, 0.4)],
    weighted: {
      networks: 2,
      choices: [
        { value: 'yes', share: 0.5 },
        { value: 'no', share: 0.5 },
      ],
    },
    groups: {
      'id-2': { responses: 6, suppressed: false, answered: 6, choices: [choice('yes', 6, 1), choice('no', 0, 0)] },
      'id-1': { responses: 2, suppressed: true },
      '': { responses: 2, suppressed: false, answered: 2, choices: [choice('no', 2, 1)] },
    },
  });
  const labels = { 'id-1': 'Africa', 'id-2': 'Central Asia' };
  /** A line of `single`: not a total, not suppressed, with no n and no counts unless given. */
  const expectedLine = (
    fields: Pick<StackLine, 'key' | 'label' | 'responses' | 'shares'> & Partial<StackLine>,
  ): StackLine => ({
    total: false,
    suppressed: false,
    n: null,
    counts: [null, null],
    ...fields,
  });

  it('lists all responses, the weighted total, then the groups by name; a suppressed group shows nothing', () => {
    expect(stackLines(single, labels)).toEqual([
      expectedLine({
        key: '#all',
        label: 'All responses',
        total: true,
        responses: 10,
        n: 10,
        shares: [0.6, 0.4],
        counts: [6, 4],
      }),
      expectedLine({ key: '#weighted', label: 'Weighted by network', total: true, responses: 10, shares: [0.5, 0.5] }),
      expectedLine({ key: 'id-1', label: 'Africa', suppressed: true, responses: 2, shares: [] }),
      expectedLine({ key: 'id-2', label: 'Central Asia', responses: 6, n: 6, shares: [1, 0], counts: [6, 0] }),
      expectedLine({ key: '', label: 'Not given', responses: 2, n: 2, shares: [null, 1], counts: [null, 2] }),
    ]);
  });

  it('draws a segment per positive share, in percent', () => {
    expect(stackRows(stackLines(single, labels))).toEqual([
      { key: '#all', label: 'All responses', c0: 60, c1: 40 },
      { key: '#weighted', label: 'Weighted by network', c0: 50, c1: 50 },
      { key: 'id-1', label: 'Africa' },
      { key: 'id-2', label: 'Central Asia', c0: 100 },
      { key: '', label: 'Not given', c1: 100 },
    ]);
  });

  it('says every bar in its text alternative', () => {
    expect(stackSummary(stackLines(single, labels), single)).toBe(
      'Stacked bar chart: share of answers per choice, for all responses and per group. ' +
        'All responses (n = 10): YES 60.0 %, NO 40.0 %; Weighted by network: YES 50.0 %, NO 50.0 %; ' +
        'Africa: fewer than the minimum responses, not shown; Central Asia (n = 6): YES 100.0 %, NO 0.0 %; ' +
        'Not given (n = 2): YES –, NO 100.0 %.',
    );
  });

  it('splits a multiple choice by share of the choices ticked, the weighted shares rescaled alike', () => {
    const multi = tally({
      kind: 'multi',
      answered: 4,
      choices: [choice('a', 3, 0.75), choice('b', 1, 0.25), choice('c', 4, 1)],
      weighted: {
        networks: 2,
        choices: [
          { value: 'a', share: 0.5 },
          { value: 'c', share: 1.5 },
        ],
      },
      groups: { g: { responses: 2, suppressed: false, answered: 2, choices: [choice('a', 0, 0)] } },
    });
    const [all, weighted, group] = stackLines(multi, {});
    expect(all?.shares).toEqual([3 / 8, 1 / 8, 4 / 8]);
    expect(weighted?.shares).toEqual([0.25, 0, 0.75]);
    // Nobody in the group ticked anything: no share at all, rather than zeros.
    expect(group?.shares).toEqual([null, null, null]);
  });

  it('gives every shown bar of a multiple choice shares that add up to the whole', () => {
    const counts = fc.array(fc.nat(50), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(counts, fc.array(counts, { maxLength: 4 }), (all, groups) => {
        const toChoices = (values: number[]) => values.map((count, index) => choice(`v${index}`, count, null));
        const question = tally({
          kind: 'multi',
          choices: toChoices(all),
          groups: Object.fromEntries(
            groups.map((values, index) => [
              `g${index}`,
              { responses: 1, suppressed: false, choices: toChoices(values) },
            ]),
          ),
        });
        for (const line of stackLines(question, {})) {
          const shares = line.shares.filter((share): share is number => share !== null);
          if (shares.length > 0) expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 9);
          expect(line.shares).toHaveLength(all.length);
        }
      }),
    );
  });
});
