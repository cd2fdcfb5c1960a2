import { Injectable } from '@nestjs/common';
import type { AgreementResult, CoderDto, CodingDifference, ThemeAgreement } from '@concord/shared';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { CodingRepository, type StoredCoding } from './coding.repository';
import { CodingSourcesService } from './coding-sources.service';
import { agreementTable, cohenKappa, poolTables } from './kappa';
import { CODING_READERS } from './themes.service';

/** A coding counts for agreement once its coder has reviewed it: no theme still merely suggested. */
function reviewed(coding: StoredCoding | undefined): coding is StoredCoding {
  return coding !== undefined && coding.suggestedThemeIds.length === 0;
}

/**
 * Agreement between two coders who coded the same answers independently (each sees only their own
 * codings): Cohen's kappa per theme and pooled, and the answers they coded differently.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly repository: CodingRepository,
    private readonly sources: CodingSourcesService,
  ) {}

  async coders(actor: Actor, campaignId: string, question: string): Promise<CoderDto[]> {
    requireRole(actor, CODING_READERS);
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, question);
    return this.repository.coders(campaign.id, question);
  }

  async agreement(actor: Actor, campaignId: string, question: string, coders: string): Promise<AgreementResult> {
    requireRole(actor, CODING_READERS);
    const [firstId, secondId] = coders.toLowerCase().split(',') as [string, string];
    if (firstId === secondId) throw new DomainError('bad_request', 'coders must name two different users');
    const campaign = await this.sources.campaign(campaignId);
    await this.sources.campaignQuestion(actor, campaign, question);
    const known = new Map((await this.repository.coders(campaign.id, question)).map((coder) => [coder.id, coder]));
    const unknown = [firstId, secondId].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        'unprocessable',
        `coders: ${unknown.join(', ')} coded no answer to ${question} in this campaign`,
      );
    }
    const [first, second] = await Promise.all([
      this.repository.codings(campaign.id, question, firstId),
      this.repository.codings(campaign.id, question, secondId),
    ]);
    const answers = await this.sources.answers(actor, campaign.id, question);
    // Answers both coders coded and reviewed, in list order (answers since emptied or removed drop out).
    const common = answers.flatMap((answer) => {
      const a = first.get(answer.responseId);
      const b = second.get(answer.responseId);
      return reviewed(a) && reviewed(b) ? [{ answer, first: new Set(a.themeIds), second: new Set(b.themeIds) }] : [];
    });
    const used = new Set(common.flatMap((item) => [...item.first, ...item.second]));
    const themes = await this.repository.listThemes(campaign.surveyId, question, false);
    const perTheme: ThemeAgreement[] = themes
      .filter((row) => used.has(row.theme.id))
      .map((row) => {
        const table = agreementTable(row.theme.id, common);
        return {
          themeId: row.theme.id,
          name: row.theme.name,
          ...cohenKappa(table),
          byFirst: table.both + table.firstOnly,
          bySecond: table.both + table.secondOnly,
          byBoth: table.both,
        };
      });
    const pooled = cohenKappa(poolTables(perTheme.map((theme) => agreementTable(theme.themeId, common))));
    const result: AgreementResult = {
      question,
      coders: [firstId, secondId].map((id) => ({ id, name: known.get(id)?.name ?? id })),
      items: common.length,
      kappa: pooled.kappa,
      agreement: pooled.agreement,
      themes: perTheme,
    };
    // Readers who are not coders see the figures, not the answers (those are shown under the
    // small-cell rule in analysis).
    if (actor.role !== 'committee') {
      result.differences = common
        .filter((item) => item.first.size !== item.second.size || [...item.first].some((id) => !item.second.has(id)))
        .map((item): CodingDifference => ({
          responseId: item.answer.responseId,
          text: item.answer.text,
          network: item.answer.network,
          country: item.answer.country,
          role: item.answer.role,
          first: perTheme.filter((theme) => item.first.has(theme.themeId)).map((theme) => theme.themeId),
          second: perTheme.filter((theme) => item.second.has(theme.themeId)).map((theme) => theme.themeId),
        }));
    }
    return result;
  }
}
