import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EvidenceDto } from '@concord/shared';
import { DataSource, type FindOptionsWhere } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CharterDiscussionService } from './charter-discussion.service';
import { CharterService, evidenceRow, READERS, WRITERS } from './charter.service';
import type { CiteEvidenceDto } from './dto/evidence-input.dto';
import { CharterEvidence } from './entities/charter-evidence.entity';

function evidenceDto(row: CharterEvidence): EvidenceDto {
  return {
    id: row.id,
    revision: row.revisionNumber,
    amendmentId: row.amendmentId,
    clauseId: row.clauseId,
    campaignId: row.campaignId,
    surveyId: row.surveyId,
    question: row.question,
    groupBy: row.groupBy,
    filters: row.filters,
    snapshot: row.snapshot,
    note: row.note,
    createdBy: { id: row.createdById, name: row.createdByName },
    createdAt: row.createdAt.toISOString(),
  };
}

/** Survey evidence cited by revisions, amendments and clauses; and who chairs a charter. */
@Injectable()
export class CharterEvidenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly discussion: CharterDiscussionService,
    private readonly audit: AuditService,
  ) {}

  async cite(actor: Actor, documentId: string, input: CiteEvidenceDto): Promise<EvidenceDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.findDocument(manager, documentId);
      if (input.revision === undefined && input.amendmentId === undefined && input.clauseId === undefined) {
        throw new DomainError('bad_request', 'evidence must cite a revision, an amendmentId or a clauseId');
      }
      if (input.revision !== undefined) await this.charters.findRevision(manager, document, input.revision);
      if (input.amendmentId !== undefined) await this.discussion.findAmendment(manager, document, input.amendmentId);
      const row = evidenceRow(documentId, actor, input, {
        revisionNumber: input.revision,
        amendmentId: input.amendmentId,
      });
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
        },
      });
      return evidenceDto(saved);
    });
  }

  async listEvidence(
    actor: Actor,
    documentId: string,
    filter: { revision?: number; clauseId?: string; amendmentId?: string },
  ): Promise<EvidenceDto[]> {
    requireRole(actor, READERS);
    await this.charters.findDocument(this.dataSource.manager, documentId);
    const where: FindOptionsWhere<CharterEvidence> = { documentId };
    if (filter.revision !== undefined) where.revisionNumber = filter.revision;
    if (filter.clauseId !== undefined) where.clauseId = filter.clauseId;
    if (filter.amendmentId !== undefined) where.amendmentId = filter.amendmentId;
    const rows = await this.dataSource
      .getRepository(CharterEvidence)
      .find({ where, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(evidenceDto);
  }

  async setChairs(actor: Actor, documentId: string, userIds: string[]): Promise<{ chairIds: string[] }> {
    requireRole(actor, []);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const unique = [...new Set(userIds)];
      const found = await manager.query<Array<{ id: string }>>(
        `SELECT id FROM users WHERE id = ANY($1) AND role = 'committee'`,
        [unique],
      );
      const missing = unique.filter((id) => !found.some((row) => row.id === id));
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
