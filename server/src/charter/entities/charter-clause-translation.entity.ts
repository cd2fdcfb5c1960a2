import type { CharterLanguage } from '@concord/shared';
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from 'typeorm';
import { CharterDocumentPart } from './charter-document-part';

/**
 * A clause translated as it read in one revision. Reading revision n uses the newest translation
 * written against a revision up to n; it is stale when the clause reads otherwise in revision n.
 */
@Entity('charter_clause_translations')
@Index('charter_clause_translations_key', ['documentId', 'clauseId', 'lang', 'sourceRevision'], { unique: true })
export class CharterClauseTranslation extends CharterDocumentPart {
  @Column('text', { name: 'clause_id' })
  clauseId: string;

  @Column('text')
  lang: CharterLanguage;

  @Column('integer', { name: 'source_revision' })
  sourceRevision: number;

  /** The source heading and body as translated: a later revision that reads otherwise makes it stale. */
  @Column('text', { name: 'source_heading' })
  sourceHeading: string;

  @Column('text', { name: 'source_body' })
  sourceBody: string;

  @Column('text')
  heading: string;

  @Column('text')
  body: string;

  @Column('uuid', { name: 'translator_id', nullable: true })
  translatorId: string | null;

  @Column('text', { name: 'translator_name' })
  translatorName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
