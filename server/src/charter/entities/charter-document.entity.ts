import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A charter under revision. Its row is locked while a revision is saved, so saves are serialized per document. */
@Entity('charter_documents')
export class CharterDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
