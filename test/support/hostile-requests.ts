import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * Generators of malformed and adversarial HTTP requests. Bodies are built as JSON *text*, not
 * values, so that they can hold what JSON.stringify cannot produce or would choke on: own
 * `__proto__` keys, nesting 100,000 deep, invalid UTF-8 bytes.
 */
export interface HostileRequest {
  target: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: Uint8Array;
}

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "1' OR 1=1 --",
  "'; DROP TABLE users; --",
  "1; DELETE FROM responses WHERE '1'='1",
  "x' UNION SELECT password_hash FROM users --",
  "') OR pg_sleep(5) IS NULL --",
  '1)) OR ((1=1',
  '$1',
  '\\',
  "''''''''",
  '%',
  '_',
  'null',
  'undefined',
];

export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'toJSON',
  'then',
];

/** Expressions that a survey author (or an attacker with a secretariat account) could put in visibleIf. */
export const HOSTILE_EXPRESSIONS = [
  "iif({roles_clear} = 'no', true, false)",
  "eval('process.exit(1)')",
  "constructor.constructor('return process')().exit(1)",
  '{constructor} = 1 or {__proto__} = 2 or {prototype.polluted} = 3',
  "{__proto__.polluted} = 'yes'",
  'unknownFunction({roles_clear}) = 1',
  'age({roles_clear}) > 18 and today() > 1 and sum({priorities}) > 2',
  "{roles_clear} notempty and {roles_clear} contains '(a+)+$'",
  Array.from({ length: 4_000 }, () => "{roles_clear} = 'no'").join(' or '),
  `${'('.repeat(3_000)}{roles_clear} = 'no'${')'.repeat(3_000)}`,
  `${'!'.repeat(5_000)}{roles_clear}`,
  "{roles_clear} = '" + 'x'.repeat(100_000) + "'",
  '{roles_clear} = ',
  '{{{{',
];

const json = (value: unknown): string => JSON.stringify(value);

function deepNesting(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

/** A JSON text that is wrong for almost any field. */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SQL_INJECTIONS).map(json) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      'true',
      'false',
      'null',
      '0',
      '-1',
      '1.5',
      '1e308',
      '1e999',
      '-0',
      '9007199254740993',
      '""',
      '[]',
      '{}',
    ),
  },
  { weight: 3, arbitrary: fc.constantFrom(...PROTOTYPE_KEYS).map((key) => `{"${key}":{"polluted":"yes"}}`) },
  { weight: 2, arbitrary: fc.constant('{"constructor":{"prototype":{"polluted":"yes"}}}') },
  { weight: 2, arbitrary: fc.constant('{"__proto__":{"polluted":"yes"},"a":{"__proto__":{"polluted":"yes"}}}') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(50, 1_000, 10_000, 100_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
      .map(([depth, kind]) => deepNesting(depth, kind)),
  },
  { weight: 2, arbitrary: fc.constantFrom(1_000, 60_000, 300_000).map((size) => json('A'.repeat(size))) },
  // Big arrays cost the validation pipe real CPU (about 0.5 s for 100,000 items): mostly smaller ones.
  {
    weight: 1,
    arbitrary: fc.constantFrom(1_000, 1_000, 1_000, 20_000, 100_000).map((size) => `[${'0,'.repeat(size)}0]`),
  },
  { weight: 1, arbitrary: fc.constantFrom(1_000, 1_000, 10_000).map((size) => `[${'{},'.repeat(size)}{}]`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('\u0000', '\uD800', '\uFFFF', '\u202E', '😀'.repeat(1_000), '\r\n\r\n').map(json),
  },
  { weight: 4, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(json) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }).map(json) },
);

/** A field's value: plausible (so that validation reaches deeper) or hostile. */
export function field(plausible: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(plausible.map(json), hostileJson);
}

/** A JSON object text with some of the given fields and, sometimes, extra hostile keys. */
export function objectOf(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const entries = Object.entries(fields).map(([name, value]) =>
    fc.option(
      value.map((text) => `${json(name)}:${text}`),
      { freq: 5 },
    ),
  );
  const extra = fc.array(
    fc
      .tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 20 })), hostileJson)
      .map(([key, text]) => `${json(key)}:${text}`),
    { maxLength: 2 },
  );
  return fc
    .tuple(fc.tuple(...entries), fc.option(extra, { freq: 3 }))
    .map(
      ([present, more]) =>
        `{${[...present.filter((item): item is string => item !== null), ...(more ?? [])].join(',')}}`,
    );
}

