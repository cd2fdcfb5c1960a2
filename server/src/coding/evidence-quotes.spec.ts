import fc from 'fast-check';
import type { GroupFigures, TallyResult } from '@concord/shared';
import { judgeQuotes } from './evidence-quotes.service';

type Tally = Pick<TallyResult, 'suppressed' | 'questions'>;

function tally(suppressed: boolean, groups: Record<string, boolean>): Tally {
  const figures: Record<string, GroupFigures> = Object.fromEntries(
    Object.entries(groups).map(([code, hidden]) => [code, { responses: hidden ? 0 : 5, suppressed: hidden }]),
  );
  return {
    suppressed,
    questions: [
      { name: 'why', type: 'themes', kind: 'multi', title: 'Why?', answered: 0, skipped: 0, groups: figures },
    ],
  };
}

const answer = (networkCode: string) => ({
  text: `from ${networkCode}`,
  network: `Network ${networkCode}`,
  networkCode,
  role: 'nfp',
});

describe('judgeQuotes', () => {
  it('quotes an answer of a visible network with its words, network name and role only', () => {
    expect(judgeQuotes(['r1'], new Map([['r1', answer('A')]]), new Set(['r1']), tally(false, { A: false }))).toEqual([
      { responseId: 'r1', state: 'ok', quote: { responseId: 'r1', text: 'from A', network: 'Network A', role: 'nfp' } },
    ]);
  });

  it('refuses what is missing before what is suppressed, in the order asked', () => {
    const answers = new Map([
      ['r1', answer('A')],
      ['r2', answer('B')],
      ['r3', answer('Z')],
    ]);
    const checks = judgeQuotes(
      ['r4', 'r2', 'r1', 'r3'],
      answers,
      new Set(['r1', 'r2', 'r3']),
      tally(false, { A: false, B: true }),
    );
    expect(checks.map((check) => check.state)).toEqual(['missing', 'suppressed', 'ok', 'suppressed']);
  });

  it('never quotes when the view is suppressed, nor from a suppressed or unlisted network, nor outside the selection', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.dictionary(fc.constantFrom('A', 'B', 'C'), fc.boolean()),
        fc.array(
          fc.record({ network: fc.constantFrom('A', 'B', 'C', 'D'), exists: fc.boolean(), selected: fc.boolean() }),
          {
            maxLength: 5,
          },
        ),
        (viewSuppressed, groups, wanted) => {
          const ids = wanted.map((_, index) => `r${index}`);
          const answers = new Map(
            wanted.flatMap((entry, index) => (entry.exists ? [[`r${index}`, answer(entry.network)] as const] : [])),
          );
          const selected = new Set(wanted.flatMap((entry, index) => (entry.selected ? [`r${index}`] : [])));
          const checks = judgeQuotes(ids, answers, selected, tally(viewSuppressed, groups));
          expect(checks.map((check) => check.responseId)).toEqual(ids);
          checks.forEach((check, index) => {
            const entry = wanted[index];
            if (entry === undefined) throw new Error('no entry');
            const expected =
              !entry.exists || !entry.selected
                ? 'missing'
                : viewSuppressed || groups[entry.network] !== false
                  ? 'suppressed'
                  : 'ok';
            expect(check.state).toBe(expected);
          });
        },
      ),
    );
  });
});
