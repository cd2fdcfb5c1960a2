import { isPgObject, parsePgJson, type PgJson } from './pg-json';
import type { FactSource } from './question-plan';
import { answerFacts, type Fact, isEmptyAnswer, sourcesByTop } from './response-facts';

/** One queued change as the fold reads it: a response's dimensions, its answers as jsonb text, ±1. */
export interface QueuedChange {
  seq: string;
  campaign_id: string;
  survey_version_id: string;
  network_id: string;
  country: string;
  role: string;
  language: string;
  data: string;
  sign: number;
}

/** The rollup rows of a batch, column by column (the upsert unnests them): counts never 0. */
export interface RollupColumns {
  campaignId: string[];
  versionId: string[];
  networkId: string[];
  country: string[];
  role: string[];
  language: string[];
  measure: string[];
  question: string[];
  row: string[];
  col: string[];
  /** null where SQL's fact is NULL (a JSON null inside an array or a matrix): the rollup refuses it. */
  value: Array<string | null>;
  rank: number[];
  count: number[];
}

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
class FactIds {
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

  private make(
    measure: string,
    question: string,
    row: string,
    col: string,
    value: string | null,
    rank: number,
  ): number {
    this.facts.push({ measure: measure as Fact['measure'], question, row, col, value, rank });
    return this.facts.length - 1;
  }
}

/** Fact counts of one group, indexed by fact number. */
class Counts {
  values = new Float64Array(64);

  add(id: number, n: number): void {
    if (id >= this.values.length) {
      const grown = new Float64Array(Math.max(id + 1, this.values.length * 2));
      grown.set(this.values);
      this.values = grown;
    }
    this.values[id] = (this.values[id] ?? 0) + n;
  }
}

/** The facts of one answer, by number (a fact counted twice appears twice). */
type FactList = readonly number[];

/**
 * Distinct plain answers (strings, numbers, booleans) remembered per top-level key in one batch;
 * choice answers repeat and stay far below it. Other answers are unpacked each time.
 */
const DISTINCT_ANSWERS_KEPT = 4_096;

/** How the answers under one top-level key of one version become facts. */
class TopAnswers {
  private readonly known = new Map<string | number | boolean | null, FactList>();
  /** Set when every source only records that the answer was given: then only emptiness matters. */
  private readonly presence: FactList | null;

  constructor(
    private readonly sources: readonly FactSource[],
    private readonly ids: FactIds,
  ) {
    this.presence = sources.every(
      (source) => source.mode === 'presence' && source.key === null && source.cells === null,
    )
      ? this.unpack('answered')
      : null;
  }

  private unpack(value: PgJson): number[] {
    const list: number[] = [];
    answerFacts(value, this.sources, (measure, question, row, col, factValue, rank) =>
      list.push(this.ids.id(measure, question, row, col, factValue, rank)),
    );
    return list;
  }

  /** Counts one answer's facts `sign` times into `counts`. */
  count(value: PgJson, sign: number, counts: Counts): void {
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
        counts.add(this.ids.id(measure, question, row, col, factValue, rank), sign),
      );
      return;
    }
    for (const id of list) counts.add(id, sign);
  }
}

/** The queued changes of one campaign, version, network, country, role and language. */
interface Group {
  change: QueuedChange;
  responses: number;
  counts: Counts;
}

/**
 * Sums the facts of queued changes per rollup key, as fact-sql.ts's `facts` CTE does in SQL for
 * the same rows, so the fold can stream the queue instead of unpacking all of it in one statement.
 * Each fact a batch meets gets a number, and each group (the rollup's dimensions) counts them in
 * an array; a plain answer (a choice, a number) is unpacked once per batch and then only looked
 * up, as the SQL groups identical answers before unpacking them.
 */
export class FactAccumulator {
  private readonly ids = new FactIds();
  /** Top-level keys and their answers per version; null for a version without a plan (deleted). */
  private readonly versions = new Map<string, Map<string, TopAnswers> | null>();
  private readonly groups = new Map<string, Group>();

  /** Versions of these changes whose plans have not been given yet. */
  unknownVersions(changes: readonly QueuedChange[]): string[] {
    const unknown = new Set<string>();
    for (const change of changes)
      if (!this.versions.has(change.survey_version_id)) unknown.add(change.survey_version_id);
    return [...unknown];
  }

  /** The plans of `versionIds` (those without one count only their responses, as in SQL). */
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

  /** The campaigns of the changes added. */
  campaigns(): string[] {
    return [...new Set([...this.groups.values()].map((group) => group.change.campaign_id))];
  }

  add(change: QueuedChange): void {
    const groupKey = `${change.campaign_id}\u0001${change.survey_version_id}\u0001${change.network_id}\u0001${change.country}\u0001${change.role}\u0001${change.language}`;
    let group = this.groups.get(groupKey);
    if (group === undefined) this.groups.set(groupKey, (group = { change, responses: 0, counts: new Counts() }));
    group.responses += change.sign;
    const tops = this.versions.get(change.survey_version_id);
    if (tops === undefined) throw new Error(`No plan was given for version ${change.survey_version_id}`);
    if (tops === null) return;
    const data = parsePgJson(change.data);
    if (!isPgObject(data)) return;
    for (const top in data) {
      const answers = tops.get(top);
      const value = data[top];
      if (answers !== undefined && value !== undefined) answers.count(value, change.sign, group.counts);
    }
  }

  /** The summed fact counts, as rollup rows (facts whose changes cancel out are left out). */
  columns(): RollupColumns {
    const out: RollupColumns = {
      campaignId: [],
      versionId: [],
      networkId: [],
      country: [],
      role: [],
      language: [],
      measure: [],
      question: [],
      row: [],
      col: [],
      value: [],
      rank: [],
      count: [],
    };
    const push = (change: QueuedChange, fact: Fact, n: number): void => {
      out.campaignId.push(change.campaign_id);
      out.versionId.push(change.survey_version_id);
      out.networkId.push(change.network_id);
      out.country.push(change.country);
      out.role.push(change.role);
      out.language.push(change.language);
      out.measure.push(fact.measure);
      out.question.push(fact.question);
      out.row.push(fact.row);
      out.col.push(fact.col);
      out.value.push(fact.value);
      out.rank.push(fact.rank);
      out.count.push(n);
    };
    const response: Fact = { measure: 'r', question: '', row: '', col: '', value: '', rank: 0 };
    for (const group of this.groups.values()) {
      if (group.responses !== 0) push(group.change, response, group.responses);
      const values = group.counts.values;
      for (let id = 0; id < values.length; id++) {
        const n = values[id] ?? 0;
        const fact = this.ids.facts[id];
        if (n !== 0 && fact !== undefined) push(group.change, fact, n);
      }
    }
    return out;
  }
}
