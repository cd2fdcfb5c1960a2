import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AmendmentDto,
  AmendmentVotesDto,
  CharterClause,
  CharterCommentDto,
  CharterCommentInput,
  CharterSavedDto,
  CommentAnchorDto,
} from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { onlyRow } from '../common/rows';
import { type Author, CharterService, READERS, WRITERS } from './charter.service';
import { diffOneClause } from './clause-diff';
import { CharterAmendment } from './entities/charter-amendment.entity';
import { CharterComment } from './entities/charter-comment.entity';
import type { CharterDocument } from './entities/charter-document.entity';
import { normalizeBody } from './paragraphs';
import { clauseHasQuote, collapseWhitespace, reanchorQuote } from './quote-anchor';
import { countVotes } from './amendment-votes';
import { newClauseId } from './revision-content';

export interface NewAmendment {
  baseRevision: number;
  clauseId?: string;
  afterClauseId?: string;
  heading: string;
  body: string;
  rationale: string;
}

function commentDto(
  comment: CharterComment,
  clauses: readonly CharterClause[] | null,
  revision: number,
): CharterCommentDto {
  return {
    id: comment.id,
    clauseId: comment.clauseId,
    amendmentId: comment.amendmentId,
    revision: comment.revisionNumber,
    quote: comment.quote,
    body: comment.body,
    parentId: comment.parentId,
    author: { id: comment.authorId, name: comment.authorName },
    createdAt: comment.createdAt.toISOString(),
    resolved: comment.resolvedAt !== null,
    resolvedAt: comment.resolvedAt?.toISOString() ?? null,
    anchor: comment.clauseId === null ? null : commentAnchor(comment.clauseId, comment.quote, clauses, revision),
  };
}

function commentAnchor(
  clauseId: string,
  quote: string | null,
  clauses: readonly CharterClause[] | null,
  revision: number,
): CommentAnchorDto {
  const clauseExists = clauses?.some((candidate) => candidate.id === clauseId) ?? false;
  if (quote === null) {
    return { revision, clauseExists, quoteFound: null, status: null, clauseId: null, text: null, similarity: null };
  }
  const found = reanchorQuote(quote, clauseId, clauses ?? []);
  return {
    revision,
    clauseExists,
    quoteFound: found.status === 'exact',
    status: found.status,
    clauseId: found.clauseId,
    text: found.text,
    similarity: Math.round(found.similarity * 100) / 100,
  };
}

const NO_VOTES: AmendmentVotesDto = { support: 0, oppose: 0, mine: null };

export function amendmentDto(
  amendment: CharterAmendment,
  before: CharterClause | null,
  votes: AmendmentVotesDto = NO_VOTES,
): AmendmentDto {
  return {
    id: amendment.id,
    number: amendment.number,
    status: amendment.status,
    baseRevision: amendment.baseRevision,
    clauseId: amendment.clauseId,
    isNewClause: amendment.isNewClause,
    afterClauseId: amendment.afterClauseId,
    heading: amendment.heading,
    body: amendment.body,
    rationale: amendment.rationale,
    author: { id: amendment.authorId, name: amendment.authorName },
    createdAt: amendment.createdAt.toISOString(),
    decidedBy: amendment.decidedAt === null ? null : { id: amendment.decidedById, name: amendment.decidedByName ?? '' },
    decidedAt: amendment.decidedAt?.toISOString() ?? null,
    decisionReason: amendment.decisionReason,
    resultingRevision: amendment.resultingRevision,
    diff: diffOneClause(before, { id: amendment.clauseId, heading: amendment.heading, body: amendment.body }),
    votes,
  };
}

/** The base revision's clauses with the amendment's text in place (a new clause after its anchor). */
export function amendedClauses(baseClauses: readonly CharterClause[], amendment: CharterAmendment): CharterClause[] {
  const proposed = { id: amendment.clauseId, heading: amendment.heading, body: amendment.body };
  const clauses = baseClauses.map((clause) => (clause.id === proposed.id ? proposed : clause));
  if (amendment.isNewClause) {
    const after =
      amendment.afterClauseId === null ? -1 : clauses.findIndex((clause) => clause.id === amendment.afterClauseId);
    clauses.splice(after === -1 ? clauses.length : after + 1, 0, proposed);
  }
  return clauses;
}

