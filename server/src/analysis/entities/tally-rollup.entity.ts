import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from '../../campaigns/entities/campaign.entity';

/**
 * Answer counts per campaign, version, network, country, role and language: what the tallies read.
 * Only the fold (one writer at a time, under an advisory lock) changes it, so completions never
 * contend on its rows; they append to analysis_pending_changes instead.
 */
@Entity('analysis_tally_rollup')
@Index('analysis_tally_rollup_version_idx', ['surveyVersionId'])
export class TallyRollup {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id' })
  campaign?: Campaign;

  @PrimaryColumn('uuid', { name: 'survey_version_id' })
  surveyVersionId: string;

  @PrimaryColumn('uuid', { name: 'network_id' })
  networkId: string;

  /** '' when the response has none. */
  @PrimaryColumn('text')
  country: string;

  @PrimaryColumn('text')
  role: string;

  @PrimaryColumn('text')
  language: string;

  /** 'r' response, 'a' answered, 'v' answer value. */
  @PrimaryColumn('text')
  measure: string;

  @PrimaryColumn('text')
  question: string;

  @PrimaryColumn('text', { name: 'row_key' })
  rowKey: string;

  @PrimaryColumn('text', { name: 'col_key' })
  colKey: string;

  @PrimaryColumn('text')
  value: string;

  /** Position in a ranking (1 = first); 0 otherwise. */
  @PrimaryColumn('int')
  rank: number;

  @Column('bigint', { default: 0 })
  count: string;
}
