import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { MailWordingKind, MemberLanguage } from '@concord/shared';
import { Campaign } from '../../campaigns/entities/campaign.entity';

/**
 * A campaign's own subject and body for one kind of message in one language, with the same
 * placeholders as the default wording. Messages without a row here use the default; a message
 * keeps the wording it was queued with.
 */
@Entity('campaign_mail_wordings')
export class CampaignMailWording {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @PrimaryColumn('text')
  kind: MailWordingKind;

  @PrimaryColumn('text')
  language: MemberLanguage;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
