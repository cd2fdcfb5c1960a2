import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (value: number): number => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * One entry of the append-only, hash-chained audit log:
 * hash = sha256(prev_hash || canonical(event)). `seq` is gapless (assigned under the
 * audit_head row lock), so a deleted row shows as a gap.
 */
@Entity('audit_events')
@Index('audit_events_subject_idx', ['subject', 'seq'])
export class AuditEvent {
  @PrimaryColumn('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column('text', { name: 'actor_email', nullable: true })
  actorEmail: string | null;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('jsonb')
  payload: unknown;

  @Column('char', { length: 64, name: 'prev_hash' })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;
}

/** The chain's head: the last seq and hash. Its row lock serializes appends. */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn('smallint')
  id: number;

  @Column('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('char', { length: 64 })
  hash: string;
}
