import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NetworkDto } from '@concord/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
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

  /** For features that name networks (campaigns): a 404 listing every id that names no network. */
  async requireAll(manager: EntityManager, networkIds: readonly string[]): Promise<void> {
    if (networkIds.length === 0) return;
    const found = await manager
      .getRepository(Network)
      .find({ select: { id: true }, where: { id: In([...networkIds]) } });
    const known = new Set(found.map((network) => network.id));
    const unknown = networkIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new DomainError('network_not_found', `Unknown network(s): ${unknown.join(', ')}`);
  }
}
