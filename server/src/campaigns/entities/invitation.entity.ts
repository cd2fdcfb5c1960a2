import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Network } from '../../networks/entities/network.entity';
import { NetworkMember } from '../../networks/entities/network-member.entity';
import { Campaign } from './campaign.entity';

export type InvitationKind = 'personal' | 'open';

/**
 * A link into a campaign: personal (one member) or open (anyone of one network, optionally up to
 * a quota). The token is derived from the id with a server secret and only its hash is stored,
 * so a database dump alone does not give working links.
 */
@Entity('invitations')
@Index('invitations_campaign_member_key', ['campaignId', 'memberId'], { unique: true })
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('invitations_campaign_id_idx')
  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column('text')
  kind: InvitationKind;

  @Column('uuid', { name: 'member_id', nullable: true })
  memberId: string | null;

  @ManyToOne(() => NetworkMember, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'member_id' })
  member?: NetworkMember;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: Network;

  /** sha256 (hex) of the link token. */
  @Index('invitations_token_hash_key', { unique: true })
  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  /** Open links only: how many complete responses it accepts (null: no limit). */
  @Column('int', { name: 'max_responses', nullable: true })
  maxResponses: number | null;

  /** Open links only: complete responses so far, counted under the row lock that enforces the quota. */
  @Column('int', { name: 'response_count', default: 0 })
  responseCount: number;

  @Column('timestamptz', { name: 'opened_at', nullable: true })
  openedAt: Date | null;

  @Column('timestamptz', { name: 'revoked_at', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
