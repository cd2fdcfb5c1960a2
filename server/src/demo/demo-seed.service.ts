import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { compileValidator, validateAnswers, withComputedAnswers } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import {
  campaignNameTaken,
  insertHistoricCampaign,
  insertPersonalInvitations,
  markInvitationsOpened,
} from '../campaigns';
import { generateReceipt, linkToken, tokenHash } from '../common/link-tokens';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { allNetworkRecords, insertMembersIfAbsent, membersOfNetworks, type NetworkRecord } from '../networks';
import { insertHistoricResponses } from '../responses';
import { CHARTER_REVIEW_SLUG, type PublishedVersionRecord, publishedVersionsOfSurvey } from '../surveys';
import { demoAnswers, partialAnswers } from './demo-answers';
import { demoMembers } from './demo-members';
import { DemoRandom } from './demo-prng';
import { demoWasRemoved, markDemo } from './demo-records';
import { DEMO_LOCK } from './demo-removal';

interface DemoCampaignPlan {
  name: string;
  version: number;
  opensAt: string;
  closesAt: string | null;
  closed: boolean;
  completeRate: number;
  partialRate: number;
}

const DEMO_CAMPAIGNS: readonly DemoCampaignPlan[] = [
  {
    name: 'Charter review 2020',
    version: 1,
    opensAt: '2020-09-01T08:00:00Z',
    closesAt: '2020-11-30T18:00:00Z',
    closed: true,
    completeRate: 0.78,
    partialRate: 0.08,
  },
  {
    name: 'Charter review 2021 (revised questionnaire)',
    version: 2,
    opensAt: '2021-03-01T08:00:00Z',
    closesAt: null,
    closed: false,
    completeRate: 0.62,
    partialRate: 0.1,
  },
];

interface InvitedMember {
  invitation_id: string;
  network_id: string;
  code: string;
  country: string;
  role: string;
  language: string;
}

