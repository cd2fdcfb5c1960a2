import {
  forEachMemberText,
  forEachTopLevelText,
  isEmptyAnswerText,
  isPgObject,
  parsePgJson,
  type PgJson,
} from './pg-json';
import type { FactSource } from './question-plan';
import { answerFacts, type Fact, type FactColumns, isEmptyAnswer, sourcesByTop } from './response-facts';

type Level<T> = Map<string, T>;

/** The next level of a nested map, made when missing. */
function level<T>(map: Map<string, T>, key: string, make: () => T): T {
  let next = map.get(key);
  if (next === undefined) map.set(key, (next = make()));
  return next;
}
const newLevel = <T>(): Level<T> => new Map<string, T>();

/**
 * Every fact a batch met, numbered: groups count facts in arrays indexed by these numbers. Facts
 * are found through nested maps (question, column, row, value, rank) rather than one joined key,
 * as this runs for every fact of every answer not seen before in the batch.
 */
export class FactIds {
  readonly facts: Fact[] = [];
  private readonly answered: Level<Level<Level<number>>> = new Map();
  private readonly values: Level<Level<Level<Map<string | null, number[]>>>> = new Map();

  id(measure: string, question: string, row: string, col: string, value: string | null, rank: number): number {
    if (measure === 'a') {
      const rows = level(level(this.answered, question, newLevel<Level<number>>), col, newLevel<number>);
      let id = rows.get(row);
      if (id === undefined) rows.set(row, (id = this.make(measure, question, row, col, value, rank)));
      return id;
    }
    const byValue = level(
      level(
        level(this.values, question, newLevel<Level<Map<string | null, number[]>>>),
        col,
        newLevel<Map<string | null, number[]>>,
      ),
      row,
      () => new Map<string | null, number[]>(),
    );
    let ranks = byValue.get(value);
    if (ranks === undefined) byValue.set(value, (ranks = []));
    let id = ranks[rank];
    if (id === undefined) ranks[rank] = id = this.make(measure, question, row, col, value, rank);
    return id;
  }

  private make(...[measure, question, row, col, value, rank]: FactColumns): number {
    this.facts.push({ measure: measure as Fact['measure'], question, row, col, value, rank });
    return this.facts.length - 1;
  }
}

/** The facts of one answer, by number (a fact counted twice appears twice). */
type FactList = readonly number[];

/**
 * Distinct plain answers (strings, numbers, booleans) remembered per top-level key in one batch;
 * choice answers repeat and stay far below it. Other answers are unpacked each time.
 */
const DISTINCT_ANSWERS_KEPT = 4_096;
/** Characters of answer text remembered per top-level key in one batch (matrices are long). */
const ANSWER_TEXT_KEPT = 1 << 20;

/**
 * A copy of `text` that holds no reference to the string it was sliced from (V8 keeps the whole
 * response's text alive behind a slice): remembered answers must not keep their responses.
 * The JSON round trip keeps every character, lone surrogates included.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** How the answers under one top-level key of one version become facts. */
class TopAnswers {
  private readonly known = new Map<string | number | boolean | null, FactList>();
  /** Answers by their jsonb text (any shape but objects): the fold looks answers up without parsing them. */
  private readonly knownTexts = new Map<string, FactList>();
  private knownTextChars = 0;
  /** Object answers (matrices) by entry: row key → the entry's value text → the facts of that entry. */
  private readonly knownEntries = new Map<string, Map<string, FactList>>();
  private knownEntryCount = 0;
  private knownEntryChars = 0;
  /** Set when every source only records that the answer was given: then only emptiness matters. */
  private readonly presence: FactList | null;
  /**
   * The 'a' facts of the sources that take the whole answer (no panel key, no cells), which an
   * object answer holds once if it has any entry (answerFacts).
   */
  private readonly wholeAnswered: FactList;

  constructor(
    private readonly sources: readonly FactSource[],
    private readonly ids: FactIds,
  ) {
    this.presence = sources.every(
      (source) => source.mode === 'presence' && source.key === null && source.cells === null,
    )
      ? this.unpack('answered')
      : null;
    this.wholeAnswered = sources
      .filter((source) => source.key === null && source.cells === null)
      .map((source) => ids.id('a', source.name, '', '', '', 0));
  }

  private unpack(value: PgJson): number[] {
    const list: number[] = [];
    answerFacts(value, this.sources, (measure, question, row, col, factValue, rank) =>
      list.push(this.ids.id(measure, question, row, col, factValue, rank)),
    );
    return list;
  }

  /**
   * Appends the numbers of one answer's facts to `into`, a fact counted twice twice. The list
   * returned for a plain answer is shared: callers only read it.
   */
  factIds(value: PgJson, into: number[]): void {
    let list: FactList | undefined;
    if (this.presence !== null) {
      if (isEmptyAnswer(value)) return;
      list = this.presence;
    } else if (value === null || typeof value !== 'object') {
      list = this.known.get(value);
      if (list === undefined) {
        list = this.unpack(value);
        if (this.known.size < DISTINCT_ANSWERS_KEPT) this.known.set(value, list);
      }
    } else {
      // Arrays, objects and exact numbers: rarely the same twice (rankings, matrices), unpacked each time.
      answerFacts(value, this.sources, (measure, question, row, col, factValue, rank) =>
        into.push(this.ids.id(measure, question, row, col, factValue, rank)),
      );
      return;
    }
    for (const id of list) into.push(id);
  }

