import { Injectable } from '@nestjs/common';
import type { EvidenceFigures, EvidenceQuery, TallyFilters, TallyResult } from '@concord/shared';
import { TallyService } from '../analysis';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { evidenceFigures, evidenceTallyQuery } from './evidence-query';

/** A citation's figures as the server computed them, with the filters as the tally read them. */
export interface FrozenEvidence {
  figures: EvidenceFigures;
  filters: TallyFilters;
}

/**
 * Runs the tally a citation names, through the analysis feature's own service, so a cited
 * figure is exactly what the analysis view shows for the same query at that moment.
 */
@Injectable()
export class EvidenceFiguresService {
  constructor(private readonly tallies: TallyService) {}

  async compute(actor: Actor, query: EvidenceQuery): Promise<FrozenEvidence> {
    const source = evidenceSource(query);
    const raw = evidenceTallyQuery(query);
    // Taken before the tally reads: every response committed before this moment is counted.
    const asOf = new Date();
    const result: TallyResult =
      source.kind === 'campaign'
        ? await this.tallies.campaignTallies(actor, source.id, raw)
        : await this.tallies.surveyTallies(actor, source.id, raw);
    const figures = evidenceFigures(result, query.question, asOf);
    if (figures === undefined) {
      const named = source.kind === 'campaign' ? `Campaign ${source.id}` : `Survey ${source.id}`;
      throw new DomainError(
        'charter_evidence_question_not_asked',
        `${named} does not ask a question named "${query.question}"`,
        { question: query.question },
      );
    }
    return { figures, filters: result.filters };
  }
}

function evidenceSource(query: EvidenceQuery): { kind: 'campaign' | 'survey'; id: string } {
  const { campaignId, surveyId } = query;
  if (campaignId !== undefined && surveyId !== undefined)
    throw new DomainError('bad_request', 'evidence names a campaignId or a surveyId, not both');
  if (campaignId !== undefined) return { kind: 'campaign', id: campaignId };
  if (surveyId !== undefined) return { kind: 'survey', id: surveyId };
  throw new DomainError('bad_request', 'evidence needs a campaignId or a surveyId');
}
