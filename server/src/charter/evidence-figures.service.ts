import { Injectable } from '@nestjs/common';
import type {
  EvidenceFigures,
  EvidenceQuery,
  EvidenceQuote,
  EvidenceQuoteNow,
  TallyFilters,
  TallyResult,
} from '@concord/shared';
import { TallyService } from '../analysis';
import { EvidenceQuotesService, ThemeTalliesService } from '../coding';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { evidenceFigures, evidenceTallyQuery } from './evidence-query';

/** A citation's figures and quotes as the server computed them, with the filters as the tally read them. */
export interface FrozenEvidence {
  figures: EvidenceFigures;
  filters: TallyFilters;
  quotes: EvidenceQuote[];
}

/**
 * Runs the tally a citation names, through the analysis feature's own service (or the coding
 * feature's theme tallies, which count through it), so a cited figure is exactly what the
 * analysis view shows for the same query at that moment. Quotes are checked under the same
 * filters and small-cell rule.
 */
@Injectable()
export class EvidenceFiguresService {
  constructor(
    private readonly tallies: TallyService,
    private readonly themeTallies: ThemeTalliesService,
    private readonly quoteChecks: EvidenceQuotesService,
  ) {}

  async compute(actor: Actor, query: EvidenceQuery): Promise<FrozenEvidence> {
    const source = evidenceSource(query);
    const raw = evidenceTallyQuery(query);
    // Taken before the tally reads: every response committed before this moment is counted.
    const asOf = new Date();
    let result: TallyResult;
    if (source.kind === 'themes') {
      const themes: Record<string, string> = { ...raw, question: query.question };
      if (query.coder !== undefined) themes.coder = query.coder;
      result = await this.themeTallies.tally(actor, source.id, themes);
    } else if (source.kind === 'campaign') {
      result = await this.tallies.campaignTallies(actor, source.id, raw);
    } else {
      result = await this.tallies.surveyTallies(actor, source.id, raw);
    }
    const figures = evidenceFigures(result, query.question, asOf);
    if (figures === undefined) {
      const named = source.kind === 'survey' ? `Survey ${source.id}` : `Campaign ${source.id}`;
      throw new DomainError(
        'charter_evidence_question_not_asked',
        `${named} does not ask a question named "${query.question}"`,
        { question: query.question },
      );
    }
    const quotes = await this.quotes(actor, query);
    return { figures, filters: result.filters, quotes };
  }

  /** The quotes a citation asks for, each checked; a 422 names every one that cannot be quoted. */
  private async quotes(actor: Actor, query: EvidenceQuery): Promise<EvidenceQuote[]> {
    const ids = (query.quotes ?? []).map((id) => id.toLowerCase());
    if (ids.length === 0 || query.campaignId === undefined) return [];
    const checks = await this.quoteChecks.check(
      actor,
      query.campaignId,
      query.question,
      ids,
      evidenceTallyQuery({ filters: query.filters }),
    );
    const missing = checks.filter((check) => check.state === 'missing').map((check) => check.responseId);
    if (missing.length > 0)
      throw new DomainError(
        'charter_evidence_quote_invalid',
        `Not an answer to "${query.question}" among the cited responses: ${missing.join(', ')}`,
        { responseIds: missing },
      );
    const suppressed = checks.filter((check) => check.state === 'suppressed').map((check) => check.responseId);
    if (suppressed.length > 0)
      throw new DomainError(
        'charter_evidence_quote_suppressed',
        `Under the small-cell size (its network, or all the cited responses): ${suppressed.join(', ')}`,
        { responseIds: suppressed },
      );
    return checks.flatMap((check) => (check.state === 'ok' ? [check.quote] : []));
  }

  /** Each quote of a stored citation now, beside the words as cited. */
  async quotesNow(actor: Actor, query: EvidenceQuery, cited: readonly EvidenceQuote[]): Promise<EvidenceQuoteNow[]> {
    if (cited.length === 0 || query.campaignId === undefined) return [];
    const gone = (): EvidenceQuoteNow[] => cited.map(({ responseId }) => ({ responseId, state: 'gone' }));
    let checks;
    try {
      checks = await this.quoteChecks.check(
        actor,
        query.campaignId,
        query.question,
        cited.map((quote) => quote.responseId),
        evidenceTallyQuery({ filters: query.filters }),
      );
    } catch (error) {
      // The campaign or its question is gone: so are its answers.
      if (error instanceof DomainError && error.code !== 'forbidden') return gone();
      throw error;
    }
    return checks.map((check, index): EvidenceQuoteNow => {
      if (check.state !== 'ok')
        return { responseId: check.responseId, state: check.state === 'missing' ? 'gone' : 'suppressed' };
      return { responseId: check.responseId, state: check.quote.text === cited[index]?.text ? 'unchanged' : 'changed' };
    });
  }
}

function evidenceSource(query: EvidenceQuery): { kind: 'campaign' | 'survey' | 'themes'; id: string } {
  const { campaignId, surveyId } = query;
  if (campaignId !== undefined && surveyId !== undefined)
    throw new DomainError('bad_request', 'evidence names a campaignId or a surveyId, not both');
  if (query.coder !== undefined && query.source !== 'themes')
    throw new DomainError('bad_request', 'coder applies to theme evidence (source "themes") only');
  if (campaignId === undefined && (query.source === 'themes' || (query.quotes?.length ?? 0) > 0))
    throw new DomainError('bad_request', 'theme evidence and quotes need a campaignId (themes are coded per campaign)');
  if (campaignId !== undefined) return { kind: query.source === 'themes' ? 'themes' : 'campaign', id: campaignId };
  if (surveyId !== undefined) return { kind: 'survey', id: surveyId };
  throw new DomainError('bad_request', 'evidence needs a campaignId or a surveyId');
}
