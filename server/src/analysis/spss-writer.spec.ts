import fc from 'fast-check';
import { describeSavSyntax, lines, runPspp } from '../../../test/support/pspp';
import {
  type SpssDictionary,
  spssDateTime,
  type SpssValue,
  spssVariableNames,
  SpssWriter,
  stringSegments,
  utf8Prefix,
} from './spss-writer';

const VALID_NAME = /^[\p{L}@][\p{L}\p{N}._$#@]*$/u;
const RESERVED = ['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH'];

describe('spssVariableNames', () => {
  it('keeps valid keys and mends the rest', () => {
    expect(spssVariableNames(['q_radio', 'q_check/r', 'q_panel.topic', '1st', 'and', 'Q_RADIO', 'x.', 'état'])).toEqual(
      ['q_radio', 'q_check_r', 'q_panel.topic', 'v1st', 'and_', 'Q_RADIO_2', 'x', 'état'],
    );
  });

  it('gives valid names, unique regardless of case, of at most 64 bytes, for any keys', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 30 }), (keys) => {
        const names = spssVariableNames(keys);
        expect(names).toHaveLength(keys.length);
        expect(new Set(names.map((name) => name.toUpperCase())).size).toBe(names.length);
        for (const name of names) {
          expect(name).toMatch(VALID_NAME);
          expect(name.endsWith('.')).toBe(false);
          expect(RESERVED).not.toContain(name.toUpperCase());
          expect(Buffer.byteLength(name)).toBeLessThanOrEqual(64);
        }
      }),
    );
  });
});

describe('byte helpers', () => {
  it('cuts UTF-8 text before a character, never inside one', () => {
    expect(utf8Prefix('abé', 3).toString()).toBe('ab');
    expect(utf8Prefix('abé', 4).toString()).toBe('abé');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat(100), (text, max) => {
        const cut = utf8Prefix(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(text.startsWith(cut.toString('utf8'))).toBe(true);
      }),
    );
  });

  it('splits very long strings into 255-byte segments as the format documents', () => {
    expect(stringSegments(255)).toEqual([255]);
    expect(stringSegments(256)).toEqual([255, 4]);
    expect(stringSegments(600)).toEqual([255, 255, 96]);
    expect(stringSegments(20_000)).toHaveLength(80);
    expect(stringSegments(20_000).at(-1)).toBe(20_000 - 79 * 252);
  });

  it('dates count seconds from 14 October 1582', () => {
    expect(spssDateTime(new Date('1582-10-14T00:00:00Z'))).toBe(0);
    expect(spssDateTime(new Date('1970-01-01T00:00:00Z'))).toBe(12_219_379_200);
  });
});

function dictionary(compressed: boolean, caseCount: number | null): SpssDictionary {
  return {
    fileLabel: 'Concord test',
    createdAt: new Date('2026-11-30T10:04:05Z'),
    caseCount,
    compressed,
    variables: [
      {
        kind: 'numeric',
        name: 'q_radio',
        label: 'Pick one',
        measure: 'nominal',
        format: 'F',
        decimals: 0,
        valueLabels: [
          { value: 1, label: 'Alpha' },
          { value: 2, label: 'Bêta' },
          { value: 3, label: "Don't know" },
        ],
        missingValues: [3],
      },
      { kind: 'string', name: 'meta_network', label: 'Regional network (code)', width: 4 },
      {
        kind: 'numeric',
        name: 'completed_at',
        label: 'Completed at (UTC)',
        measure: 'scale',
        format: 'DATETIME',
        decimals: 0,
        valueLabels: [],
        missingValues: [],
      },
      { kind: 'string', name: 'q_comment_long_variable_name', label: 'Что вы думаете?', width: 600 },
      {
        kind: 'numeric',
        name: 'amount',
        label: 'Amount',
        measure: 'scale',
        format: 'F',
        decimals: 2,
        valueLabels: [],
        missingValues: [],
      },
    ],
  };
}

