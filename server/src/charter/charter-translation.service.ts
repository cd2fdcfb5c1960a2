import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CharterClause,
  type CharterLanguage,
  type CharterTranslationDto,
  type ClauseTranslationEntryDto,
  isRightToLeft,
} from '@concord/shared';
import { DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CharterService, READERS, WRITERS } from './charter.service';
import { publishedClauses, translationEntries } from './clause-translations';
import type { CharterDocument } from './entities/charter-document.entity';
import { CharterClauseTranslation } from './entities/charter-clause-translation.entity';
import { normalizeBody } from './paragraphs';

export interface TranslationInput {
  revision: number;
  heading: string;
  body: string;
}

/** Clause-by-clause translations of a charter's revisions, and the charter as published in a language. */
@Injectable()
export class CharterTranslationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly audit: AuditService,
  ) {}

  async list(
    actor: Actor,
    documentId: string,
    lang: CharterLanguage,
    revision?: number,
  ): Promise<CharterTranslationDto> {
    requireRole(actor, READERS);
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const number = revision ?? document.headNumber;
    const source = await this.charters.findRevision(manager, document, number);
    return {
      revision: number,
      lang,
      dir: isRightToLeft(lang) ? 'rtl' : 'ltr',
      clauses: await this.entries(manager, document, number, source.clauses, lang),
    };
  }

  /** Writes the translation of one clause as it reads in `revision` (again for the same revision: replaces it). */
  async save(
    actor: Actor,
    documentId: string,
    lang: CharterLanguage,
    clauseId: string,
    input: TranslationInput,
  ): Promise<ClauseTranslationEntryDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.findDocument(manager, documentId);
      const revision = await this.charters.findRevision(manager, document, input.revision);
      const clause = revision.clauses.find((candidate) => candidate.id === clauseId);
      if (clause === undefined) {
        throw new DomainError('charter_clause_not_found', `Clause ${clauseId} is not in revision ${revision.number}`);
      }
      const heading = input.heading.replace(/\s+/g, ' ').trim();
      if (heading === '') throw new DomainError('bad_request', 'heading must not be blank');
      const key = { documentId, clauseId, lang, sourceRevision: revision.number };
      const existing = await manager.findOneBy(CharterClauseTranslation, key);
      const body = normalizeBody(input.body);
      if (existing === null || existing.heading !== heading || existing.body !== body) {
        await manager.save(CharterClauseTranslation, {
          ...(existing ?? key),
          sourceHeading: clause.heading,
          sourceBody: clause.body,
          heading,
          body,
          translatorId: actor.id,
          translatorName: actor.name,
        });
        await this.audit.record(manager, {
          actor,
          action: 'charter.translation_saved',
          subject: `charter:${documentId}`,
          payload: { clauseId, lang, revision: revision.number, replaced: existing !== null },
        });
      }
      const [entry] = await this.entries(manager, document, revision.number, [clause], lang);
      if (entry === undefined) throw new Error('translationEntries gives one entry per clause');
      return entry;
    });
  }

  /** The clauses of a revision as published in `lang` (the source text where no translation exists yet). */
  async publishedIn(
    manager: EntityManager,
    document: CharterDocument,
    revision: number,
    clauses: readonly CharterClause[],
    lang: CharterLanguage,
  ): Promise<CharterClause[]> {
    return publishedClauses(await this.entries(manager, document, revision, clauses, lang));
  }

  private async entries(
    manager: EntityManager,
    document: CharterDocument,
    revision: number,
    clauses: readonly CharterClause[],
    lang: CharterLanguage,
  ): Promise<ClauseTranslationEntryDto[]> {
    const stored = await manager.find(CharterClauseTranslation, {
      where: { documentId: document.id, lang, sourceRevision: LessThanOrEqual(revision) },
    });
    return translationEntries(revision, clauses, stored);
  }
}
