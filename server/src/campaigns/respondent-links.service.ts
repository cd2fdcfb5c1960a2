import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberLanguage } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { preparedStatement, runPrepared } from '../database/prepared';
import { memberJoin } from '../networks';
import { Campaign } from './entities/campaign.entity';
import { Invitation } from './entities/invitation.entity';

/** The member a personal link belongs to, as much as a response records about them. */
export interface LinkMember {
  country: string;
  role: string;
  language: MemberLanguage;
}

/** What the respondent API reads of an invitation. */
export type LinkInvitation = Pick<
  Invitation,
  'id' | 'kind' | 'networkId' | 'maxResponses' | 'responseCount' | 'openedAt' | 'revokedAt'
>;

/** What the respondent API reads of a campaign. */
export type LinkCampaign = Pick<
  Campaign,
  'id' | 'surveyVersionId' | 'opensAt' | 'closesAt' | 'anonymous' | 'allowEdits' | 'status' | 'closedAt'
>;

/** A link as the respondent API finds it, before it checks that the link is live. */
export interface FoundLink {
  invitation: LinkInvitation;
  campaign: LinkCampaign;
  member: LinkMember | null;
}

/** A row of linkByTokenHash's SELECT. */
export interface FoundLinkRow {
  id: string;
  kind: LinkInvitation['kind'];
  network_id: string;
  max_responses: number | null;
  response_count: number;
  opened_at: Date | null;
  revoked_at: Date | null;
  campaign_id: string;
  survey_version_id: string;
  opens_at: Date | null;
  closes_at: Date | null;
  anonymous: boolean;
  allow_edits: boolean;
  status: LinkCampaign['status'];
  closed_at: Date | null;
  member_id: string | null;
  country: string | null;
  role: string | null;
  language: MemberLanguage | null;
}

/**
 * SQL: a subquery-ready SELECT of the invitation whose token hash is the parameter
 * `tokenHashParam`, its campaign and its member (through the invitation's foreign key; a member
 * removed since leaves none), as FoundLinkRow columns; read them with foundLinkFromRow. The
 * responses feature joins the respondent's response to it for the view.
 */
export function linkByTokenHash(tokenHashParam: string): string {
  return `SELECT i.id, i.kind, i.network_id, i.max_responses, i.response_count, i.opened_at, i.revoked_at,
         c.id AS campaign_id, c.survey_version_id, c.opens_at, c.closes_at, c.anonymous, c.allow_edits, c.status,
         c.closed_at, m.id AS member_id, m.country, m.role, m.language
       FROM invitations i
       JOIN campaigns c ON c.id = i.campaign_id
       ${memberJoin('m', 'i.member_id')}
       WHERE i.token_hash = ${tokenHashParam}`;
}

export function foundLinkFromRow(row: FoundLinkRow): FoundLink {
  return {
    invitation: {
      id: row.id,
      kind: row.kind,
      networkId: row.network_id,
      maxResponses: row.max_responses,
      responseCount: row.response_count,
      openedAt: row.opened_at,
      revokedAt: row.revoked_at,
    },
    campaign: {
      id: row.campaign_id,
      surveyVersionId: row.survey_version_id,
      opensAt: row.opens_at,
      closesAt: row.closes_at,
      anonymous: row.anonymous,
      allowEdits: row.allow_edits,
      status: row.status,
      closedAt: row.closed_at,
    },
    member:
      row.member_id === null || row.country === null || row.role === null || row.language === null
        ? null
        : { country: row.country, role: row.role, language: row.language },
  };
}

/** The link lookup on the respondent's every request: prepared once. */
const FIND_LINK = preparedStatement('respondent_link_by_token_hash', linkByTokenHash('$1'));

const MARK_OPENED = preparedStatement(
  'respondent_link_mark_opened',
  'UPDATE invitations SET opened_at = now() WHERE id = $1 AND opened_at IS NULL',
);

/**
 * SQL condition, true while the invitation whose id is the parameter `param` (say `$13`) is
 * live: not revoked, and its campaign open and within its window. The responses feature puts
 * it in the statement that stores a first completion, so that check and write are one.
 */
export function liveInvitationCondition(param: string): string {
  return `EXISTS (
         SELECT 1 FROM invitations i JOIN campaigns c ON c.id = i.campaign_id
         WHERE i.id = ${param} AND i.revoked_at IS NULL AND c.status <> 'closed'
           AND (c.closes_at IS NULL OR c.closes_at > now()) AND (c.opens_at IS NULL OR c.opens_at <= now()))`;
}

/**
 * SQL: a subquery-ready SELECT of the personal link whose token hash is the parameter
 * `tokenHashParam`, if it is live (not revoked, its campaign open and within its window), still
 * has its member, and belongs to a campaign that is not anonymous and pins the survey version
 * `versionParam`; no row otherwise. Columns: invitation_id, campaign_id, survey_version_id,
 * network_id, and the member's country, role and language. The responses feature stores a first
 * completion from it in one statement (lookup, checks and write together).
 */
export function livePersonalLinkByTokenHash(tokenHashParam: string, versionParam: string): string {
  return `SELECT i.id AS invitation_id, i.campaign_id, c.survey_version_id, i.network_id, m.country, m.role, m.language
         FROM invitations i JOIN campaigns c ON c.id = i.campaign_id
         ${memberJoin('m', 'i.member_id')}
         WHERE i.token_hash = ${tokenHashParam} AND i.kind = 'personal' AND i.revoked_at IS NULL AND m.id IS NOT NULL
           AND NOT c.anonymous AND c.survey_version_id = ${versionParam} AND c.status <> 'closed'
           AND (c.closes_at IS NULL OR c.closes_at > now()) AND (c.opens_at IS NULL OR c.opens_at <= now())`;
}

/** The invitations and campaigns behind respondent links, for the responses feature. */
@Injectable()
export class RespondentLinksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The invitation with this token hash, its campaign and its member, or null. One prepared
   * statement, its rows read as they come (no entity hydration): it runs on every request of
   * the respondent API.
   */
  async find(tokenHash: string): Promise<FoundLink | null> {
    const rows = await runPrepared<FoundLinkRow>(this.dataSource, FIND_LINK, [tokenHash]);
    return rows[0] === undefined ? null : foundLinkFromRow(rows[0]);
  }

  /** Records the first time a link was opened. */
  async markOpened(invitationId: string): Promise<void> {
    await runPrepared(this.dataSource, MARK_OPENED, [invitationId]);
  }

  /**
   * The invitation under a row lock held until `manager`'s transaction ends, with its campaign;
   * null when the invitation is gone or revoked. Completions through one link queue up here.
   */
  async lockLive(
    manager: EntityManager,
    invitationId: string,
    campaignId: string,
  ): Promise<{ invitation: Invitation; campaign: Campaign } | null> {
    const invitation = await manager.findOne(Invitation, {
      where: { id: invitationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (invitation === null || invitation.revokedAt !== null) return null;
    const campaign = await manager.findOneByOrFail(Campaign, { id: campaignId });
    return { invitation, campaign };
  }

  /** Counts one more complete response through an open link locked by `lockLive`. */
  async countOpenLinkResponse(manager: EntityManager, invitation: LinkInvitation): Promise<void> {
    await manager.update(Invitation, { id: invitation.id }, { responseCount: invitation.responseCount + 1 });
  }
}
