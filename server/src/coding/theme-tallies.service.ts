import { Injectable } from '@nestjs/common';
import type { TallyResult } from '@concord/shared';
import { isUUID } from 'class-validator';
import { type DerivedQuestion, type RawQuery, TallyService } from '../analysis';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { type CoderPolicy, CodingRepository } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';

const THEME_QUERY_KEYS = ['question', 'coder'] as const;

function bad(message: string): DomainError {
  return new DomainError('bad_request', message);
}

/** `question` is required; `coder` (a user id) counts one coder's codings instead of anyone's. */
export function parseThemeTallyQuery(raw: RawQuery): { question: string; policy: CoderPolicy } {
  const { question, coder } = raw;
  if (question === undefined) throw bad('question is required');
  if (typeof question !== 'string' || question.trim() === '') throw bad('question must be given once, not empty');
  return { question, policy: parseCoderPolicy(coder) };
}

/** `coder` absent: anyone's codings count; a user id: only that coder's. */
export function parseCoderPolicy(coder: unknown): CoderPolicy {
  if (coder === undefined) return { kind: 'anyCoder' };
  if (typeof coder !== 'string' || !isUUID(coder)) throw bad('coder must be a user id (UUID)');
  return { kind: 'coder', coderId: coder.toLowerCase() };
}

/**
 * Theme tallies: the themes coders gave to a free-text question's answers, counted like the
 * answers of a multiple-choice question (groups, filters, weighting, small-cell rule) by the
 * analysis feature. An answer counts once reviewed: a suggestion nobody confirmed does not.
 */
@Injectable()
export class ThemeTalliesService {
  constructor(
    private readonly repository: CodingRepository,
    private readonly sources: CodingSourcesService,
    private readonly tallies: TallyService,
  ) {}

  tally(actor: Actor, campaignId: string, raw: RawQuery): Promise<TallyResult> {
    return this.tallies.derivedTally(actor, campaignId, raw, THEME_QUERY_KEYS, async () => {
      const { question, policy } = parseThemeTallyQuery(raw);
      return await this.derive(actor, campaignId, question, policy);
    });
  }

  private async derive(
    actor: Actor,
    campaignId: string,
    question: string,
    policy: CoderPolicy,
  ): Promise<DerivedQuestion> {
    const campaign = await this.sources.campaign(campaignId);
    const source = await this.sources.campaignQuestion(actor, campaign, question);
    const themes = await this.repository.listThemes(campaign.surveyId, question, false);
    const valuesByResponse = new Map<string, string[]>();
    for (const row of await this.repository.reviewedCodings(campaignId, question, policy)) {
      let values = valuesByResponse.get(row.responseId);
      if (values === undefined) valuesByResponse.set(row.responseId, (values = []));
      if (row.themeId !== null) values.push(row.themeId);
    }
    return {
      name: question,
      title: source.title,
      type: 'themes',
      choices: themes.map(({ theme }) => ({ value: theme.id, label: theme.name })),
      valuesByResponse,
    };
  }
}
