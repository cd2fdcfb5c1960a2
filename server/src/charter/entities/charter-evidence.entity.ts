import type { EvidenceFigures, EvidenceQuote, TallyFilters } from '@concord/shared';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { CharterDocumentPart } from './charter-document-part';

/**
 * Survey evidence cited by a revision, an amendment or a clause. The server computes the numbers
 * when the citation is made and freezes them, so the citation still says what the drafters saw
 * after more responses arrive. Rows without `as_of` predate that and hold numbers a client sent.
 */
@Entity('charter_evidence')
@Index('charter_evidence_document_idx', ['documentId', 'createdAt'])
export class CharterEvidence extends CharterDocumentPart {
  @Column('integer', { name: 'revision_number', nullable: true })
  revisionNumber: number | null;

  @Column('uuid', { name: 'amendment_id', nullable: true })
  amendmentId: string | null;

  @Column('text', { name: 'clause_id', nullable: true })
  clauseId: string | null;

  @Column('uuid', { name: 'campaign_id', nullable: true })
  campaignId: string | null;

  @Column('uuid', { name: 'survey_id', nullable: true })
  surveyId: string | null;

  @Column('text')
  question: string;

  @Column('text', { name: 'group_by', nullable: true })
  groupBy: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  filters: Partial<TallyFilters>;

  @Column('text', { default: 'pooled' })
  weighting: string;

  /** `answers` (the question's tally) or `themes` (the tally of the themes coded in its answers). */
  @Column('text', { default: 'answers' })
  source: string;

  /** Theme evidence counting one coder's codings; null: any coder's. */
  @Column('uuid', { name: 'coder_id', nullable: true })
  coderId: string | null;

  /** Quoted answers as cited: words, network and role only. */
  @Column('jsonb', { default: () => "'[]'" })
  quotes: EvidenceQuote[];

  @Column('jsonb', { nullable: true })
  snapshot: EvidenceFigures | null;

  @Column('timestamptz', { name: 'as_of', nullable: true })
  asOf: Date | null;

  /** Responses counted, as cited. */
  @Column('integer', { nullable: true })
  responses: number | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('uuid', { name: 'created_by_id', nullable: true })
  createdById: string | null;

  @Column('text', { name: 'created_by_name' })
  createdByName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
