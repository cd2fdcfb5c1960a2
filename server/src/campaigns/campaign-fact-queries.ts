import type { EntityManager } from 'typeorm';

/** The survey version a campaign runs, if the campaign exists. */
export async function campaignVersionId(manager: EntityManager, campaignId: string): Promise<string | null> {
  const [row] = await manager.query<Array<{ id: string }>>(
    'SELECT survey_version_id::text AS id FROM campaigns WHERE id = $1',
    [campaignId],
  );
  return row?.id ?? null;
}

/** Every campaign's id, in id order (analysis rebuilds tallies campaign by campaign). */
export async function allCampaignIds(manager: EntityManager): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>('SELECT id::text AS id FROM campaigns ORDER BY id');
  return rows.map((row) => row.id);
}
