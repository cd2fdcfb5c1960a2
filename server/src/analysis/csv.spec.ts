import { buffer } from 'node:stream/consumers';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { csvDocument, csvStringifier, defuseFormula } from './csv';

describe('CSV', () => {
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
    expect(csvDocument([['a,b', 'say "hi"', 'two\nlines', '=HYPERLINK("x")', '\rx']])).toBe(
      `\uFEFF"a,b","say ""hi""","two\nlines","'=HYPERLINK(""x"")","'\rx"\r\n`,
    );
  });

  it('writes numbers as they are, dates in ISO 8601 and nothing for missing values', () => {
    expect(csvDocument([[-3, null, new Date('2025-01-10T10:00:00Z'), 'x']])).toBe(
      '\uFEFF-3,,2025-01-10T10:00:00.000Z,x\r\n',
    );
  });

  it('streams the same bytes as the whole document', async () => {
    const records = [
      ['a', 1],
      ['b\nc', null],
    ];
    const stream = csvStringifier();
    for (const record of records) stream.write(record);
    stream.end();
    // Read as bytes: a text decoder would drop the byte order mark.
    expect((await buffer(stream)).toString('utf8')).toBe(csvDocument(records));
  });

  it('reads back as the cells written (defused text aside), for any text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const parsed: unknown = parse(csvDocument(rows), { bom: true, relax_column_count: true });
          expect(parsed).toEqual(rows.map((row) => row.map(defuseFormula)));
        },
      ),
    );
  });
});
