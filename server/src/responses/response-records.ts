import type { EntityManager } from 'typeorm';

/** Row-level access to responses for the privacy and demo features, in the caller's transaction. */
export interface ResponseRecord {
  id: string;
  campaign_id: string;
  invitation_id: string;
  status: 'partial' | 'complete';
  data: Record<string, unknown>;
  receipt: string | null;
  started_at: Date;
  completed_at: Date | null;
  updated_at: Date;
  revisions: Array<{ data: Record<string, unknown>; completed_at: string | null; replaced_at: string }>;
}

export async function responsesOfInvitations(
  manager: EntityManager,
  invitationIds: readonly string[],
): Promise<ResponseRecord[]> {
  return manager.query<ResponseRecord[]>(
    `SELECT r.id, r.campaign_id, r.invitation_id, r.status, r.data, r.receipt, r.started_at, r.completed_at, r.updated_at,
       COALESCE((SELECT json_agg(json_build_object('data', v.data, 'completed_at', v.completed_at, 'replaced_at', v.replaced_at)
                 ORDER BY v.replaced_at) FROM response_revisions v WHERE v.response_id = r.id), '[]') AS revisions
     FROM responses r WHERE r.invitation_id = ANY($1::uuid[]) ORDER BY r.started_at, r.id`,
    [invitationIds],
  );
}

/**
 * Detaches responses from their links, keeping answers, network, country, role and language (what
 * anonymous campaigns keep). The tally trigger ignores the change: the tallies stay the same.
 * TypeORM answers UPDATE and DELETE with [rows, affected].
 */
export async function detachResponsesOfInvitations(
  manager: EntityManager,
  invitationIds: readonly string[],
): Promise<string[]> {
  const [rows] = await manager.query<[Array<{ id: string }>, number]>(
    'UPDATE responses SET invitation_id = NULL WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
    [invitationIds],
  );
  return rows.map((row) => row.id);
}

export async function detachResponsesOfCampaign(manager: EntityManager, campaignId: string): Promise<string[]> {
  const [rows] = await manager.query<[Array<{ id: string }>, number]>(
    'UPDATE responses SET invitation_id = NULL WHERE campaign_id = $1 AND invitation_id IS NOT NULL RETURNING id',
    [campaignId],
  );
  return rows.map((row) => row.id);
}

/** Deletes responses; the tally trigger queues their removal from the stored tallies. */
export async function deleteResponsesOfInvitations(
  manager: EntityManager,
  invitationIds: readonly string[],
): Promise<string[]> {
  const [rows] = await manager.query<[Array<{ id: string }>, number]>(
    'DELETE FROM responses WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
    [invitationIds],
  );
  return rows.map((row) => row.id);
}

/** Which of these links somebody answered through. */
export async function answeredInvitations(manager: EntityManager, invitationIds: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    'SELECT invitation_id AS id FROM responses WHERE invitation_id = ANY($1::uuid[])',
    [invitationIds],
  );
  return rows.map((row) => row.id);
}
