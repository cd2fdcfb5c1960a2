import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Rate-limit counters, shared by all server instances through the database. */
@Entity('throttle_hits')
export class ThrottleHit {
  @PrimaryColumn('text')
  key: string;

  @Column('integer')
  hits: number;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'blocked_until', nullable: true })
  blockedUntil: Date | null;
}
