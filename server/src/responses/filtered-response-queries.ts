import type { TallyGroupBy } from '@concord/shared';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql-params';

/**
 * Reads of the responses an analysis view selects (tallies that scan, free text, response exports,
 * coded-theme tallies): one function per query shape, every one selecting its responses with the
 * same conditions, so they always agree on which responses a view holds.
 */

/** Which responses a view reads, every filter resolved to values (network ids, not codes). */
export interface ResponseFilter {
  campaignIds: readonly string[];
  versionIds: readonly string[];
  networkIds?: readonly string[];
  country?: readonly string[];
  role?: readonly string[];
  language?: readonly string[];
  /** Partial responses count too (complete only otherwise); dates then fall back to the last update. */
  includePartial: boolean;
  from?: Date;
  to?: Date;
  /** question name → accepted values (any of them; for multiple choice, any chosen one). */
  answers: Readonly<Record<string, readonly string[]>>;
}

/** Every condition of the filter over `responses r`; none selects anything without a version or campaign. */
function filterConditions(filter: ResponseFilter, params: SqlParams): string[] {
  if (filter.versionIds.length === 0 || filter.campaignIds.length === 0) return ['false'];
  const conditions = [
    `r.campaign_id = ANY(${params.add(filter.campaignIds)}::uuid[])`,
    `r.survey_version_id = ANY(${params.add(filter.versionIds)}::uuid[])`,
  ];
  if (filter.networkIds !== undefined) conditions.push(`r.network_id = ANY(${params.add(filter.networkIds)}::uuid[])`);
  for (const name of ['country', 'role', 'language'] as const) {
    const values = filter[name];
    if (values !== undefined) conditions.push(`coalesce(r.${name}, '') = ANY(${params.add(values)}::text[])`);
  }
  conditions.push(filter.includePartial ? `r.status IN ('complete', 'partial')` : `r.status = 'complete'`);
  const when = filter.includePartial ? 'coalesce(r.completed_at, r.updated_at)' : 'r.completed_at';
  if (filter.from !== undefined) conditions.push(`${when} >= ${params.add(filter.from.toISOString())}::timestamptz`);
  if (filter.to !== undefined) conditions.push(`${when} <= ${params.add(filter.to.toISOString())}::timestamptz`);
  for (const [question, values] of Object.entries(filter.answers)) {
    const key = params.add(question);
    const accepted = params.add(values);
    conditions.push(
      `(r.data ->> ${key} = ANY(${accepted}::text[]) OR (jsonb_typeof(r.data -> ${key}) = 'array' AND EXISTS (
         SELECT 1 FROM jsonb_array_elements_text(r.data -> ${key}) AS chosen(value) WHERE chosen.value = ANY(${accepted}::text[]))))`,
    );
  }
  return conditions;
}

export async function countFilteredResponses(manager: EntityManager, filter: ResponseFilter): Promise<number> {
  const params = new SqlParams();
  const where = filterConditions(filter, params);
  const [row] = await manager.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM responses r WHERE ${where.join(' AND ')}`,
    params.values,
  );
  return row?.n ?? 0;
}

/** Which of `responseIds` the filter selects. */
export async function filteredResponseIdsAmong(
  manager: EntityManager,
  filter: ResponseFilter,
  responseIds: readonly string[],
): Promise<Set<string>> {
  const params = new SqlParams();
  const where = filterConditions(filter, params);
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT r.id FROM responses r WHERE ${where.join(' AND ')} AND r.id = ANY(${params.add([...responseIds])}::uuid[])`,
    params.values,
  );
  return new Set(rows.map((row) => row.id));
}

/** A selected response with the network and the group (by `groupBy`; '' for none) a tally counts it in. */
export interface GroupedResponse {
  id: string;
  network: string;
  grp: string;
}

export async function filteredResponseGroups(
  manager: EntityManager,
  filter: ResponseFilter,
  groupBy: TallyGroupBy | null,
): Promise<GroupedResponse[]> {
  const params = new SqlParams();
  const where = filterConditions(filter, params);
  const group = groupBy === null ? `''` : groupBy === 'network' ? 'r.network_id::text' : `coalesce(r.${groupBy}, '')`;
  return manager.query<GroupedResponse[]>(
    `SELECT r.id::text AS id, r.network_id::text AS network, ${group} AS grp
       FROM responses r WHERE ${where.join(' AND ')}`,
    params.values,
  );
}

