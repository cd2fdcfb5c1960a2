import { Column, Entity, Index } from 'typeorm';
import { AuthoredCharterPart } from './charter-document-part';

/** A comment on a clause (with an optional quoted passage) or on an amendment; threaded by parent. */
@Entity('charter_comments')
@Index('charter_comments_document_idx', ['documentId', 'createdAt'])
export class CharterComment extends AuthoredCharterPart {
  @Column('text', { name: 'clause_id', nullable: true })
  clauseId: string | null;

  @Column('uuid', { name: 'amendment_id', nullable: true })
  amendmentId: string | null;

  /** The revision the commenter was reading. */
  @Column('integer', { name: 'revision_number' })
  revisionNumber: number;

  @Column('text', { nullable: true })
  quote: string | null;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('uuid', { name: 'resolved_by', nullable: true })
  resolvedBy: string | null;
}
