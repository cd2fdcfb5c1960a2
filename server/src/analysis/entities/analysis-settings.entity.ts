import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Campaign } from '../../campaigns/entities/campaign.entity';

/** Per-campaign analysis settings, kept here so the campaign table stays its owner's. */
@Entity('analysis_settings')
export class AnalysisSettings {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @OneToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  /** Groups with fewer responses show no breakdown and no free text. Never below the default (3). */
  @Column('int', { name: 'min_cell_size' })
  minCellSize: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