  /**
   * factIds for an answer given as its jsonb text, `text.slice(start, end)`: equal texts are equal
   * answers (jsonb prints one spelling of each), so a text met before is only looked up, whatever
   * its shape; only a new one is parsed and unpacked.
   */
  factIdsOfText(text: string, start: number, end: number, into: number[]): void {
    if (this.presence !== null) {
      if (!isEmptyAnswerText(text, start, end)) for (const id of this.presence) into.push(id);
      return;
    }
    if (text.charCodeAt(start) === 0x7b) {
      this.objectFactIds(text, start, end, into);
      return;
    }
    const answer = text.slice(start, end);
    let list = this.knownTexts.get(answer);
    if (list === undefined) {
      list = this.unpack(parsePgJson(answer));
      if (this.knownTexts.size < DISTINCT_ANSWERS_KEPT && this.knownTextChars < ANSWER_TEXT_KEPT) {
        this.knownTexts.set(detached(answer), list);
        this.knownTextChars += answer.length;
      }
    }
    for (const id of list) into.push(id);
  }

  /**
   * An object answer (a matrix), entry by entry. Every fact of an object but the whole answer's 'a'
   * facts comes from one of its entries (answerFacts: the cells of `rows` sources, the values of
   * `matrix` ones), so an entry's facts are those of an object holding that entry alone, less the
   * 'a' facts. Entries repeat far more than whole matrices do.
   */
  private objectFactIds(text: string, start: number, end: number, into: number[]): void {
    if (isEmptyAnswerText(text, start, end)) return;
    for (const id of this.wholeAnswered) into.push(id);
    forEachMemberText(text, start, (row, entryStart, entryEnd) => {
      const entry = text.slice(entryStart, entryEnd);
      let byText = this.knownEntries.get(row);
      let list = byText?.get(entry);
      if (list === undefined) {
        list = this.entryFacts(row, parsePgJson(entry));
        if (this.knownEntryCount < DISTINCT_ANSWERS_KEPT && this.knownEntryChars < ANSWER_TEXT_KEPT) {
          if (byText === undefined) this.knownEntries.set(detached(row), (byText = new Map<string, FactList>()));
          byText.set(detached(entry), list);
          this.knownEntryCount++;
          this.knownEntryChars += row.length + entry.length;
        }
      }
      for (const id of list) into.push(id);
    });
  }

  /** The facts of one entry of an object answer: those of an object holding it alone, less the whole answer's 'a' facts. */
  private entryFacts(row: string, cell: PgJson): number[] {
    const alone = Object.create(null) as { [key: string]: PgJson };
    alone[row] = cell;
    const list = this.unpack(alone);
    for (const id of this.wholeAnswered) {
      const at = list.indexOf(id);
      if (at === -1) throw new Error(`An entry of ${this.sources[0]?.top ?? ''} lacks the answer's own facts`);
      list.splice(at, 1);
    }
    return list;
  }
}

/**
 * Numbers the facts of answers (fact-sql.ts's facts, but the response's own) for the versions it
 * was given plans for: what the fold and the in-memory engine count with, instead of a key
 * string per fact of every answer.
 */
export class FactNumbering {
  readonly ids = new FactIds();
  /** Top-level keys and their answers per version; null for a version without a plan (deleted). */
  private readonly versions = new Map<string, Map<string, TopAnswers> | null>();

  has(versionId: string): boolean {
    return this.versions.has(versionId);
  }

  /** The plans of `versionIds`; those without one count only their responses, as in SQL. */
  addPlans(
    versionIds: readonly string[],
    plans: ReadonlyArray<{ versionId: string; plan: { sources: readonly FactSource[] } }>,
  ): void {
    for (const versionId of versionIds) this.versions.set(versionId, null);
    for (const { versionId, plan } of plans) {
      const tops = new Map<string, TopAnswers>();
      for (const [top, list] of sourcesByTop(plan.sources)) tops.set(top, new TopAnswers(list, this.ids));
      this.versions.set(versionId, tops);
    }
  }

  /**
   * Appends the numbers of the facts of a response's answers (not the response's own 'r' fact) to
   * `into`. Throws for a version it has no plans for, even an empty one.
   */
  responseFactIds(versionId: string, data: PgJson, into: number[]): void {
    const tops = this.versions.get(versionId);
    if (tops === undefined) throw new Error(`No plan was given for version ${versionId}`);
    if (tops === null || !isPgObject(data)) return;
    for (const top in data) {
      const answers = tops.get(top);
      const value = data[top];
      if (answers !== undefined && value !== undefined) answers.factIds(value, into);
    }
  }

  /**
   * responseFactIds for a response's answers given as their jsonb text (`data::text`), which is
   * only scanned for its top-level keys: an answer is parsed the first time its text is met.
   */
  responseFactIdsOfText(versionId: string, text: string, into: number[]): void {
    const tops = this.versions.get(versionId);
    if (tops === undefined) throw new Error(`No plan was given for version ${versionId}`);
    if (tops === null) return;
    forEachTopLevelText(text, (key, start, end) => tops.get(key)?.factIdsOfText(text, start, end, into));
  }
}
