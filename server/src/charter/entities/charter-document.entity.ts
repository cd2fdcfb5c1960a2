import { Column, Entity, Index } from 'typeorm';
import { StampedRow } from '../../database/stamped-row';

/** A charter under revision. Its row is locked while a revision is saved, so saves are serialized per document. */
@Entity('charter_documents')
export class CharterDocument extends StampedRow {
  @Index('charter_documents_slug_key', { unique: true })
  @Column('text')
  slug: string;

  @Column('text')
  title: string;

  @Column('integer', { name: 'head_number' })
  headNumber: number;

  /** Committee members who may decide amendments on this document (admins always may). */
  @Column('uuid', { name: 'chair_ids', array: true, default: () => "'{}'" })
  chairIds: string[];
}
