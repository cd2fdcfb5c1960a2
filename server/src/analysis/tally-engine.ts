import type { TallyGroupBy } from '@concord/shared';
import type { ResponseFilter } from '../responses';
import { FactNumbering } from './fact-numbering';
import { isPgObject } from './pg-json';
import type { PgJson } from './pg-json';
import type { FactSource } from './question-plan';
import { type Fact, filterTexts } from './response-facts';
import { ResponsePlaces } from './response-places';
import type { FactCountRow } from './tally';

/** One response as the engine keeps it. Times are microseconds since the epoch (NaN for NULL). */
export interface EngineResponse {
  id: string;
  versionId: string;
  networkId: string;
  country: string;
  role: string;
  language: string;
  status: string;
  completedAt: number;
  updatedAt: number;
  data: PgJson;
}

/**
 * What an engine tally selects: the responses feature's filter within the engine's one campaign,
 * with dates as microseconds since the epoch.
 */
export type EngineQuery = Omit<ResponseFilter, 'campaignIds' | 'from' | 'to'> & {
  from?: number;
  to?: number;
  groupBy: TallyGroupBy | null;
};

/** The response's own fact: counted from the selection, not kept as a bitmap. */
const RESPONSE_FACT: Fact = { measure: 'r', question: '', row: '', col: '', value: '', rank: 0 };

const STATUS_NONE = 0;
const STATUS_COMPLETE = 1;
const STATUS_PARTIAL = 2;

/** Strings to small integers, for columns of repeated values. */
class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();

  code(value: string): number {
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.index.get(value);
  }
}

/** A count per response, as bit slices: bit k of a response's count is its bit in layer k. */
interface CountBits {
  fact: Fact;
  layers: Uint32Array[];
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * The answers of one campaign in memory, for tallies under any filter without reading jsonb: each
 * response has a dense index; each fact (as fact-sql.ts defines them) has a bitmap of the responses
 * holding it (bit slices when one response holds it more than once), and each answer a filter may
 * name has a bitmap too. Dimensions and times are columns. A tally is the filter as a bitmap, then
 * per fact the responses it holds among those, counted per group.
 */
export class TallyEngine {
  private readonly ids = new ResponsePlaces();
  private size = 0;
  private words = 0;
  private status = new Uint8Array(0);
  /** 1 where a response's bits are set: a placed or removed response's slot needs no clearing. */
  private holdsBits = new Uint8Array(0);
  private version = new Uint16Array(0);
  private network = new Uint16Array(0);
  private country = new Uint16Array(0);
  private role = new Uint16Array(0);
  private language = new Uint16Array(0);
  private completedAt = new Float64Array(0);
  private updatedAt = new Float64Array(0);
  private readonly versions = new Dictionary();
  private readonly networks = new Dictionary();
  private readonly countries = new Dictionary();
  private readonly roles = new Dictionary();
  private readonly languages = new Dictionary();
  /** Bitmaps by fact number (numbering.ids); a fact no response holds yet has none. */
  private readonly facts: Array<CountBits | undefined> = [];
  /** question → answer text → responses whose answer matches it. */
  private readonly answerBits = new Map<string, Map<string, Uint32Array>>();
  private readonly numbering = new FactNumbering();
  /** Scratch space of upsert: the numbers of a response's facts, and how often each counts. */
  private readonly factIds: number[] = [];
  private multiplicity = new Uint32Array(0);
  private readonly touched: number[] = [];

  /**
   * @param plans fact sources per version id: the facts of a response of another version are only
   *   the response itself, as in SQL.
   * @param filterable top-level questions an answer filter may name.
   */
  constructor(
    plans: ReadonlyMap<string, readonly FactSource[]>,
    readonly filterable: ReadonlySet<string>,
  ) {
    this.numbering.addPlans(
      [...plans.keys()],
      [...plans].map(([versionId, sources]) => ({ versionId, plan: { sources } })),
    );
  }

  get responses(): number {
    return this.ids.size;
  }

