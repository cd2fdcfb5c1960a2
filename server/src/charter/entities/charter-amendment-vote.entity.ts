import type { AmendmentPosition } from '@concord/shared';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { StampedRow } from '../../database/stamped-row';
import { CharterAmendment } from './charter-amendment.entity';

/** One committee member's voice on an amendment: the unique key keeps it to one voice each. */
@Entity('charter_amendment_votes')
@Index('charter_amendment_votes_amendment_user_key', ['amendmentId', 'userId'], { unique: true })
export class CharterAmendmentVote extends StampedRow {
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
}
