import type { EntityManager } from 'typeorm';
import type { DemoEntity } from './entities/demo-record.entity';

/** Marks rows a demo seed created, inside the seed's own transaction. */
export async function markDemo(manager: EntityManager, entity: DemoEntity, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await manager.query(`INSERT INTO demo_records (entity, id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [
    entity,
    ids,
  ]);
}

/** True once the demo data was removed: the seeds then never add it again. */
export async function demoWasRemoved(manager: EntityManager): Promise<boolean> {
  const [row] = await manager.query<Array<{ removed: boolean }>>(
    `SELECT EXISTS (SELECT 1 FROM audit_events WHERE action = 'demo.removed') AS removed`,
  );
  return row.removed;
}
