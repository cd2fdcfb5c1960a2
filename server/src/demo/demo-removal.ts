import type { DemoDataCounts, DemoRemovalResult } from '@concord/shared';
import type { EntityManager } from 'typeorm';

/** Serialises removal with the demo seed (the seed takes the same lock). */
export const DEMO_LOCK = 0x636f6e64;

async function ids(manager: EntityManager, sql: string, parameters: unknown[] = []): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(sql, parameters);
  return rows.map((row) => row.id);
}

/** How many marked demo rows of each kind still exist. */
export async function countDemo(manager: EntityManager): Promise<DemoDataCounts> {
  const [row] = await manager.query<Array<DemoDataCounts>>(
    `SELECT
       (SELECT count(*) FROM demo_records d JOIN campaigns c ON c.id = d.id WHERE d.entity = 'campaign')::int AS campaigns,
       (SELECT count(*) FROM demo_records d JOIN network_members m ON m.id = d.id WHERE d.entity = 'member')::int AS members,
       (SELECT count(*) FROM demo_records d JOIN users u ON u.id = d.id WHERE d.entity = 'user')::int AS users,
       (SELECT count(*) FROM demo_records d JOIN charter_documents c ON c.id = d.id WHERE d.entity = 'charter')::int AS charters`,
  );
  return row;
}

/**
 * Deletes every row the demo seeds marked, with what hangs off it (a demo campaign's links,
 * responses, mail and codings; a demo charter's revisions and discussion), in the caller's
 * transaction. A demo row that real data still refers to is kept, so nothing created by people
 * changes: a demo campaign cited as evidence in a real charter, a demo member somebody answered
 * for in a real campaign, a demo account that chairs a real charter or coded answers of a real campaign.
 */
export async function removeDemoData(manager: EntityManager): Promise<DemoRemovalResult> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
  const demoCharters = await ids(
    manager,
    `SELECT c.id FROM demo_records d JOIN charter_documents c ON c.id = d.id WHERE d.entity = 'charter'`,
  );
  const allCampaigns = await ids(
    manager,
    `SELECT c.id FROM demo_records d JOIN campaigns c ON c.id = d.id WHERE d.entity = 'campaign'`,
  );
  const citedCampaigns = await ids(
    manager,
    `SELECT DISTINCT e.campaign_id AS id FROM charter_evidence e
     WHERE e.campaign_id = ANY($1::uuid[]) AND NOT (e.document_id = ANY($2::uuid[]))`,
    [allCampaigns, demoCharters],
  );
  const campaigns = allCampaigns.filter((id) => !citedCampaigns.includes(id));
  if (campaigns.length > 0) {
    await manager.query('DELETE FROM campaigns WHERE id = ANY($1::uuid[])', [campaigns]);
    // The response trigger queued -1 changes for the deleted responses; their campaign is gone, so
    // there is no rollup left to fold them into.
    await manager.query('DELETE FROM analysis_pending_changes WHERE campaign_id = ANY($1::uuid[])', [campaigns]);
  }
  if (demoCharters.length > 0) {
    await manager.query('DELETE FROM charter_documents WHERE id = ANY($1::uuid[])', [demoCharters]);
  }
  const allMembers = await ids(
    manager,
    `SELECT m.id FROM demo_records d JOIN network_members m ON m.id = d.id WHERE d.entity = 'member'`,
  );
  const members = await ids(
    manager,
    `SELECT m AS id FROM unnest($1::uuid[]) AS m
     WHERE NOT EXISTS (SELECT 1 FROM invitations i JOIN responses r ON r.invitation_id = i.id WHERE i.member_id = m)`,
    [allMembers],
  );
  // A real campaign sent to a network invites its demo members too: those links lead to people who
  // do not exist, so they go with them (with any mail queued for them). A demo member somebody
  // answered for in a real campaign is kept, and so is that response.
  // TypeORM answers DELETE with [rows, affected].
  const [invitations] = await manager.query<[Array<{ id: string }>, number]>(
    'DELETE FROM invitations WHERE member_id = ANY($1::uuid[]) RETURNING id',
    [members],
  );
  if (members.length > 0) await manager.query('DELETE FROM network_members WHERE id = ANY($1::uuid[])', [members]);
  const allUsers = await ids(
    manager,
    `SELECT u.id FROM demo_records d JOIN users u ON u.id = d.id WHERE d.entity = 'user'`,
  );
  const users = await ids(
    manager,
    `SELECT u AS id FROM unnest($1::uuid[]) AS u
     WHERE NOT EXISTS (SELECT 1 FROM charter_documents c WHERE u = ANY(c.chair_ids))
       AND NOT EXISTS (SELECT 1 FROM coding_answer_codings a WHERE a.coder_id = u)`,
    [allUsers],
  );
  if (users.length > 0) await manager.query('DELETE FROM users WHERE id = ANY($1::uuid[])', [users]);
  await manager.query(
    `DELETE FROM demo_records d WHERE NOT EXISTS (
       SELECT 1 FROM campaigns WHERE d.entity = 'campaign' AND id = d.id
       UNION ALL SELECT 1 FROM network_members WHERE d.entity = 'member' AND id = d.id
       UNION ALL SELECT 1 FROM users WHERE d.entity = 'user' AND id = d.id
       UNION ALL SELECT 1 FROM charter_documents WHERE d.entity = 'charter' AND id = d.id)`,
  );
  return {
    removed: {
      campaigns: campaigns.length,
      members: members.length,
      users: users.length,
      charters: demoCharters.length,
    },
    kept: {
      campaigns: citedCampaigns.length,
      members: allMembers.length - members.length,
      users: allUsers.length - users.length,
      charters: 0,
    },
    realCampaignInvitations: invitations.length,
  };
}
