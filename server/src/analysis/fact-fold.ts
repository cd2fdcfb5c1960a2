import { FactNumbering } from './fact-numbering';
import type { FactSource } from './question-plan';
import type { Fact } from './response-facts';

/** One queued change as the fold reads it: a response's dimensions, its answers as jsonb text, ±1. */
export interface QueuedChange {
  campaign_id: string;
  survey_version_id: string;
  network_id: string;
  country: string;
  role: string;
  language: string;
  data: string;
  sign: number;
}

/**
 * The rollup rows of a batch, compactly: each group's dimensions and each fact's columns once, and
 * per row only the numbers of its group and fact and its count. The upsert joins them back
 * together; a batch of 100,000 responses makes ~50,000 rows from a few hundred groups and facts,
 * so this sends three integer arrays instead of thirteen arrays of mostly repeated strings.
 */
export interface RollupRows {
  groups: {
    campaignId: string[];
    versionId: string[];
    networkId: string[];
    country: string[];
    role: string[];
    language: string[];
  };
  facts: {
    measure: string[];
    question: string[];
    row: string[];
    col: string[];
    /** null where SQL's fact is NULL (a JSON null inside an array or a matrix): the rollup refuses it. */
    value: Array<string | null>;
    rank: number[];
  };
  /** Per row: its group, 1-based (as SQL's WITH ORDINALITY numbers the groups). */
  group: number[];
  /** Per row: its fact, 1-based. */
  fact: number[];
  /** Per row: its count, never 0. */
  count: number[];
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
  private readonly numbering = new FactNumbering();
  private readonly groups = new Map<string, Group>();
  /** Reused for every change: the numbers of its facts. */
  private readonly factIds: number[] = [];

  /** The plans of `versionIds` (those without one count only their responses, as in SQL). */
  addPlans(
    versionIds: readonly string[],
    plans: ReadonlyArray<{ versionId: string; plan: { sources: readonly FactSource[] } }>,
  ): void {
    this.numbering.addPlans(versionIds, plans);
  }

  /** The campaigns of the changes added. */
  campaigns(): string[] {
    return [...new Set([...this.groups.values()].map((group) => group.change.campaign_id))];
  }

  add(change: QueuedChange): void {
    if (!this.numbering.has(change.survey_version_id))
      throw new Error(`No plan was given for version ${change.survey_version_id}`);
    const groupKey = `${change.campaign_id}\u0001${change.survey_version_id}\u0001${change.network_id}\u0001${change.country}\u0001${change.role}\u0001${change.language}`;
    let group = this.groups.get(groupKey);
    if (group === undefined) this.groups.set(groupKey, (group = { change, responses: 0, counts: new Counts() }));
    group.responses += change.sign;
    const ids = this.factIds;
    ids.length = 0;
    this.numbering.responseFactIdsOfText(change.survey_version_id, change.data, ids);
    for (const id of ids) group.counts.add(id, change.sign);
  }

  /** The summed fact counts, as rollup rows (facts whose changes cancel out are left out). */
  rows(): RollupRows {
    const facts: Fact[] = [
      ...this.numbering.ids.facts,
      { measure: 'r', question: '', row: '', col: '', value: '', rank: 0 },
    ];
    const responseFact = facts.length;
    const out: RollupRows = {
      groups: { campaignId: [], versionId: [], networkId: [], country: [], role: [], language: [] },
      facts: {
        measure: facts.map((fact) => fact.measure),
        question: facts.map((fact) => fact.question),
        row: facts.map((fact) => fact.row),
        col: facts.map((fact) => fact.col),
        value: facts.map((fact) => fact.value),
        rank: facts.map((fact) => fact.rank),
      },
      group: [],
      fact: [],
      count: [],
    };
    const push = (group: number, fact: number, n: number): void => {
      out.group.push(group);
      out.fact.push(fact);
      out.count.push(n);
    };
    let groupNumber = 0;
    for (const { change, responses, counts } of this.groups.values()) {
      groupNumber++;
      out.groups.campaignId.push(change.campaign_id);
      out.groups.versionId.push(change.survey_version_id);
      out.groups.networkId.push(change.network_id);
      out.groups.country.push(change.country);
      out.groups.role.push(change.role);
      out.groups.language.push(change.language);
      if (responses !== 0) push(groupNumber, responseFact, responses);
      const values = counts.values;
      for (let id = 0; id < values.length && id < responseFact - 1; id++) {
        const n = values[id] ?? 0;
        if (n !== 0) push(groupNumber, id + 1, n);
      }
    }
    return out;
  }
}
