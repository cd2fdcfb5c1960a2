import { stringify } from 'csv-stringify/sync';

/** Text a spreadsheet would run as a formula is prefixed with a quote, so an export cannot attack its reader. */
export function defuseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV field as `toCsv` writes it: quoted only when it holds a separator, quote or line break. */
export function csvField(value: string): string {
  return stringify([[value]], { cast: { string: defuseFormula }, eof: false });
}

/** A CSV document with a header line, CRLF line ends (what spreadsheets expect) and defused formulas. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return stringify([header, ...rows], { cast: { string: defuseFormula }, record_delimiter: 'windows' });
}
