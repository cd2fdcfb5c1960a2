import { Injectable } from '@nestjs/common';
import type {
  AnswerCodingDto,
  ApplySuggestionResult,
  CodingAnswersPage,
  CodingCampaignDto,
  CodingOverviewDto,
  SuggestResult,
} from '@concord/shared';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { filterAnswers, pageOf, progressOf } from './answer-list';
import { CodingRepository, type StoredCoding } from './coding.repository';
import { type CodingCampaign, CodingSourcesService } from './coding-sources.service';
import type { ApplySuggestionDto, CodingAnswersQueryDto, SuggestDto } from './dto/coding.dto';
import { runSuggestThemes } from './text/suggest-runner';
import { CODERS, CODING_READERS, ThemesService, toThemeDto } from './themes.service';

const DEFAULT_PAGE_SIZE = 50;

function toCodingDto(question: string, coding: StoredCoding): AnswerCodingDto {
  return {
    responseId: coding.responseId,
    question,
    themeIds: coding.themeIds,
    suggestedThemeIds: coding.suggestedThemeIds,
    codedAt: coding.codedAt.toISOString(),
  };
}

/**
 * Coding answers: each coder's own codings, the coding page's answer list and progress, and theme
 * suggestions computed here from the answers' words. Coders see where an answer comes from
 * (network, country, role), never who wrote it.
 */
@Injectable()
export class CodingsService {
  constructor(
    private readonly repository: CodingRepository,
    private readonly sources: CodingSourcesService,
    private readonly themes: ThemesService,
    private readonly audit: AuditService,
  ) {}

  async campaigns(actor: Actor): Promise<CodingCampaignDto[]> {
    requireRole(actor, CODING_READERS);
    return this.sources.campaignList();
  }

  async overview(actor: Actor, campaignId: string): Promise<CodingOverviewDto> {
    requireRole(actor, CODING_READERS);
    const campaign = await this.sources.campaign(campaignId);
    const questions = await this.sources.campaignQuestions(actor, campaign);
    const counts = await this.sources.answerCounts(
      campaign.id,
      questions.map((question) => question.name),
    );
    const coded = await this.repository.codedCounts(campaign.id, actor.id);
    return {
      campaign: {
        id: campaign.id,
        name: campaign.name,
        surveyId: campaign.surveyId,
        version: campaign.version,
        status: campaign.status,
      },
      questions: questions.map((question) => ({
        ...question,
        answers: counts.get(question.name) ?? 0,
        codedByMe: coded.get(question.name) ?? 0,
      })),
    };
  }

