import { hasKey, isPgObject, type PgJson, pgText, pgTypeOf } from './pg-json';
import type { FactSource } from './question-plan';

/** One counted thing of fact-sql.ts, without the response's dimensions. `value` null is SQL NULL. */
export interface Fact {
  measure: 'r' | 'a' | 'v';
  question: string;
  row: string;
  col: string;
  value: string | null;
  rank: number;
}

const SEP = '\u0001';
/** Stands for a NULL value in a fact key (JSON null inside an array or a matrix). */
const NULL_VALUE = '\u0002';

export function factKey(fact: Fact): string {
  return `${fact.measure}${SEP}${fact.question}${SEP}${fact.row}${SEP}${fact.col}${SEP}${fact.value ?? NULL_VALUE}${SEP}${fact.rank}`;
}

export function factOfKey(key: string): Fact {
  const [measure, question, row, col, value, rank] = key.split(SEP);
  return {
    measure: measure as Fact['measure'],
    question: question ?? '',
    row: row ?? '',
    col: col ?? '',
    value: value === NULL_VALUE ? null : (value ?? ''),
    rank: Number(rank),
  };
}

/** Sources by top-level key, for one version. */
export function sourcesByTop(sources: readonly FactSource[]): Map<string, FactSource[]> {
  const byTop = new Map<string, FactSource[]>();
  for (const source of sources) {
    const list = byTop.get(source.top);
    if (list === undefined) byTop.set(source.top, [source]);
    else list.push(source);
  }
  return byTop;
}

interface Located {
  row: string;
  col: string;
  /** undefined only where a key was not there (never, as located checks it first). */
  v: PgJson | undefined;
}

/** Whether fact-sql.ts counts a located answer as not given (SQL NULL, JSON null, "", [] or {}). */
export function isEmptyAnswer(v: PgJson): boolean {
  if (v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPgObject(v) && Object.keys(v).length === 0;
}

/** The `located` CTE of fact-sql.ts for one answer and one source. */
function locate(source: FactSource, value: PgJson, into: Located[]): void {
  if (source.key === null && source.cells === null) into.push({ row: '', col: '', v: value });
  if (source.key !== null && Array.isArray(value)) {
    for (const panel of value)
      if (isPgObject(panel) && hasKey(panel, source.key)) into.push({ row: '', col: '', v: panel[source.key] });
  }
  if (source.col !== null && source.cells === 'rows' && isPgObject(value)) {
    for (const [row, cells] of Object.entries(value))
      if (isPgObject(cells) && hasKey(cells, source.col)) into.push({ row, col: source.col, v: cells[source.col] });
  }
  if (source.col !== null && source.cells === 'array' && Array.isArray(value)) {
    for (const cells of value)
      if (isPgObject(cells) && hasKey(cells, source.col)) into.push({ row: '', col: source.col, v: cells[source.col] });
  }
}

/** One fact of an answer as fact-sql.ts's columns. */
export type FactColumns = [
  measure: string,
  question: string,
  row: string,
  col: string,
  value: string | null,
  rank: number,
];

/** Receives one fact of an answer; called once per time it counts. */
export type FactSink = (...fact: FactColumns) => void;

/**
 * The facts of one top-level answer (`value`, under a top-level key whose sources are `sources`):
 * what fact-sql.ts's `located`, `answered` and `facts` CTEs give for that answer alone. Every fact
 * but the response's own 'r' comes from one top-level answer, so a response's facts are its
 * answers' facts together.
 */
export function answerFacts(value: PgJson, sources: readonly FactSource[], add: FactSink): void {
  const located: Located[] = [];
  for (const source of sources) {
    located.length = 0;
    locate(source, value, located);
    const question = source.name;
    const mode = source.mode;
    for (const { row, col, v } of located) {
      if (v === undefined || isEmptyAnswer(v)) continue;
      add('a', question, row, col, '', 0);
      if (Array.isArray(v)) {
        if (mode === 'array' || mode === 'rank' || mode === 'scalar')
          for (let index = 0; index < v.length; index++)
            add('v', question, row, col, pgText(v[index] ?? null), mode === 'rank' ? index + 1 : 0);
        continue;
      }
      const type = pgTypeOf(v);
      if (mode === 'scalar' && (type === 'string' || type === 'number' || type === 'boolean'))
        add('v', question, row, col, pgText(v), 0);
      if (mode === 'matrix' && type === 'object') {
        const cells = v as { [key: string]: PgJson };
        for (const [matrixRow, cell] of Object.entries(cells)) add('v', question, matrixRow, col, pgText(cell), 0);
      }
    }
  }
}

/**
 * The facts of one response, each with how many times it counts (a panel answered in two entries
 * counts twice, as in SQL): the same multiset fact-sql.ts's `facts` CTE gives for that response
 * alone. `byTop` holds the sources of the response's version (sourcesByTop); none means the
 * version has no plan, and only the response itself counts.
 */
export function responseFacts(data: PgJson, byTop: ReadonlyMap<string, readonly FactSource[]>): Map<string, number> {
  const counts = new Map<string, number>();
  // Keys are written out here rather than through factKey: this runs for every fact of every response loaded.
  const add: FactSink = (measure, question, row, col, value, rank) => {
    const key = `${measure}${SEP}${question}${SEP}${row}${SEP}${col}${SEP}${value ?? NULL_VALUE}${SEP}${rank}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  add('r', '', '', '', '', 0);
  if (!isPgObject(data)) return counts;
  for (const top of Object.keys(data)) {
    const sources = byTop.get(top);
    const value = data[top];
    if (sources !== undefined && value !== undefined) answerFacts(value, sources, add);
  }
  return counts;
}

/**
 * The texts an answer filter on a top-level key matches (the answer conditions of
 * responses/filtered-response-queries.ts): the value as `->>` gives it, and each element of an
 * array as text.
 */
export function filterTexts(value: PgJson): string[] {
  const texts: string[] = [];
  const whole = pgText(value);
  if (whole !== null) texts.push(whole);
  if (Array.isArray(value)) {
    for (const element of value) {
      const text = pgText(element);
      if (text !== null) texts.push(text);
    }
  }
  return texts;
}
