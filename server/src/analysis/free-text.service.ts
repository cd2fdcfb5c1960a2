import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FreeTextAnswer, FreeTextPage } from '@concord/shared';
import type { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { countFilteredResponses, filteredFreeTexts } from '../responses';
import { QuestionPlansService } from './question-plans.service';
import { parseTallyQuery } from './tally-query';
import { responseFilter } from './tally-sql';
import { TallyService } from './tally.service';

const PAGE_SIZE = 50;

/**
 * Free-text answers, paged and searchable, with network, country and role but never who wrote
 * them. Nothing is shown when fewer responses than the threshold match the filters.
 */
@Injectable()
export class FreeTextService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
    private readonly tallies: TallyService,
  ) {}

  async answers(
    actor: Actor,
    campaignId: string,
    question: string,
    raw: Record<string, unknown>,
  ): Promise<FreeTextPage> {
    const campaign = await this.tallies.campaign(actor, campaignId);
    const { q, page: rawPage, pageSize: rawSize, ...rest } = raw;
    const query = parseTallyQuery(rest);
    const page = this.positive('page', rawPage, 1, 100_000);
    const pageSize = this.positive('pageSize', rawSize, PAGE_SIZE, 500);
    if (q !== undefined && typeof q !== 'string') throw new DomainError('bad_request', 'q must be given once');
    const [plan] = await this.plans.plansFor([campaign.surveyVersionId]);
    const other = question.endsWith('-Comment') ? question.slice(0, -'-Comment'.length) : null;
    const found = plan?.plan.questions.find((entry) => entry.name === (other ?? question));
    if (found === undefined)
      throw new DomainError('analysis_question_not_found', `This campaign's questionnaire has no question ${question}`);
    if (other === null ? found.kind !== 'text' : !found.hasOther) {
      throw new DomainError('bad_request', `${question} is not a free-text question; its answers are in the tallies`);
    }
    const resolved = await this.tallies.resolve(query, [campaign.id], [campaign.surveyVersionId], campaign.id);
    // Every filter, exactly as the tallies and the response exports apply them.
    const filter = responseFilter(resolved.scope, query.filters);
    const manager = this.dataSource.manager;
    // Under the threshold nothing is shown, not even how many answers there are.
    if ((await countFilteredResponses(manager, filter)) < resolved.minCellSize)
      return { question, total: 0, page, pageSize, suppressed: true, answers: [] };
    // Nested questions of a dynamic panel give one answer per panel.
    const [key, nested] =
      found.panel === undefined ? [question, null] : [found.panel, question.slice(found.panel.length + 1)];
    const search = q !== undefined && q.trim() !== '' ? q.trim() : null;
    const { total, rows } = await filteredFreeTexts(manager, filter, {
      key,
      nested,
      search,
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    const names = new Map(resolved.networks.map((network) => [network.id, network.name]));
    const answers: FreeTextAnswer[] = rows.map((row) => ({
      responseId: row.id,
      text: row.text,
      networkId: row.network_id,
      // A network added after the names were read shows by its id.
      network: names.get(row.network_id) ?? row.network_id,
      country: row.country,
      role: row.role,
      language: row.language,
      completedAt: row.completed_at === null ? null : new Date(row.completed_at).toISOString(),
    }));
    return { question, total, page, pageSize, suppressed: false, answers };
  }

  private positive(name: string, value: unknown, fallback: number, max: number): number {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || !/^\d{1,6}$/.test(value) || Number(value) < 1 || Number(value) > max) {
      throw new DomainError('bad_request', `${name} must be an integer from 1 to ${max}`);
    }
    return Number(value);
  }
}
