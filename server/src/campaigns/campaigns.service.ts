import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CampaignDto,
  CampaignLinkDto,
  CampaignProgressDto,
  CopyCampaignInput,
  NetworkDto,
  OpenLinkDto,
} from '@concord/shared';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { MembersService, NetworksService } from '../networks';
import { SurveysService } from '../surveys';
import { toCsv } from './csv-export';
import type { CreateCampaignDto, CreateOpenLinkDto } from './dto/create-campaign.dto';
import { Campaign } from './entities/campaign.entity';
import { Invitation } from './entities/invitation.entity';
import { linkToken, linkUrl, tokenHash } from '../common/link-tokens';
import { progressFromRows, type ProgressRow } from './progress';
import { ResponseCounts } from './response-counts';

const CAMPAIGN_STAFF = ['secretariat'] as const;
/** The committee reads campaigns and their response counts to find the analysis; never links or members. */
const CAMPAIGN_READERS = ['secretariat', 'committee'] as const;

/** A personal invitation as other features see it (the mail feature lists participants from these). */
export interface PersonalInvitation {
  id: string;
  memberId: string;
  networkId: string;
  openedAt: Date | null;
}

/** completed / invited, rounded to four places like the progress rates; null when nobody was invited. */
export function responseRate(completed: number, invited: number): number | null {
  return invited === 0 ? null : Math.round((completed / invited) * 10_000) / 10_000;
}

export function toCampaignDto(campaign: Campaign, invited: number, completed = 0): CampaignDto {
  return {
    id: campaign.id,
    name: campaign.name,
    surveyId: campaign.surveyId,
    surveyVersionId: campaign.surveyVersionId,
    version: campaign.version,
    networkIds: campaign.networkIds,
    opensAt: campaign.opensAt?.toISOString() ?? null,
    closesAt: campaign.closesAt?.toISOString() ?? null,
    anonymous: campaign.anonymous,
    allowEdits: campaign.allowEdits,
    status: campaign.status,
    closedAt: campaign.closedAt?.toISOString() ?? null,
    createdAt: campaign.createdAt.toISOString(),
    retentionDays: campaign.retentionDays,
    identitiesRemovedAt: campaign.identitiesRemovedAt?.toISOString() ?? null,
    invited,
    completed,
    responseRate: responseRate(completed, invited),
  };
}

