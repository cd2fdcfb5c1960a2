import { Injectable } from '@nestjs/common';
import type { EvidenceQuote, TallyResult } from '@concord/shared';
import { type RawQuery, TallyService } from '../analysis';
import type { Actor } from '../common/actor';
import { type CodingSourceAnswer, CodingSourcesService } from './coding-sources.service';
import { ThemeTalliesService } from './theme-tallies.service';

/**
 * A free-text answer checked for quoting under a view: `ok` with the quote; `missing` when it is
 * no answer to the question among the responses the view selects; `suppressed` when the view, or
 * the answer's network in it, is under the small-cell size (the quote would name a small group).
 */
export type QuoteCheck =
  { responseId: string; state: 'ok'; quote: EvidenceQuote } | { responseId: string; state: 'missing' | 'suppressed' };

/**
 * The pure rule: an answer must exist and be among the selected responses, and neither the whole
 * view nor the answer's network group (keyed by network code) may be suppressed. A network the
 * tally does not list counts as suppressed: nothing is quoted from a group the figures hide.
 */
export function judgeQuotes(
  responseIds: readonly string[],
  answers: ReadonlyMap<string, Pick<CodingSourceAnswer, 'text' | 'network' | 'networkCode' | 'role'>>,
  selected: ReadonlySet<string>,
  tally: Pick<TallyResult, 'suppressed' | 'questions'>,
): QuoteCheck[] {
  const groups = tally.questions[0]?.groups ?? {};
  return responseIds.map((responseId): QuoteCheck => {
    const answer = answers.get(responseId);
    if (answer === undefined || !selected.has(responseId)) return { responseId, state: 'missing' };
    if (tally.suppressed || groups[answer.networkCode]?.suppressed !== false)
      return { responseId, state: 'suppressed' };
    return {
      responseId,
      state: 'ok',
      quote: { responseId, text: answer.text, network: answer.network, role: answer.role },
    };
  });
}

/** Quotes of free-text answers for Charter evidence: the words, network and role, never who wrote them. */
@Injectable()
export class EvidenceQuotesService {
  constructor(
    private readonly sources: CodingSourcesService,
    private readonly themeTallies: ThemeTalliesService,
    private readonly tallies: TallyService,
  ) {}

  /**
   * Checks each answer of `question` in `responseIds` under the view's filters (a tally query
   * without grouping or weighting). The small-cell rule is the tallies' own: the question's theme
   * tally grouped by network, with its complementary suppression.
   */
  async check(
    actor: Actor,
    campaignId: string,
    question: string,
    responseIds: readonly string[],
    filters: RawQuery,
  ): Promise<QuoteCheck[]> {
    if (responseIds.length === 0) return [];
    const view = { ...filters, question, groupBy: 'network' };
    // Also the access check, and a 422 when the question holds no free text.
    const tally = await this.themeTallies.tally(actor, campaignId, view);
    const selected = await this.tallies.selectedResponses(actor, campaignId, filters, responseIds);
    const answers = new Map(
      (await this.sources.answers(actor, campaignId, question, responseIds)).map((row) => [row.responseId, row]),
    );
    return judgeQuotes(responseIds, answers, selected, tally);
  }
}
