import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { MemberLanguage, OutboxKind, OutboxStatus } from '@concord/shared';
import { CampaignPart } from '../../campaigns/entities/campaign-part';
import { Invitation } from '../../campaigns/entities/invitation.entity';

/**
 * One e-mail to one member: queued by staff, sent by the worker when SMTP is configured, or
 * exported to be sent by hand. The body keeps a placeholder instead of the personal link, which
 * is derived from the invitation with the link secret only when the message leaves, so a dump of
 * this table gives no working link either.
 */
@Entity('outbox')
@Index('outbox_campaign_id_created_at_idx', ['campaignId', 'createdAt'])
@Index('outbox_pending_due_idx', ['nextAttemptAt'], { where: "status = 'pending'" })
export class OutboxMessage extends CampaignPart {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('outbox_invitation_id_idx')
  @Column('uuid', { name: 'invitation_id' })
  invitationId: string;

  @ManyToOne(() => Invitation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Invitation;

  @Column('text')
  kind: OutboxKind;

  /** The member's address when the message was queued. */
  @Column('text')
  recipient: string;

  @Column('text')
  language: MemberLanguage;

  @Column('text')
  subject: string;

  /** Plain text with LINK_PLACEHOLDER where the personal link goes. */
  @Column('text')
  body: string;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  /** When a pending message may be tried next; a claimed message is leased by moving this ahead. */
  @Column('timestamptz', { name: 'next_attempt_at', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