function campaignWindow(input: { opensAt?: string; closesAt?: string }): {
  opensAt: Date | null;
  closesAt: Date | null;
} {
  const opensAt = input.opensAt === undefined ? null : new Date(input.opensAt);
  const closesAt = input.closesAt === undefined ? null : new Date(input.closesAt);
  if (opensAt !== null && closesAt !== null && closesAt <= opensAt) {
    throw new DomainError('bad_request', 'closesAt must be later than opensAt');
  }
  if (closesAt !== null && closesAt.getTime() <= Date.now()) {
    throw new DomainError('bad_request', 'closesAt must be in the future');
  }
  return { opensAt, closesAt };
}

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly surveys: SurveysService,
    private readonly networks: NetworksService,
    private readonly members: MembersService,
    private readonly responses: ResponseCounts,
  ) {}

  /** `copiedFrom` names the campaign this one copies, recorded in the same audit event. */
  async create(
    actor: Actor,
    input: CreateCampaignDto,
    copiedFrom?: { campaignId: string; version: number },
  ): Promise<CampaignDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    const { opensAt, closesAt } = campaignWindow(input);
    // 404 for an unknown survey or version, 409 (version_not_published) for a draft or retired one.
    const version = await this.surveys.getPublishedVersion(input.surveyId, input.version);
    return this.dataSource.transaction(async (manager) => {
      await this.networks.requireAll(manager, input.networkIds);
      const campaign = await manager.save(
        manager.create(Campaign, {
          name: input.name.trim(),
          surveyId: input.surveyId,
          surveyVersionId: version.id,
          version: version.version,
          networkIds: input.networkIds,
          opensAt,
          closesAt,
          anonymous: input.anonymous ?? false,
          allowEdits: input.allowEdits ?? false,
          status: 'open',
          closedAt: null,
          createdBy: actor.id,
        }),
      );
      const invited = await this.invitePersonally(manager, campaign);
      await this.audit.record(manager, {
        actor,
        action: 'campaign.created',
        subject: `campaign:${campaign.id}`,
        payload: {
          name: campaign.name,
          surveyVersionId: version.id,
          networkIds: input.networkIds,
          invited,
          ...(copiedFrom === undefined ? {} : { copiedFrom }),
        },
      });
      return toCampaignDto(campaign, invited);
    });
  }

  /**
   * The same networks, mode and settings on a newer published version: a new campaign with fresh
   * personal links (answers to different versions are never mixed in one campaign).
   */
  async copy(actor: Actor, id: string, input: CopyCampaignInput): Promise<CampaignDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    const source = await this.requireCampaign(this.dataSource.manager, id);
    if (input.version <= source.version) {
      throw new DomainError(
        'bad_request',
        `version must be newer than version ${source.version}, which this campaign already uses`,
      );
    }
    return this.create(
      actor,
      {
        surveyId: source.surveyId,
        version: input.version,
        name: input.name ?? `${source.name} (version ${input.version})`,
        networkIds: source.networkIds,
        anonymous: source.anonymous,
        allowEdits: source.allowEdits,
        ...(input.opensAt === undefined ? {} : { opensAt: input.opensAt }),
        ...(input.closesAt === undefined ? {} : { closesAt: input.closesAt }),
      },
      { campaignId: id, version: source.version },
    );
  }

  /** Live personal invitations of a campaign, for the mail feature's participant list and reminders. */
  async personalInvitations(
    campaignId: string,
    networkIds?: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PersonalInvitation[]> {
    const rows = await manager.query<
      Array<{ id: string; member_id: string; network_id: string; opened_at: Date | null }>
    >(
      `SELECT id, member_id, network_id, opened_at FROM invitations
       WHERE campaign_id = $1 AND kind = 'personal' AND revoked_at IS NULL AND member_id IS NOT NULL
         AND ($2::uuid[] IS NULL OR network_id = ANY($2::uuid[]))
       ORDER BY created_at, id`,
      [campaignId, networkIds === undefined ? null : [...networkIds]],
    );
    return rows.map((row) => ({
      id: row.id,
      memberId: row.member_id,
      networkId: row.network_id,
      openedAt: row.opened_at,
    }));
  }

  /** An open link that shows the questionnaire but accepts no response: the link of test e-mails. */
  async testLink(actor: Actor, campaign: Campaign, manager: EntityManager): Promise<string> {
    requireRole(actor, CAMPAIGN_STAFF);
    const existing = await manager.findOne(Invitation, {
      where: { campaignId: campaign.id, kind: 'open', maxResponses: 0, revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    if (existing !== null) return existing.id;
    const networkId = campaign.networkIds[0];
    if (networkId === undefined) throw new DomainError('bad_request', 'The campaign has no network');
    const invitationId = randomUUID();
    await manager.insert(Invitation, {
      id: invitationId,
      campaignId: campaign.id,
      kind: 'open',
      memberId: null,
      networkId,
      tokenHash: tokenHash(linkToken(this.config.secrets.linkSecret, invitationId)),
      maxResponses: 0,
    });
    return invitationId;
  }

  /** Networks by id, with the code and name that exports show instead of ids. */
  async networkNames(actor: Actor): Promise<Map<string, NetworkDto>> {
    const networks = await this.networks.list(actor);
    return new Map(networks.map((network) => [network.id, network]));
  }

  /** One personal invitation per member of the campaign's networks; ids are made here to derive tokens. */
  private async invitePersonally(manager: EntityManager, campaign: Campaign): Promise<number> {
    const members = await this.members.inNetworks(manager, campaign.networkIds);
    if (members.length === 0) return 0;
    const ids = members.map(() => randomUUID());
    await manager.query(
      `INSERT INTO invitations (id, campaign_id, kind, member_id, network_id, token_hash)
       SELECT i.id, $1, 'personal', i.member_id, i.network_id, i.token_hash
       FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[]) AS i(id, member_id, network_id, token_hash)`,
      [
        campaign.id,
        ids,
        members.map((member) => member.id),
        members.map((member) => member.networkId),
        ids.map((id) => tokenHash(linkToken(this.config.secrets.linkSecret, id))),
      ],
    );
    return members.length;
  }

  async list(actor: Actor): Promise<CampaignDto[]> {
    requireRole(actor, CAMPAIGN_READERS);
    const campaigns = await this.dataSource.getRepository(Campaign).find({ order: { createdAt: 'DESC' } });
    return this.withCounts(campaigns);
  }

  async get(actor: Actor, id: string): Promise<CampaignDto> {
    requireRole(actor, CAMPAIGN_READERS);
    const campaign = await this.requireCampaign(this.dataSource.manager, id);
    const [dto] = await this.withCounts([campaign]);
    if (dto === undefined) throw new DomainError('campaign_not_found', `Campaign ${id} not found`);
    return dto;
  }

  private async withCounts(campaigns: Campaign[]): Promise<CampaignDto[]> {
    const ids = campaigns.map((campaign) => campaign.id);
    const [invited, completed] = await Promise.all([this.invitedCounts(ids), this.responses.completedCounts(ids)]);
    return campaigns.map((campaign) =>
      toCampaignDto(campaign, invited.get(campaign.id) ?? 0, completed.get(campaign.id) ?? 0),
    );
  }

  /**
   * Every campaign's name, survey and pinned version, newest first, for features that let readers
   * pick a campaign (free-text coding). No links, members or counts; callers check access first.
   */
  async summaries(): Promise<
    Array<Pick<CampaignDto, 'id' | 'name' | 'surveyId' | 'version' | 'status' | 'createdAt'>>
  > {
    const campaigns = await this.dataSource.getRepository(Campaign).find({ order: { createdAt: 'DESC' } });
    return campaigns.map(({ id, name, surveyId, version, status, createdAt }) => ({
      id,
      name,
      surveyId,
      version,
      status,
      createdAt: createdAt.toISOString(),
    }));
  }

  private async invitedCounts(campaignIds: string[]): Promise<Map<string, number>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ campaign_id: string; invited: number }>>(
      `SELECT campaign_id, count(*)::int AS invited FROM invitations
       WHERE campaign_id = ANY($1::uuid[]) AND kind = 'personal' AND revoked_at IS NULL GROUP BY campaign_id`,
      [campaignIds],
    );
    return new Map(rows.map((row) => [row.campaign_id, row.invited]));
  }

  async links(actor: Actor, id: string): Promise<CampaignLinkDto[]> {
    requireRole(actor, CAMPAIGN_STAFF);
    await this.requireCampaign(this.dataSource.manager, id);
    const networks = await this.networkNames(actor);
    const invitations = await this.dataSource.getRepository(Invitation).find({
      select: { id: true, memberId: true, networkId: true, revokedAt: true },
      where: { campaignId: id, kind: 'personal', memberId: Not(IsNull()) },
    });
    const byMember = new Map(invitations.map((invitation) => [invitation.memberId, invitation]));
    // Members come ordered by country, name and e-mail; a member deleted since has no link left.
    const members = await this.members.byIds(
      actor,
      [...byMember.keys()].filter((memberId) => memberId !== null),
    );
    return [...members.values()].flatMap((member) => {
      const invitation = byMember.get(member.id);
      if (invitation === undefined) return [];
      return [
        {
          invitationId: invitation.id,
          memberId: member.id,
          name: member.name,
          email: member.email,
          networkId: invitation.networkId,
          networkCode: networks.get(invitation.networkId)?.code ?? '',
          networkName: networks.get(invitation.networkId)?.name ?? '',
          country: member.country,
          url: this.urlFor(invitation.id),
          revoked: invitation.revokedAt !== null,
        },
      ];
    });
  }

  async linksCsv(actor: Actor, id: string): Promise<string> {
    const links = await this.links(actor, id);
    return toCsv(
      ['invitationId', 'memberId', 'name', 'email', 'networkCode', 'networkName', 'country', 'url', 'revoked'],
      links.map((link) => [
        link.invitationId,
        link.memberId,
        link.name,
        link.email,
        link.networkCode,
        link.networkName,
        link.country,
        link.url,
        String(link.revoked),
      ]),
    );
  }

  async createOpenLink(actor: Actor, id: string, input: CreateOpenLinkDto): Promise<OpenLinkDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    return this.dataSource.transaction(async (manager) => {
      const campaign = await this.requireCampaign(manager, id);
      if (campaign.status === 'closed') throw new DomainError('campaign_closed', `Campaign ${id} is closed`);
      if (!campaign.networkIds.includes(input.networkId)) {
        throw new DomainError('bad_request', `networkId ${input.networkId} is not one of this campaign's networks`);
      }
      const invitationId = randomUUID();
      await manager.insert(Invitation, {
        id: invitationId,
        campaignId: id,
        kind: 'open',
        memberId: null,
        networkId: input.networkId,
        tokenHash: tokenHash(linkToken(this.config.secrets.linkSecret, invitationId)),
        maxResponses: input.maxResponses ?? null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'campaign.open_link_created',
        subject: `campaign:${id}`,
        payload: { invitationId, networkId: input.networkId, maxResponses: input.maxResponses ?? null },
      });
      return {
        id: invitationId,
        networkId: input.networkId,
        maxResponses: input.maxResponses ?? null,
        url: this.urlFor(invitationId),
      };
    });
  }

  async openLinks(actor: Actor, id: string): Promise<Array<OpenLinkDto & { responses: number; revoked: boolean }>> {
    requireRole(actor, CAMPAIGN_STAFF);
    await this.requireCampaign(this.dataSource.manager, id);
    const links = await this.dataSource
      .getRepository(Invitation)
      .find({ where: { campaignId: id, kind: 'open' }, order: { createdAt: 'ASC' } });
    return links.map((link) => ({
      id: link.id,
      networkId: link.networkId,
      maxResponses: link.maxResponses,
      url: this.urlFor(link.id),
      responses: link.responseCount,
      revoked: link.revokedAt !== null,
    }));
  }

  async revokeInvitation(actor: Actor, invitationId: string): Promise<{ id: string; revokedAt: string }> {
    requireRole(actor, CAMPAIGN_STAFF);
    return this.dataSource.transaction(async (manager) => {
      const invitation = await manager.findOne(Invitation, {
        where: { id: invitationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (invitation === null) throw new DomainError('invitation_not_found', `Invitation ${invitationId} not found`);
      if (invitation.revokedAt !== null) return { id: invitationId, revokedAt: invitation.revokedAt.toISOString() };
      const revokedAt = new Date();
      await manager.update(Invitation, { id: invitationId }, { revokedAt });
      await this.audit.record(manager, {
        actor,
        action: 'invitation.revoked',
        subject: `campaign:${invitation.campaignId}`,
        payload: { invitationId },
      });
      return { id: invitationId, revokedAt: revokedAt.toISOString() };
    });
  }

  /** All four counters per network in one query; "started" includes completed responses. */
  async progress(actor: Actor, id: string): Promise<CampaignProgressDto> {
    requireRole(actor, CAMPAIGN_READERS);
    const campaign = await this.requireCampaign(this.dataSource.manager, id);
    const [invitations, responses, networks] = await Promise.all([
      this.dataSource.query<Array<{ network_id: string; invited: number; opened: number }>>(
        `SELECT network_id,
           count(*) FILTER (WHERE revoked_at IS NULL)::int AS invited,
           count(*) FILTER (WHERE revoked_at IS NULL AND opened_at IS NOT NULL)::int AS opened
         FROM invitations WHERE campaign_id = $1 AND kind = 'personal' GROUP BY network_id`,
        [id],
      ),
      this.responses.byNetwork(id),
      this.networks.list(actor),
    ]);
    const invited = new Map(invitations.map((row) => [row.network_id, row]));
    // The networks' list is sorted by name; a network it does not know comes last.
    const rank = new Map(networks.map((network, index) => [network.id, index]));
    const rows = [...new Set(campaign.networkIds)].map((networkId): ProgressRow => ({
      network_id: networkId,
      invited: invited.get(networkId)?.invited ?? 0,
      opened: invited.get(networkId)?.opened ?? 0,
      started: responses.get(networkId)?.started ?? 0,
      completed: responses.get(networkId)?.completed ?? 0,
    }));
    rows.sort((a, b) => (rank.get(a.network_id) ?? rank.size) - (rank.get(b.network_id) ?? rank.size));
    return progressFromRows(rows);
  }

  async close(actor: Actor, id: string): Promise<CampaignDto> {
    requireRole(actor, CAMPAIGN_STAFF);
    const campaign = await this.dataSource.transaction(async (manager) => {
      const found = await this.requireCampaign(manager, id, true);
      if (found.status === 'closed') throw new DomainError('campaign_closed', `Campaign ${id} is already closed`);
      found.status = 'closed';
      found.closedAt = new Date();
      await manager.update(Campaign, { id }, { status: 'closed', closedAt: found.closedAt });
      await this.audit.record(manager, { actor, action: 'campaign.closed', subject: `campaign:${id}` });
      return found;
    });
    const [dto] = await this.withCounts([campaign]);
    if (dto === undefined) throw new DomainError('campaign_not_found', `Campaign ${id} not found`);
    return dto;
  }

  urlFor(invitationId: string): string {
    return linkUrl(this.config.publicUrl, linkToken(this.config.secrets.linkSecret, invitationId));
  }

  async requireCampaign(manager: EntityManager, id: string, lock = false): Promise<Campaign> {
    const campaign = await manager.findOne(Campaign, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (campaign === null) throw new DomainError('campaign_not_found', `Campaign ${id} not found`);
    return campaign;
  }
}
