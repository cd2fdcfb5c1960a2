import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type AnalysisSettingsDto,
  DEFAULT_MIN_CELL_SIZE,
  type QuestionTally,
  type StaffRole,
  type SurveyTallyResult,
  type TallyFilters,
  type TallyResult,
} from '@concord/shared';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { Campaign } from '../campaigns/entities/campaign.entity';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { Network } from '../networks/entities/network.entity';
import { Survey } from '../surveys/entities/survey.entity';
import { AnalysisFactsService } from './analysis-facts.service';
import { AnalysisSettings } from './entities/analysis-settings.entity';
import { factCtes, planParameter } from './fact-sql';
import { type MergedQuestion, mergeVersions } from './merge-versions';
import type { TallyQuestion } from './question-plan';
import { QuestionPlansService, type VersionPlan } from './question-plans.service';
import { assembleTally, type FactCountRow } from './tally';
import {
  type ParsedFilters,
  type ParsedTallyQuery,
  needsScan,
  parseTallyQuery,
  parseVersionList,
  type RawQuery,
} from './tally-query';
import { dimensionConditions, groupExpression, scanConditions, SqlParams, type TallyScope } from './tally-sql';

/** Reading analysis: secretariat and admin, and the committee (read-only everywhere here). */
export const ANALYSIS_READERS: readonly StaffRole[] = ['secretariat', 'committee'];
export const ANALYSIS_EDITORS: readonly StaffRole[] = ['secretariat'];
const CHOICE_KINDS = new Set(['choice', 'multi', 'numeric']);
const SCAN_WORK_MEM = '64MB';

export interface NetworkLabel {
  id: string;
  code: string;
  name: string;
}

/** A tally request resolved against the database: what to read and how to show it. */
export interface ResolvedTally {
  query: ParsedTallyQuery;
  scope: TallyScope;
  plans: VersionPlan[];
  minCellSize: number;
  networks: NetworkLabel[];
}

