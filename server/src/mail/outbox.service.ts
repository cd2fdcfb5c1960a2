import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  MemberLanguage,
  OutboxKind,
  OutboxMessageDto,
  OutboxPageDto,
  OutboxStatus,
  QueueResult,
  ReminderPreviewDto,
  TestInvitationResult,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Campaign, CampaignsService, toCsv } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { MembersService } from '../networks';
import type {
  OutboxCsvQueryDto,
  OutboxQueryDto,
  QueueMessagesDto,
  QueueRemindersDto,
  TestInvitationDto,
} from './dto/outbox.dto';
import { OutboxMessage } from './entities/outbox-message.entity';
import { reminderDecision } from './participants';
import { ParticipantsService } from './participants.service';
import { MailSenderService } from './mail-sender.service';
import { MailWordingService } from './mail-wording.service';
import { renderMessage, withLink } from './mail-templates';

const CAMPAIGN_STAFF = ['secretariat'] as const;

interface RecipientRow {
  invitation_id: string;
  email: string;
  name: string;
  language: MemberLanguage;
  country: string;
  network_name: string;
}

function requireOpen(campaign: Campaign): void {
  if (campaign.status === 'closed' || (campaign.closesAt !== null && campaign.closesAt.getTime() <= Date.now())) {
    throw new DomainError('campaign_closed', `Campaign ${campaign.id} is closed`);
  }
}

/** The networks asked for, which must be the campaign's; all of its networks when none are named. */
function campaignNetworks(campaign: Campaign, requested: string[] | undefined): string[] {
  const networkIds = requested ?? campaign.networkIds;
  const foreign = networkIds.filter((networkId) => !campaign.networkIds.includes(networkId));
  if (foreign.length > 0) {
    throw new DomainError('bad_request', `networkIds ${foreign.join(', ')} are not among this campaign's networks`);
  }
  return networkIds;
}

interface OutboxRow {
  id: string;
  invitation_id: string;
  kind: OutboxKind;
  recipient: string;
  language: MemberLanguage;
  subject: string;
  status: OutboxStatus;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
  created_at: Date;
}

