import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { MemberLanguage } from '@concord/shared';
import { CampaignPart } from '../../campaigns/entities/campaign-part';
import { Invitation } from '../../campaigns/entities/invitation.entity';
import { Network } from '../../networks/entities/network.entity';

export type ResponseStatus = 'partial' | 'complete';

/**
 * One person's answers to a campaign's pinned version. `data` is the plain SurveyJS answer object,
 * so analysis can aggregate it with SQL. A personal invitation has at most one response (unique
 * invitation_id); in anonymous campaigns invitation_id stays null and the id itself is derived from
 * the invitation with the link secret, which keeps that one-response rule without storing who.
 */
@Entity('responses')
@Index('responses_campaign_network_status_idx', ['campaignId', 'networkId', 'status'])
@Index('responses_campaign_change_xid_idx', ['campaignId', 'changeXid'])
@Index('responses_open_link_idempotency_key', ['openLinkId', 'idempotencyKey'], { unique: true })
export class SurveyResponse extends CampaignPart {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_version_id' })
  surveyVersionId: string;

  @Index('responses_invitation_id_key', { unique: true })
  @Column('uuid', { name: 'invitation_id', nullable: true })
  invitationId: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invitation_id' })
  invitation?: Invitation;

  /** The open link a response came through (open links carry no identity). */
  @Column('uuid', { name: 'open_link_id', nullable: true })
  openLinkId: string | null;

  @ManyToOne(() => Invitation, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'open_link_id' })
  openLink?: Invitation;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @ManyToOne(() => Network, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'network_id' })
  network?: Network;

  @Column('text', { nullable: true })
  country: string | null;

  @Column('text', { nullable: true })
  role: string | null;

  @Column('text', { nullable: true })
  language: MemberLanguage | null;

  @Column('jsonb', { default: () => "'{}'" })
  data: Record<string, unknown>;

  /** The page the respondent was on at their last save (index among all pages), to resume there. */
  @Column('smallint', { name: 'current_page', nullable: true })
  currentPage: number | null;

  /**
   * The questionnaire language the respondent last used; unlike `language` (the member's language
   * as the secretariat recorded it, used for grouping), this is only where to resume.
   */
  @Column('text', { nullable: true })
  locale: string | null;

  @Column('text')
  status: ResponseStatus;

  @Index('responses_receipt_key', { unique: true })
  @Column('text', { nullable: true })
  receipt: string | null;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey: string | null;

  /** sha256 of the canonical JSON of the completed answers, to tell a retry from a different request. */
  @Column('text', { name: 'request_hash', nullable: true })
  requestHash: string | null;

  @Column('timestamptz', { name: 'started_at', default: () => 'now()' })
  startedAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' })
  updatedAt: Date;

  /**
   * The transaction that last wrote the row (`pg_current_xact_id()`, set by a trigger), so the
   * analysis tally engine can catch up exactly on what changed since its last snapshot.
   */
  @Column({ name: 'change_xid', type: 'bigint', nullable: true, select: false, insert: false, update: false })
  changeXid?: string | null;
}
