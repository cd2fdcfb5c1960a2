import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Responses deleted, with the transaction that deleted them (written by a trigger on `responses`),
 * so the in-memory tally engine of every server instance can drop them when it catches up.
 */
@Entity('analysis_response_tombstones')
@Index('analysis_response_tombstones_campaign_xid_idx', ['campaignId', 'changeXid'])
export class ResponseTombstone {
  @PrimaryColumn('uuid', { name: 'response_id' })
  responseId: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  /** `pg_current_xact_id()` of the deleting transaction, as a number. */
  @Column('bigint', { name: 'change_xid' })
  changeXid: string;
}
