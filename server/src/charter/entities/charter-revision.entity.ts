import type { CharterClause } from '@concord/shared';
import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { CharterDocumentPart } from './charter-document-part';

/** An immutable snapshot of a charter's clauses; never updated once written. */
@Entity('charter_revisions')
@Index('charter_revisions_document_number_key', ['documentId', 'number'], { unique: true })
export class CharterRevision extends CharterDocumentPart {
  @Column('integer')
  number: number;

  @Column('integer', { name: 'parent_number', nullable: true })
  parentNumber: number | null;

  /** null for revisions the system wrote. */
  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  /** The author's name when the revision was saved: the record must not change when a user is renamed. */
  @Column('text', { name: 'author_name' })
  authorName: string;

  @Column('text')
  message: string;

  @Column('jsonb')
  clauses: CharterClause[];

  @Column('text', { name: 'content_hash' })
  contentHash: string;

  /** Saved against an older base and merged three-way with the revisions since. */
  @Column('boolean', { default: false })
  merged: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
