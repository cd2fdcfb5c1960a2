import type { EntityManager } from 'typeorm';

/** Row-level access to the outbox for the privacy feature, in the caller's transaction. */
export interface OutboxRecord {
  id: string;
  campaign_id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  status: string;
  created_at: Date;
  sent_at: Date | null;
}

export async function messagesOfInvitations(
  manager: EntityManager,
  invitationIds: readonly string[],
): Promise<OutboxRecord[]> {
  return manager.query<OutboxRecord[]>(
    `SELECT id, campaign_id, kind, recipient, subject, body, status, created_at, sent_at FROM outbox
     WHERE invitation_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [invitationIds],
  );
}

/** TypeORM answers DELETE with [rows, affected]. */
export async function deleteMessagesOfInvitations(
  manager: EntityManager,
  invitationIds: readonly string[],
): Promise<number> {
  const [rows] = await manager.query<[Array<{ id: string }>, number]>(
    'DELETE FROM outbox WHERE invitation_id = ANY($1::uuid[]) RETURNING id',
    [invitationIds],
  );
  return rows.length;
}
