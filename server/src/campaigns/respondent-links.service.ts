import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MemberLanguage } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { Campaign } from './entities/campaign.entity';
import { Invitation } from './entities/invitation.entity';

/** The member a personal link belongs to, as much as a response records about them. */
export interface LinkMember {
  country: string;
  role: string;
  language: MemberLanguage;
}

/** A link as the respondent API finds it, before it checks that the link is live. */
export interface FoundLink {
  invitation: Invitation;
  campaign: Campaign;
  member: LinkMember | null;
}

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

/** The invitations and campaigns behind respondent links, for the responses feature. */
@Injectable()
export class RespondentLinksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The invitation with this token hash, its campaign and its member, or null. One statement (a
   * find with relations would be two round trips): the member comes through the invitation's
   * foreign key, on the respondent's every request.
   */
  async find(tokenHash: string): Promise<FoundLink | null> {
    const invitation = await this.dataSource
      .getRepository(Invitation)
      .createQueryBuilder('invitation')
      .innerJoinAndSelect('invitation.campaign', 'campaign')
      .leftJoinAndSelect('invitation.member', 'member')
      .where('invitation.tokenHash = :tokenHash', { tokenHash })
      .getOne();
    if (invitation === null || invitation.campaign === undefined) return null;
    const member = invitation.member ?? null;
    return {
      invitation,
      campaign: invitation.campaign,
      member: member === null ? null : { country: member.country, role: member.role, language: member.language },
    };
  }

  /** Records the first time a link was opened. */
  async markOpened(invitationId: string): Promise<void> {
    await this.dataSource.query('UPDATE invitations SET opened_at = now() WHERE id = $1 AND opened_at IS NULL', [
      invitationId,
    ]);
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
  async countOpenLinkResponse(manager: EntityManager, invitation: Invitation): Promise<void> {
    await manager.update(Invitation, { id: invitation.id }, { responseCount: invitation.responseCount + 1 });
  }
}