  /** The acting coder's view of a question's answers: filtered, paged, with their own codings. */
  async answers(actor: Actor, campaignId: string, query: CodingAnswersQueryDto): Promise<CodingAnswersPage> {
    // The list shows every answer of a group however small, so it is for coders only; readers use
    // the analysis feature's free-text view, which applies the small-cell rule.
    requireRole(actor, CODERS);
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, query.question);
    const all = await this.sources.answers(actor, campaign.id, query.question);
    const codings = await this.repository.codings(campaign.id, query.question, actor.id);
    const matching = filterAnswers(query.question, all, codings, {
      q: query.q,
      networkIds: query.network === undefined ? undefined : new Set(query.network.toLowerCase().split(',')),
      country: query.country,
      role: query.role,
      language: query.language,
      status: query.status,
      themeId: query.theme,
      sample: query.sample,
    });
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    const items = pageOf(all, matching, { after: query.after, page, pageSize });
    if (items === null) {
      throw new DomainError(
        'coding_answer_not_found',
        `after: response ${query.after} has no answer to ${query.question}`,
      );
    }
    return {
      question: query.question,
      total: matching.length,
      page,
      pageSize,
      progress: progressOf(all, codings),
      answers: items.map((answer) => {
        const coding = codings.get(answer.responseId);
        return {
          responseId: answer.responseId,
          text: answer.text,
          networkId: answer.networkId,
          network: answer.network,
          country: answer.country,
          role: answer.role,
          language: answer.language,
          themeIds: coding?.themeIds ?? [],
          suggestedThemeIds: coding?.suggestedThemeIds ?? [],
          codedAt: coding?.codedAt.toISOString() ?? null,
        };
      }),
    };
  }

  /** Sets the acting coder's themes for one answer ([] = coded, no theme applies). */
  async save(
    actor: Actor,
    campaignId: string,
    rawResponseId: string,
    question: string,
    rawThemeIds: readonly string[],
  ): Promise<AnswerCodingDto> {
    requireRole(actor, CODERS);
    const responseId = rawResponseId.toLowerCase();
    const themeIds = rawThemeIds.map((id) => id.toLowerCase());
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, question);
    await this.requireAnswers(actor, campaign, question, [responseId], 'not_found');
    return this.repository.transaction(async (manager) => {
      await this.repository.lockQuestionShared(manager, campaign.surveyId, question);
      const resolved = await this.resolveThemes(manager, campaign, question, themeIds);
      const key = { campaignId: campaign.id, question, coderId: actor.id, coderName: actor.name };
      const saved = await this.repository.saveCoding(manager, key, responseId, resolved);
      await this.audit.record(manager, {
        actor,
        action: 'coding.answer_coded',
        subject: `campaign:${campaign.id}`,
        payload: { responseId, question, themeIds: resolved },
      });
      return toCodingDto(question, saved);
    });
  }

  /** Removes the acting coder's coding of one answer (it counts as not coded again). */
  async clear(actor: Actor, campaignId: string, rawResponseId: string, question: string): Promise<void> {
    requireRole(actor, CODERS);
    const responseId = rawResponseId.toLowerCase();
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, question);
    await this.requireAnswers(actor, campaign, question, [responseId], 'not_found');
    await this.repository.transaction(async (manager) => {
      const cleared = await this.repository.clearCoding(
        manager,
        { campaignId: campaign.id, question, coderId: actor.id },
        responseId,
      );
      if (cleared) {
        await this.audit.record(manager, {
          actor,
          action: 'coding.answer_uncoded',
          subject: `campaign:${campaign.id}`,
          payload: { responseId, question },
        });
      }
    });
  }

  /** Clusters a question's answers by their words and proposes each cluster as a theme. */
  async suggest(actor: Actor, campaignId: string, input: SuggestDto): Promise<SuggestResult> {
    requireRole(actor, CODERS);
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, input.question);
    let answers = await this.sources.answers(actor, campaign.id, input.question);
    if (input.onlyUncoded === true) {
      const codings = await this.repository.codings(campaign.id, input.question, actor.id);
      answers = answers.filter((answer) => !codings.has(answer.responseId));
    }
    const result = await runSuggestThemes(
      answers.map((answer) => ({ id: answer.responseId, text: answer.text, language: answer.language })),
      { count: input.count },
    );
    return { question: input.question, answers: answers.length, ...result };
  }

  /**
   * Applies a suggestion: its theme (an existing one, or a new one by name) joins the acting coder's
   * codings of its answers, marked as suggested until the coder confirms each answer.
   */
  async applySuggestion(actor: Actor, campaignId: string, raw: ApplySuggestionDto): Promise<ApplySuggestionResult> {
    requireRole(actor, CODERS);
    const input = {
      ...raw,
      answerIds: raw.answerIds.map((id) => id.toLowerCase()),
      themeId: raw.themeId?.toLowerCase(),
    };
    if ((input.themeId === undefined) === (input.name === undefined)) {
      throw new DomainError('bad_request', 'Give either themeId (an existing theme) or name (a new theme), not both');
    }
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, input.question);
    await this.requireAnswers(actor, campaign, input.question, input.answerIds, 'unprocessable');
    return this.repository.transaction(async (manager) => {
      // A new theme takes the question's lock itself (names are unique per question).
      if (input.themeId !== undefined)
        await this.repository.lockQuestionShared(manager, campaign.surveyId, input.question);
      const existing =
        input.themeId === undefined
          ? null
          : await this.resolveThemes(manager, campaign, input.question, [input.themeId]);
      const themeId =
        existing?.[0] ??
        (
          await this.themes.createIn(manager, actor, campaign.surveyId, {
            question: input.question,
            name: input.name ?? '',
            description: input.description,
          })
        ).id;
      const key = { campaignId: campaign.id, question: input.question, coderId: actor.id, coderName: actor.name };
      const coded = await this.repository.addSuggestedTheme(manager, key, input.answerIds, themeId);
      await this.audit.record(manager, {
        actor,
        action: 'coding.suggestion_applied',
        subject: `campaign:${campaign.id}`,
        payload: { question: input.question, themeId, responseIds: input.answerIds, coded },
      });
      const row = await this.repository.themeRow(themeId, manager);
      if (row === null) throw new DomainError('theme_not_found', `No theme ${themeId}`);
      return { theme: toThemeDto(row), coded };
    });
  }

  /**
   * Theme ids as the coder meant them: a theme merged since the page was loaded stands for the theme
   * it was merged into. Anything that is not a theme of this question is refused, naming it.
   */
  private async resolveThemes(
    manager: EntityManager,
    campaign: CodingCampaign,
    question: string,
    themeIds: readonly string[],
  ): Promise<string[]> {
    const found = new Map((await this.repository.findThemes(themeIds, manager)).map((theme) => [theme.id, theme]));
    const problems: Array<{ themeId: string; message: string }> = [];
    const resolved: string[] = [];
    for (const id of themeIds) {
      const theme = found.get(id);
      if (theme === undefined || theme.surveyId !== campaign.surveyId) {
        problems.push({ themeId: id, message: 'not a theme of this survey' });
      } else if (theme.question !== question) {
        problems.push({ themeId: id, message: `a theme of question ${theme.question}, not ${question}` });
      } else {
        const target = theme.mergedIntoId ?? theme.id;
        if (!resolved.includes(target)) resolved.push(target);
      }
    }
    if (problems.length > 0) {
      throw new DomainError(
        'coding_theme_invalid',
        problems.map((problem) => `theme ${problem.themeId} is ${problem.message}`).join('; '),
        problems,
      );
    }
    return resolved;
  }

  private async requireAnswers(
    actor: Actor,
    campaign: CodingCampaign,
    question: string,
    responseIds: readonly string[],
    as: 'not_found' | 'unprocessable',
  ): Promise<void> {
    const found = new Set(
      (await this.sources.answers(actor, campaign.id, question, responseIds)).map((answer) => answer.responseId),
    );
    const missing = responseIds.filter((id) => !found.has(id));
    if (missing.length === 0) return;
    const message = `${missing.length === 1 ? `Response ${missing[0]} has` : `${missing.length} responses have`} no answer to ${question} in this campaign`;
    if (as === 'not_found') throw new DomainError('coding_answer_not_found', message);
    throw new DomainError('unprocessable', message, { missing });
  }
}