  /** Bytes held by bitmaps, columns and the id index, roughly. */
  get bytes(): number {
    let bitmaps = 0;
    for (const fact of this.facts) bitmaps += fact?.layers.length ?? 0;
    for (const answers of this.answerBits.values()) bitmaps += answers.size;
    return bitmaps * this.words * 4 + this.status.length * 42 + this.ids.bytes;
  }

  /** Facts that have a bitmap, and the response's own. */
  get factCount(): number {
    return this.facts.filter((fact) => fact !== undefined).length + (this.size > 0 ? 1 : 0);
  }

  /** Makes room for `count` responses at once, so a load does not grow every bitmap step by step. */
  reserve(count: number): void {
    this.ids.reserve(count);
    this.ensureCapacity(count);
  }

  /**
   * Gives these responses the next places, in this order, before their answers are added. A
   * grouped count is fastest when the responses of one group sit side by side (count()), so loads
   * and catch-ups place new responses ordered by network, country, role and language first.
   */
  place(ids: readonly string[]): void {
    for (const id of ids) if (this.ids.get(id) === undefined) this.ids.add(id, this.size++);
    this.ensureCapacity(this.size);
  }

  /** Adds or replaces a response (idempotent). */
  upsert(response: EngineResponse): void {
    let index = this.ids.get(response.id);
    if (index === undefined) {
      index = this.size++;
      this.ids.add(response.id, index);
      this.ensureCapacity(this.size);
    } else if (this.holdsBits[index] === 1) {
      this.clear(index);
    }
    this.holdsBits[index] = 1;
    this.status[index] =
      response.status === 'complete' ? STATUS_COMPLETE : response.status === 'partial' ? STATUS_PARTIAL : STATUS_NONE;
    this.version[index] = this.versions.code(response.versionId);
    this.network[index] = this.networks.code(response.networkId);
    this.country[index] = this.countries.code(response.country);
    this.role[index] = this.roles.code(response.role);
    this.language[index] = this.languages.code(response.language);
    this.completedAt[index] = response.completedAt;
    this.updatedAt[index] = response.updatedAt;
    const word = index >>> 5;
    const bit = 1 << (index & 31);
    if (!this.numbering.has(response.versionId)) this.numbering.addPlans([response.versionId], []);
    const ids = this.factIds;
    ids.length = 0;
    this.numbering.responseFactIds(response.versionId, response.data, ids);
    const facts = this.numbering.ids.facts;
    if (this.multiplicity.length < facts.length) {
      const grown = new Uint32Array(Math.max(facts.length, this.multiplicity.length * 2, 64));
      grown.set(this.multiplicity);
      this.multiplicity = grown;
    }
    const multiplicity = this.multiplicity;
    const touched = this.touched;
    touched.length = 0;
    for (const id of ids) if ((multiplicity[id] = (multiplicity[id] ?? 0) + 1) === 1) touched.push(id);
    for (const id of touched) {
      const count = multiplicity[id] ?? 0;
      multiplicity[id] = 0;
      const fact = facts[id];
      if (fact === undefined) continue;
      let bits = this.facts[id];
      if (bits === undefined) this.facts[id] = bits = { fact, layers: [] };
      for (let layer = 0; count >>> layer !== 0; layer++) {
        let slice = bits.layers[layer];
        if (slice === undefined) bits.layers.push((slice = new Uint32Array(this.words)));
        if ((count >>> layer) & 1) slice[word] = (slice[word] ?? 0) | bit;
      }
    }
    const data = response.data;
    if (isPgObject(data)) {
      for (const question of this.filterable) {
        const value = data[question];
        if (value === undefined) continue;
        let answers = this.answerBits.get(question);
        if (answers === undefined) this.answerBits.set(question, (answers = new Map<string, Uint32Array>()));
        for (const text of filterTexts(value)) {
          let bits = answers.get(text);
          if (bits === undefined) answers.set(text, (bits = new Uint32Array(this.words)));
          bits[word] = (bits[word] ?? 0) | bit;
        }
      }
    }
  }

