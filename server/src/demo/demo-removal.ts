import type { DemoDataCounts, DemoRemovalResult } from '@concord/shared';
import type { EntityManager } from 'typeorm';
import { forgetTallies, holdFoldUntilCommit } from '../analysis';
import { deleteUserRecords, existingUserIds } from '../auth';
import {
  deleteCampaignRecords,
  deleteInvitationRecords,
  existingCampaignIds,
  invitationsOfMembers,
} from '../campaigns';
import { campaignsCitedOutside, chairingUsers, deleteCharterRecords, existingCharterIds } from '../charter';
import { usersWhoCoded } from '../coding';
import { deleteMemberRecords, existingMemberIds } from '../networks';
import { answeredInvitations } from '../responses';
import { demoIds, unmarkDemo } from './demo-records';

/** Serialises removal with the demo seed (the seed takes the same lock). */
export const DEMO_LOCK = 0x636f6e64;

interface DemoRows {
  campaigns: string[];
  members: string[];
  users: string[];
  charters: string[];
}

/** The marked demo rows that still exist. */
async function demoRows(manager: EntityManager): Promise<DemoRows> {
  return {
    campaigns: await existingCampaignIds(manager, await demoIds(manager, 'campaign')),
    members: await existingMemberIds(manager, await demoIds(manager, 'member')),
    users: await existingUserIds(manager, await demoIds(manager, 'user')),
    charters: await existingCharterIds(manager, await demoIds(manager, 'charter')),
  };
}

/** How many marked demo rows of each kind still exist. */
export async function countDemo(manager: EntityManager): Promise<DemoDataCounts> {
  const rows = await demoRows(manager);
  return {
    campaigns: rows.campaigns.length,
    members: rows.members.length,
    users: rows.users.length,
    charters: rows.charters.length,
  };
}

/**
 * Deletes every row the demo seeds marked, with what hangs off it (a demo campaign's links,
 * responses, mail and codings; a demo charter's revisions and discussion), in the caller's
 * transaction. A demo row that real data still refers to is kept: a demo campaign cited as
 * evidence in a real charter, a demo member somebody answered for in a real campaign, a demo
 * account that chairs a real charter or coded answers of a real campaign. Each table is changed
 * through its owning feature.
 */
export async function removeDemoData(manager: EntityManager): Promise<DemoRemovalResult> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
  const demo = await demoRows(manager);
  const cited = await campaignsCitedOutside(manager, demo.campaigns, demo.charters);
  const campaigns = demo.campaigns.filter((id) => !cited.includes(id));
  if (campaigns.length > 0) await holdFoldUntilCommit(manager);
  await deleteCampaignRecords(manager, campaigns);
  await forgetTallies(manager, campaigns);
  await deleteCharterRecords(manager, demo.charters);

  // A real campaign sent to a network invites its demo members too: those links lead to people
  // who do not exist, so they go with them (with any mail queued for them). A demo member somebody
  // answered for in a real campaign is kept, and so is that response.
  const invitations = await invitationsOfMembers(manager, demo.members);
  const answered = new Set(
    await answeredInvitations(
      manager,
      invitations.map((invitation) => invitation.id),
    ),
  );
  const keptMembers = new Set(
    invitations.filter((invitation) => answered.has(invitation.id)).map((invitation) => invitation.member_id),
  );
  const members = demo.members.filter((id) => !keptMembers.has(id));
  const removedInvitations = invitations.filter((invitation) => !keptMembers.has(invitation.member_id));
  await deleteInvitationRecords(
    manager,
    removedInvitations.map((invitation) => invitation.id),
  );
  await deleteMemberRecords(manager, members);

  const busy = new Set([...(await chairingUsers(manager, demo.users)), ...(await usersWhoCoded(manager, demo.users))]);
  const users = demo.users.filter((id) => !busy.has(id));
  await deleteUserRecords(manager, users);

  await unmarkDemo(manager, 'campaign', cited);
  await unmarkDemo(manager, 'member', [...keptMembers]);
  await unmarkDemo(manager, 'user', [...busy]);
  await unmarkDemo(manager, 'charter', []);
  return {
    removed: {
      campaigns: campaigns.length,
      members: members.length,
      users: users.length,
      charters: demo.charters.length,
    },
    kept: { campaigns: cited.length, members: keptMembers.size, users: busy.size, charters: 0 },
    realCampaignInvitations: removedInvitations.length,
  };
}
