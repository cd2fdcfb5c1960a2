import type { CharterClause } from '@concord/shared';
import { Column, Entity, Index } from 'typeorm';
import { AuthoredCharterPart } from './charter-document-part';

/** An immutable snapshot of a charter's clauses; never updated once written. */
@Entity('charter_revisions')
@Index('charter_revisions_document_number_key', ['documentId', 'number'], { unique: true })
export class CharterRevision extends AuthoredCharterPart {
  @Column('integer')
  number: number;

  @Column('integer', { name: 'parent_number', nullable: true })
  parentNumber: number | null;

  @Column('text')
  message: string;

  @Column('jsonb')
  clauses: CharterClause[];

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  /** Saved against an older base and merged three-way with the revisions since. */
  @Column('boolean', { default: false })
  merged: boolean;
}
