import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  BlameDto,
  CharterClause,
  CharterCreatedDto,
  CharterDiffDto,
  CharterDocumentDto,
  CharterRevisionDto,
  CharterRevisionSummaryDto,
  CharterSavedDto,
  CharterSummaryDto,
  ClauseHistoryEntryDto,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { blameRevisions, clauseHistory } from './blame';
import { diffClauses } from './clause-diff';
import type { EvidenceInputDto } from './dto/evidence-input.dto';
import { EvidenceFiguresService, type FrozenEvidence } from './evidence-figures.service';
import { CharterDocument } from './entities/charter-document.entity';
import { CharterEvidence } from './entities/charter-evidence.entity';
import { CharterRevision } from './entities/charter-revision.entity';
import { matchImportedClauses, parseMarkdownDocument } from './markdown-import';
import { mergeRevisions } from './merge';
import { type ClauseInput, clauseProblems, completeClauses, contentHash, sameContent } from './revision-content';

export const READERS = ['committee', 'secretariat'] as const;
export const WRITERS = ['committee'] as const;

/** Who wrote something: a staff member, or the system (seeding) when null. */
export type Author = Pick<Actor, 'id' | 'email' | 'name'> | null;

export interface NewRevision {
  baseRevision: number;
  clauses: ClauseInput[];
  message: string;
}

/** A citation as asked, with the figures the server computed for it. */
export interface ComputedCitation {
  input: EvidenceInputDto;
  frozen: FrozenEvidence;
}

export function revisionSummary(revision: CharterRevision): CharterRevisionSummaryDto {
  return {
    number: revision.number,
    author: { id: revision.authorId, name: revision.authorName },
    message: revision.message,
    createdAt: revision.createdAt.toISOString(),
    parent: revision.parentNumber,
    merged: revision.merged,
    contentHash: revision.contentHash,
  };
}

export function revisionDto(revision: CharterRevision): CharterRevisionDto {
  return { ...revisionSummary(revision), clauses: revision.clauses };
}

export function authorName(author: Author): string {
  return author?.name ?? 'Concord';
}

