import { JSON_CHAR } from '../common/json-chars';

/**
 * JSON as PostgreSQL's jsonb holds it, for counting answers outside SQL exactly as the SQL does.
 * jsonb keeps numbers as `numeric`, whose text keeps its scale (`1.50` stays `1.50`) and every
 * digit; JavaScript numbers would not. Numbers that a double cannot spell back identically are
 * kept as their PostgreSQL text.
 */
export class PgNumber {
  constructor(readonly text: string) {}
}

export type PgJson = null | boolean | number | PgNumber | string | PgJson[] | { [key: string]: PgJson };

/** Plain integers of up to 15 digits print back identically from a double; anything else may not. */
const NEEDS_EXACT_NUMBERS = /\d\.\d|\d{16}/;

/**
 * Parses the text of a jsonb value as PostgreSQL prints it (`data::text`). The common case, no
 * fractions and no long numbers anywhere in the text, is plain JSON.parse.
 */
export function parsePgJson(text: string): PgJson {
  if (!NEEDS_EXACT_NUMBERS.test(text)) return JSON.parse(text) as PgJson;
  const parser = new ExactParser(text);
  const value = parser.value();
  parser.end();
  return value;
}

class ExactParser {
  private at = 0;

  constructor(private readonly text: string) {}

  end(): void {
    this.space();
    if (this.at !== this.text.length) throw new SyntaxError(`Unexpected JSON text at ${this.at}`);
  }

  value(): PgJson {
    this.space();
    const char = this.text[this.at];
    if (char === '{') return this.object();
    if (char === '[') return this.array();
    if (char === '"') return this.string();
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return result;
      }
    }
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 400));
    if (match === null) throw new SyntaxError(`Unexpected JSON text at ${this.at}`);
    this.at += match[0].length;
    const number = Number(match[0]);
    return /^-?\d{1,15}$/.test(match[0]) ? number : new PgNumber(match[0]);
  }

  private space(): void {
    while (this.at < this.text.length && ' \t\n\r'.includes(this.text.charAt(this.at))) this.at++;
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.text[this.at] !== '"') {
      if (this.at >= this.text.length) throw new SyntaxError('Unterminated JSON string');
      this.at += this.text[this.at] === '\\' ? 2 : 1;
    }
    this.at++;
    return JSON.parse(this.text.slice(start, this.at)) as string;
  }

  private array(): PgJson[] {
    const items: PgJson[] = [];
    this.at++;
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.space();
      const char = this.text[this.at++];
      if (char === ']') return items;
      if (char !== ',') throw new SyntaxError(`Expected , or ] at ${this.at - 1}`);
    }
  }

  private object(): { [key: string]: PgJson } {
    const result = Object.create(null) as { [key: string]: PgJson };
    this.at++;
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.space();
      const key = this.string();
      this.space();
      if (this.text[this.at++] !== ':') throw new SyntaxError(`Expected : at ${this.at - 1}`);
      result[key] = this.value();
      this.space();
      const char = this.text[this.at++];
      if (char === '}') return result;
      if (char !== ',') throw new SyntaxError(`Expected , or } at ${this.at - 1}`);
    }
  }
}

export type PgJsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** jsonb_typeof. */
export function pgTypeOf(value: PgJson): PgJsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof PgNumber) return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

export function isPgObject(value: PgJson): value is { [key: string]: PgJson } {
  return pgTypeOf(value) === 'object';
}

/** jsonb's key order: shorter keys first, then by their UTF-8 bytes. */
function compareKeys(a: string, b: string): number {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length - bb.length || Buffer.compare(ba, bb);
}

/** The jsonb text PostgreSQL prints for a value (`value::text`). */
export function pgJsonText(value: PgJson): string {
  if (value === null) return 'null';
  if (value instanceof PgNumber) return value.text;
  if (Array.isArray(value)) return `[${value.map(pgJsonText).join(', ')}]`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const keys = Object.keys(value).sort(compareKeys);
  return `{${keys.map((key) => `${JSON.stringify(key)}: ${pgJsonText(value[key] ?? null)}`).join(', ')}}`;
}

