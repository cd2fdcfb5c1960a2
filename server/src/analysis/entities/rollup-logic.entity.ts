import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Campaign } from '../../campaigns/entities/campaign.entity';

/**
 * Which version of the fact logic built a campaign's rollup. A release that changes how answers
 * become facts raises FACT_LOGIC_VERSION, and start-up rebuilds every rollup built by an older one.
 * A campaign without a row has a rollup from before versions were recorded: it is rebuilt too.
 */
@Entity('analysis_rollup_logic')
export class RollupLogic {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @OneToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @Column('int', { name: 'logic_version' })
  logicVersion: number;

  @UpdateDateColumn({ name: 'built_at', type: 'timestamptz' })
  builtAt: Date;
}
