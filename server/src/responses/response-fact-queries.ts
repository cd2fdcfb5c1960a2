import type { EntityManager } from 'typeorm';

/**
 * Reads of a campaign's responses for the in-memory tally engine (analysis), as the engine keeps
 * them: dimensions as text ('' for none), times in microseconds since the epoch, answers as jsonb
 * text. Run in the caller's transaction, so a load and its catch-ups read one snapshot each.
 */
export interface ResponseFactRow {
  id: string;
  survey_version_id: string;
  network_id: string;
  country: string;
  role: string;
  language: string;
  status: string;
  completed_us: number | null;
  updated_us: number | null;
  data: string;
}

const RESPONSE_FACT_COLUMNS = `id::text, survey_version_id::text, network_id::text, coalesce(country, '') AS country,
  coalesce(role, '') AS role, coalesce(language, '') AS language, status,
  (extract(epoch FROM completed_at) * 1000000)::float8 AS completed_us,
  (extract(epoch FROM updated_at) * 1000000)::float8 AS updated_us, data::text AS data`;

export async function countResponsesOfCampaign(manager: EntityManager, campaignId: string): Promise<number> {
  const [row] = await manager.query<Array<{ n: number }>>(
    'SELECT count(*)::int AS n FROM responses WHERE campaign_id = $1',
    [campaignId],
  );
  return row?.n ?? 0;
}

/**
 * Where a snapshot's view of transactions ends: every transaction with an xid below `xmax` had
 * committed for it except those in `inProgress` (as `pg_current_snapshot()` reports them).
 */
export interface SnapshotHorizon {
  xmax: string;
  inProgress: readonly string[];
}

/**
 * Which of a campaign's responses a read takes: all of them (`horizon` null), or those a snapshot
 * with `horizon` could not see: written (see the change_xid trigger) by a transaction that had not
 * begun for it or was still in progress. A row that snapshot saw and that changed since carries the
 * xid of the later writer, so it is among them too. The campaign is $1.
 */
function responsesOf(campaignId: string, horizon: SnapshotHorizon | null): { where: string; parameters: unknown[] } {
  return horizon === null
    ? { where: 'campaign_id = $1', parameters: [campaignId] }
    : {
        where: 'campaign_id = $1 AND (change_xid >= $2 OR change_xid = ANY($3::bigint[]))',
        parameters: [campaignId, horizon.xmax, horizon.inProgress],
      };
}

/** The survey versions of a campaign's responses (those written after `horizon`, if given). */
export async function responseVersionsOfCampaign(
  manager: EntityManager,
  campaignId: string,
  horizon: SnapshotHorizon | null = null,
): Promise<string[]> {
  const { where, parameters } = responsesOf(campaignId, horizon);
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT DISTINCT survey_version_id::text AS id FROM responses WHERE ${where}`,
    parameters,
  );
  return rows.map((row) => row.id);
}

/**
 * The ids of a campaign's responses (those written after `horizon`, if given) ordered by network,
 * country, role and language, `batch` at a time through a cursor: the order in which the tally
 * engine places them, so that each group's responses sit side by side.
 */
export async function forEachResponseIdInGroupOrder(
  manager: EntityManager,
  campaignId: string,
  horizon: SnapshotHorizon | null,
  batch: number,
  each: (ids: string[]) => void,
): Promise<void> {
  const { where, parameters } = responsesOf(campaignId, horizon);
  await manager.query(
    `DECLARE response_ids_in_group_order NO SCROLL CURSOR FOR
     SELECT id::text FROM responses WHERE ${where} ORDER BY network_id, country, role, language`,
    parameters,
  );
  for (;;) {
    const rows = await manager.query<Array<{ id: string }>>(`FETCH ${batch} FROM response_ids_in_group_order`);
    each(rows.map((row) => row.id));
    if (rows.length < batch) break;
  }
  await manager.query('CLOSE response_ids_in_group_order');
}

/**
 * A campaign's responses (those written after `horizon`, if given), `batch` at a time through a
 * cursor (one pass, little held at once); `each` handles one batch before the next is read.
 * Returns how many there were.
 */
export async function forEachResponseOfCampaign(
  manager: EntityManager,
  campaignId: string,
  horizon: SnapshotHorizon | null,
  batch: number,
  each: (rows: readonly ResponseFactRow[]) => void,
): Promise<number> {
  const { where, parameters } = responsesOf(campaignId, horizon);
  await manager.query(
    `DECLARE response_facts_of_campaign NO SCROLL CURSOR FOR
     SELECT ${RESPONSE_FACT_COLUMNS} FROM responses WHERE ${where}`,
    parameters,
  );
  let read = 0;
  for (;;) {
    const rows = await manager.query<ResponseFactRow[]>(`FETCH ${batch} FROM response_facts_of_campaign`);
    each(rows);
    read += rows.length;
    if (rows.length < batch) break;
  }
  await manager.query('CLOSE response_facts_of_campaign');
  return read;
}

/**
 * SQL of a campaign's complete responses as the tally facts' input (analysis fact-sql.ts: campaign,
 * version, network, country, role and language with '' for none, data, sign 1), for the caller
 * to read inside its own statement; `campaignParam` is the placeholder of the campaign id.
 */
export function completeResponsesFactInput(campaignParam: string): string {
  return `SELECT r.campaign_id, r.survey_version_id, r.network_id, coalesce(r.country, '') AS country,
            coalesce(r.role, '') AS role, coalesce(r.language, '') AS language, r.data, 1 AS sign
       FROM responses r WHERE r.campaign_id = ${campaignParam} AND r.status = 'complete'`;
}