  /** Drops a response (a deletion); its index stays unused. */
  remove(id: string): void {
    const index = this.ids.get(id);
    if (index === undefined) return;
    if (this.holdsBits[index] === 1) this.clear(index);
    this.holdsBits[index] = 0;
    this.status[index] = STATUS_NONE;
  }

  private clear(index: number): void {
    const word = index >>> 5;
    const mask = ~(1 << (index & 31));
    for (const fact of this.facts)
      if (fact !== undefined) for (const layer of fact.layers) layer[word] = (layer[word] ?? 0) & mask;
    for (const answers of this.answerBits.values())
      for (const bits of answers.values()) bits[word] = (bits[word] ?? 0) & mask;
  }

  private ensureCapacity(size: number): void {
    const needed = (size + 31) >>> 5;
    if (needed <= this.words) return;
    const words = Math.max(needed, Math.ceil(this.words * 1.5), 64);
    const grow = <T extends Uint32Array | Uint16Array | Uint8Array | Float64Array>(
      old: T,
      make: (n: number) => T,
    ): T => {
      const next = make(words * 32);
      next.set(old);
      return next;
    };
    this.status = grow(this.status, (n) => new Uint8Array(n));
    this.holdsBits = grow(this.holdsBits, (n) => new Uint8Array(n));
    this.version = grow(this.version, (n) => new Uint16Array(n));
    this.network = grow(this.network, (n) => new Uint16Array(n));
    this.country = grow(this.country, (n) => new Uint16Array(n));
    this.role = grow(this.role, (n) => new Uint16Array(n));
    this.language = grow(this.language, (n) => new Uint16Array(n));
    this.completedAt = grow(this.completedAt, (n) => new Float64Array(n));
    this.updatedAt = grow(this.updatedAt, (n) => new Float64Array(n));
    const widen = (old: Uint32Array): Uint32Array => {
      const next = new Uint32Array(words);
      next.set(old);
      return next;
    };
    for (const fact of this.facts) if (fact !== undefined) fact.layers = fact.layers.map(widen);
    for (const answers of this.answerBits.values()) for (const [text, bits] of answers) answers.set(text, widen(bits));
    this.words = words;
  }

