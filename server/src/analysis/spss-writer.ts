/**
 * An SPSS system file (.sav) writer, following the format as the PSPP developers' guide documents
 * it ("System File Format"): file header, variable records (type 2) with labels and missing
 * values, value labels (types 3 and 4), machine integer and float info (7/3, 7/4), variable display
 * parameters (7/11), long variable names (7/13), very long strings (7/14), the character encoding
 * (7/20, always UTF-8), the dictionary terminator (999), then the cases, uncompressed or with
 * bytecode compression. Little-endian, IEEE 754 doubles.
 *
 * Pure: it turns a dictionary and cases into bytes, so the export can stream cases as it reads them.
 */

export type SpssMeasure = 'nominal' | 'ordinal' | 'scale';

export interface SpssValueLabel {
  value: number;
  label: string;
}

export interface SpssNumericVariable {
  kind: 'numeric';
  /** A valid, unique variable name (see spssVariableNames). */
  name: string;
  label: string;
  measure: SpssMeasure;
  /** F (plain numbers) or DATETIME (values are seconds since 14 October 1582, see spssDateTime). */
  format: 'F' | 'DATETIME';
  decimals: number;
  valueLabels: SpssValueLabel[];
  /** Up to three values the analyst treats as missing (e.g. "refused", "don't know"). */
  missingValues: number[];
}

export interface SpssStringVariable {
  kind: 'string';
  name: string;
  label: string;
  /** Width in bytes of UTF-8, 1 to 32767. */
  width: number;
}

export type SpssVariable = SpssNumericVariable | SpssStringVariable;
/** A cell: a number (null is system-missing) or a string (null is blank). */
export type SpssValue = number | string | null;

export interface SpssDictionary {
  variables: SpssVariable[];
  fileLabel: string;
  createdAt: Date;
  /** null when unknown at the time the header is written. */
  caseCount: number | null;
  compressed: boolean;
}

export const SPSS_MAX_STRING_WIDTH = 32_767;
const MAX_NAME_BYTES = 64;
const MAX_VARIABLE_LABEL_BYTES = 255;
const MAX_VALUE_LABEL_BYTES = 120;
const MAX_MISSING_VALUES = 3;
const SEGMENT_WIDTH = 255;
const SEGMENT_STRIDE = 252;
const BIAS = 100;
const SYSMIS = -Number.MAX_VALUE;
/** Seconds from the SPSS epoch (14 October 1582) to the Unix epoch. */
const SPSS_EPOCH_OFFSET_SECONDS = 12_219_379_200;
const RESERVED_NAMES = new Set(['ALL', 'AND', 'BY', 'EQ', 'GE', 'GT', 'LE', 'LT', 'NE', 'NOT', 'OR', 'TO', 'WITH']);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FORMAT_CODES = { A: 1, F: 5, DATETIME: 22 } as const;

/** A date as SPSS stores it: seconds since the start of 14 October 1582 (UTC). */
export function spssDateTime(date: Date): number {
  return date.getTime() / 1000 + SPSS_EPOCH_OFFSET_SECONDS;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
export function utf8Prefix(text: string, maxBytes: number): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return bytes;
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so the cut falls before a character's first byte.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return bytes.subarray(0, end);
}

function isNameStart(char: string): boolean {
  return /^\p{L}$/u.test(char) || char === '@';
}

/**
 * Variable names from export column keys: valid SPSS names (a letter or @ first; then letters,
 * digits, `.`, `_`, `$`, `#`, `@`; no trailing `.`; not a reserved word; at most 64 bytes), unique
 * regardless of case, each as close to its key as those rules allow.
 */
