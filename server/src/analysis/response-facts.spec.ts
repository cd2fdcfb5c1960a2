import fc from 'fast-check';
import { forEachTopLevelText, isEmptyAnswerText, parsePgJson, PgNumber, pgJsonText, pgText } from './pg-json';
import { buildQuestionPlan } from './question-plan';
import { factKey, factOfKey, filterTexts, responseFacts, sourcesByTop } from './response-facts';

const plan = buildQuestionPlan({
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'checkbox', name: 'multi', choices: ['a', 'b'] },
        { type: 'ranking', name: 'rank', choices: ['a', 'b'] },
        {
          type: 'paneldynamic',
          name: 'panel',
          templateElements: [{ type: 'radiogroup', name: 'pick', choices: ['x'] }],
        },
        {
          type: 'matrixdropdown',
          name: 'md',
          rows: ['r1'],
          columns: [{ name: 'c', cellType: 'dropdown', choices: ['y'] }],
        },
      ],
    },
  ],
});
const byTop = sourcesByTop(plan.sources);

function counts(data: string): Record<string, number> {
  return Object.fromEntries(
    [...responseFacts(parsePgJson(data), byTop)].map(([key, n]) => {
      const fact = factOfKey(key);
      return [[fact.measure, fact.question, fact.row, fact.col, fact.value ?? 'NULL', fact.rank].join('|'), n];
    }),
  );
}

describe('PostgreSQL JSON text', () => {
  it('keeps numbers as PostgreSQL spells them, and prints jsonb as PostgreSQL does', () => {
    expect(parsePgJson('{"a": [1.50, 2, 12345678901234567]}')).toEqual({
      a: [new PgNumber('1.50'), 2, new PgNumber('12345678901234567')],
    });
    expect(pgJsonText(parsePgJson('{"bb": 1, "a": {"10": "x", "9": null}, "c": [true, "é\\n"]}'))).toBe(
      '{"a": {"9": null, "10": "x"}, "c": [true, "é\\n"], "bb": 1}',
    );
    expect([pgText(null), pgText('s'), pgText(parsePgJson('2.0')), pgText(false)]).toEqual([null, 's', '2.0', 'false']);
  });

  it('reads what JSON.parse reads, for any JSON without fractions', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const text = JSON.stringify(value);
        fc.pre(!/\d\.\d|\d{16}|e/i.test(text.replace(/"(?:[^"\\]|\\.)*"/g, '""')));
        expect(parsePgJson(text)).toEqual(JSON.parse(text));
      }),
    );
  });
  it('finds each top-level key and its value text without parsing the values', () => {
    const split = (text: string): Array<[string, string]> => {
      const found: Array<[string, string]> = [];
      forEachTopLevelText(text, (key, start, end) => found.push([key, text.slice(start, end)]));
      return found;
    };
    expect(split('{"a": [1.50, "x]"], "b\\"c": {"d": "}\\""}, "e": null, "f": -2e3}')).toEqual([
      ['a', '[1.50, "x]"]'],
      ['b"c', '{"d": "}\\""}'],
      ['e', 'null'],
      ['f', '-2e3'],
    ]);
    expect(split(' { } ')).toEqual([]);
    expect(split('[1]')).toEqual([]);
    expect(() => split('{"a": [1, 2')).toThrow('Unterminated JSON value');
    expect(() => split('{"a" 1}')).toThrow('Expected : at 5');
    const empty = (text: string): boolean => isEmptyAnswerText(text, 0, text.length);
    expect(['null', '""', '[]', '{}', '[ ]'].map(empty)).toEqual([true, true, true, true, true]);
    expect(['0', 'false', '" "', '[null]', '{"a": 1}', 'nul'].map(empty)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds the keys and values JSON.parse finds, as either printing spells them', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), fc.boolean(), (value, pgPrinted) => {
        const text = pgPrinted ? pgJsonText(parsePgJson(JSON.stringify(value))) : JSON.stringify(value);
        const found: Array<[string, unknown]> = [];
        forEachTopLevelText(text, (key, start, end) => found.push([key, JSON.parse(text.slice(start, end))]));
        // Sorted: JavaScript lists integer-like keys first, whatever their place in the text.
        const byKey = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
        expect(found.sort(byKey)).toEqual(Object.entries(JSON.parse(text) as object).sort(byKey));
      }),
    );
  });
});

describe('the facts of one response', () => {
  it('counts repeated answers as many times as SQL does, and ranks by position', () => {
    expect(
      counts('{"multi": ["a", "a", null], "rank": ["b", "a"], "panel": [{"pick": "x"}, {"pick": "x"}, {"pick": ""}]}'),
    ).toEqual({
      'r|||||0': 1,
      'a|multi||||0': 1,
      'v|multi|||a|0': 2,
      'v|multi|||NULL|0': 1,
      'a|rank||||0': 1,
      'v|rank|||b|1': 1,
      'v|rank|||a|2': 1,
      'a|panel||||0': 1,
      'a|panel.pick||||0': 2,
      'v|panel.pick|||x|0': 2,
    });
  });

  it('counts matrix cells per row and column; empty answers and unknown questions not at all', () => {
    expect(counts('{"md": {"r1": {"c": "y"}, "r2": {"c": ""}, "r3": "y"}, "multi": [], "other": "z"}')).toEqual({
      'r|||||0': 1,
      'a|md||||0': 1,
      'a|md|r1|c||0': 1,
      'v|md|r1|c|y|0': 1,
    });
  });

  it('fact keys read back', () => {
    const fact = { measure: 'v', question: 'q', row: 'r', col: 'c', value: null, rank: 2 } as const;
    expect(factOfKey(factKey(fact))).toEqual(fact);
  });

  it('answer filters match the whole value and each element of an array', () => {
    expect(filterTexts(parsePgJson('["a", 1.50, null]'))).toEqual(['["a", 1.50, null]', 'a', '1.50']);
    expect(filterTexts(null)).toEqual([]);
  });
});