function toMessageDto(row: OutboxRow): OutboxMessageDto {
  return {
    id: row.id,
    invitationId: row.invitation_id,
    kind: row.kind,
    to: row.recipient,
    language: row.language,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    sentAt: row.sent_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

/** Queues invitations and reminders, and shows the outbox for sending by hand when there is no SMTP. */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
    private readonly sender: MailSenderService,
    private readonly participants: ParticipantsService,
    private readonly members: MembersService,
    private readonly wording: MailWordingService,
  ) {}

  queueInvitations(actor: Actor, campaignId: string, input: QueueMessagesDto): Promise<QueueResult> {
    return this.queue(actor, campaignId, 'invitation', input.networkIds, async (manager, campaign, networkIds) =>
      this.uninvited(actor, manager, campaign.id, networkIds),
    );
  }

  /**
   * Reminds members who have not completed, without a reminder still waiting and not reminded within
   * the cooldown. With `expectedRecipients` (the count the person confirmed), a different count
   * refuses with 409 instead of sending to people nobody agreed to remind.
   */
  queueReminders(actor: Actor, campaignId: string, input: QueueRemindersDto): Promise<QueueResult> {
    return this.queue(actor, campaignId, 'reminder', input.networkIds, async (_manager, campaign, networkIds) => {
      const { recipients } = await this.reminderPlan(actor, campaign, networkIds);
      if (input.expectedRecipients !== undefined && input.expectedRecipients !== recipients.length) {
        throw new DomainError(
          'reminder_count_changed',
          `${recipients.length} members would get a reminder now, not the ${input.expectedRecipients} confirmed; check again`,
          { recipients: recipients.length },
        );
      }
      return recipients;
    });
  }

  /** How many members a reminder would reach now, and how many are held back by the cooldown. */
  async previewReminders(actor: Actor, campaignId: string, input: QueueMessagesDto): Promise<ReminderPreviewDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    const campaign = await this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
    const networkIds = campaignNetworks(campaign, input.networkIds);
    const { recipients, coolingDown } = await this.reminderPlan(actor, campaign, networkIds);
    return { recipients: recipients.length, coolingDown, cooldownHours: this.config.reminderCooldownHours };
  }

  /** The invitation e-mail as members get it, sent to the acting user, with a link that accepts no response. */
  async queueTest(actor: Actor, campaignId: string, input: TestInvitationDto): Promise<TestInvitationResult> {
    requireRole(actor, CAMPAIGN_STAFF);
    const language = input.language ?? 'en';
    await this.dataSource.transaction(async (manager) => {
      const campaign = await this.campaigns.requireCampaign(manager, campaignId, true);
      requireOpen(campaign);
      const networks = await this.campaigns.networkNames(actor);
      const invitationId = await this.campaigns.testLink(actor, campaign, manager);
      const message = renderMessage(
        'invitation',
        language,
        {
          memberName: actor.name,
          campaignName: campaign.name,
          networkName: networks.get(campaign.networkIds[0] ?? '')?.name ?? '',
          closesAt: campaign.closesAt,
        },
        await this.wording.wordingOf(manager, campaign.id),
      );
      await manager.insert(OutboxMessage, {
        campaignId,
        invitationId,
        kind: 'test',
        recipient: actor.email,
        language,
        subject: `[Test] ${message.subject}`,
        body: message.body,
      });
      await this.audit.record(manager, {
        actor,
        action: 'campaign.test_invitation_queued',
        subject: `campaign:${campaignId}`,
        payload: { to: actor.email, language },
      });
    });
    this.sender.wake();
    return { queued: 1, to: actor.email };
  }

  private async queue(
    actor: Actor,
    campaignId: string,
    kind: 'invitation' | 'reminder',
    requestedNetworks: string[] | undefined,
    recipientsOf: (manager: EntityManager, campaign: Campaign, networkIds: string[]) => Promise<RecipientRow[]>,
  ): Promise<QueueResult> {
    requireRole(actor, CAMPAIGN_STAFF);
    const result = await this.dataSource.transaction(async (manager) => {
      // The campaign row lock serialises concurrent sends, so nobody is queued twice.
      const campaign = await this.campaigns.requireCampaign(manager, campaignId, true);
      requireOpen(campaign);
      const networkIds = campaignNetworks(campaign, requestedNetworks);
      const recipients = await recipientsOf(manager, campaign, networkIds);
      if (recipients.length === 0) return { queued: 0 };
      const wording = await this.wording.wordingOf(manager, campaign.id);
      const messages = recipients.map((recipient) => ({
        recipient,
        ...renderMessage(
          kind,
          recipient.language,
          {
            memberName: recipient.name,
            campaignName: campaign.name,
            networkName: recipient.network_name,
            closesAt: campaign.closesAt,
          },
          wording,
        ),
      }));
      await manager.query(
        `INSERT INTO outbox (campaign_id, invitation_id, kind, recipient, language, subject, body)
         SELECT $1, m.invitation_id, $2, m.recipient, m.language, m.subject, m.body
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS m(invitation_id, recipient, language, subject, body)`,
        [
          campaignId,
          kind,
          messages.map((message) => message.recipient.invitation_id),
          messages.map((message) => message.recipient.email),
          messages.map((message) => message.recipient.language),
          messages.map((message) => message.subject),
          messages.map((message) => message.body),
        ],
      );
      await this.audit.record(manager, {
        actor,
        action: kind === 'invitation' ? 'campaign.invitations_queued' : 'campaign.reminders_queued',
        subject: `campaign:${campaignId}`,
        payload: { queued: messages.length, networkIds },
      });
      return { queued: messages.length };
    });
    if (result.queued > 0) this.sender.wake();
    return result;
  }

  /**
   * Live personal invitations without an invitation message that is waiting or went out, by
   * country, name and e-mail of their member.
   */
  private async uninvited(
    actor: Actor,
    manager: EntityManager,
    campaignId: string,
    networkIds: string[],
  ): Promise<RecipientRow[]> {
    // One after the other: both run on the transaction's one connection.
    const invitations = await this.campaigns.personalInvitations(campaignId, networkIds, manager);
    const invited = await manager.query<Array<{ invitation_id: string }>>(
      `SELECT DISTINCT invitation_id FROM outbox
       WHERE campaign_id = $1 AND kind = 'invitation' AND status <> 'failed'`,
      [campaignId],
    );
    const networks = await this.campaigns.networkNames(actor);
    const already = new Set(invited.map((row) => row.invitation_id));
    const waiting = new Map(
      invitations
        .filter((invitation) => !already.has(invitation.id))
        .map((invitation) => [invitation.memberId, invitation]),
    );
    const members = await this.members.byIds(actor, [...waiting.keys()]);
    return [...members.values()].flatMap((member) => {
      const invitation = waiting.get(member.id);
      if (invitation === undefined) return [];
      return [
        {
          invitation_id: invitation.id,
          email: member.email,
          name: member.name,
          language: member.language,
          country: member.country,
          network_name: networks.get(invitation.networkId)?.name ?? '',
        },
      ];
    });
  }

  /** Who gets a reminder now, and how many unfinished members the cooldown holds back. */
  private async reminderPlan(
    actor: Actor,
    campaign: Campaign,
    networkIds: string[],
  ): Promise<{ recipients: RecipientRow[]; coolingDown: number }> {
    const [participations, networks] = await Promise.all([
      this.participants.participations(actor, campaign, networkIds),
      this.campaigns.networkNames(actor),
    ]);
    const now = new Date();
    const recipients: RecipientRow[] = [];
    let coolingDown = 0;
    for (const participation of participations) {
      const decision = reminderDecision(
        participation.completed,
        participation.messages,
        now,
        this.config.reminderCooldownHours,
      );
      if (decision === 'cooling_down') coolingDown += 1;
      if (decision !== 'remind') continue;
      recipients.push({
        invitation_id: participation.invitation.id,
        email: participation.member.email,
        name: participation.member.name,
        language: participation.member.language,
        country: participation.member.country,
        network_name: networks.get(participation.invitation.networkId)?.name ?? '',
      });
    }
    recipients.sort(
      (a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name) || a.email.localeCompare(b.email),
    );
    return { recipients, coolingDown };
  }

  async list(actor: Actor, campaignId: string, query: OutboxQueryDto): Promise<OutboxPageDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    await this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 100;
    const countRows = await this.dataSource.query<Array<{ status: OutboxStatus; n: number }>>(
      'SELECT status, count(*)::int AS n FROM outbox WHERE campaign_id = $1 GROUP BY status',
      [campaignId],
    );
    const counts: Record<OutboxStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const row of countRows) counts[row.status] = row.n;
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT id, invitation_id, kind, recipient, language, subject, status, attempts, last_error, next_attempt_at,
         sent_at, created_at
       FROM outbox WHERE campaign_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at, recipient, id
       LIMIT $3 OFFSET $4`,
      [campaignId, query.status ?? null, pageSize, (page - 1) * pageSize],
    );
    const total = query.status === undefined ? counts.pending + counts.sent + counts.failed : counts[query.status];
    return {
      delivery: this.sender.enabled ? 'smtp' : 'manual',
      counts,
      total,
      page,
      pageSize,
      items: rows.map(toMessageDto),
    };
  }

  /** The messages with their links filled in, to send by hand (to, subject, link, body). */
  async csv(actor: Actor, campaignId: string, query: OutboxCsvQueryDto): Promise<string> {
    requireRole(actor, CAMPAIGN_STAFF);
    await this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
    const rows = await this.dataSource.query<
      Array<{ invitation_id: string; recipient: string; subject: string; body: string }>
    >(
      `SELECT invitation_id, recipient, subject, body FROM outbox
       WHERE campaign_id = $1 AND ($2::text IS NULL OR status = $2)
       ORDER BY created_at, recipient, id`,
      [campaignId, query.status ?? null],
    );
    return toCsv(
      ['to', 'subject', 'link', 'body'],
      rows.map((row) => {
        const link = this.campaigns.urlFor(row.invitation_id);
        return [row.recipient, row.subject, link, withLink(row.body, link)];
      }),
    );
  }
}
