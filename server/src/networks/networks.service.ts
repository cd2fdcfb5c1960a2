import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NetworkDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { Network } from './entities/network.entity';
import { REGIONAL_NETWORKS } from './regional-networks.seed';

@Injectable()
export class NetworksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the regional networks that are missing; never overwrites edits made since. */
  async seed(): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(Network)
      .values(REGIONAL_NETWORKS.map((network) => ({ ...network })))
      .orIgnore()
      .execute();
  }

  async list(actor: Actor): Promise<NetworkDto[]> {
    requireRole(actor, ['secretariat', 'committee']);
    const networks = await this.dataSource.getRepository(Network).find({ order: { name: 'ASC' } });
    const counts = await this.dataSource.query<Array<{ network_id: string; members: number }>>(
      'SELECT network_id, count(*)::int AS members FROM network_members GROUP BY network_id',
    );
    const memberCounts = new Map(counts.map((row) => [row.network_id, row.members]));
    return networks.map((network) => ({
      id: network.id,
      code: network.code,
      name: network.name,
      hub: network.hub,
      countries: network.countries,
      memberCount: memberCounts.get(network.id) ?? 0,
    }));
  }
}
