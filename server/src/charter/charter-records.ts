import type { EntityManager } from 'typeorm';

/** Row-level access to charters for demo removal, in the caller's transaction. */
export async function existingCharterIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    'SELECT id FROM charter_documents WHERE id = ANY($1::uuid[])',
    [ids],
  );
  return rows.map((row) => row.id);
}

/** Which of the campaigns are cited as evidence in a charter other than those given. */
export async function campaignsCitedOutside(
  manager: EntityManager,
  campaignIds: readonly string[],
  charterIds: readonly string[],
): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT DISTINCT campaign_id AS id FROM charter_evidence
     WHERE campaign_id = ANY($1::uuid[]) AND NOT (document_id = ANY($2::uuid[]))`,
    [campaignIds, charterIds],
  );
  return rows.map((row) => row.id);
}

/** Which of the users chair a charter. */
export async function chairingUsers(manager: EntityManager, userIds: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT DISTINCT u AS id FROM charter_documents c, unnest(c.chair_ids) AS u WHERE u = ANY($1::uuid[])`,
    [userIds],
  );
  return rows.map((row) => row.id);
}

/** Deletes charters with their revisions, discussion, evidence and translations (by foreign key). */
export async function deleteCharterRecords(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await manager.query('DELETE FROM charter_documents WHERE id = ANY($1::uuid[])', [ids]);
}
