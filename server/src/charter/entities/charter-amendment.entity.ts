import type { AmendmentStatus } from '@concord/shared';
import { Column, Entity, Index } from 'typeorm';
import { AuthoredCharterPart } from './charter-document-part';

/** Proposed text for one clause (or a new clause) against a revision, decided by a chair. */
@Entity('charter_amendments')
@Index('charter_amendments_document_number_key', ['documentId', 'number'], { unique: true })
export class CharterAmendment extends AuthoredCharterPart {
  @Column('integer')
  number: number;

  @Column('text')
  status: AmendmentStatus;

  @Column('integer', { name: 'base_revision' })
  baseRevision: number;

  @Column('text', { name: 'clause_id' })
  clauseId: string;

  @Column('boolean', { name: 'is_new_clause' })
  isNewClause: boolean;

  @Column('text', { name: 'after_clause_id', nullable: true })
  afterClauseId: string | null;

  @Column('text')
  heading: string;

  @Column('text')
  body: string;

  @Column('text')
  rationale: string;

  @Column('uuid', { name: 'decided_by_id', nullable: true })
  decidedById: string | null;

  @Column('text', { name: 'decided_by_name', nullable: true })
  decidedByName: string | null;

  @Column('timestamptz', { name: 'decided_at', nullable: true })
  decidedAt: Date | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('integer', { name: 'resulting_revision', nullable: true })
  resultingRevision: number | null;
}