/** A value as text, as `->>`, `#>> '{}'` and the `_text` functions give it; JSON null is SQL NULL. */
export function pgText(value: PgJson): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  return pgJsonText(value);
}

/** `value ? key` for an object: whether it holds the key. */
export function hasKey(value: { [key: string]: PgJson }, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

const { quote: QUOTE, backslash: BACKSLASH, comma: COMMA, colon: COLON } = JSON_CHAR;
const {
  openObject: OPEN_OBJECT,
  closeObject: CLOSE_OBJECT,
  openArray: OPEN_ARRAY,
  closeArray: CLOSE_ARRAY,
} = JSON_CHAR;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The index just past the JSON string that opens at `at` (a quote). */
function skipString(text: string, at: number): number {
  for (let quote = text.indexOf('"', at + 1); quote !== -1; quote = text.indexOf('"', quote + 1)) {
    // Escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
  throw new SyntaxError('Unterminated JSON string');
}

/** The index just past the JSON value that starts at `at` (no leading space). */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === QUOTE) return skipString(text, at);
  if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
    let depth = 0;
    for (let i = at; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === QUOTE) i = skipString(text, i) - 1;
      else if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++;
      else if ((code === CLOSE_OBJECT || code === CLOSE_ARRAY) && --depth === 0) return i + 1;
    }
    throw new SyntaxError('Unterminated JSON value');
  }
  let i = at;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === COMMA || code === CLOSE_OBJECT || code === CLOSE_ARRAY || isSpace(code)) break;
    i++;
  }
  if (i === at) throw new SyntaxError(`Unexpected JSON text at ${at}`);
  return i;
}

/**
 * Calls `visit` with each key of the JSON object printed in `text` and where its value's text
 * starts and ends, without parsing the values: what the fold needs to look an answer up by its
 * text. jsonb prints a value the same way every time (keys sorted, one spelling per number), so
 * equal texts are equal answers. Text that is not an object visits nothing (it holds no answers);
 * the values are not checked here, only skipped over: whoever parses one checks it.
 */
export function forEachTopLevelText(text: string, visit: (key: string, start: number, end: number) => void): void {
  forEachMemberText(text, 0, visit);
}

/** forEachTopLevelText for the object whose text starts at `at` (spaces before it allowed). */
export function forEachMemberText(
  text: string,
  at: number,
  visit: (key: string, start: number, end: number) => void,
): void {
  at = skipSpace(text, at);
  if (text.charCodeAt(at) !== OPEN_OBJECT) return;
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === CLOSE_OBJECT) return;
  for (;;) {
    if (text.charCodeAt(at) !== QUOTE) throw new SyntaxError(`Expected a key at ${at}`);
    const keyEnd = skipString(text, at);
    const raw = text.slice(at + 1, keyEnd - 1);
    const key = raw.includes('\\') ? (JSON.parse(text.slice(at, keyEnd)) as string) : raw;
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== COLON) throw new SyntaxError(`Expected : at ${at}`);
    const start = skipSpace(text, at + 1);
    const end = skipValue(text, start);
    visit(key, start, end);
    at = skipSpace(text, end);
    const next = text.charCodeAt(at);
    if (next === CLOSE_OBJECT) return;
    if (next !== COMMA) throw new SyntaxError(`Expected , or } at ${at}`);
    at = skipSpace(text, at + 1);
  }
}

/** isEmptyAnswer for a value's text: null, "", an empty array or an empty object. */
export function isEmptyAnswerText(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first === OPEN_ARRAY || first === OPEN_OBJECT) return skipSpace(text, start + 1) === end - 1;
  if (first === QUOTE) return end - start === 2;
  return end - start === 4 && text.startsWith('null', start);
}
