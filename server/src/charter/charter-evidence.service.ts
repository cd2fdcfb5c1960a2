import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type EvidenceDto,
  type EvidenceFigures,
  type EvidenceQuery,
  type EvidenceWithCurrentDto,
  TALLY_GROUP_BY,
  type TallyGroupBy,
} from '@concord/shared';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit';
import { UsersService } from '../auth';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterService, evidenceRow, READERS, WRITERS } from './charter.service';
import type { CiteEvidenceDto } from './dto/evidence-input.dto';
import { CharterEvidence } from './entities/charter-evidence.entity';
import { EvidenceFiguresService } from './evidence-figures.service';
import { figuresChanged } from './evidence-query';

function evidenceDto(row: CharterEvidence): EvidenceDto {
  // Rows from before the server computed citations hold numbers a client sent: not shown as cited.
  const computed = row.asOf !== null;
  return {
    id: row.id,
    revision: row.revisionNumber,
    amendmentId: row.amendmentId,
    clauseId: row.clauseId,
    campaignId: row.campaignId,
    surveyId: row.surveyId,
    question: row.question,
    groupBy: isGroupBy(row.groupBy) ? row.groupBy : null,
    filters: { includePartial: false, ...row.filters },
    weighting: row.weighting === 'regional' ? 'regional' : 'pooled',
    source: row.source === 'themes' ? 'themes' : 'answers',
    coder: row.coderId,
    quotes: row.quotes,
    snapshot: computed ? row.snapshot : null,
    asOf: row.asOf?.toISOString() ?? null,
    responses: computed ? row.responses : null,
    note: row.note,
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
  };
}

function isGroupBy(value: string | null): value is TallyGroupBy {
  return (TALLY_GROUP_BY as readonly (string | null)[]).includes(value);
}

/** The query a stored citation asked, to run it again now. */
function storedQuery(row: CharterEvidence): EvidenceQuery {
  const query: EvidenceQuery = { question: row.question, filters: row.filters };
  if (row.campaignId !== null) query.campaignId = row.campaignId;
  if (row.surveyId !== null) query.surveyId = row.surveyId;
  if (isGroupBy(row.groupBy)) query.groupBy = row.groupBy;
  if (row.weighting === 'regional') query.weighting = 'regional';
  if (row.source === 'themes') query.source = 'themes';
  if (row.coderId !== null) query.coder = row.coderId;
  return query;
}

/** Survey evidence cited by revisions, amendments and clauses; and who chairs a charter. */
@Injectable()
export class CharterEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly discussion: CharterDiscussionService,
    private readonly audit: AuditService,
    private readonly figures: EvidenceFiguresService,
    private readonly users: UsersService,
  ) {}

  async cite(actor: Actor, documentId: string, input: CiteEvidenceDto): Promise<EvidenceDto> {
    requireRole(actor, WRITERS);
    const document = await this.charters.findDocument(this.dataSource.manager, documentId);
    if (input.revision === undefined && input.amendmentId === undefined && input.clauseId === undefined) {
      throw new DomainError('bad_request', 'evidence must cite a revision, an amendmentId or a clauseId');
    }
    if (input.revision !== undefined)
      await this.charters.findRevision(this.dataSource.manager, document, input.revision);
    if (input.amendmentId !== undefined)
      await this.discussion.findAmendment(this.dataSource.manager, document, input.amendmentId);
    // The tally runs outside the transaction that stores its result: it only reads.
    const frozen = await this.figures.compute(actor, input);
    return this.dataSource.transaction(async (manager) => {
      const row = evidenceRow(
        documentId,
        actor,
        { input, frozen },
        {
          revisionNumber: input.revision,
          amendmentId: input.amendmentId,
        },
      );
      const saved = await manager.save(CharterEvidence, row);
      await this.audit.record(manager, {
        actor,
        action: 'charter.evidence_cited',
        subject: `charter:${documentId}`,
        payload: {
          evidenceId: saved.id,
          revision: saved.revisionNumber,
          amendmentId: saved.amendmentId,
          clauseId: saved.clauseId,
          campaignId: saved.campaignId,
          surveyId: saved.surveyId,
          question: saved.question,
          source: saved.source,
          quotes: saved.quotes.map((quote) => quote.responseId),
          asOf: frozen.figures.asOf,
          responses: frozen.figures.responses,
        },
      });
      return evidenceDto(saved);
    });
  }

  async listEvidence(
    actor: Actor,
    documentId: string,
    filter: { revision?: number; clauseId?: string; amendmentId?: string },
  ): Promise<EvidenceWithCurrentDto[]> {
    requireRole(actor, READERS);
    await this.charters.findDocument(this.dataSource.manager, documentId);
    const where: FindOptionsWhere<CharterEvidence> = { documentId };
    if (filter.revision !== undefined) where.revisionNumber = filter.revision;
    if (filter.clauseId !== undefined) where.clauseId = filter.clauseId;
    if (filter.amendmentId !== undefined) where.amendmentId = filter.amendmentId;
    const rows = await this.dataSource
      .getRepository(CharterEvidence)
      .find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    // Citations asking the same query share one tally run.
    const now = new Map<string, Promise<EvidenceFigures | null>>();
    const results: EvidenceWithCurrentDto[] = [];
    for (const row of rows) {
      const query = storedQuery(row);
      const key = JSON.stringify(query);
      let current = now.get(key);
      if (current === undefined) {
        current = this.currentFigures(actor, query);
        now.set(key, current);
      }
      const dto = evidenceDto(row);
      const figures = await current;
      const quotesNow = await this.figures.quotesNow(actor, query, dto.quotes);
      const changed = figuresChanged(dto.snapshot, figures) || quotesNow.some((quote) => quote.state !== 'unchanged');
      results.push({ ...dto, current: figures, quotesNow, changed });
    }
    return results;
  }

  /** The same tally now; null when its source can no longer be tallied (deleted, or the question gone). */
  private async currentFigures(actor: Actor, query: EvidenceQuery): Promise<EvidenceFigures | null> {
    try {
      return (await this.figures.compute(actor, query)).figures;
    } catch (error) {
      if (error instanceof DomainError && error.code !== 'forbidden') return null;
      throw error;
    }
  }

  async setChairs(actor: Actor, documentId: string, userIds: string[]): Promise<{ chairIds: string[] }> {
    requireRole(actor, []);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const unique = [...new Set(userIds)];
      const committee = await this.users.committeeIds(manager, unique);
      const missing = unique.filter((id) => !committee.has(id));
      if (missing.length > 0) {
        throw new DomainError('charter_invalid_reference', `Not committee members: ${missing.join(', ')}`, {
          userIds: missing,
        });
      }
      await manager.query('UPDATE charter_documents SET chair_ids = $2 WHERE id = $1', [document.id, unique]);
      await this.audit.record(manager, {
        actor,
        action: 'charter.chairs_set',
        subject: `charter:${document.id}`,
        payload: { chairIds: unique },
      });
      return { chairIds: unique };
    });
  }
}
