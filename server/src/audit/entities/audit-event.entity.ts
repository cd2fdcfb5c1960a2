import { Column, Entity, Index, PrimaryGeneratedColumn, PrimaryColumn } from 'typeorm';

const bigintAsNumber = {
  to: (value: number | null): number | null => value,
  from: (value: string | null): number | null => (value === null ? null : Number(value)),
};

/**
 * One entry of the append-only, hash-chained audit log. An event is written in the same
 * transaction as the change it records, unsealed (seq, prev_hash and hash null); the sealer then
 * chains committed events in order: hash = sha256(prev_hash || canonical(event)). Sealing outside
 * the writers' transactions keeps the chain's single lock off the commit path of every audited
 * change. `seq` is gapless, so a deleted sealed row shows as a gap.
 */
@Entity('audit_events')
@Index('audit_events_seq_key', ['seq'], { unique: true })
@Index('audit_events_subject_idx', ['subject', 'seq'])
@Index('audit_events_unsealed_idx', ['id'], { where: 'seq IS NULL' })
export class AuditEvent {
  /** Insertion order (bigint, read as a string); the chain order is `seq`. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('bigint', { nullable: true, transformer: bigintAsNumber })
  seq: number | null;

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

  @Column('char', { length: 64, name: 'prev_hash', nullable: true })
  prevHash: string | null;

  @Column('char', { length: 64, nullable: true })
  hash: string | null;
}

/** The chain's head: the last sealed seq and hash. Its row lock serializes sealers across instances. */
@Entity('audit_head')
export class AuditHead {
  @PrimaryColumn('smallint')
  id: number;

  @Column('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('char', { length: 64 })
  hash: string;
}
