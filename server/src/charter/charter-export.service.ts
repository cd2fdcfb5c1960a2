import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CHARTER_SOURCE_LANGUAGE, type CharterLanguage, type ClauseDiffDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CharterTranslationService } from './charter-translation.service';
import { CharterService, READERS } from './charter.service';
import { diffClauses } from './clause-diff';
import type { ExportFormat } from './dto/charter-inputs.dto';
import { exportDocx, exportRedlineDocx } from './redline-docx';
import { attributeDiff } from './redline-attribution';
import { type ExportMeta, exportHtml, exportMarkdown, exportRedlineHtml, type RevisionAuthors } from './redline-html';

export interface ExportedFile {
  contentType: string;
  filename: string;
  content: string | Buffer;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

@Injectable()
export class CharterExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly translations: CharterTranslationService,
  ) {}

  async export(
    actor: Actor,
    documentId: string,
    query: { revision?: number; format: ExportFormat; against?: number; lang?: CharterLanguage },
  ): Promise<ExportedFile> {
    requireRole(actor, READERS);
    const lang = query.lang ?? CHARTER_SOURCE_LANGUAGE;
    if (lang !== CHARTER_SOURCE_LANGUAGE && query.against !== undefined) {
      throw new DomainError('bad_request', 'A redline (against) compares the source text; lang is for plain exports');
    }
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const revision = await this.charters.findRevision(manager, document, query.revision ?? document.headNumber);
    const meta: ExportMeta = {
      title: document.title,
      revision: revision.number,
      author: revision.authorName,
      createdAt: revision.createdAt.toISOString(),
      lang,
    };
    const clauses =
      lang === CHARTER_SOURCE_LANGUAGE
        ? revision.clauses
        : await this.translations.publishedIn(manager, document, revision.number, revision.clauses, lang);
    const stem =
      query.against === undefined
        ? `${document.slug}-r${revision.number}${lang === CHARTER_SOURCE_LANGUAGE ? '' : `-${lang}`}`
        : `${document.slug}-r${query.against}-to-r${revision.number}`;
    const file = (content: string | Buffer): ExportedFile => ({
      contentType: CONTENT_TYPES[query.format],
      filename: `${stem}.${query.format}`,
      content,
    });
    if (query.against === undefined) {
      switch (query.format) {
        case 'md':
          return file(exportMarkdown(meta, clauses));
        case 'html':
          return file(exportHtml(meta, clauses));
        case 'docx':
          return file(await exportDocx(meta, clauses));
      }
    }
    if (query.format === 'md')
      throw new DomainError('bad_request', 'A redline (against) is available as html or docx, not md');
    const older = await this.charters.findRevision(manager, document, query.against);
    const bodies = new Map(revision.clauses.map((clause) => [clause.id, clause.body]));
    const diff: ClauseDiffDto[] = diffClauses(older.clauses, revision.clauses).map((entry) =>
      entry.status === 'unchanged' || entry.status === 'moved' ? { ...entry, body: bodies.get(entry.id) } : entry,
    );
    // Forwards, every change is credited to the revision between the two that made it; a
    // comparison backwards in time is one change, by the revision exported.
    const run =
      older.number < revision.number
        ? await this.charters.revisionRange(document.id, older.number, revision.number)
        : [older, revision];
    const attributed = attributeDiff(diff, run);
    const byNumber = new Map(run.map((entry) => [entry.number, entry]));
    const authors: RevisionAuthors = (number) => {
      const made = byNumber.get(number) ?? revision;
      return { author: made.authorName, date: made.createdAt.toISOString() };
    };
    if (query.format === 'html') return file(exportRedlineHtml(meta, older.number, attributed, authors));
    return file(await exportRedlineDocx(meta, attributed, authors));
  }
}
