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
import type { MemberLanguage } from '@concord/shared';
import { Network } from './network.entity';

/**
 * A person who answers for a network. The e-mail address identifies them across imports
 * (unique over all networks), so importing the same list twice updates instead of duplicating.
 */
@Entity('network_members')
export class NetworkMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
