import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type NetworkResponseCounts, ResponseCounts } from '../campaigns';
import { anonymousResponseId } from '../common/link-tokens';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';

export interface InvitationResponseState {
  startedAt: Date;
  completedAt: Date | null;
}

/**
 * What other features may know about responses without reading the responses table: how far each
 * personal invitation got, and how many responses a campaign has. No answers leave this service.
 */
@Injectable()
export class ResponseProgressService implements ResponseCounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /**
   * The response of each given personal invitation, if any. Anonymous responses name no invitation:
   * their ids are derived from it with the link secret here, in memory, and nothing of that is stored.
   */
  async byInvitation(
    campaignId: string,
    invitationIds: readonly string[],
    anonymous: boolean,
  ): Promise<Map<string, InvitationResponseState>> {
    const states = new Map<string, InvitationResponseState>();
    if (invitationIds.length === 0) return states;
    if (!anonymous) {
      const rows = await this.dataSource.query<Array<{ key: string; started_at: Date; completed_at: Date | null }>>(
        `SELECT invitation_id AS key, started_at, completed_at FROM responses
         WHERE campaign_id = $1 AND invitation_id = ANY($2::uuid[])`,
        [campaignId, invitationIds],
      );
      for (const row of rows) states.set(row.key, { startedAt: row.started_at, completedAt: row.completed_at });
      return states;
    }
    const secret = this.config.secrets.linkSecret;
    const invitationOf = new Map(invitationIds.map((id) => [anonymousResponseId(secret, id), id]));
    const rows = await this.dataSource.query<Array<{ key: string; started_at: Date; completed_at: Date | null }>>(
      `SELECT id AS key, started_at, completed_at FROM responses WHERE campaign_id = $1 AND id = ANY($2::uuid[])`,
      [campaignId, [...invitationOf.keys()]],
    );
    for (const row of rows) {
      const invitationId = invitationOf.get(row.key);
      if (invitationId !== undefined)
        states.set(invitationId, { startedAt: row.started_at, completedAt: row.completed_at });
    }
    return states;
  }

  /** Complete responses per campaign, through any link. */
  async completedCounts(campaignIds: readonly string[]): Promise<Map<string, number>> {
    if (campaignIds.length === 0) return new Map();
    const rows = await this.dataSource.query<Array<{ campaign_id: string; completed: number }>>(
      `SELECT campaign_id, count(*)::int AS completed FROM responses
       WHERE campaign_id = ANY($1::uuid[]) AND status = 'complete' GROUP BY campaign_id`,
      [campaignIds],
    );
    return new Map(rows.map((row) => [row.campaign_id, row.completed]));
  }

  async byNetwork(campaignId: string): Promise<Map<string, NetworkResponseCounts>> {
    const rows = await this.dataSource.query<Array<{ network_id: string; started: number; completed: number }>>(
      `SELECT network_id, count(*)::int AS started, count(*) FILTER (WHERE status = 'complete')::int AS completed
       FROM responses WHERE campaign_id = $1 GROUP BY network_id`,
      [campaignId],
    );
    return new Map(rows.map((row) => [row.network_id, { started: row.started, completed: row.completed }]));
  }
}