// 585 bytes of UTF-8 over three segments, one 'é' split across the first two.
const long = `${'é'.repeat(200)}|${'ж'.repeat(90)}|end`;
const CASES: SpssValue[][] = [
  [1, 'CA', spssDateTime(new Date('2025-01-10T10:00:00Z')), long, 12.5],
  [3, null, null, null, null],
  [2, 'AAF', spssDateTime(new Date('2025-02-01T23:59:59Z')), 'short', -1e6],
];

function writeFile(compressed: boolean, caseCount: number | null): Buffer {
  const writer = new SpssWriter(dictionary(compressed, caseCount));
  return Buffer.concat([writer.header(), writer.cases(CASES.slice(0, 1)), writer.cases(CASES.slice(1)), writer.end()]);
}

describe('SpssWriter', () => {
  it('compresses small integers, blanks and missing values to one byte each', () => {
    const writer = new SpssWriter({
      ...dictionary(true, 1),
      variables: [
        { kind: 'string', name: 's', label: '', width: 8 },
        ...dictionary(true, 1).variables.filter((variable) => variable.name === 'q_radio'),
      ],
    });
    writer.header();
    // Two elements per case: blank string (254), then 1 (code 101) or system-missing (255).
    expect([...writer.cases([[null, 1]]), ...writer.end()]).toEqual([254, 101, 0, 0, 0, 0, 0, 0]);
    const literal = new SpssWriter({
      ...dictionary(true, null),
      variables: [{ kind: 'string', name: 's', label: '', width: 8 }],
    });
    expect(literal.cases([['abc']]).length).toBe(0);
    expect([...literal.cases([[null]]), ...literal.end()]).toEqual([
      253,
      254,
      0,
      0,
      0,
      0,
      0,
      0,
      ...Buffer.from('abc     '),
    ]);
  });

  it('refuses names it would have to change, and a case count that does not match', () => {
    expect(
      () =>
        new SpssWriter({ ...dictionary(false, 1), variables: [{ kind: 'string', name: 'a/b', label: '', width: 1 }] }),
    ).toThrow('Not a valid SPSS variable name: a/b');
    const writer = new SpssWriter(dictionary(false, 5));
    writer.cases(CASES);
    expect(() => writer.end()).toThrow('The header announced 5 cases, 3 were written');
  });

  it.each([
    ['uncompressed', false, 3],
    ['compressed, case count unknown', true, null],
  ])('PSPP reads the dictionary, labels, missing values and every value back (%s)', (_, compressed, count) => {
    const { output, written } = runPspp((dir) => `${describeSavSyntax(dir, 'test.sav')}DISPLAY FILE LABEL.\n`, {
      'test.sav': writeFile(compressed, count),
    });
    expect(output).toContain(
      [
        'Table: Variables',
        'Name,Position,Label,Measurement Level,Role,Width,Alignment,Print Format,Write Format,Missing Values',
        'q_radio,1,Pick one,Nominal,Input,10,Right,F10.0,F10.0,3',
        'meta_network,2,Regional network (code),Nominal,Input,4,Left,A4,A4,',
        'completed_at,3,Completed at (UTC),Scale,Input,10,Right,DATETIME20.0,DATETIME20.0,',
        'q_comment_long_variable_name,4,Что вы думаете?,Nominal,Input,40,Left,A600,A600,',
        'amount,5,Amount,Scale,Input,10,Right,F12.2,F12.2,',
      ].join('\n'),
    );
    expect(output).toContain(
      [
        'Table: Value Labels',
        'Variable Value,,Label',
        'Pick one,1,Alpha',
        ',2,Bêta',
        ",3[a],Don't know",
        'Footnote: a. User-missing value',
      ].join('\n'),
    );
    expect(output).toContain('Concord test');
    expect(output).not.toMatch(/warning|error/i);
    expect(lines(written['values.csv'])).toEqual([
      'q_radio,meta_network,completed_at,q_comment_long_variable_name,amount',
      `1,CA,01/10/2025 10:00:00,${long},12.5`,
      '3,, ,, ',
      '2,AAF,02/01/2025 23:59:59,short,-1000000',
    ]);
    expect(lines(written['labels.csv'])[3]).toBe('Bêta,AAF,02/01/2025 23:59:59,short,-1000000');
  });
});
