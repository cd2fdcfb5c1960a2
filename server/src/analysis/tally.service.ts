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
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { type Campaign, campaignIdsOfSurvey, findCampaign } from '../campaigns';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { SqlParams } from '../common/sql-params';
import { type NetworkLabel, networkLabels } from '../networks';
import {
  countResponsesOfCampaignUpTo,
  filteredResponseGroups,
  filteredResponseIdsAmong,
  filteredResponsesAsFacts,
  type ResponseFilter,
} from '../responses';
import { surveyExists } from '../surveys';
import { AnalysisFactsService, FACT_LOGIC_VERSION, type TallyVerification } from './analysis-facts.service';
import { AnalysisSettings } from './entities/analysis-settings.entity';
import { type CountedResponse, type DerivedQuestion, derivedFactRows, derivedTallyQuestion } from './derived-tally';
import { FACT_KEY_COLUMNS, factCtes, planParameter } from './fact-sql';
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
import { responseFilter, rollupConditions, rollupGroupExpression, type TallyScope } from './tally-sql';
import type { EngineQuery } from './tally-engine';
import { TallyEngineService } from './tally-engine.service';

/** Reading analysis: secretariat and admin, and the committee (read-only everywhere here). */
export const ANALYSIS_READERS: readonly StaffRole[] = ['secretariat', 'committee'];
export const ANALYSIS_EDITORS: readonly StaffRole[] = ['secretariat'];
const CHOICE_KINDS = new Set(['choice', 'multi', 'numeric']);
const SCAN_WORK_MEM = '64MB';
/** With more changes than this still queued for the fold, an unfiltered read uses the engine too. */
const ENGINE_BACKLOG = 10_000;
/**
 * A campaign with more responses than this has its engine loaded in the background: until it is
 * in memory, filtered reads scan in SQL, which is quicker than a first load (about twice the scan).
 */
const ENGINE_LOAD_IN_BACKGROUND = 20_000;

/** The responses a view selects, as the filter the responses feature reads them with. */
export interface ResponseSelection {
  campaign: Campaign;
  resolved: ResolvedTally;
  filter: ResponseFilter;
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
    private readonly engine: TallyEngineService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async campaign(actor: Actor, campaignId: string): Promise<Campaign> {
    requireRole(actor, ANALYSIS_READERS);
    const campaign = await findCampaign(this.dataSource.manager, campaignId);
    if (campaign === null) throw new DomainError('campaign_not_found', 'Campaign not found');
    return campaign;
  }

  async campaignTallies(actor: Actor, campaignId: string, raw: RawQuery): Promise<TallyResult> {
    const campaign = await this.campaign(actor, campaignId);
    const query = parseTallyQuery(raw);
    const resolved = await this.resolve(query, [campaign.id], [campaign.surveyVersionId], campaign.id);
    const questions = resolved.plans[0]?.plan.questions ?? [];
    return this.tally(resolved, questions, campaign.id);
  }

