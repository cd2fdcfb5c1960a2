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