/**
 * Demo data for a new installation: members in every network, the 2020 campaign of version 1 and
 * a later one of version 2, with responses generated from the questionnaire and checked by the
 * strict validator. Runs once (a demo campaign present means done), in one transaction, with one
 * audit event for the whole seed. Every member and campaign it adds is marked in `demo_records`, and
 * once the demo data was removed it is never seeded again.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async seed(): Promise<void> {
    if (!this.config.seedDemo) return;
    const started = Date.now();
    const summary = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
      const versions = await publishedVersionsOfSurvey(manager, CHARTER_REVIEW_SLUG);
      const [first] = versions;
      const [firstPlan] = DEMO_CAMPAIGNS;
      if (first === undefined || firstPlan === undefined || (await demoWasRemoved(manager))) return null;
      if (await campaignNameTaken(manager, first.survey_id, firstPlan.name)) return null;
      const networks = await allNetworkRecords(manager);
      const random = new DemoRandom(2020);
      const memberIds = await this.insertMembers(manager, networks, random);
      await markDemo(manager, 'member', memberIds);
      const members = memberIds.length;
      const campaignIds: string[] = [];
      const counts = { complete: 0, partial: 0, rejected: 0 };
      for (const plan of DEMO_CAMPAIGNS) {
        const version = versions.find((candidate) => candidate.version === plan.version);
        if (version === undefined) continue;
        const campaignId = await insertHistoricCampaign(manager, {
          name: plan.name,
          surveyId: version.survey_id,
          surveyVersionId: version.id,
          version: version.version,
          networkIds: networks.map((network) => network.id),
          opensAt: plan.opensAt,
          closesAt: plan.closesAt,
          closed: plan.closed,
        });
        campaignIds.push(campaignId);
        await markDemo(manager, 'campaign', [campaignId]);
        const invited = await this.invite(
          manager,
          campaignId,
          networks.map((network) => network.id),
        );
        const result = await this.insertResponses(manager, plan, campaignId, version, invited, random);
        counts.complete += result.complete;
        counts.partial += result.partial;
        counts.rejected += result.rejected;
      }
      await this.audit.record(manager, {
        actor: null,
        action: 'demo.seeded',
        subject: 'demo',
        payload: { members, campaignIds, complete: counts.complete, partial: counts.partial },
      });
      return { members, ...counts };
    });
    if (summary !== null) {
      this.logger.log(
        `Demo data: ${summary.members} members, ${summary.complete} complete and ${summary.partial} partial responses` +
          ` (${summary.rejected} generated answers rejected by the validator) in ${Date.now() - started} ms`,
      );
    }
  }

  /** Adds the demo members that are missing; members edited or moved since are left alone. */
  private async insertMembers(
    manager: EntityManager,
    networks: readonly NetworkRecord[],
    random: DemoRandom,
  ): Promise<string[]> {
    return insertMembersIfAbsent(
      manager,
      networks.flatMap((network) =>
        demoMembers(network.code, random).map((member) => ({ ...member, networkId: network.id })),
      ),
    );
  }

  /** One personal invitation per member of the networks, tokens derived as for any campaign. */
  private async invite(manager: EntityManager, campaignId: string, networkIds: string[]): Promise<InvitedMember[]> {
    const invited = (await membersOfNetworks(manager, networkIds)).map((member) => ({
      ...member,
      invitation_id: randomUUID(),
    }));
    await insertPersonalInvitations(
      manager,
      campaignId,
      invited.map((member) => ({
        id: member.invitation_id,
        memberId: member.id,
        networkId: member.network_id,
        tokenHash: tokenHash(linkToken(this.config.secrets.linkSecret, member.invitation_id)),
      })),
    );
    return invited;
  }

  private async insertResponses(
    manager: EntityManager,
    plan: DemoCampaignPlan,
    campaignId: string,
    version: PublishedVersionRecord,
    invited: InvitedMember[],
    random: DemoRandom,
  ): Promise<{ complete: number; partial: number; rejected: number }> {
    const compiled = compileValidator(version.definition);
    const opensAt = Date.parse(plan.opensAt);
    const span = (plan.closesAt === null ? 60 : (Date.parse(plan.closesAt) - opensAt) / 86_400_000 - 1) * 86_400_000;
    const rows: Array<{
      invitation: InvitedMember;
      data: Record<string, unknown>;
      complete: boolean;
      startedAt: Date;
      completedAt: Date | null;
    }> = [];
    let rejected = 0;
    for (const invitation of invited) {
      const draw = random.next();
      if (draw >= plan.completeRate + plan.partialRate) continue;
      const complete = draw < plan.completeRate;
      const who = {
        networkCode: invitation.code,
        country: invitation.country,
        role: invitation.role,
        language: invitation.language,
      };
      let data: Record<string, unknown> | null = null;
      for (let attempt = 0; attempt < 3 && data === null; attempt++) {
        const full = demoAnswers(version.definition, random, who);
        const candidate = complete ? full : partialAnswers(full, random);
        if (validateAnswers(compiled, candidate, complete ? 'complete' : 'partial').length === 0)
          data = withComputedAnswers(compiled, candidate);
        else rejected += 1;
      }
      if (data === null) continue;
      const startedAt = new Date(opensAt + random.next() * span);
      const completedAt = complete ? new Date(startedAt.getTime() + random.int(10, 60 * 24 * 3) * 60_000) : null;
      rows.push({ invitation, data, complete, startedAt, completedAt });
    }
    if (rows.length > 0) {
      await insertHistoricResponses(
        manager,
        campaignId,
        version.id,
        rows.map((row) => ({
          invitationId: row.invitation.invitation_id,
          networkId: row.invitation.network_id,
          country: row.invitation.country,
          role: row.invitation.role,
          language: row.invitation.language,
          data: row.data,
          status: row.complete ? 'complete' : 'partial',
          receipt: row.complete ? generateReceipt() : null,
          startedAt: row.startedAt,
          completedAt: row.completedAt,
        })),
      );
      await markInvitationsOpened(
        manager,
        rows.map((row) => ({ id: row.invitation.invitation_id, openedAt: row.startedAt })),
      );
    }
    const complete = rows.filter((row) => row.complete).length;
    return { complete, partial: rows.length - complete, rejected };
  }
}
