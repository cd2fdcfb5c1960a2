import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ClauseDiffDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
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
  ) {}

  async export(
    actor: Actor,
    documentId: string,
    query: { revision?: number; format: ExportFormat; against?: number },
  ): Promise<ExportedFile> {
    requireRole(actor, READERS);
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const revision = await this.charters.findRevision(manager, document, query.revision ?? document.headNumber);
    const meta: ExportMeta = {
      title: document.title,
      revision: revision.number,
      author: revision.authorName,
      createdAt: revision.createdAt.toISOString(),
    };
    const stem =
      query.against === undefined
        ? `${document.slug}-r${revision.number}`
        : `${document.slug}-r${query.against}-to-r${revision.number}`;
    const file = (content: string | Buffer): ExportedFile => ({
      contentType: CONTENT_TYPES[query.format],
      filename: `${stem}.${query.format}`,
      content,
    });
    if (query.against === undefined) {
      switch (query.format) {
        case 'md':
          return file(exportMarkdown(meta, revision.clauses));
        case 'html':
          return file(exportHtml(meta, revision.clauses));
        case 'docx':
          return file(await exportDocx(meta, revision.clauses));
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
    const clauses = attributeDiff(diff, run);
    const byNumber = new Map(run.map((entry) => [entry.number, entry]));
    const authors: RevisionAuthors = (number) => {
      const made = byNumber.get(number) ?? revision;
      return { author: made.authorName, date: made.createdAt.toISOString() };
    };
    if (query.format === 'html') return file(exportRedlineHtml(meta, older.number, clauses, authors));
    return file(await exportRedlineDocx(meta, clauses, authors));
  }
}
