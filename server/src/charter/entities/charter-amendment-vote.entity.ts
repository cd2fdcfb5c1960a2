import type { AmendmentPosition } from '@concord/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CharterAmendment } from './charter-amendment.entity';

/** One committee member's voice on an amendment: the unique key keeps it to one voice each. */
@Entity('charter_amendment_votes')
@Index('charter_amendment_votes_amendment_user_key', ['amendmentId', 'userId'], { unique: true })
export class CharterAmendmentVote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CharterAmendment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'amendment_id' })
  amendment?: CharterAmendment;

  @Column('uuid', { name: 'amendment_id' })
  amendmentId: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('text', { name: 'user_name' })
  userName: string;

  @Column('text')
  position: AmendmentPosition;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