  async surveyTallies(actor: Actor, surveyId: string, raw: RawQuery): Promise<SurveyTallyResult> {
    requireRole(actor, ANALYSIS_READERS);
    const { versions: rawVersions, ...rest } = raw;
    const query = parseTallyQuery(rest);
    if (!(await surveyExists(this.dataSource.manager, surveyId)))
      throw new DomainError('survey_not_found', 'Survey not found');
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
    const campaigns = await campaignIdsOfSurvey(this.dataSource.manager, surveyId);
    const resolved = await this.resolve(query, campaigns, versionIds, null);
    const merged = mergeVersions(
      resolved.plans.map((plan) => ({ version: plan.version, questions: plan.plan.questions })),
    );
    const result = await this.tally(resolved, merged, null);
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
    const networks = await networkLabels(this.dataSource.manager);
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

  /** Compares the campaign's stored tallies with a full recount from its responses. */
  async verify(actor: Actor, campaignId: string): Promise<TallyVerification> {
    requireRole(actor, ANALYSIS_EDITORS);
    const campaign = await this.campaign(actor, campaignId);
    return this.facts.verify(campaign.id);
  }

  /** Recomputes the campaign's stored tallies from its responses (admin). */
  async rebuild(actor: Actor, campaignId: string): Promise<{ rebuilt: true; logicVersion: number }> {
    requireRole(actor, []);
    const campaign = await this.campaign(actor, campaignId);
    await this.facts.rebuild(campaign.id, (manager) =>
      this.audit.record(manager, {
        actor,
        action: 'analysis.tallies_rebuilt',
        subject: `campaign:${campaign.id}`,
        payload: { logicVersion: FACT_LOGIC_VERSION },
      }),
    );
    return { rebuilt: true, logicVersion: FACT_LOGIC_VERSION };
  }

  /**
   * The responses a campaign view selects, with every filter of the query applied. `extraKeys`
   * are query parameters the caller reads itself (e.g. `labels`).
   */
  async campaignSelection(
    actor: Actor,
    campaignId: string,
    raw: RawQuery,
    extraKeys: readonly string[] = [],
  ): Promise<ResponseSelection> {
    const campaign = await this.campaign(actor, campaignId);
    const query = parseTallyQuery(raw, extraKeys);
    const resolved = await this.resolve(query, [campaign.id], [campaign.surveyVersionId], campaign.id);
    return { campaign, resolved, filter: responseFilter(resolved.scope, query.filters) };
  }

  /** Which of `responseIds` a campaign view (its filters, as a tally query) selects. */
  async selectedResponses(
    actor: Actor,
    campaignId: string,
    raw: RawQuery,
    responseIds: readonly string[],
  ): Promise<Set<string>> {
    const { filter } = await this.campaignSelection(actor, campaignId, raw);
    return filteredResponseIdsAmong(this.dataSource.manager, filter, responseIds);
  }

  /**
   * The tally of a question derived outside the responses (coded themes), over the campaign's
   * responses that match every filter, under the same groups, weighting and small-cell rule.
   * `derive` runs after the access check and once the filters are known to be valid.
   */
  async derivedTally(
    actor: Actor,
    campaignId: string,
    raw: RawQuery,
    extraKeys: readonly string[],
    derive: (campaign: Campaign) => Promise<DerivedQuestion>,
  ): Promise<TallyResult> {
    const { campaign, resolved, filter } = await this.campaignSelection(actor, campaignId, raw, extraKeys);
    const question = await derive(campaign);
    const { asOf, responses } = await this.countedResponses(resolved, filter);
    return this.shape(resolved, [derivedTallyQuestion(question)], derivedFactRows(responses, question), asOf, 'scan');
  }

  /** The responses a selection holds, with the network and group of each, and the time that is exact at. */
  private async countedResponses(
    resolved: ResolvedTally,
    filter: ResponseFilter,
  ): Promise<{ asOf: Date; responses: CountedResponse[] }> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const [clock] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
      const responses = await filteredResponseGroups(manager, filter, resolved.query.groupBy);
      return { asOf: clock?.now ?? new Date(), responses };
    });
  }

  /**
   * A campaign's tally comes from its in-memory engine when the rollup cannot answer it (answer,
   * date or partial filters) or would first have to unpack a large backlog of queued changes;
   * otherwise from the rollup. A survey's tally (across campaigns) that the rollup cannot answer
   * sums the engines of its campaigns.
   */
  private async tally(
    resolved: ResolvedTally,
    questions: readonly TallyQuestion[],
    campaignId: string | null,
  ): Promise<TallyResult> {
    const scan = needsScan(resolved.query.filters);
    const campaignIds = campaignId === null ? resolved.scope.campaignIds : [campaignId];
    if (this.config.tallyEngine && campaignIds.length > 0) {
      const backlog = !scan && campaignId !== null && (await this.backlogIsLarge(campaignId));
      // A large backlog costs the rollup read more than a first load: the engine serves it anyway.
      if ((scan || backlog) && (backlog || (await this.enginesReadyFor(campaignIds, resolved)))) {
        const { asOf, rows } = await this.engineRowsOf(campaignIds, resolved);
        return this.shape(resolved, questions, rows, asOf, 'engine');
      }
    }
    const { asOf, rows } = await this.countRows(resolved, scan);
    return this.shape(resolved, questions, rows, asOf, scan ? 'scan' : 'rollup');
  }

  /**
   * Whether a filtered read should wait for the campaigns' engines: yes when each is in memory or
   * small enough to load at once; otherwise the large ones start loading in the background and this
   * read scans.
   */
  private async enginesReadyFor(campaignIds: readonly string[], resolved: ResolvedTally): Promise<boolean> {
    let ready = true;
    for (const campaignId of campaignIds) {
      if (this.engine.isLoaded(campaignId)) continue;
      const responses = await countResponsesOfCampaignUpTo(
        this.dataSource.manager,
        campaignId,
        ENGINE_LOAD_IN_BACKGROUND + 1,
      );
      if (responses <= ENGINE_LOAD_IN_BACKGROUND) continue;
      this.engine.loadInBackground(campaignId, resolved.plans);
      ready = false;
    }
    return ready;
  }

  /** The fact counts of several campaigns' engines together (the tally sums them), exact as of the earliest. */
  private async engineRowsOf(
    campaignIds: readonly string[],
    resolved: ResolvedTally,
  ): Promise<{ asOf: Date; rows: FactCountRow[] }> {
    let asOf: Date | null = null;
    const rows: FactCountRow[] = [];
    for (const campaignId of campaignIds) {
      const counted = await this.engineRows(campaignId, resolved);
      if (asOf === null || counted.asOf < asOf) asOf = counted.asOf;
      for (const row of counted.rows) rows.push(row);
    }
    return { asOf: asOf ?? new Date(), rows };
  }

  private async backlogIsLarge(campaignId: string): Promise<boolean> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM analysis_pending_changes WHERE campaign_id = $1 LIMIT $2) queued`,
      [campaignId, ENGINE_BACKLOG + 1],
    );
    return (row?.n ?? 0) > ENGINE_BACKLOG;
  }

  /** The same fact counts as `countRows` with a scan, from the campaign's in-memory engine. */
  async engineRows(campaignId: string, resolved: ResolvedTally): Promise<{ asOf: Date; rows: FactCountRow[] }> {
    const { query, scope, plans } = resolved;
    // The engine holds one campaign: its filter needs no campaign list.
    const { campaignIds: _campaigns, from, to, ...selection } = responseFilter(scope, query.filters);
    const engineQuery: EngineQuery = { ...selection, groupBy: query.groupBy };
    // Microseconds, as PostgreSQL keeps the times.
    if (from !== undefined) engineQuery.from = from.getTime() * 1000;
    if (to !== undefined) engineQuery.to = to.getTime() * 1000;
    return this.engine.countRows(campaignId, plans, engineQuery);
  }

  private shape(
    resolved: ResolvedTally,
    questions: readonly TallyQuestion[],
    rows: readonly FactCountRow[],
    asOf: Date,
    source: TallyResult['source'],
  ): TallyResult {
    const { query, minCellSize, networks } = resolved;
    const assembled = assembleTally(questions, rows, {
      groupBy: query.groupBy !== null,
      weighted: query.weighting === 'regional',
      minCellSize,
    });
    const byId = new Map(networks.map((network) => [network.id, network]));
    const result: TallyResult = {
      asOf: asOf.toISOString(),
      responses: assembled.suppressed ? null : assembled.responses,
      suppressed: assembled.suppressed,
      groupBy: query.groupBy,
      weighting: query.weighting,
      minCellSize,
      source,
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

  /**
   * The aggregated fact counts per network and group, from the rollup or by scanning responses,
   * with the time they are exact at. Read-only and in one snapshot: the rollup plus the changes
   * still queued (the queue is counted by the same fact SQL the fold uses, so the sum is what the
   * rollup will hold once folded). Reads never fold and never wait for the fold.
   */
  async countRows(resolved: ResolvedTally, scan: boolean): Promise<{ asOf: Date; rows: FactCountRow[] }> {
    const { query, scope, plans } = resolved;
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // The transaction started before its snapshot was taken: every commit before `now()` is in it.
      const [clock] = await manager.query<Array<{ now: Date }>>('SELECT now() AS now');
      const asOf = clock?.now ?? new Date();
      if (scope.versionIds.length === 0 || scope.campaignIds.length === 0) return { asOf, rows: [] };
      const params = new SqlParams();
      const plan = params.add(planParameter(plans.map((p) => ({ versionId: p.versionId, sources: p.plan.sources }))));
      if (!scan) {
        const group = rollupGroupExpression(query.groupBy);
        const rollupWhere = rollupConditions(scope, query.filters, params).join(' AND ');
        const rows = await manager.query<FactCountRow[]>(
          `WITH ${factCtes(
            `SELECT campaign_id, survey_version_id, network_id, country, role, language, data::jsonb AS data, sign
               FROM analysis_pending_changes WHERE ${rollupWhere}`,
            plan,
          )}
           SELECT network_id::text AS network, ${group} AS grp, measure, question, row_key, col_key, value,
                  rank::int AS rank, SUM(n)::int AS n
             FROM (SELECT ${FACT_KEY_COLUMNS}, count AS n FROM analysis_tally_rollup WHERE ${rollupWhere}
                   UNION ALL
                   SELECT ${FACT_KEY_COLUMNS}, sign AS n FROM facts) counted
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
           HAVING SUM(n) <> 0`,
          params.values,
        );
        return { asOf, rows };
      }
      const group = rollupGroupExpression(query.groupBy);
      // Only the dimension grouped by is carried: the fewer distinct dimensions, the more answers
      // the fact SQL counts together. The campaign is not needed once the responses are chosen.
      const carry = query.groupBy === 'country' || query.groupBy === 'role' ? query.groupBy : null;
      const input = filteredResponsesAsFacts(responseFilter(scope, query.filters), params, carry);
      // The distinct answers of a large scan are hashed in memory rather than spilled to disk.
      await manager.query(`SET LOCAL work_mem = '${SCAN_WORK_MEM}'`);
      const rows = await manager.query<FactCountRow[]>(
        `WITH ${factCtes(input, plan)}
         SELECT network_id::text AS network, ${group} AS grp, measure, question, row_key, col_key, value,
                rank::int AS rank, SUM(sign)::int AS n
           FROM facts
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
         HAVING SUM(sign) <> 0`,
        params.values,
      );
      return { asOf, rows };
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
