import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
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