/** A selected response as a row export writes it; the network by id (its code is the networks feature's). */
export interface ExportedResponseRow {
  id: string;
  network_id: string;
  country: string | null;
  role: string | null;
  language: string | null;
  status: string;
  completed_at: Date | null;
  data: Record<string, unknown>;
}

/** The next `limit` selected responses after `afterId`, ordered by id (keyset paging). */
export async function filteredResponsesAfter(
  manager: EntityManager,
  filter: ResponseFilter,
  afterId: string,
  limit: number,
): Promise<ExportedResponseRow[]> {
  const params = new SqlParams();
  const where = filterConditions(filter, params);
  return manager.query<ExportedResponseRow[]>(
    `SELECT r.id, r.network_id, r.country, r.role, r.language, r.status, r.completed_at, r.data
       FROM responses r
      WHERE ${where.join(' AND ')} AND r.id > ${params.add(afterId)}::uuid
      ORDER BY r.id LIMIT ${params.add(limit)}`,
    params.values,
  );
}

/** One non-empty free-text answer of a selected response, without who wrote it. */
export interface FreeTextRow {
  id: string;
  text: string;
  network_id: string;
  country: string | null;
  role: string | null;
  language: string | null;
  completed_at: Date | null;
}

export interface FreeTextPageQuery {
  /** The top-level answer key: the question, or the dynamic panel holding it. */
  key: string;
  /** The question inside each panel entry, for a panel's nested question (one answer per entry). */
  nested: string | null;
  /** Text the answers must contain (case-insensitive, taken literally); null for all. */
  search: string | null;
  limit: number;
  offset: number;
}

/** The non-empty texts of one question in the selected responses: how many, and one page of them. */
export async function filteredFreeTexts(
  manager: EntityManager,
  filter: ResponseFilter,
  page: FreeTextPageQuery,
): Promise<{ total: number; rows: FreeTextRow[] }> {
  const params = new SqlParams();
  const where = filterConditions(filter, params);
  let texts: string;
  if (page.nested === null) {
    texts = `SELECT r.*, r.data ->> ${params.add(page.key)} AS text FROM responses r WHERE ${where.join(' AND ')}`;
  } else {
    const topKey = params.add(page.key);
    texts = `SELECT r.*, panel.value ->> ${params.add(page.nested)} AS text FROM responses r
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(r.data -> ${topKey}) = 'array' THEN r.data -> ${topKey} ELSE '[]'::jsonb END) AS panel(value)
        WHERE ${where.join(' AND ')}`;
  }
  const search =
    page.search === null
      ? ''
      : `AND t.text ILIKE ${params.add(`%${page.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`;
  const [counted] = await manager.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM (${texts}) t WHERE coalesce(t.text, '') <> '' ${search}`,
    params.values,
  );
  const limit = params.add(page.limit);
  const offset = params.add(page.offset);
  const rows = await manager.query<FreeTextRow[]>(
    `SELECT t.id, t.text, t.network_id, t.country, t.role, t.language, t.completed_at
       FROM (${texts}) t
      WHERE coalesce(t.text, '') <> '' ${search}
      ORDER BY t.completed_at, t.id LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  return { total: counted?.n ?? 0, rows };
}

/**
 * The selected responses as the relation the analysis fact SQL counts, to embed in the caller's
 * query (its parameters go into `params`): campaign_id (null: the responses are chosen already),
 * survey_version_id, network_id, country and role ('' unless named in `carry`: the fewer distinct
 * dimensions, the more answers the fact SQL counts together), language (''), data, and sign (1).
 */
export function filteredResponsesAsFacts(
  filter: ResponseFilter,
  params: SqlParams,
  carry: 'country' | 'role' | null,
): string {
  const where = filterConditions(filter, params);
  const carried = (name: 'country' | 'role'): string => (carry === name ? `coalesce(r.${name}, '')` : `''::text`);
  return `SELECT NULL::uuid AS campaign_id, r.survey_version_id, r.network_id, ${carried('country')} AS country,
                  ${carried('role')} AS role, ''::text AS language, r.data, 1 AS sign
             FROM responses r WHERE ${where.join(' AND ')}`;
}

/** A campaign's responses counted up to `cap` (cheap on a large campaign when only "more than cap?" matters). */
export async function countResponsesOfCampaignUpTo(
  manager: EntityManager,
  campaignId: string,
  cap: number,
): Promise<number> {
  const [row] = await manager.query<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM responses WHERE campaign_id = $1 LIMIT $2) counted`,
    [campaignId, cap],
  );
  return row?.n ?? 0;
}