/** A path segment: an existing id, a random one, or something that is not an id at all. */
export function segment(existing: readonly string[]): fc.Arbitrary<string> {
  const known = existing.length === 0 ? [] : [{ weight: 4, arbitrary: fc.constantFrom(...existing) }];
  return fc.oneof(
    ...known,
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.constantFrom(...SQL_INJECTIONS).map(encodeURIComponent) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '-1',
        '0',
        '1.5',
        '1e3',
        '0x10',
        '99999999999999999999',
        'NaN',
        'Infinity',
        '%00',
        '%FF%FE',
        '%C0%AF',
        '..%2F..%2Fetc%2Fpasswd',
        '__proto__',
        'constructor',
        'prototype',
        '%20',
        'a'.repeat(5_000),
        '00000000-0000-0000-0000-000000000000',
        'ffffffff-ffff-ffff-ffff-ffffffffffff',
        '%F0%9F%98%80',
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 30 }).map(encodeURIComponent) },
  );
}

/** A query string: plausible and hostile values, repeated keys, bracket syntax, prototype keys. */
export function queryOf(names: readonly string[], plausible: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(
    fc.constantFrom(...plausible),
    fc.constantFrom(...SQL_INJECTIONS),
    fc.constantFrom('', '-1', '1.5', 'a'.repeat(10_000), '1,2,3,' + '9,'.repeat(2_000), '\u0000'),
  );
  const pair = fc.oneof(
    {
      weight: 5,
      arbitrary: fc.tuple(fc.constantFrom(...names), value).map(([key, text]) => `${key}=${encodeURIComponent(text)}`),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...names), value)
        .map(([key, text]) => `${key}[]=${encodeURIComponent(text)}&${key}=x`),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '__proto__[polluted]=yes',
        'constructor[prototype][polluted]=yes',
        '__proto__.polluted=yes',
        'prototype=1',
        'a[b][c][d][e][f][g][h][i][j][k]=1',
      ),
    },
  );
  return fc.array(pair, { maxLength: 5 }).map((pairs) => (pairs.length === 0 ? '' : `?${pairs.join('&')}`));
}

const INVALID_UTF8 = [
  [0xff, 0xfe],
  [0xc3, 0x28],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xe2, 0x82],
];

const GZIP_BOMB = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20));

export interface Envelope {
  headers: Record<string, string>;
  body: Uint8Array;
}

/** How a JSON text travels: as JSON, with broken bytes, a wrong content type or encoding, or too big. */
export function envelope(text: string, choice: number, variant: number): Envelope {
  const utf8 = Buffer.from(text, 'utf8');
  switch (choice) {
    case 0: {
      // Invalid UTF-8 bytes spliced into a string value, or at the very start.
      const bytes = Buffer.from(INVALID_UTF8[variant % INVALID_UTF8.length]);
      const quote = utf8.indexOf(0x22);
      const at = quote < 0 ? 0 : quote + 1;
      return {
        headers: { 'content-type': 'application/json' },
        body: Buffer.concat([utf8.subarray(0, at), bytes, utf8.subarray(at)]),
      };
    }
    case 1: {
      const types = [
        'text/plain',
        'text/csv',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/xml',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        'application/json; charset=nonsense',
        'json',
        '',
      ];
      return { headers: { 'content-type': types[variant % types.length] }, body: utf8 };
    }
    case 2: {
      const encodings = ['gzip', 'deflate', 'br', 'zstd', 'gzip, gzip', 'identity;q=0'];
      return {
        headers: { 'content-type': 'application/json', 'content-encoding': encodings[variant % encodings.length] },
        body: utf8,
      };
    }
    case 3:
      // 50 MB of spaces, gzipped to about 50 KB: must be cut off at the 1 MB limit, not inflated.
      return { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' }, body: GZIP_BOMB };
    case 4: {
      // Just over the limit.
      const padding = '"' + 'p'.repeat(1_100_000) + '"';
      return {
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(`{"padding":${padding},"x":${text}}`),
      };
    }
    case 5: {
      // Just under the limit, as one big string field next to the real ones.
      const room = Math.max(0, 1_000_000 - utf8.length - 40);
      const body = text.startsWith('{') && text.length > 2 ? `{"big":"${'b'.repeat(room)}",${text.slice(1)}` : text;
      return { headers: { 'content-type': 'application/json' }, body: Buffer.from(body) };
    }
    default:
      return { headers: { 'content-type': 'application/json' }, body: utf8 };
  }
}

/** Mostly plain JSON; the rest spread over the envelopes above. */
export const envelopeChoice: fc.Arbitrary<[number, number]> = fc.tuple(
  fc.oneof(
    { weight: 73, arbitrary: fc.constant(-1) },
    { weight: 8, arbitrary: fc.constant(0) },
    { weight: 10, arbitrary: fc.constant(1) },
    { weight: 5, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: fc.constant(3) },
    { weight: 1, arbitrary: fc.constant(4) },
    { weight: 2, arbitrary: fc.constant(5) },
  ),
  fc.nat(100),
);
