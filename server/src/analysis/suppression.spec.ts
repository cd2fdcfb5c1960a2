import fc from 'fast-check';
import { buildQuestionPlan } from './question-plan';
import { suppressedGroups } from './suppression';
import { assembleTally, type FactCountRow } from './tally';

const sizes = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe('complementary suppression', () => {
  it('hides nothing when every group is large enough', () => {
    expect(suppressedGroups(sizes({ a: 3, b: 5 }), 3)).toEqual(new Set());
  });

  it('a lone small group takes the smallest other group with it', () => {
    expect(suppressedGroups(sizes({ a: 1, b: 7, c: 4, d: 4 }), 3)).toEqual(new Set(['a', 'c']));
  });

  it('small groups that together reach the threshold are hidden alone', () => {
    expect(suppressedGroups(sizes({ a: 2, b: 1, c: 9 }), 3)).toEqual(new Set(['a', 'b']));
  });

  it('small groups under the threshold together take one more', () => {
    expect(suppressedGroups(sizes({ a: 1, b: 1, c: 5, d: 3 }), 3)).toEqual(new Set(['a', 'b', 'd']));
  });

  it('everything is hidden when the only other group must go too', () => {
    expect(suppressedGroups(sizes({ a: 2, b: 8 }), 3)).toEqual(new Set(['a', 'b']));
  });
});

/** One choice question; each response belongs to one group and gives one answer (or none). */
const ASKED = buildQuestionPlan({ elements: [{ type: 'radiogroup', name: 'q', choices: ['x', 'y', 'z'] }] }).questions;
const responseArb = fc.record({
  group: fc.constantFrom('g1', 'g2', 'g3', 'g4', 'g5'),
  network: fc.constantFrom('n1', 'n2', 'n3'),
  answer: fc.constantFrom('x', 'y', 'z', null),
});

function factRows(responses: ReadonlyArray<{ group: string; network: string; answer: string | null }>): FactCountRow[] {
  const rows: FactCountRow[] = [];
  const base = { row_key: '', col_key: '', rank: 0, n: 1 };
  for (const response of responses) {
    const at = { network: response.network, grp: response.group, ...base };
    rows.push({ ...at, measure: 'r', question: '', value: '' });
    if (response.answer !== null) {
      rows.push({ ...at, measure: 'a', question: 'q', value: '' });
      rows.push({ ...at, measure: 'v', question: 'q', value: response.answer });
    }
  }
  return rows;
}

describe('suppression property', () => {
  it('no hidden group can be worked out from the pooled figures and the visible groups', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 60 }), fc.integer({ min: 2, max: 8 }), (responses, k) => {
        const tally = assembleTally(ASKED, factRows(responses), { groupBy: true, weighted: true, minCellSize: k });
        const [question] = tally.questions;
        if (question === undefined) throw new Error('no question');
        if (responses.length < k) {
          expect(tally.suppressed).toBe(true);
          expect(question.groups).toBeUndefined();
          expect(question.choices).toBeUndefined();
          return;
        }
        const groups = Object.entries(question.groups ?? {});
        const hidden = groups.filter(([, figures]) => figures.suppressed);
        // Hidden groups carry nothing but the flag.
        for (const [, figures] of hidden) expect(figures).toEqual({ suppressed: true });
        // What subtraction reveals: the hidden groups together, never fewer than k responses, never one group.
        const visibleResponses = groups.reduce((sum, [, figures]) => sum + (figures.responses ?? 0), 0);
        const revealed = tally.responses - visibleResponses;
        if (hidden.length > 0) {
          expect(revealed >= k || revealed === 0).toBe(true);
          expect(hidden.length >= 2 || groups.length === 1).toBe(true);
        }
        for (const [key, figures] of groups) {
          const members = responses.filter((response) => response.group === key);
          if (!figures.suppressed) expect(figures.responses).toBe(members.length);
        }
        // The derived counts of the hidden groups equal their true sum: only the sum leaks, and it is large.
        for (const choice of question.choices ?? []) {
          const visible = groups.reduce(
            (sum, [, figures]) => sum + (figures.choices?.find((c) => c.value === choice.value)?.count ?? 0),
            0,
          );
          const trueHidden = responses.filter(
            (response) => hidden.some(([key]) => key === response.group) && response.answer === choice.value,
          ).length;
          expect(choice.count - visible).toBe(trueHidden);
        }
        // Weighted figures average only networks that pass the same rule.
        const networkSizes = new Map<string, number>();
        for (const response of responses)
          networkSizes.set(response.network, (networkSizes.get(response.network) ?? 0) + 1);
        const hiddenNetworks = suppressedGroups(networkSizes, k);
        const shown = [...networkSizes.keys()].filter((key) => !hiddenNetworks.has(key));
        expect(hiddenNetworks.size === 0 || responses.length - shown.length >= 0).toBe(true);
        expect(question.weighted?.networks).toBeLessThanOrEqual(shown.length);
      }),
      { numRuns: 500 },
    );
  });

  it('a single group of the grouping shows itself whole or hides the whole result', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2, max: 8 }), (n, k) => {
        const hidden = suppressedGroups(sizes({ only: n }), k);
        expect(hidden.has('only')).toBe(n < k);
      }),
    );
  });
});
