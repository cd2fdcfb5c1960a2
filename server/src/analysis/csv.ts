import { type Options, stringify, type Stringifier } from 'csv-stringify';
import { stringify as stringifySync } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * RFC 4180 as spreadsheets read it: a UTF-8 byte order mark, CRLF records, fields quoted when they
 * hold a separator, a quote or any line break (a lone LF too, which csv-stringify leaves bare once
 * the record delimiter is CRLF), text defused, dates in ISO 8601, nothing for missing values.
 */
const CSV_OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  quoted_match: /[\r\n]/,
  cast: { string: defuseFormula, date: (value) => value.toISOString() },
};

/** A streaming CSV writer: write records (arrays of cells) to it and pipe it to the response. */
export function csvStringifier(): Stringifier {
  return stringify(CSV_OPTIONS);
}

/** A small CSV document at once (codebooks, tallies). */
export function csvDocument(records: ReadonlyArray<ReadonlyArray<string | number | Date | null>>): string {
  return stringifySync(records as unknown[][], CSV_OPTIONS);
}