  /** The fact counts per network and group of the responses the query selects (as the SQL scan gives them). */
  count(query: EngineQuery): FactCountRow[] {
    const codes = (dictionary: Dictionary, values: readonly string[] | undefined): Uint8Array | null => {
      if (values === undefined) return null;
      const allowed = new Uint8Array(dictionary.values.length + 1);
      for (const value of values) {
        const code = dictionary.find(value);
        if (code !== undefined) allowed[code] = 1;
      }
      return allowed;
    };
    const versions = codes(this.versions, query.versionIds) ?? new Uint8Array(0);
    const networks = codes(this.networks, query.networkIds);
    const countries = codes(this.countries, query.country);
    const roles = codes(this.roles, query.role);
    const languages = codes(this.languages, query.language);
    const from = query.from ?? -Infinity;
    const to = query.to ?? Infinity;
    const dated = query.from !== undefined || query.to !== undefined;
    const groupColumn = query.groupBy === 'country' ? this.country : query.groupBy === 'role' ? this.role : null;
    const groupWidth =
      query.groupBy === 'country'
        ? this.countries.values.length
        : query.groupBy === 'role'
          ? this.roles.values.length
          : 1;
    const words = this.words;

    // The selection as a bitmap, and each selected response's group (network × grouped dimension).
    // Typed arrays read in range here: `?? 0` only satisfies the index checks.
    const selected = new Uint32Array(words);
    const group = new Uint32Array(this.size);
    // Per word: the one group of all its selected responses, MIXED when they are of several (NONE:
    // none selected yet). A load places each group's responses side by side (place()), so nearly
    // every word is of one group, and a fact's hits in it are counted at once rather than bit by bit.
    const NONE = -2;
    const MIXED = -1;
    const wordGroup = new Int32Array(words).fill(NONE);
    const responses = new Float64Array(this.networks.values.length * groupWidth);
    for (let i = 0; i < this.size; i++) {
      const status = this.status[i] ?? STATUS_NONE;
      if (status === STATUS_NONE || (status === STATUS_PARTIAL && !query.includePartial)) continue;
      if (versions[this.version[i] ?? 0] !== 1) continue;
      if (networks !== null && networks[this.network[i] ?? 0] !== 1) continue;
      if (countries !== null && countries[this.country[i] ?? 0] !== 1) continue;
      if (roles !== null && roles[this.role[i] ?? 0] !== 1) continue;
      if (languages !== null && languages[this.language[i] ?? 0] !== 1) continue;
      if (dated) {
        // As in SQL: completion time, or the last save for partial responses when they are included.
        const completed = this.completedAt[i] ?? NaN;
        const when = query.includePartial && Number.isNaN(completed) ? (this.updatedAt[i] ?? NaN) : completed;
        if (!(when >= from && when <= to)) continue;
      }
      const w = i >>> 5;
      const g = (this.network[i] ?? 0) * groupWidth + (groupColumn === null ? 0 : (groupColumn[i] ?? 0));
      selected[w] = (selected[w] ?? 0) | (1 << (i & 31));
      group[i] = g;
      const known = wordGroup[w] ?? NONE;
      if (known === NONE) wordGroup[w] = g;
      else if (known !== g) wordGroup[w] = MIXED;
    }
    for (const [question, accepted] of Object.entries(query.answers)) {
      const answers = this.answerBits.get(question);
      const any = new Uint32Array(words);
      for (const text of accepted) {
        const bits = answers?.get(text);
        if (bits !== undefined) for (let w = 0; w < words; w++) any[w] = (any[w] ?? 0) | (bits[w] ?? 0);
      }
      for (let w = 0; w < words; w++) selected[w] = (selected[w] ?? 0) & (any[w] ?? 0);
    }
    for (let w = 0; w < words; w++) {
      let bits = selected[w] ?? 0;
      const only = wordGroup[w] ?? MIXED;
      if (only >= 0) {
        responses[only] = (responses[only] ?? 0) + popcount(bits);
        continue;
      }
      while (bits !== 0) {
        const low = bits & -bits;
        const g = group[(w << 5) + (31 - Math.clz32(low))] ?? 0;
        responses[g] = (responses[g] ?? 0) + 1;
        bits ^= low;
      }
    }

    const rows: FactCountRow[] = [];
    const keyOf = (groupIndex: number): { network: string; grp: string } => {
      const network = this.networks.values[Math.floor(groupIndex / groupWidth)] ?? '';
      const rest = groupIndex % groupWidth;
      const grp =
        query.groupBy === 'network'
          ? network
          : query.groupBy === 'country'
            ? (this.countries.values[rest] ?? '')
            : query.groupBy === 'role'
              ? (this.roles.values[rest] ?? '')
              : '';
      return { network, grp };
    };
    const emit = (fact: Fact, counts: Float64Array): void => {
      for (let g = 0; g < counts.length; g++) {
        const n = counts[g] ?? 0;
        if (n === 0) continue;
        rows.push({
          ...keyOf(g),
          measure: fact.measure,
          question: fact.question,
          row_key: fact.row,
          col_key: fact.col,
          value: fact.value as string,
          rank: fact.rank,
          n,
        });
      }
    };
    emit(RESPONSE_FACT, responses);
    const counts = new Float64Array(responses.length);
    for (const bits of this.facts) {
      if (bits === undefined) continue;
      counts.fill(0);
      bits.layers.forEach((layer, k) => {
        const weight = 2 ** k;
        for (let w = 0; w < words; w++) {
          let hits = (layer[w] ?? 0) & (selected[w] ?? 0);
          if (hits === 0) continue;
          const only = wordGroup[w] ?? MIXED;
          if (only >= 0) {
            counts[only] = (counts[only] ?? 0) + popcount(hits) * weight;
            continue;
          }
          while (hits !== 0) {
            const low = hits & -hits;
            const g = group[(w << 5) + (31 - Math.clz32(low))] ?? 0;
            counts[g] = (counts[g] ?? 0) + weight;
            hits ^= low;
          }
        }
      });
      emit(bits.fact, counts);
    }
    return rows;
  }
}
