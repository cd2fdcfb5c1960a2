import { Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CharterDocument } from './charter-document.entity';

/**
 * The columns every row that belongs to one charter document starts with (its revisions,
 * amendments, comments, evidence and translations): its own id and the document, whose deletion
 * deletes it.
 */
export abstract class CharterDocumentPart {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => CharterDocument, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id' })
  document?: CharterDocument;

  @Column('uuid', { name: 'document_id' })
  documentId: string;
}

/** A part someone wrote (a revision, an amendment, a comment): who, under which name, and when. */
export abstract class AuthoredCharterPart extends CharterDocumentPart {
  /** null for what the system wrote. */
  @Column('uuid', { name: 'author_id', nullable: true })
  authorId: string | null;

  /** The author's name when the part was written: the record must not change when a user is renamed. */
  @Column('text', { name: 'author_name' })
  authorName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
