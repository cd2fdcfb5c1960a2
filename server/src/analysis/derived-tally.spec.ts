import fc from 'fast-check';
import { type CountedResponse, type DerivedQuestion, derivedFactRows, derivedTallyQuestion } from './derived-tally';
import { assembleTally } from './tally';

const THEMES = ['t1', 't2', 't3'];

function question(valuesByResponse: Map<string, string[]>): DerivedQuestion {
  return {
    name: 'why',
    title: 'Why?',
    type: 'themes',
    choices: THEMES.map((value) => ({ value, label: value.toUpperCase() })),
    valuesByResponse,
  };
}

describe('derived tallies (coded themes counted as a multiple-choice question)', () => {
  it('counts responses, coded answers and each value once per response, per network and group', () => {
    const responses: CountedResponse[] = [
      { id: 'a', network: 'n1', grp: 'x' },
      { id: 'b', network: 'n1', grp: 'x' },
      { id: 'c', network: 'n2', grp: 'y' },
    ];
    const rows = derivedFactRows(
      responses,
      question(
        new Map([
          ['a', ['t1', 't1', 't2']],
          ['c', []],
          ['elsewhere', ['t3']],
        ]),
      ),
    );
    const key = (row: { network: string; grp: string; measure: string; value: string; n: number }): string =>
      `${row.network}/${row.grp}/${row.measure}/${row.value}=${row.n}`;
    expect(rows.map(key).sort()).toEqual(
      ['n1/x/r/=2', 'n1/x/a/=1', 'n1/x/v/t1=1', 'n1/x/v/t2=1', 'n2/y/r/=1', 'n2/y/a/=1'].sort(),
    );
  });

  it('gives, for any codings, each theme the number of filtered responses holding it, out of those coded', () => {
    const codingArbitrary = fc.array(
      fc.record({
        network: fc.constantFrom('n1', 'n2', 'n3'),
        coded: fc.boolean(),
        themes: fc.subarray(THEMES),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(codingArbitrary, (codings) => {
        const responses = codings.map((coding, index) => ({ id: `r${index}`, network: coding.network, grp: '' }));
        const values = new Map(
          codings.flatMap((coding, index) => (coding.coded ? [[`r${index}`, coding.themes] as const] : [])),
        );
        const derived = question(new Map(values));
        const tally = assembleTally([derivedTallyQuestion(derived)], derivedFactRows(responses, derived), {
          groupBy: false,
          weighted: false,
          minCellSize: 0,
        });
        const coded = codings.filter((coding) => coding.coded);
        expect(tally.responses).toBe(codings.length);
        expect(tally.questions[0]?.answered).toBe(coded.length);
        expect(tally.questions[0]?.choices?.map((choice) => choice.count)).toEqual(
          THEMES.map((theme) => coded.filter((coding) => coding.themes.includes(theme)).length),
        );
      }),
    );
  });
});