@Injectable()
export class TallyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
    private readonly facts: AnalysisFactsService,
    private readonly audit: AuditService,
  ) {}

  async campaign(actor: Actor, campaignId: string): Promise<Campaign> {
    requireRole(actor, ANALYSIS_READERS);
    const campaign = await this.dataSource.manager.findOneBy(Campaign, { id: campaignId });
    if (campaign === null) throw new DomainError('campaign_not_found', 'Campaign not found');
    return campaign;
  }

  async campaignTallies(actor: Actor, campaignId: string, raw: RawQuery): Promise<TallyResult> {
    const campaign = await this.campaign(actor, campaignId);
    const query = parseTallyQuery(raw);
    const resolved = await this.resolve(query, [campaign.id], [campaign.surveyVersionId], campaign.id);
    const questions = resolved.plans[0]?.plan.questions ?? [];
    return this.tally(resolved, questions);
  }

  async surveyTallies(actor: Actor, surveyId: string, raw: RawQuery): Promise<SurveyTallyResult> {
    requireRole(actor, ANALYSIS_READERS);
    const { versions: rawVersions, ...rest } = raw;
    const query = parseTallyQuery(rest);
    const survey = await this.dataSource.manager.findOneBy(Survey, { id: surveyId });
    if (survey === null) throw new DomainError('survey_not_found', 'Survey not found');
    const all = (await this.plans.surveyVersions(surveyId)).filter((version) => version.status !== 'draft');
    const asked =
      rawVersions === undefined ? all.map((version) => version.version) : parseVersionList('versions', rawVersions);
    const chosen = asked.filter(
      (number) => query.filters.version === undefined || query.filters.version.includes(number),
    );
    const unknown = asked.filter((number) => !all.some((version) => version.version === number));
    if (unknown.length > 0)
      throw new DomainError('analysis_version_not_found', `This survey has no published version ${unknown.join(', ')}`);
    const versionIds = all.filter((version) => chosen.includes(version.version)).map((version) => version.id);
    const campaigns = (await this.dataSource.manager.find(Campaign, { select: { id: true }, where: { surveyId } })).map(
      (c) => c.id,
    );
    const resolved = await this.resolve(query, campaigns, versionIds, null);
    const merged = mergeVersions(
      resolved.plans.map((plan) => ({ version: plan.version, questions: plan.plan.questions })),
    );
    const result = await this.tally(resolved, merged);
    return {
      ...result,
      versions: chosen,
      questions: result.questions.map((question, index) => withVersions(question, merged[index])),
    };
  }

  /** Resolves filters and the threshold; `campaignId` is set for single-campaign tallies. */
  async resolve(
    query: ParsedTallyQuery,
    campaignIds: string[],
    versionIds: string[],
    campaignId: string | null,
  ): Promise<ResolvedTally> {
    const plans = await this.plans.plansFor(versionIds);
    const networks = (await this.dataSource.manager.find(Network, {
      select: { id: true, code: true, name: true },
    })) as NetworkLabel[];
    const scope: TallyScope = { campaignIds, versionIds };
    if (query.filters.network !== undefined) {
      scope.networkIds = query.filters.network.map((given) => {
        const found = networks.find(
          (network) => network.id === given || network.code.toLowerCase() === given.toLowerCase(),
        );
        if (found === undefined) throw new DomainError('bad_request', `network: unknown network "${given}"`);
        return found.id;
      });
    }
    if (query.filters.version !== undefined && campaignId !== null) {
      const versions = new Set(plans.map((plan) => plan.version));
      if (!query.filters.version.some((version) => versions.has(version))) scope.versionIds = [];
    }
    for (const question of Object.keys(query.filters.answers)) {
      const ok = plans.some((plan) =>
        plan.plan.questions.some((q) => q.name === question && q.panel === undefined && CHOICE_KINDS.has(q.kind)),
      );
      if (!ok) throw new DomainError('bad_request', `answer[${question}]: no choice question of that name`);
    }
    const floor = campaignId === null ? DEFAULT_MIN_CELL_SIZE : await this.minCellSize(campaignId);
    return { query, scope, plans, minCellSize: Math.max(floor, query.minCellSize ?? 0), networks };
  }

  async minCellSize(campaignId: string): Promise<number> {
    const settings = await this.dataSource.manager.findOneBy(AnalysisSettings, { campaignId });
    return Math.max(DEFAULT_MIN_CELL_SIZE, settings?.minCellSize ?? DEFAULT_MIN_CELL_SIZE);
  }

  async getSettings(actor: Actor, campaignId: string): Promise<AnalysisSettingsDto> {
    const campaign = await this.campaign(actor, campaignId);
    return { campaignId: campaign.id, minCellSize: await this.minCellSize(campaign.id) };
  }

  async putSettings(actor: Actor, campaignId: string, minCellSize: number): Promise<AnalysisSettingsDto> {
    requireRole(actor, ANALYSIS_EDITORS);
    const campaign = await this.campaign(actor, campaignId);
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(AnalysisSettings, { campaignId: campaign.id });
      await manager.upsert(AnalysisSettings, { campaignId: campaign.id, minCellSize }, ['campaignId']);
      // The threshold decides what may be shown about small groups: a change is recorded.
      await this.audit.record(manager, {
        actor,
        action: 'campaign.min_cell_size_changed',
        subject: `campaign:${campaign.id}`,
        payload: { from: before?.minCellSize ?? DEFAULT_MIN_CELL_SIZE, to: minCellSize },
      });
    });
    return { campaignId: campaign.id, minCellSize };
  }

  private async tally(resolved: ResolvedTally, questions: readonly TallyQuestion[]): Promise<TallyResult> {
    const { query, minCellSize, networks } = resolved;
    const scan = needsScan(query.filters);
    const rows = await this.countRows(resolved, scan);
    const assembled = assembleTally(questions, rows, {
      groupBy: query.groupBy !== null,
      weighted: query.weighting === 'regional',
      minCellSize,
    });
    const byId = new Map(networks.map((network) => [network.id, network]));
    const result: TallyResult = {
      responses: assembled.responses,
      suppressed: assembled.suppressed,
      groupBy: query.groupBy,
      weighting: query.weighting,
      minCellSize,
      source: scan ? 'scan' : 'rollup',
      filters: describeFilters(query.filters),
      questions: assembled.questions,
    };
    if (query.groupBy === 'network') {
      // Group by network code: readable keys, and the labels beside them.
      result.questions = result.questions.map((question) => {
        if (question.groups === undefined) return question;
        const groups: NonNullable<QuestionTally['groups']> = {};
        for (const [id, figures] of Object.entries(question.groups)) groups[byId.get(id)?.code ?? id] = figures;
        return { ...question, groups };
      });
      result.groupLabels = Object.fromEntries(networks.map((network) => [network.code, network.name]));
    }
    return result;
  }

  /** The aggregated fact counts per network and group, from the rollup or by scanning responses. */
  async countRows(resolved: ResolvedTally, scan: boolean): Promise<FactCountRow[]> {
    const { query, scope, plans } = resolved;
    if (scope.versionIds.length === 0 || scope.campaignIds.length === 0) return [];
    const params = new SqlParams();
    const group = groupExpression('rollup', query.groupBy);
    if (!scan) {
      await this.facts.fold();
      const where = dimensionConditions('rollup', scope, query.filters, params);
      return await this.dataSource.query<FactCountRow[]>(
        `SELECT network_id::text AS network, ${group} AS grp, measure, question, row_key, col_key, value, rank,
                SUM(count)::int AS n
           FROM analysis_tally_rollup
          WHERE ${where.join(' AND ')}
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         HAVING SUM(count) <> 0`,
        params.values,
      );
    }
    const plan = params.add(planParameter(plans.map((p) => ({ versionId: p.versionId, sources: p.plan.sources }))));
    const where = [
      ...dimensionConditions('responses', scope, query.filters, params),
      ...scanConditions(query.filters, params),
    ];
    // Only the dimension grouped by is carried: the fewer distinct dimensions, the more answers
    // the fact SQL counts together. The campaign is not needed once the responses are chosen.
    const carried = (name: 'country' | 'role'): string =>
      query.groupBy === name ? `coalesce(r.${name}, '')` : `''::text`;
    return await this.dataSource.transaction(async (manager) => {
      // The distinct answers of a large scan are hashed in memory rather than spilled to disk.
      await manager.query(`SET LOCAL work_mem = '${SCAN_WORK_MEM}'`);
      return await manager.query<FactCountRow[]>(
        `WITH ${factCtes(
          `SELECT NULL::uuid AS campaign_id, r.survey_version_id, r.network_id, ${carried('country')} AS country,
                  ${carried('role')} AS role, ''::text AS language, r.data, 1 AS sign
             FROM responses r WHERE ${where.join(' AND ')}`,
          plan,
        )}
         SELECT network_id::text AS network, ${group} AS grp, measure, question, row_key, col_key, value,
                rank::int AS rank, SUM(sign)::int AS n
           FROM facts
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         HAVING SUM(sign) <> 0`,
        params.values,
      );
    });
  }
}

function describeFilters(filters: ParsedFilters): TallyFilters {
  const described: TallyFilters = { includePartial: filters.includePartial };
  if (filters.network !== undefined) described.network = filters.network;
  if (filters.country !== undefined) described.country = filters.country;
  if (filters.role !== undefined) described.role = filters.role;
  if (filters.language !== undefined) described.language = filters.language;
  if (filters.version !== undefined) described.version = filters.version;
  if (filters.from !== undefined) described.from = filters.from.toISOString();
  if (filters.to !== undefined) described.to = filters.to.toISOString();
  if (Object.keys(filters.answers).length > 0) described.answers = filters.answers;
  return described;
}

function withVersions(question: QuestionTally, merged: MergedQuestion | undefined): QuestionTally {
  if (merged === undefined) return question;
  const result: QuestionTally = { ...question, versions: merged.versions, reworded: merged.reworded };
  if (merged.reworded) result.titles = merged.titles;
  if (question.choices !== undefined) {
    result.choices = question.choices.map((choice) => ({
      ...choice,
      versions: merged.choiceVersions[choice.value] ?? [],
    }));
  }
  return result;
}
