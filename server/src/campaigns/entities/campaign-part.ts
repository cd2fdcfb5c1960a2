import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { Campaign } from './campaign.entity';

/**
 * The columns of a row that belongs to one campaign (a response, an e-mail): the campaign, whose
 * deletion deletes it.
 */
export abstract class CampaignPart {
  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;
}
