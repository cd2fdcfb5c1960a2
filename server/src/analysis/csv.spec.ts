import { csvField, csvLine, defuseFormula } from './csv';

describe('CSV fields', () => {
  it('defuses text a spreadsheet would run as a formula', () => {
    expect(['=1+1', '+1', '-2', '@SUM', '\tx', '\rx'].map(defuseFormula)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM",
      "'\tx",
      "'\rx",
    ]);
    expect(defuseFormula('plain')).toBe('plain');
  });

  it('quotes separators, quotes and line breaks (RFC 4180), after defusing', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });

  it('writes numbers as they are and nothing for missing values', () => {
    expect(csvLine([-3, null, undefined, 'x'])).toBe('-3,,,x\r\n');
  });
});
