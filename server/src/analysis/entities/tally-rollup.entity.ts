import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Answer counts per campaign, version, network, country, role and language: what the tallies read.
 * Only the fold (one writer at a time, under an advisory lock) changes it, so completions never
 * contend on its rows; they append to analysis_pending_changes instead.
 *
 * No foreign key to its campaign: checking one per row written cost four tenths of the fold's
 * upsert. The fold writes only campaigns it has just seen exist, under the fold lock, and deleting
 * campaigns takes that lock and deletes their rows (forgetTallies). Its pages are kept half full
 * (fillfactor 50, set in the migration) so that adding to a count is a heap-only update.
 */
@Entity('analysis_tally_rollup')
@Index('analysis_tally_rollup_version_idx', ['surveyVersionId'])
export class TallyRollup {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

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
