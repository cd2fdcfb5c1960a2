import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only queue of completed answers not yet folded into the rollup: +1 when a response
 * completes, -1 with the old answers when a completed response is changed or deleted. A database
 * trigger on `responses` writes it inside the completing transaction, so nothing is missed and
 * concurrent completions only ever insert.
 */
@Entity('analysis_pending_changes')
export class PendingChange {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  seq: string;

  @Column('uuid', { name: 'campaign_id' })
  campaignId: string;

  @Column('uuid', { name: 'survey_version_id' })
  surveyVersionId: string;

  @Column('uuid', { name: 'network_id' })
  networkId: string;

  @Column('text')
  country: string;

  @Column('text')
  role: string;

  @Column('text')
  language: string;

  /**
   * The answers as PostgreSQL prints their jsonb: printed once here, so the fold, which reads every
   * change, does not print it again (it scans this text; SQL readers cast it back to jsonb).
   */
  @Column('text')
  data: string;

  @Column('smallint')
  sign: number;
}