export function spssVariableNames(keys: readonly string[]): string[] {
  const taken = new Set<string>();
  return keys.map((key) => {
    let base = [...key].map((char) => (/^[\p{L}\p{N}._$#@]$/u.test(char) ? char : '_')).join('');
    if (base === '' || !isNameStart(base[0] ?? '')) base = `v${base}`;
    base = utf8Prefix(base, MAX_NAME_BYTES).toString('utf8').replace(/\.+$/, '');
    if (RESERVED_NAMES.has(base.toUpperCase())) base = `${base}_`;
    let name = base;
    for (let n = 2; taken.has(name.toUpperCase()); n += 1) {
      const suffix = `_${n}`;
      name = `${utf8Prefix(base, MAX_NAME_BYTES - suffix.length)
        .toString('utf8')
        .replace(/\.+$/, '')}${suffix}`;
    }
    taken.add(name.toUpperCase());
    return name;
  });
}

/** Short (8-byte, upper-case ASCII) names for every variable record, unique. */
function shortNames(longNames: readonly string[], taken: Set<string>): string[] {
  return longNames.map((long) => {
    const ascii = long.toUpperCase().replace(/[^A-Z0-9._$#@]/g, '_');
    const base = /^[A-Z@]/.test(ascii) ? ascii : `V${ascii}`;
    let name = base.slice(0, 8).replace(/\.+$/, '');
    for (let n = 1; taken.has(name) || RESERVED_NAMES.has(name); n += 1) {
      const suffix = `_${n.toString(36).toUpperCase()}`;
      name = `${base.slice(0, 8 - suffix.length)}${suffix}`;
    }
    taken.add(name);
    return name;
  });
}

/** Segment widths of a string variable: one for up to 255 bytes, else 255-byte segments (see 7/14). */
export function stringSegments(width: number): number[] {
  if (width <= SEGMENT_WIDTH) return [width];
  const count = Math.ceil(width / SEGMENT_STRIDE);
  return [...Array<number>(count - 1).fill(SEGMENT_WIDTH), width - (count - 1) * SEGMENT_STRIDE];
}

/** 8-byte slots a string of `width` bytes occupies in a case. */
function slots(width: number): number {
  return Math.ceil(width / 8);
}

class ByteWriter {
  private readonly chunks: Buffer[] = [];

  int32(...values: number[]): this {
    for (const value of values) {
      const buffer = Buffer.alloc(4);
      buffer.writeInt32LE(value);
      this.chunks.push(buffer);
    }
    return this;
  }

  float64(...values: number[]): this {
    for (const value of values) {
      const buffer = Buffer.alloc(8);
      buffer.writeDoubleLE(value);
      this.chunks.push(buffer);
    }
    return this;
  }

  /** `bytes`, then spaces up to `width`. */
  padded(bytes: Buffer | string, width: number, fill = ' '): this {
    const buffer = Buffer.alloc(width, fill);
    (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).copy(buffer, 0, 0, width);
    this.chunks.push(buffer);
    return this;
  }

  bytes(buffer: Buffer): this {
    this.chunks.push(buffer);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

function roundUp(n: number, multiple: number): number {
  return Math.ceil(n / multiple) * multiple;
}

function printFormat(variable: SpssVariable, segmentWidth: number): number {
  if (variable.kind === 'string') return (FORMAT_CODES.A << 16) | (segmentWidth << 8);
  if (variable.format === 'DATETIME') return (FORMAT_CODES.DATETIME << 16) | (20 << 8);
  const decimals = Math.min(Math.max(variable.decimals, 0), 16);
  const width = Math.min(Math.max(8, decimals + 10), 40);
  return (FORMAT_CODES.F << 16) | (width << 8) | decimals;
}

function measureCode(variable: SpssVariable): number {
  const measure = variable.kind === 'string' ? 'nominal' : variable.measure;
  return { nominal: 1, ordinal: 2, scale: 3 }[measure];
}

function checkDictionary(dictionary: SpssDictionary): void {
  const names = new Set<string>();
  for (const variable of dictionary.variables) {
    const upper = variable.name.toUpperCase();
    if (names.has(upper)) throw new Error(`SPSS variable name ${variable.name} is used twice`);
    names.add(upper);
    if (spssVariableNames([variable.name])[0] !== variable.name)
      throw new Error(`Not a valid SPSS variable name: ${variable.name}`);
    if (variable.kind === 'string' && !(variable.width >= 1 && variable.width <= SPSS_MAX_STRING_WIDTH))
      throw new Error(`SPSS string width out of range for ${variable.name}: ${variable.width}`);
    if (variable.kind === 'numeric' && variable.missingValues.length > MAX_MISSING_VALUES)
      throw new Error(`SPSS allows at most 3 missing values (${variable.name})`);
  }
}

/** One type 2 record for a segment (plus continuation records for its 8-byte slots after the first). */
function variableRecord(
  out: ByteWriter,
  variable: SpssVariable,
  shortName: string,
  segmentWidth: number,
  first: boolean,
): void {
  const label = first ? utf8Prefix(variable.label, MAX_VARIABLE_LABEL_BYTES) : Buffer.alloc(0);
  const hasLabel = label.length > 0;
  const missing = first && variable.kind === 'numeric' ? variable.missingValues : [];
  const format = printFormat(variable, segmentWidth);
  out.int32(2, variable.kind === 'string' ? segmentWidth : 0, hasLabel ? 1 : 0, missing.length, format, format);
  out.padded(shortName, 8);
  if (hasLabel) out.int32(label.length).padded(label, roundUp(label.length, 4));
  out.float64(...missing);
  const continuations = variable.kind === 'string' ? slots(segmentWidth) - 1 : 0;
  for (let i = 0; i < continuations; i += 1) out.int32(2, -1, 0, 0, 0, 0).padded('', 8);
}

function valueLabelRecords(out: ByteWriter, labels: readonly SpssValueLabel[], dictionaryIndex: number): void {
  if (labels.length === 0) return;
  out.int32(3, labels.length);
  for (const { value, label } of labels) {
    const text = utf8Prefix(label, MAX_VALUE_LABEL_BYTES);
    out.float64(value);
    out.bytes(Buffer.from([text.length]));
    out.padded(text, roundUp(text.length + 1, 8) - 1);
  }
  out.int32(4, 1, dictionaryIndex);
}

function textRecord(out: ByteWriter, subtype: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length === 0) return;
  out.int32(7, subtype, 1, bytes.length).bytes(bytes);
}

function headerDate(date: Date): { day: string; time: string } {
  const two = (n: number): string => String(n).padStart(2, '0');
  return {
    day: `${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()] ?? 'Jan'} ${two(date.getUTCFullYear() % 100)}`,
    time: `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`,
  };
}

/** Where each variable's segments sit: their short names and their first 1-based slot index. */
interface Layout {
  segments: number[][];
  shortNames: string[][];
  firstSlot: number[];
  /** 8-byte elements per variable in a case. */
  elementCounts: number[];
  caseSlots: number;
}

function layout(variables: readonly SpssVariable[]): Layout {
  const taken = new Set<string>();
  const segments = variables.map((variable) => (variable.kind === 'string' ? stringSegments(variable.width) : [0]));
  const names = variables.map((variable, index) => {
    const count = segments[index]?.length ?? 1;
    const [first] = shortNames([variable.name], taken);
    const rest = shortNames(
      Array.from({ length: count - 1 }, (_, n) => `${(first ?? 'V').slice(0, 5)}_${n + 1}`),
      taken,
    );
    return [first ?? 'V', ...rest];
  });
  const elementCounts = segments.map((widths) =>
    widths.reduce((sum, width) => sum + (width === 0 ? 1 : slots(width)), 0),
  );
  const firstSlot: number[] = [];
  let slot = 1;
  for (const count of elementCounts) {
    firstSlot.push(slot);
    slot += count;
  }
  return { segments, shortNames: names, firstSlot, elementCounts, caseSlots: slot - 1 };
}

/** Everything before the cases: header and dictionary, ending with the 999 record. */
function dictionaryBytes(dictionary: SpssDictionary, plan: Layout): Buffer {
  const out = new ByteWriter();
  const { day, time } = headerDate(dictionary.createdAt);
  out.padded('$FL2', 4);
  out.padded('@(#) SPSS DATA FILE Concord', 60);
  out.int32(2, plan.caseSlots, dictionary.compressed ? 1 : 0, 0, dictionary.caseCount ?? -1);
  out.float64(BIAS);
  out.padded(day, 9).padded(time, 8);
  out.padded(utf8Prefix(dictionary.fileLabel, 64), 64);
  out.padded('', 3, '\0');

  const display: number[] = [];
  dictionary.variables.forEach((variable, index) => {
    const widths = plan.segments[index] ?? [];
    const names = plan.shortNames[index] ?? [];
    widths.forEach((width, segment) => {
      variableRecord(out, variable, names[segment] ?? '', width, segment === 0);
      const columns = variable.kind === 'string' ? Math.min(Math.max(width, 1), 40) : 10;
      display.push(measureCode(variable), columns, variable.kind === 'string' ? 0 : 1);
    });
  });
  dictionary.variables.forEach((variable, index) => {
    if (variable.kind === 'numeric') valueLabelRecords(out, variable.valueLabels, plan.firstSlot[index] ?? 1);
  });

  out.int32(7, 3, 4, 8, 1, 0, 0, -1, 1, dictionary.compressed ? 1 : 0, 2, 65001);
  out.int32(7, 4, 8, 3).float64(SYSMIS, Number.MAX_VALUE).bytes(Buffer.from('feffffffffffefff', 'hex'));
  out.int32(7, 11, 4, display.length).int32(...display);
  textRecord(
    out,
    13,
    dictionary.variables.map((variable, index) => `${plan.shortNames[index]?.[0] ?? ''}=${variable.name}`).join('\t'),
  );
  textRecord(
    out,
    14,
    dictionary.variables
      .map((variable, index) =>
        variable.kind === 'string' && variable.width > SEGMENT_WIDTH
          ? `${plan.shortNames[index]?.[0] ?? ''}=${String(variable.width).padStart(5, '0')}\0\t`
          : '',
      )
      .join(''),
  );
  textRecord(out, 20, 'UTF-8');
  out.int32(999, 0);
  return out.toBuffer();
}

/** The 8-byte elements of one case, in dictionary order: doubles for numbers, padded bytes for strings. */
function caseElements(variables: readonly SpssVariable[], plan: Layout, values: readonly SpssValue[]): Buffer[] {
  if (values.length !== variables.length)
    throw new Error(`An SPSS case needs ${variables.length} values, got ${values.length}`);
  const elements: Buffer[] = [];
  variables.forEach((variable, index) => {
    const value = values[index] ?? null;
    if (variable.kind === 'numeric') {
      const element = Buffer.alloc(8);
      element.writeDoubleLE(typeof value === 'number' && Number.isFinite(value) ? value : SYSMIS);
      elements.push(element);
      return;
    }
    const bytes = utf8Prefix(value === null ? '' : String(value), variable.width);
    let offset = 0;
    for (const width of plan.segments[index] ?? []) {
      const segment = Buffer.alloc(slots(width) * 8, ' ');
      if (offset < bytes.length) bytes.copy(segment, 0, offset, Math.min(offset + width, bytes.length));
      offset += width;
      for (let i = 0; i < segment.length; i += 8) elements.push(segment.subarray(i, i + 8));
    }
  });
  return elements;
}

const SPACES = Buffer.alloc(8, ' ');

/**
 * Writes one file: `header()` first, then `cases(...)` as often as needed, then `end()`. With
 * compression, cases share command blocks (8 one-byte codes followed by the raw 8-byte elements
 * they announce), so the writer keeps the open block between calls.
 */
export class SpssWriter {
  private readonly plan: Layout;
  private commands: number[] = [];
  private literals: Buffer[] = [];
  private casesWritten = 0;

  constructor(private readonly dictionary: SpssDictionary) {
    checkDictionary(dictionary);
    this.plan = layout(dictionary.variables);
  }

  header(): Buffer {
    return dictionaryBytes(this.dictionary, this.plan);
  }

  cases(rows: ReadonlyArray<readonly SpssValue[]>): Buffer {
    const out: Buffer[] = [];
    for (const row of rows) {
      const elements = caseElements(this.dictionary.variables, this.plan, row);
      this.casesWritten += 1;
      if (!this.dictionary.compressed) {
        out.push(...elements);
        continue;
      }
      let index = 0;
      this.dictionary.variables.forEach((variable, position) => {
        for (let i = 0; i < (this.plan.elementCounts[position] ?? 1); i += 1, index += 1)
          this.compress(elements[index] ?? SPACES, variable.kind, out);
      });
    }
    if (this.dictionary.caseCount !== null && this.casesWritten > this.dictionary.caseCount)
      throw new Error(`More cases written than the header announced (${this.dictionary.caseCount})`);
    return Buffer.concat(out);
  }

  /** Closes the last compression block; the file is complete after these bytes. */
  end(): Buffer {
    if (this.dictionary.caseCount !== null && this.casesWritten !== this.dictionary.caseCount)
      throw new Error(`The header announced ${this.dictionary.caseCount} cases, ${this.casesWritten} were written`);
    if (!this.dictionary.compressed || this.commands.length === 0) return Buffer.alloc(0);
    const out: Buffer[] = [];
    while (this.commands.length < 8) this.commands.push(0);
    this.flush(out);
    return Buffer.concat(out);
  }

  private compress(element: Buffer, kind: SpssVariable['kind'], out: Buffer[]): void {
    if (kind === 'numeric') {
      const value = element.readDoubleLE(0);
      if (value === SYSMIS) this.commands.push(255);
      else if (Number.isInteger(value) && value >= 1 - BIAS && value <= 251 - BIAS && !Object.is(value, -0))
        this.commands.push(value + BIAS);
      else this.literal(element);
    } else if (element.equals(SPACES)) this.commands.push(254);
    else this.literal(element);
    if (this.commands.length === 8) this.flush(out);
  }

  private literal(element: Buffer): void {
    this.commands.push(253);
    this.literals.push(element);
  }

  private flush(out: Buffer[]): void {
    out.push(Buffer.from(this.commands), ...this.literals);
    this.commands = [];
    this.literals = [];
  }
}
