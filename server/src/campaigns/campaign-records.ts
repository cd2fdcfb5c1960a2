import type { EntityManager } from 'typeorm';
import { onlyRow } from '../common/rows';

/**
 * Row-level access to campaigns and their links for the features that act across them (privacy,
 * retention, demo removal), inside the caller's transaction.
 */
export interface MemberInvitationRecord {
  id: string;
  campaign_id: string;
  campaign_name: string;
  created_at: Date;
  opened_at: Date | null;
  revoked_at: Date | null;
}

export async function invitationsOfMember(
  manager: EntityManager,
  memberId: string,
  options: { lock: boolean },
): Promise<MemberInvitationRecord[]> {
  return manager.query<MemberInvitationRecord[]>(
    `SELECT i.id, i.campaign_id, c.name AS campaign_name, i.created_at, i.opened_at, i.revoked_at
     FROM invitations i JOIN campaigns c ON c.id = i.campaign_id WHERE i.member_id = $1
     ORDER BY i.created_at, i.id${options.lock ? ' FOR UPDATE OF i' : ''}`,
    [memberId],
  );
}

export async function invitationsOfMembers(
  manager: EntityManager,
  memberIds: readonly string[],
): Promise<Array<{ id: string; member_id: string }>> {
  return manager.query<Array<{ id: string; member_id: string }>>(
    'SELECT id, member_id FROM invitations WHERE member_id = ANY($1::uuid[])',
    [memberIds],
  );
}

export async function deleteInvitationRecords(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await manager.query('DELETE FROM invitations WHERE id = ANY($1::uuid[])', [ids]);
}

export async function existingCampaignIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>('SELECT id FROM campaigns WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

/** Deletes campaigns with everything that hangs off them by foreign key (links, responses, mail). */
export async function deleteCampaignRecords(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await manager.query('DELETE FROM campaigns WHERE id = ANY($1::uuid[])', [ids]);
}

/** The previous retention, or undefined when the campaign does not exist. */
export async function setRetentionDays(
  manager: EntityManager,
  id: string,
  days: number | null,
): Promise<{ previous: number | null } | undefined> {
  const rows = await manager.query<Array<{ retention_days: number | null }>>(
    'SELECT retention_days FROM campaigns WHERE id = $1 FOR UPDATE',
    [id],
  );
  const [row] = rows;
  if (row === undefined) return undefined;
  await manager.query('UPDATE campaigns SET retention_days = $2 WHERE id = $1', [id, days]);
  return { previous: row.retention_days };
}

/** Campaigns whose retention period ended by `now` (closing time compared to the millisecond). */
export async function campaignsDueForRetention(manager: EntityManager, now: Date): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    `SELECT id FROM campaigns
     WHERE retention_days IS NOT NULL AND identities_removed_at IS NULL
       AND date_trunc('milliseconds', LEAST(closed_at, closes_at)) + retention_days * interval '24 hours' <= $1
     ORDER BY id`,
    [now],
  );
  return rows.map((row) => row.id);
}

/**
 * Locks a campaign still due; null when it is not (any more). The lock waits rather than skips:
 * a row lock taken by anything else (a response inserted for the campaign holds a key-share lock
 * on it) must not make the job pass a due campaign by. NO KEY UPDATE does not conflict with those
 * key-share locks, and a second instance running the job waits here, then sees the campaign
 * already done (READ COMMITTED re-reads the row it waited for) and gets null.
 */
export async function lockCampaignDueForRetention(
  manager: EntityManager,
  id: string,
  now: Date,
): Promise<{ closed: Date; retentionDays: number } | null> {
  const rows = await manager.query<Array<{ closed: Date; retention_days: number }>>(
    `SELECT date_trunc('milliseconds', LEAST(closed_at, closes_at)) AS closed, retention_days FROM campaigns
     WHERE id = $1 AND identities_removed_at IS NULL AND retention_days IS NOT NULL FOR NO KEY UPDATE`,
    [id],
  );
  const [row] = rows;
  if (row === undefined) return null;
  const { closed, retention_days: retentionDays } = row;
  return closed.getTime() + retentionDays * 86_400_000 > now.getTime() ? null : { closed, retentionDays };
}

export async function markIdentitiesRemoved(manager: EntityManager, id: string, at: Date): Promise<void> {
  await manager.query('UPDATE campaigns SET identities_removed_at = $2 WHERE id = $1', [id, at]);
}

/** Whether a campaign of this survey has this name (the demo seed's "already done" check). */
export async function campaignNameTaken(manager: EntityManager, surveyId: string, name: string): Promise<boolean> {
  const rows = await manager.query<Array<{ found: boolean }>>(
    'SELECT EXISTS (SELECT 1 FROM campaigns WHERE survey_id = $1 AND name = $2) AS found',
    [surveyId, name],
  );
  return onlyRow(rows, 'the campaign name check').found;
}

/** A campaign written as it stood at some past time (seeded data), without a creator. */
export interface HistoricCampaign {
  name: string;
  surveyId: string;
  surveyVersionId: string;
  version: number;
  networkIds: readonly string[];
  opensAt: string;
  closesAt: string | null;
  /** Closed at `closesAt`; otherwise open. */
  closed: boolean;
}

export async function insertHistoricCampaign(manager: EntityManager, campaign: HistoricCampaign): Promise<string> {
  const rows = await manager.query<Array<{ id: string }>>(
    `INSERT INTO campaigns (name, survey_id, survey_version_id, version, network_ids, opens_at, closes_at, anonymous,
       allow_edits, status, closed_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, false, false, $8, $9, NULL, $6)
     RETURNING id`,
    [
      campaign.name,
      campaign.surveyId,
      campaign.surveyVersionId,
      campaign.version,
      campaign.networkIds,
      campaign.opensAt,
      campaign.closesAt,
      campaign.closed ? 'closed' : 'open',
      campaign.closed ? campaign.closesAt : null,
    ],
  );
  return onlyRow(rows, 'the campaign insert').id;
}

/** Personal invitations with ids and token hashes chosen by the caller, in one statement. */
export async function insertPersonalInvitations(
  manager: EntityManager,
  campaignId: string,
  invitations: ReadonlyArray<{ id: string; memberId: string; networkId: string; tokenHash: string }>,
): Promise<void> {
  await manager.query(
    `INSERT INTO invitations (id, campaign_id, kind, member_id, network_id, token_hash)
     SELECT i.id, $1, 'personal', i.member_id, i.network_id, i.token_hash
     FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS i(id, member_id, network_id, token_hash)`,
    [
      campaignId,
      invitations.map((invitation) => invitation.id),
      invitations.map((invitation) => invitation.memberId),
      invitations.map((invitation) => invitation.networkId),
      invitations.map((invitation) => invitation.tokenHash),
    ],
  );
}

export async function markInvitationsOpened(
  manager: EntityManager,
  opened: ReadonlyArray<{ id: string; openedAt: Date }>,
): Promise<void> {
  if (opened.length === 0) return;
  await manager.query(
    `UPDATE invitations i SET opened_at = o.opened_at
     FROM unnest($1::uuid[], $2::timestamptz[]) AS o(id, opened_at) WHERE i.id = o.id`,
    [opened.map((row) => row.id), opened.map((row) => row.openedAt.toISOString())],
  );
}
