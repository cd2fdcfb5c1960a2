import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { StampedRow } from '../../database/stamped-row';
import type { MemberLanguage } from '@concord/shared';
import { Network } from './network.entity';

/**
 * A person who answers for a network. The e-mail address identifies them across imports
 * (unique over all networks), so importing the same list twice updates instead of duplicating.
 */
@Entity('network_members')
export class NetworkMember extends StampedRow {
  @Index('network_members_network_id_idx')
  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: Network;

  @Column('text')
  name: string;

  /** Stored lower-cased; the unique index is what upserts rely on. */
  @Index('network_members_email_key', { unique: true })
  @Column('text')
  email: string;

  @Column('text')
  country: string;

  /** Free text; 'National Focal Point', 'national team', 'secretariat', 'observer' are suggested. */
  @Column('text')
  role: string;

  @Column('text')
  language: MemberLanguage;
}
