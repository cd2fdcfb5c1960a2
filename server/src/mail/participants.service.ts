import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NetworkMemberDto, ParticipantDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { type Campaign, CampaignsService, type PersonalInvitation, toCsv } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { MembersService } from '../networks';
import { ResponseProgressService } from '../responses';
import {
  filterParticipants,
  type MessageFacts,
  NO_MESSAGES,
  PARTICIPANT_CSV_HEADER,
  participantCsvRow,
  type ParticipantFilter,
  participantStatus,
} from './participants';

const CAMPAIGN_STAFF = ['secretariat'] as const;

/** A live personal invitation with everything the participant list and reminders need. */
export interface Participation {
  invitation: PersonalInvitation;
  member: NetworkMemberDto;
  messages: MessageFacts;
  started: boolean;
  completed: boolean;
  startedAt: Date | null;
  completedAt: Date | null;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** Who was invited, sent, opened, started, completed and reminded: invitations, outbox and responses together. */
@Injectable()
export class ParticipantsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly members: MembersService,
    private readonly responses: ResponseProgressService,
  ) {}

  async list(actor: Actor, campaignId: string, filter: ParticipantFilter): Promise<ParticipantDto[]> {
    requireRole(actor, CAMPAIGN_STAFF);
    const campaign = await this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
    const [participations, networks] = await Promise.all([
      this.participations(actor, campaign),
      this.campaigns.networkNames(actor),
    ]);
    const participants = participations.map(({ invitation, member, messages, ...response }): ParticipantDto => {
      const network = networks.get(invitation.networkId);
      return {
        invitationId: invitation.id,
        memberId: member.id,
        name: member.name,
        email: member.email,
        networkId: invitation.networkId,
        networkCode: network?.code ?? '',
        networkName: network?.name ?? '',
        country: member.country,
        language: member.language,
        status: participantStatus({ ...response, sentAt: messages.sentAt, openedAt: invitation.openedAt }),
        sentAt: iso(messages.sentAt),
        openedAt: iso(invitation.openedAt),
        startedAt: iso(response.startedAt),
        completedAt: iso(response.completedAt),
        remindedAt: iso(messages.remindedAt),
        reminders: messages.reminders,
      };
    });
    participants.sort(
      (a, b) =>
        a.networkName.localeCompare(b.networkName) ||
        a.country.localeCompare(b.country) ||
        a.name.localeCompare(b.name) ||
        a.email.localeCompare(b.email),
    );
    return filterParticipants(participants, filter);
  }

  async csv(actor: Actor, campaignId: string, filter: ParticipantFilter): Promise<string> {
    const participants = await this.list(actor, campaignId, filter);
    return toCsv(PARTICIPANT_CSV_HEADER, participants.map(participantCsvRow));
  }

  /**
   * Every live personal invitation of the campaign (optionally some networks), with its member, its
   * messages and how far its response got. Anonymous campaigns know whether a response exists,
   * never when, so a timestamp cannot tie a member to their answers.
   */
  async participations(actor: Actor, campaign: Campaign, networkIds?: readonly string[]): Promise<Participation[]> {
    const invitations = await this.campaigns.personalInvitations(campaign.id, networkIds);
    const ids = invitations.map((invitation) => invitation.id);
    const [members, messages, responses] = await Promise.all([
      this.members.byIds(
        actor,
        invitations.map((invitation) => invitation.memberId),
      ),
      this.messageFacts(campaign.id),
      this.responses.byInvitation(campaign.id, ids, campaign.anonymous),
    ]);
    return invitations.flatMap((invitation) => {
      const member = members.get(invitation.memberId);
      if (member === undefined) return [];
      const response = responses.get(invitation.id);
      const completed = response?.completedAt !== null && response?.completedAt !== undefined;
      return [
        {
          invitation,
          member,
          messages: messages.get(invitation.id) ?? NO_MESSAGES,
          started: response !== undefined,
          completed,
          startedAt: campaign.anonymous ? null : (response?.startedAt ?? null),
          completedAt: campaign.anonymous ? null : (response?.completedAt ?? null),
        },
      ];
    });
  }

  private async messageFacts(campaignId: string): Promise<Map<string, MessageFacts>> {
    const rows = await this.dataSource.query<
      Array<{
        invitation_id: string;
        sent_at: Date | null;
        reminded_at: Date | null;
        reminders: number;
        reminder_pending: boolean;
      }>
    >(
      `SELECT invitation_id,
         min(sent_at) FILTER (WHERE kind = 'invitation' AND status = 'sent') AS sent_at,
         max(created_at) FILTER (WHERE kind = 'reminder' AND status <> 'failed') AS reminded_at,
         count(*) FILTER (WHERE kind = 'reminder' AND status <> 'failed')::int AS reminders,
         COALESCE(bool_or(kind = 'reminder' AND status = 'pending'), false) AS reminder_pending
       FROM outbox WHERE campaign_id = $1 GROUP BY invitation_id`,
      [campaignId],
    );
    return new Map(
      rows.map((row) => [
        row.invitation_id,
        {
          sentAt: row.sent_at,
          remindedAt: row.reminded_at,
          reminders: row.reminders,
          reminderPending: row.reminder_pending,
        },
      ]),
    );
  }
}
