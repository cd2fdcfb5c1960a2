import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CodableQuestion,
  codableQuestions,
  codableQuestionsAcrossVersions,
  type CodingCampaignDto,
} from '@concord/shared';
import type { DataSource } from 'typeorm';
import { type Campaign, CampaignsService } from '../campaigns';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { NetworksService } from '../networks';
import { ResponseReadsService, type TextAnswerRow } from '../responses';
import { SurveysService } from '../surveys';

/** A campaign as coding sees it. */
export type CodingCampaign = Pick<Campaign, 'id' | 'name' | 'surveyId' | 'surveyVersionId' | 'version' | 'status'>;

/** A free-text answer with its network's name. */
export interface CodingSourceAnswer extends TextAnswerRow {
  network: string;
  networkCode: string;
}

/**
 * What coding reads from other features — campaigns, questionnaires, networks, answers — through
 * their services only. Callers check the actor's role first.
 */
@Injectable()
export class CodingSourcesService {
  /** Codable questions per published version: published versions never change. */
  private readonly versionQuestions = new Map<string, CodableQuestion[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly surveys: SurveysService,
    private readonly networks: NetworksService,
    private readonly responses: ResponseReadsService,
  ) {}

  campaign(campaignId: string): Promise<CodingCampaign> {
    return this.campaigns.requireCampaign(this.dataSource.manager, campaignId);
  }

  async campaignList(): Promise<CodingCampaignDto[]> {
    const campaigns = await this.campaigns.summaries();
    return campaigns.map(({ id, name, surveyId, version, status }) => ({ id, name, surveyId, version, status }));
  }

  /** The codable questions of the version a campaign pinned. */
  async campaignQuestions(actor: Actor, campaign: CodingCampaign): Promise<CodableQuestion[]> {
    const known = this.versionQuestions.get(campaign.surveyVersionId);
    if (known !== undefined) return known;
    const version = await this.surveys.getVersion(actor, campaign.surveyId, campaign.version);
    const questions = codableQuestions(version.definition);
    if (version.status === 'published') this.versionQuestions.set(campaign.surveyVersionId, questions);
    return questions;
  }

  /** The campaign's codable question of that name, or 422 naming the ones there are. */
  async campaignQuestion(actor: Actor, campaign: CodingCampaign, name: string): Promise<CodableQuestion> {
    const questions = await this.campaignQuestions(actor, campaign);
    const found = questions.find((question) => question.name === name);
    if (found === undefined) throw this.notCodable(name, questions);
    return found;
  }

  /** 404 for an unknown survey. */
  async requireSurvey(actor: Actor, surveyId: string): Promise<void> {
    await this.surveys.get(actor, surveyId);
  }

  /** Codable questions across every version of a survey (404 for an unknown survey). */
  async surveyQuestions(actor: Actor, surveyId: string): Promise<Array<CodableQuestion & { versions: number[] }>> {
    const survey = await this.surveys.get(actor, surveyId);
    const versions = await Promise.all(
      survey.versions.map(async ({ version }) => {
        const detail = await this.surveys.getVersion(actor, surveyId, version);
        return { version, definition: detail.definition };
      }),
    );
    return codableQuestionsAcrossVersions(versions);
  }

  async surveyQuestion(actor: Actor, surveyId: string, name: string): Promise<CodableQuestion> {
    const questions = await this.surveyQuestions(actor, surveyId);
    const found = questions.find((question) => question.name === name);
    if (found === undefined) throw this.notCodable(name, questions);
    return found;
  }

  /** A question's non-empty answers in a campaign's complete responses, oldest first, with network names. */
  async answers(
    actor: Actor,
    campaignId: string,
    question: string,
    responseIds?: readonly string[],
  ): Promise<CodingSourceAnswer[]> {
    const rows = await this.responses.textAnswers(campaignId, question, responseIds);
    const names = await this.networkNames(actor);
    return rows.map((row) => {
      const network = names.get(row.networkId);
      return { ...row, network: network?.name ?? row.networkId, networkCode: network?.code ?? row.networkId };
    });
  }

  async answerCounts(campaignId: string, questions: readonly string[]): Promise<Map<string, number>> {
    return this.responses.textAnswerCounts(campaignId, questions);
  }

  private async networkNames(actor: Actor): Promise<Map<string, { name: string; code: string }>> {
    const networks = await this.networks.list(actor);
    return new Map(networks.map((network) => [network.id, { name: network.name, code: network.code }]));
  }

  private notCodable(name: string, questions: readonly CodableQuestion[]): DomainError {
    const known = questions.map((question) => question.name);
    return new DomainError(
      'coding_question_invalid',
      `${name} is not a free-text question of this questionnaire` +
        (known.length === 0 ? ' (it has none)' : `; its free-text questions are: ${known.join(', ')}`),
    );
  }
}