@Injectable()
export class CharterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly evidenceFigures: EvidenceFiguresService,
  ) {}

  async list(actor: Actor): Promise<CharterSummaryDto[]> {
    requireRole(actor, READERS);
    const documents = await this.dataSource.getRepository(CharterDocument).find({ order: { createdAt: 'ASC' } });
    return documents.map((document) => ({
      id: document.id,
      slug: document.slug,
      title: document.title,
      headNumber: document.headNumber,
      updatedAt: document.updatedAt.toISOString(),
    }));
  }

  async create(
    actor: Actor,
    input: { slug: string; title: string; clauses: ClauseInput[] },
  ): Promise<CharterCreatedDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction((manager) => this.createIn(manager, actor, input));
  }

  /** Also used by the seed, with the system as author. */
  async createIn(
    manager: EntityManager,
    author: Author,
    input: { slug: string; title: string; clauses: ClauseInput[]; message?: string },
  ): Promise<CharterCreatedDto> {
    assertClauses(input.clauses);
    if (input.clauses.length === 0) {
      throw new DomainError('charter_invalid_clauses', 'A charter needs at least one clause', [
        { index: null, field: 'clauses', message: 'A charter needs at least one clause' },
      ]);
    }
    if (await manager.existsBy(CharterDocument, { slug: input.slug })) {
      throw new DomainError('charter_slug_taken', `A charter with slug ${input.slug} already exists`);
    }
    const clauses = completeClauses(input.clauses);
    const document = await manager.save(CharterDocument, {
      slug: input.slug,
      title: input.title.trim(),
      headNumber: 1,
    });
    const revision = await manager.save(CharterRevision, {
      documentId: document.id,
      number: 1,
      parentNumber: null,
      authorId: author?.id ?? null,
      authorName: authorName(author),
      message: input.message ?? 'Created',
      clauses,
      contentHash: contentHash(clauses),
      merged: false,
    });
    await this.audit.record(manager, {
      actor: author,
      action: 'charter.created',
      subject: `charter:${document.id}`,
      payload: { slug: document.slug, title: document.title, revision: 1, contentHash: revision.contentHash },
    });
    return { id: document.id, revision: 1 };
  }

  async get(actor: Actor, documentId: string): Promise<CharterDocumentDto> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    const head = await this.findRevision(this.dataSource.manager, document, document.headNumber);
    return {
      id: document.id,
      slug: document.slug,
      title: document.title,
      chairIds: document.chairIds,
      head: revisionDto(head),
    };
  }

  async saveRevision(
    actor: Actor,
    documentId: string,
    input: NewRevision & { evidence?: EvidenceInputDto[] },
  ): Promise<CharterSavedDto> {
    requireRole(actor, WRITERS);
    assertClauses(input.clauses);
    await this.findDocument(this.dataSource.manager, documentId);
    // The tallies run before the document is locked: they may take a while and need no lock.
    const citations: ComputedCitation[] = [];
    for (const citation of input.evidence ?? [])
      citations.push({ input: citation, frozen: await this.evidenceFigures.compute(actor, citation) });
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDocument(manager, documentId);
      return this.commitRevision(manager, actor, document, input, citations);
    });
  }

  async importMarkdown(
    actor: Actor,
    documentId: string,
    input: { baseRevision: number; markdown: string; message: string },
  ): Promise<CharterSavedDto> {
    requireRole(actor, WRITERS);
    const parsed = parseMarkdownDocument(input.markdown);
    if (parsed.clauses.length === 0) {
      throw new DomainError(
        'charter_invalid_clauses',
        'The Markdown has no headings: one clause per heading is expected',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const document = await this.lockDocument(manager, documentId);
      const base = await this.findRevision(manager, document, input.baseRevision);
      const clauses = matchImportedClauses(base.clauses, parsed.clauses);
      assertClauses(clauses);
      return this.commitRevision(manager, actor, document, { ...input, clauses });
    });
  }

  /**
   * Writes the next revision of a document whose row the caller has locked. An edit made on an
   * older base is merged three-way with the head; any overlap rejects the whole save.
   */
  async commitRevision(
    manager: EntityManager,
    author: Author,
    document: CharterDocument,
    input: NewRevision,
    citations: readonly ComputedCitation[] = [],
  ): Promise<CharterSavedDto> {
    if (input.baseRevision > document.headNumber) {
      throw new DomainError(
        'charter_revision_not_found',
        `Base revision ${input.baseRevision} does not exist; the head is revision ${document.headNumber}`,
      );
    }
    const base = await this.findRevision(manager, document, input.baseRevision);
    const head =
      input.baseRevision === document.headNumber
        ? base
        : await this.findRevision(manager, document, document.headNumber);
    const taken = new Set([...base.clauses, ...head.clauses].map((clause) => clause.id));
    const yours = completeClauses(input.clauses, taken);
    let clauses: CharterClause[] = yours;
    const merged = head !== base;
    if (merged) {
      const result = mergeRevisions(base.clauses, head.clauses, yours);
      if (!result.ok) {
        throw new DomainError(
          'charter_merge_conflict',
          `Your edit of revision ${base.number} overlaps changes made since (head is revision ${head.number}); nothing was saved`,
          { conflicts: result.conflicts },
        );
      }
      clauses = result.clauses;
    }
    if (sameContent(clauses, head.clauses)) {
      throw new DomainError('charter_no_changes', `Nothing changed compared with revision ${head.number}`);
    }
    const number = document.headNumber + 1;
    const revision = await manager.save(CharterRevision, {
      documentId: document.id,
      number,
      parentNumber: head.number,
      authorId: author?.id ?? null,
      authorName: authorName(author),
      message: input.message.trim(),
      clauses,
      contentHash: contentHash(clauses),
      merged,
    });
    await manager.update(CharterDocument, { id: document.id }, { headNumber: number });
    document.headNumber = number;
    for (const citation of citations) {
      await manager.save(CharterEvidence, evidenceRow(document.id, author, citation, { revisionNumber: number }));
    }
    await this.audit.record(manager, {
      actor: author,
      action: 'charter.revision_saved',
      subject: `charter:${document.id}`,
      payload: {
        revision: number,
        baseRevision: base.number,
        merged,
        message: revision.message,
        contentHash: revision.contentHash,
        evidence: citations.length,
      },
    });
    return merged ? { number, merged: true } : { number };
  }

  async listRevisions(actor: Actor, documentId: string): Promise<CharterRevisionSummaryDto[]> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    const revisions = await this.dataSource.getRepository(CharterRevision).find({
      where: { documentId: document.id },
      select: {
        number: true,
        authorId: true,
        authorName: true,
        message: true,
        createdAt: true,
        parentNumber: true,
        merged: true,
        contentHash: true,
      },
      order: { number: 'DESC' },
    });
    return revisions.map(revisionSummary);
  }

  async getRevision(actor: Actor, documentId: string, number: number): Promise<CharterRevisionDto> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    return revisionDto(await this.findRevision(this.dataSource.manager, document, number));
  }

  async diff(actor: Actor, documentId: string, from: number, to: number): Promise<CharterDiffDto> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    const [older, newer] = await Promise.all([
      this.findRevision(this.dataSource.manager, document, from),
      this.findRevision(this.dataSource.manager, document, to),
    ]);
    return { from, to, clauses: diffClauses(older.clauses, newer.clauses) };
  }

  async blame(actor: Actor, documentId: string, revision: number | undefined): Promise<BlameDto> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    const upTo = revision ?? document.headNumber;
    await this.findRevision(this.dataSource.manager, document, upTo);
    const revisions = await this.revisionsUpTo(document.id, upTo);
    const byNumber = new Map(revisions.map((entry) => [entry.number, entry]));
    const describe = (number: number) => {
      const source = byNumber.get(number) as CharterRevision;
      return {
        revision: number,
        author: source.authorName,
        createdAt: source.createdAt.toISOString(),
        message: source.message,
      };
    };
    return {
      revision: upTo,
      clauses: blameRevisions(revisions).map((clause) => ({
        id: clause.id,
        heading: clause.heading,
        headingRevision: clause.headingRevision,
        paragraphs: clause.paragraphs.map((paragraph) => ({ text: paragraph.text, ...describe(paragraph.revision) })),
      })),
    };
  }

  async clauseHistory(actor: Actor, documentId: string, clauseId: string): Promise<ClauseHistoryEntryDto[]> {
    requireRole(actor, READERS);
    const document = await this.findDocument(this.dataSource.manager, documentId);
    const revisions = await this.revisionsUpTo(document.id, document.headNumber);
    const history = clauseHistory(revisions, clauseId);
    if (history.length === 0) {
      throw new DomainError('charter_clause_not_found', `Clause ${clauseId} never appeared in charter ${document.id}`);
    }
    const byNumber = new Map(revisions.map((entry) => [entry.number, entry]));
    return history.map((entry) => {
      const source = byNumber.get(entry.revision) as CharterRevision;
      return {
        revision: entry.revision,
        author: source.authorName,
        createdAt: source.createdAt.toISOString(),
        message: source.message,
        changes: entry.changes,
        heading: entry.clause?.heading ?? null,
        body: entry.clause?.body ?? null,
      };
    });
  }

  async findDocument(manager: EntityManager, documentId: string): Promise<CharterDocument> {
    const document = await manager.findOneBy(CharterDocument, { id: documentId });
    if (document === null) throw new DomainError('charter_not_found', `Charter ${documentId} not found`);
    return document;
  }

  /** Locks the document row: saves, amendments and decisions on one document happen one at a time. */
  async lockDocument(manager: EntityManager, documentId: string): Promise<CharterDocument> {
    const document = await manager.findOne(CharterDocument, {
      where: { id: documentId },
      lock: { mode: 'pessimistic_write' },
    });
    if (document === null) throw new DomainError('charter_not_found', `Charter ${documentId} not found`);
    return document;
  }

  async findRevision(manager: EntityManager, document: CharterDocument, number: number): Promise<CharterRevision> {
    const revision = await manager.findOneBy(CharterRevision, { documentId: document.id, number });
    if (revision === null) {
      throw new DomainError('charter_revision_not_found', `Revision ${number} of charter ${document.id} not found`);
    }
    return revision;
  }

  private revisionsUpTo(documentId: string, upTo: number): Promise<CharterRevision[]> {
    return this.revisionRange(documentId, 1, upTo);
  }

  /** Revisions `from` to `to` of a document, oldest first: a run of consecutive revisions. */
  revisionRange(documentId: string, from: number, to: number): Promise<CharterRevision[]> {
    return this.dataSource
      .getRepository(CharterRevision)
      .createQueryBuilder('revision')
      .where('revision.document_id = :documentId AND revision.number BETWEEN :from AND :to', { documentId, from, to })
      .orderBy('revision.number', 'ASC')
      .getMany();
  }
}

export function assertClauses(clauses: readonly ClauseInput[]): void {
  const problems = clauseProblems(clauses);
  if (problems.length > 0) {
    throw new DomainError('charter_invalid_clauses', problems.map((problem) => problem.message).join('; '), problems);
  }
}

export function evidenceRow(
  documentId: string,
  author: Author,
  citation: ComputedCitation,
  target: { revisionNumber?: number; amendmentId?: string },
): Partial<CharterEvidence> {
  const { input, frozen } = citation;
  return {
    documentId,
    revisionNumber: target.revisionNumber ?? null,
    amendmentId: target.amendmentId ?? null,
    clauseId: input.clauseId ?? null,
    campaignId: input.campaignId ?? null,
    surveyId: input.surveyId ?? null,
    question: input.question,
    groupBy: input.groupBy ?? null,
    filters: frozen.filters,
    weighting: input.weighting ?? 'pooled',
    source: input.source ?? 'answers',
    coderId: input.coder?.toLowerCase() ?? null,
    quotes: frozen.quotes,
    snapshot: frozen.figures,
    asOf: new Date(frozen.figures.asOf),
    responses: frozen.figures.responses,
    note: input.note ?? null,
    createdById: author?.id ?? null,
    createdByName: authorName(author),
  };
}
