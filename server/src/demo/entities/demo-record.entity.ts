import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The kinds of rows the demo seeds create and `demo:remove` deletes. */
export const DEMO_ENTITIES = ['campaign', 'member', 'user', 'charter'] as const;
export type DemoEntity = (typeof DEMO_ENTITIES)[number];

/**
 * One row the demo seed created. The registry marks demo data without a flag on every table, so
 * removing it deletes exactly these rows (and what hangs off them) and never a row created later.
 */
@Entity('demo_records')
export class DemoRecord {
  @PrimaryColumn('text')
  entity: DemoEntity;

  @PrimaryColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
