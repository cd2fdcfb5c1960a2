import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CampaignDto, RetentionRunResult } from '@concord/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import {
  campaignsDueForRetention,
  CampaignsService,
  lockCampaignDueForRetention,
  markIdentitiesRemoved,
  setRetentionDays,
} from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { type Clock, InjectClock } from '../common/clock';
import { isDatabaseUnavailable } from '../common/database-unavailable';
import { DomainError } from '../common/domain-error';
import { detachResponsesOfCampaign } from '../responses';
import type { RetentionDto } from './dto/privacy.dto';

/** How often the background job looks for campaigns whose retention period has ended. */
const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Per campaign, a number of days after it closes (the earlier of its closing by hand and its end
 * date) when its responses are detached from the invitations, and so from the members who gave
 * them. Answers, network, country, role and language stay, so tallies do not change.
 */
@Injectable()
export class RetentionService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('Retention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly campaigns: CampaignsService,
    @InjectClock() private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.running = this.runDue().catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) this.logger.error(`Retention run failed: ${String(error)}`);
      });
    }, RETENTION_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async setRetention(actor: Actor, campaignId: string, input: RetentionDto): Promise<CampaignDto> {
    requireRole(actor, ['secretariat']);
    await this.dataSource.transaction(async (manager) => {
      const set = await setRetentionDays(manager, campaignId, input.retentionDays);
      if (set === undefined) throw new DomainError('campaign_not_found', `No campaign has the id ${campaignId}`);
      await this.audit.record(manager, {
        actor,
        action: 'campaign.retention_set',
        subject: `campaign:${campaignId}`,
        payload: { from: set.previous, to: input.retentionDays },
      });
    });
    return this.campaigns.get(actor, campaignId);
  }

  /**
   * Removes respondent identities (times compared to the millisecond, the clock's precision) from every campaign whose retention period has ended by the
   * clock's now. Each campaign in its own transaction, locked so that several instances running
   * the job at once process it once.
   */
  async runDue(): Promise<RetentionRunResult> {
    const now = this.clock.now();
    const due = await campaignsDueForRetention(this.dataSource.manager, now);
    const done: RetentionRunResult['campaigns'] = [];
    for (const id of due) {
      const result = await this.dataSource.transaction(async (manager) => {
        const locked = await lockCampaignDueForRetention(manager, id, now);
        if (locked === null) return null;
        const { closed, retentionDays: days } = locked;
        const detached = await detachResponsesOfCampaign(manager, id);
        await markIdentitiesRemoved(manager, id, now);
        await this.audit.record(manager, {
          actor: null,
          action: 'campaign.identities_removed',
          subject: `campaign:${id}`,
          payload: { responses: detached.length, retentionDays: days, closedAt: closed.toISOString() },
        });
        return { campaignId: id, responses: detached.length };
      });
      if (result !== null) done.push(result);
    }
    if (done.length > 0) await this.audit.seal();
    return { campaigns: done };
  }
}
