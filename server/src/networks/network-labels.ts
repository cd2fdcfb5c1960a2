import type { EntityManager } from 'typeorm';
import { Network } from './entities/network.entity';

/** A network as analysis shows it: filtered by id or code, grouped by code, labelled by name. */
export interface NetworkLabel {
  id: string;
  code: string;
  name: string;
}

export async function networkLabels(manager: EntityManager): Promise<NetworkLabel[]> {
  const networks = await manager.find(Network, { select: { id: true, code: true, name: true } });
  return networks.map(({ id, code, name }) => ({ id, code, name }));
}
