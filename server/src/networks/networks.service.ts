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
    return networks.map((network) => ({
      id: network.id,
      code: network.code,
      name: network.name,
      hub: network.hub,
      countries: network.countries,
      memberCount: 0,
    }));
  }
}
