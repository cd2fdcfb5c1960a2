import type { EntityManager } from 'typeorm';
import { auditHasAction } from '../audit';
import type { DemoEntity } from './entities/demo-record.entity';

/** Marks rows a demo seed created, inside the seed's own transaction. */
export async function markDemo(manager: EntityManager, entity: DemoEntity, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(`INSERT INTO demo_records (entity, id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    entity,
    ids,
  ]);
}

export async function demoIds(manager: EntityManager, entity: DemoEntity): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>('SELECT id FROM demo_records WHERE entity = $1', [entity]);
  return rows.map((row) => row.id);
}

/** Forgets the marks of rows that no longer exist (removed, or erased since). */
export async function unmarkDemo(manager: EntityManager, entity: DemoEntity, keep: readonly string[]): Promise<void> {
  await manager.query('DELETE FROM demo_records WHERE entity = $1 AND NOT (id = ANY($2::uuid[]))', [entity, keep]);
}

/** True once the demo data was removed: the seeds then never add it again. */
export function demoWasRemoved(manager: EntityManager): Promise<boolean> {
  return auditHasAction(manager, 'demo.removed');
}
