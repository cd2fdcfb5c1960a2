import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AmendmentDto,
  AmendmentPosition,
  AmendmentPreviewDto,
  CharterChairDto,
  CharterClause,
} from '@concord/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { UsersService } from '../auth';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { countVotes } from './amendment-votes';
import { amendedClauses, amendmentDto, CharterDiscussionService } from './charter-discussion.service';
import { CharterService, READERS, WRITERS } from './charter.service';
import { diffClauses } from './clause-diff';
import { CharterAmendmentVote } from './entities/charter-amendment-vote.entity';
import { mergeRevisions } from './merge';

/** The committee's voices on amendments, what a decision would apply, and who may decide. */
@Injectable()
export class CharterAmendmentVotesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly charters: CharterService,
    private readonly discussion: CharterDiscussionService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Support or oppose (again: the member's one voice changes); null withdraws it. */
  async vote(
    actor: Actor,
    documentId: string,
    amendmentId: string,
    position: AmendmentPosition | null,
  ): Promise<AmendmentDto> {
    requireRole(actor, WRITERS);
    return this.dataSource.transaction(async (manager) => {
      const document = await this.charters.lockDocument(manager, documentId);
      const amendment = await this.discussion.findAmendment(manager, document, amendmentId);
      if (amendment.status !== 'proposed') {
        throw new DomainError(
          'charter_amendment_decided',
          `Amendment ${amendment.number} was already ${amendment.status}; its voices are closed`,
        );
      }
      const existing = await manager.findOneBy(CharterAmendmentVote, { amendmentId, userId: actor.id });
      const previous = existing?.position ?? null;
      if (position === null) {
        if (existing !== null) await manager.delete(CharterAmendmentVote, { id: existing.id });
      } else if (existing === null) {
        await manager.insert(CharterAmendmentVote, {
          amendmentId,
          userId: actor.id,
          userName: actor.name,
          position,
        });
      } else if (existing.position !== position) {
        await manager.update(CharterAmendmentVote, { id: existing.id }, { position, userName: actor.name });
      }
      if (previous !== position) {
        await this.audit.record(manager, {
          actor,
          action: position === null ? 'charter.amendment_vote_withdrawn' : 'charter.amendment_voted',
          subject: `charter:${documentId}`,
          payload: { amendmentId, number: amendment.number, position, previous },
        });
      }
      const base = await this.charters.findRevision(manager, document, amendment.baseRevision);
      const votes = await countVotes(manager, [amendment.id], actor.id);
      return amendmentDto(amendment, this.discussion.clauseBefore(amendment, base.clauses), votes.get(amendment.id));
    });
  }

  /**
   * The change a decision applies to the charter: for a proposed amendment, the head compared with
   * what accepting it now would save (409 when that merge conflicts); for an accepted one, the
   * revision it became compared with its parent.
   */
  async preview(actor: Actor, documentId: string, amendmentId: string): Promise<AmendmentPreviewDto> {
    requireRole(actor, READERS);
    const manager = this.dataSource.manager;
    const document = await this.charters.findDocument(manager, documentId);
    const amendment = await this.discussion.findAmendment(manager, document, amendmentId);
    let before: CharterClause[];
    let after: CharterClause[];
    let head: number;
    if (amendment.status === 'rejected') {
      throw new DomainError(
        'charter_amendment_decided',
        `Amendment ${amendment.number} was rejected; it applies no change`,
      );
    } else if (amendment.status === 'accepted' && amendment.resultingRevision !== null) {
      const resulting = await this.charters.findRevision(manager, document, amendment.resultingRevision);
      head = resulting.parentNumber ?? resulting.number;
      before = (await this.charters.findRevision(manager, document, head)).clauses;
      after = resulting.clauses;
    } else {
      const base = await this.charters.findRevision(manager, document, amendment.baseRevision);
      const current = await this.charters.findRevision(manager, document, document.headNumber);
      const yours = amendedClauses(base.clauses, amendment);
      head = current.number;
      before = current.clauses;
      if (base.number === current.number) after = yours;
      else {
        const merged = mergeRevisions(base.clauses, current.clauses, yours);
        if (!merged.ok) {
          throw new DomainError(
            'charter_merge_conflict',
            `Amendment ${amendment.number} overlaps changes made since revision ${base.number}; accepting it would conflict`,
            { conflicts: merged.conflicts },
          );
        }
        after = merged.clauses;
      }
    }
    return { head, clauses: diffClauses(before, after).filter((clause) => clause.status !== 'unchanged') };
  }

  /** Who may decide amendments on this charter, by name: every reader may know whom to ask. */
  async chairs(actor: Actor, documentId: string): Promise<CharterChairDto[]> {
    requireRole(actor, READERS);
    const document = await this.charters.findDocument(this.dataSource.manager, documentId);
    return this.users.namesOf(document.chairIds);
  }
}