/** Comments and amendments: the discussion around a charter's revisions. */
@Injectable()
export class CharterDiscussionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly audit: AuditService,
  ) {}

  async listComments(actor: Actor, documentId: string, revision?: number): Promise<CharterCommentDto[]> {
    requireRole(actor, READERS);
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const against = await this.charters.findRevision(manager, document, revision ?? document.headNumber);
    const comments = await manager.find(CharterComment, {
      where: { documentId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return comments.map((comment) => commentDto(comment, against.clauses, against.number));
  }

  async addComment(actor: Actor, documentId: string, input: CharterCommentInput): Promise<CharterCommentDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.findDocument(manager, documentId);
      const revision = await this.charters.findRevision(manager, document, input.revision ?? document.headNumber);
      let clauseId = input.clauseId ?? null;
      let amendmentId = input.amendmentId ?? null;
      if (input.parentId !== undefined) {
        const parent = await manager.findOneBy(CharterComment, { id: input.parentId, documentId });
        if (parent === null)
          throw new DomainError('charter_comment_not_found', `Comment ${input.parentId} not found on this charter`);
        // A reply belongs to its parent's thread, whatever it would otherwise anchor to.
        if (
          (clauseId !== null && clauseId !== parent.clauseId) ||
          (amendmentId !== null && amendmentId !== parent.amendmentId)
        ) {
          throw new DomainError(
            'charter_invalid_reference',
            'A reply is anchored where its parent comment is; omit clauseId and amendmentId',
          );
        }
        clauseId = parent.clauseId;
        amendmentId = parent.amendmentId;
      } else if ((clauseId === null) === (amendmentId === null)) {
        throw new DomainError('bad_request', 'A comment needs exactly one of clauseId or amendmentId (or a parentId)');
      }
      if (amendmentId !== null) await this.findAmendment(manager, document, amendmentId);
      if (input.parentId === undefined && clauseId !== null) {
        const clause = revision.clauses.find((candidate) => candidate.id === clauseId);
        if (clause === undefined) {
          throw new DomainError('charter_clause_not_found', `Clause ${clauseId} is not in revision ${revision.number}`);
        }
        if (input.quote !== undefined && !clauseHasQuote(clause, input.quote)) {
          throw new DomainError(
            'charter_invalid_reference',
            `The quoted passage is not in clause ${clauseId} of revision ${revision.number}`,
          );
        }
      }
      const saved = await manager.save(CharterComment, {
        documentId,
        clauseId,
        amendmentId,
        revisionNumber: revision.number,
        quote: input.quote === undefined ? null : collapseWhitespace(input.quote),
        body: input.body.trim(),
        parentId: input.parentId ?? null,
        authorId: actor.id,
        authorName: actor.name,
        resolvedAt: null,
        resolvedBy: null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'charter.comment_added',
        subject: `charter:${documentId}`,
        payload: { commentId: saved.id, clauseId, amendmentId, parentId: saved.parentId, revision: revision.number },
      });
      return commentDto(saved, revision.clauses, revision.number);
    });
  }

  async resolveComment(
    actor: Actor,
    documentId: string,
    commentId: string,
    resolved: boolean,
  ): Promise<CharterCommentDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.findDocument(manager, documentId);
      const comment = await manager.findOne(CharterComment, {
        where: { id: commentId, documentId },
        lock: { mode: 'pessimistic_write' },
      });
      if (comment === null)
        throw new DomainError('charter_comment_not_found', `Comment ${commentId} not found on this charter`);
      comment.resolvedAt = resolved ? (comment.resolvedAt ?? new Date()) : null;
      comment.resolvedBy = resolved ? actor.id : null;
      await manager.save(CharterComment, comment);
      await this.audit.record(manager, {
        actor,
        action: resolved ? 'charter.comment_resolved' : 'charter.comment_reopened',
        subject: `charter:${documentId}`,
        payload: { commentId },
      });
      const head = await this.charters.findRevision(manager, document, document.headNumber);
      return commentDto(comment, head.clauses, head.number);
    });
  }

  async listAmendments(actor: Actor, documentId: string): Promise<AmendmentDto[]> {
    requireRole(actor, READERS);
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const amendments = await manager.find(CharterAmendment, { where: { documentId }, order: { number: 'ASC' } });
    const bases = new Map<number, CharterClause[]>();
    for (const number of new Set(amendments.map((amendment) => amendment.baseRevision))) {
      bases.set(number, (await this.charters.findRevision(manager, document, number)).clauses);
    }
    const votes = await countVotes(
      manager,
      amendments.map((amendment) => amendment.id),
      actor.id,
    );
    return amendments.map((amendment) =>
      amendmentDto(
        amendment,
        this.clauseBefore(amendment, bases.get(amendment.baseRevision) ?? []),
        votes.get(amendment.id),
      ),
    );
  }

  async propose(actor: Actor, documentId: string, input: NewAmendment): Promise<AmendmentDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const base = await this.charters.findRevision(manager, document, input.baseRevision);
      const ids = new Set(base.clauses.map((clause) => clause.id));
      if (input.clauseId !== undefined && !ids.has(input.clauseId)) {
        throw new DomainError('charter_clause_not_found', `Clause ${input.clauseId} is not in revision ${base.number}`);
      }
      if (input.afterClauseId !== undefined && (input.clauseId !== undefined || !ids.has(input.afterClauseId))) {
        throw new DomainError(
          'charter_invalid_reference',
          input.clauseId !== undefined
            ? 'afterClauseId is only for a new clause (without clauseId)'
            : `Clause ${input.afterClauseId} is not in revision ${base.number}`,
        );
      }
      const { next } = onlyRow(
        await manager.query<Array<{ next: number }>>(
          'SELECT COALESCE(MAX(number), 0) + 1 AS next FROM charter_amendments WHERE document_id = $1',
          [documentId],
        ),
        'the next amendment number',
      );
      let clauseId = input.clauseId;
      while (clauseId === undefined || (input.clauseId === undefined && ids.has(clauseId)))
        clauseId = newClauseId(input.heading);
      const saved = await manager.save(CharterAmendment, {
        documentId,
        number: Number(next),
        status: 'proposed',
        baseRevision: base.number,
        clauseId,
        isNewClause: input.clauseId === undefined,
        afterClauseId: input.afterClauseId ?? null,
        heading: input.heading.replace(/\s+/g, ' ').trim(),
        body: normalizeBody(input.body),
        rationale: input.rationale.trim(),
        authorId: actor.id,
        authorName: actor.name,
        decidedById: null,
        decidedByName: null,
        decidedAt: null,
        decisionReason: null,
        resultingRevision: null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'charter.amendment_proposed',
        subject: `charter:${documentId}`,
        payload: { amendmentId: saved.id, number: saved.number, clauseId, baseRevision: base.number },
      });
      return amendmentDto(saved, this.clauseBefore(saved, base.clauses));
    });
  }

  /**
   * Accepting applies the proposed text to its base revision and saves that through the same
   * three-way merge as any edit: a conflict with later revisions leaves the amendment proposed.
   */
  async accept(actor: Actor, documentId: string, amendmentId: string, message?: string): Promise<CharterSavedDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const amendment = await this.openAmendment(manager, actor, document, amendmentId);
      const base = await this.charters.findRevision(manager, document, amendment.baseRevision);
      const saved = await this.charters.commitRevision(manager, actor, document, {
        baseRevision: base.number,
        clauses: amendedClauses(base.clauses, amendment),
        message: message ?? `Amendment ${amendment.number} accepted: ${amendment.heading}`,
      });
      await this.decide(manager, actor, amendment, 'accepted', message ?? null, saved.number);
      return saved;
    });
  }

  async reject(actor: Actor, documentId: string, amendmentId: string, reason?: string): Promise<AmendmentDto> {
    requireRole(actor, WRITERS);
    if (reason === undefined) throw new DomainError('bad_request', 'reason is required to reject an amendment');
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const amendment = await this.openAmendment(manager, actor, document, amendmentId);
      await this.decide(manager, actor, amendment, 'rejected', reason, null);
      const base = await this.charters.findRevision(manager, document, amendment.baseRevision);
      const votes = await countVotes(manager, [amendment.id], actor.id);
      return amendmentDto(amendment, this.clauseBefore(amendment, base.clauses), votes.get(amendment.id));
    });
  }

  clauseBefore(amendment: CharterAmendment, baseClauses: readonly CharterClause[]): CharterClause | null {
    return amendment.isNewClause ? null : (baseClauses.find((clause) => clause.id === amendment.clauseId) ?? null);
  }

  async findAmendment(
    manager: EntityManager,
    document: CharterDocument,
    amendmentId: string,
  ): Promise<CharterAmendment> {
    const amendment = await manager.findOneBy(CharterAmendment, { id: amendmentId, documentId: document.id });
    if (amendment === null)
      throw new DomainError('charter_amendment_not_found', `Amendment ${amendmentId} not found on this charter`);
    return amendment;
  }

  /** The chair check and the "still open" check every decision starts with. */
  private async openAmendment(
    manager: EntityManager,
    actor: Actor,
    document: CharterDocument,
    amendmentId: string,
  ): Promise<CharterAmendment> {
    if (actor.role !== 'admin' && !document.chairIds.includes(actor.id)) {
      throw new DomainError('charter_not_chair', 'Only the chair of this charter (or an admin) decides amendments');
    }
    const amendment = await this.findAmendment(manager, document, amendmentId);
    if (amendment.status !== 'proposed') {
      throw new DomainError(
        'charter_amendment_decided',
        `Amendment ${amendment.number} was already ${amendment.status}`,
      );
    }
    return amendment;
  }

  private async decide(
    manager: EntityManager,
    actor: Author,
    amendment: CharterAmendment,
    status: 'accepted' | 'rejected',
    reason: string | null,
    resultingRevision: number | null,
  ): Promise<void> {
    Object.assign(amendment, {
      status,
      decidedById: actor?.id ?? null,
      decidedByName: actor?.name ?? 'Concord',
      decidedAt: new Date(),
      decisionReason: reason,
      resultingRevision,
    });
    await manager.save(CharterAmendment, amendment);
    await this.audit.record(manager, {
      actor,
      action: `charter.amendment_${status}`,
      subject: `charter:${amendment.documentId}`,
      payload: { amendmentId: amendment.id, number: amendment.number, reason, resultingRevision },
    });
  }
}
