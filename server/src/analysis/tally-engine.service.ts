import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { campaignVersionId } from '../campaigns';
import { collectGarbage, heapGrowthCheck } from '../common/heap';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { enginesToEvict } from './engine-eviction';
import {
  countResponsesOfCampaign,
  forEachResponseIdInGroupOrder,
  forEachResponseOfCampaign,
  type ResponseFactRow,
  responseVersionsOfCampaign,
  type SnapshotHorizon,
} from '../responses';
import { parsePgJson } from './pg-json';
import { QuestionPlansService, type VersionPlan } from './question-plans.service';
import type { FactCountRow } from './tally';
import { type EngineQuery, type EngineResponse, TallyEngine } from './tally-engine';
import { dueMark, mayCatchUp, type PruneMark } from './tombstone-pruning';

/** Responses fetched at a time while loading: small, so the load's garbage stays small too. */
const LOAD_BATCH = 2_000;
/** Response ids fetched at a time while placing them (36 characters each). */
const LOAD_ID_BATCH = 20_000;
/** Heap growth while loading after which a full collection runs: it bounds the load's peak. */
const LOAD_HEAP_GROWTH = 32 * 1024 * 1024;
/** Loaded engines catch up in the background this often, so a read finds little left to apply. */
const CATCH_UP_INTERVAL_MS = 1_000;
/** An engine not read for this long is dropped; the next read loads it again. */
const IDLE_MS = 15 * 60_000;
/** Each instance marks (and prunes by its marks an hour old) this often. */
const PRUNE_INTERVAL_MS = 10 * 60_000;
const CHOICE_KINDS = new Set(['choice', 'multi', 'numeric']);

interface CampaignEngine {
  campaignId: string;
  engine: TallyEngine | null;
  /** Plans the engine was built with, by version, as JSON: a changed plan (a draft) rebuilds it. */
  planTexts: Map<string, string>;
  /**
   * Horizon of the snapshot the engine is exact at: a catch-up reads only what that snapshot could
   * not see, so a long transaction elsewhere (which holds back the oldest xmin) costs it nothing.
   */
  horizon: SnapshotHorizon;
  /** Responses and tombstones read by every catch-up so far (for tests and diagnostics). */
  catchUpRows: number;
  asOf: Date;
  running: Promise<void> | null;
  queued: Promise<void> | null;
  lastRead: number;
}

function toEngineResponse(row: ResponseFactRow): EngineResponse {
  return {
    id: row.id,
    versionId: row.survey_version_id,
    networkId: row.network_id,
    country: row.country,
    role: row.role,
    language: row.language,
    status: row.status,
    completedAt: row.completed_us ?? NaN,
    updatedAt: row.updated_us ?? NaN,
    data: parsePgJson(row.data),
  };
}

/**
 * In-memory tally engines, one per campaign read, on every server instance. An engine is loaded
 * on first read from one REPEATABLE READ snapshot and caught up later from another: every
 * response written (and every tombstone left) by a transaction the previous snapshot could not see
 * (begun after it, or in progress at it) is applied again, in whatever order they committed. The engine is then exact as of the new snapshot's `now()`.
 * Restarts simply load again.
 */
@Injectable()
export class TallyEngineService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TallyEngineService.name);
  private readonly engines = new Map<string, CampaignEngine>();
  private timer: NodeJS.Timeout | null = null;
  private pruneMarks: PruneMark[] = [];
  private lastPrune = 0;
  private pruning: Promise<number> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.background(), CATCH_UP_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.pruning;
    for (const state of this.engines.values()) await Promise.allSettled([state.running, state.queued]);
    this.engines.clear();
  }

  private background(): void {
    const now = Date.now();
    if (now - this.lastPrune >= PRUNE_INTERVAL_MS && this.pruning === null) {
      this.lastPrune = now;
      this.pruning = this.pruneTombstones()
        .catch((error: unknown) => {
          this.logger.warn(`Pruning response tombstones failed: ${String(error)}`);
          return 0;
        })
        .finally(() => {
          this.pruning = null;
        });
    }
    for (const [id, state] of this.engines) {
      if (now - state.lastRead > IDLE_MS) {
        if (state.running === null) this.engines.delete(id);
        continue;
      }
      if (state.running === null && state.engine !== null)
        this.refresh(state).catch((error: unknown) =>
          this.logger.warn(`Catching up the tally engine of ${id} failed: ${String(error)}`),
        );
    }
  }

  /**
   * Marks the database's clock and oldest running xid, then deletes the tombstones below the newest
   * mark that is old enough (see tombstone-pruning.ts); returns how many went. Marks live in this
   * instance only: a restart merely starts marking afresh.
   */
  async pruneTombstones(): Promise<number> {
    const [clock] = await this.dataSource.query<Array<{ at: number; xmin: string }>>(
      `SELECT (extract(epoch FROM now()) * 1000)::float8 AS at, pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
    );
    if (clock === undefined) throw new Error('The database clock was not read');
    const { due, waiting } = dueMark(this.pruneMarks, clock.at);
    this.pruneMarks = [...waiting, clock];
    return due === null ? 0 : this.pruneTombstonesBelow(due.xmin);
  }

  /** Deletes the tombstones left by transactions with an xid below `xid`; returns how many. */
  async pruneTombstonesBelow(xid: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ n: number }>>(
      `WITH pruned AS (DELETE FROM analysis_response_tombstones WHERE change_xid < $1 RETURNING 1)
       SELECT count(*)::int AS n FROM pruned`,
      [xid],
    );
    return row?.n ?? 0;
  }

  /** Size of a campaign's engine in memory, if loaded (for benchmarks and diagnostics). */
  stats(campaignId: string): { responses: number; facts: number; bytes: number } | null {
    const engine = this.engines.get(campaignId)?.engine;
    if (engine == null) return null;
    return { responses: engine.responses, facts: engine.factCount, bytes: engine.bytes };
  }

  /** How many responses and tombstones the campaign's catch-ups have read in all, if its engine is known. */
  catchUpRows(campaignId: string): number | null {
    return this.engines.get(campaignId)?.catchUpRows ?? null;
  }

  /** Whether the campaign's engine is in memory (reads then cost no scan at all). */
  isLoaded(campaignId: string): boolean {
    return this.engines.get(campaignId)?.engine != null;
  }

  /** Starts loading a campaign's engine (or catching it up) without waiting; failures are logged. */
  loadInBackground(campaignId: string, plans: readonly VersionPlan[]): void {
    if (this.engines.get(campaignId)?.running != null) return;
    this.countRows(campaignId, plans, { versionIds: [], includePartial: false, answers: {}, groupBy: null }).catch(
      (error: unknown) => this.logger.warn(`Loading the tally engine of ${campaignId} failed: ${String(error)}`),
    );
  }

  /** Resolves when a load or catch-up of the campaign's engine that is under way has finished. */
  async settled(campaignId: string): Promise<void> {
    const state = this.engines.get(campaignId);
    if (state === undefined) return;
    await Promise.allSettled([state.running, state.queued]);
  }

  /**
   * The fact counts of a campaign's responses the query selects, exact as of `asOf`: the engine
   * catches up from a snapshot taken after this call began. `plans` are the versions the read
   * tallies; if one differs from what the engine was built with, it is built again.
   */
  async countRows(
    campaignId: string,
    plans: readonly VersionPlan[],
    query: EngineQuery,
  ): Promise<{ asOf: Date; rows: FactCountRow[] }> {
    let state = this.engines.get(campaignId);
    if (state === undefined) {
      state = {
        campaignId,
        engine: null,
        planTexts: new Map(),
        horizon: { xmax: '0', inProgress: [] },
        catchUpRows: 0,
        asOf: new Date(0),
        running: null,
        queued: null,
        lastRead: Date.now(),
      };
      this.engines.set(campaignId, state);
    }
    state.lastRead = Date.now();
    for (const plan of plans) {
      const known = state.planTexts.get(plan.versionId);
      if (known !== undefined && known !== JSON.stringify(plan.plan.sources)) state.engine = null;
    }
    await this.refresh(state);
    const engine = state.engine;
    if (engine === null) throw new Error('The tally engine did not load');
    this.keepWithinMemory(campaignId);
    return { asOf: state.asOf, rows: engine.count(query) };
  }

  /** A catch-up that starts after this call: joins the one queued behind a running one, if any. */
  private refresh(state: CampaignEngine): Promise<void> {
    if (state.running === null) {
      state.running = this.catchUp(state).finally(() => {
        state.running = null;
      });
      return state.running;
    }
    state.queued ??= state.running
      .catch(() => undefined)
      .then(() => {
        state.queued = null;
        return this.refresh(state);
      });
    return state.queued;
  }

  private async catchUp(state: CampaignEngine): Promise<void> {
    await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      // The transaction began before its snapshot: every commit before now() is in it.
      const [clock] = await manager.query<Array<{ now: Date; xmax: string; xip: string[] }>>(
        `SELECT now() AS now, pg_snapshot_xmax(snapshot)::text AS xmax,
                array(SELECT pg_snapshot_xip(snapshot)::text) AS xip
           FROM (SELECT pg_current_snapshot() AS snapshot) current`,
      );
      if (clock === undefined) throw new Error('The snapshot clock was not read');
      // An engine not caught up for long may need tombstones pruned since: it loads again instead.
      const fresh = state.engine !== null && mayCatchUp(state.asOf.getTime(), clock.now.getTime());
      if (!fresh || !(await this.applyChanges(manager, state))) await this.load(manager, state);
      state.horizon = { xmax: clock.xmax, inProgress: clock.xip };
      state.asOf = clock.now;
    });
  }

  /**
   * Drops the engines read least recently while all of them together hold more than the cap; the
   * one just read stays. Reads are what load engines, so checking after each read is enough.
   */
  private keepWithinMemory(keep: string): void {
    const loaded = [...this.engines.values()].flatMap((state) =>
      state.engine === null
        ? []
        : [
            {
              campaignId: state.campaignId,
              bytes: state.engine.bytes,
              lastRead: state.lastRead,
              busy: state.running !== null,
            },
          ],
    );
    for (const campaignId of enginesToEvict(loaded, this.config.tallyEngineMemoryMb * 1024 * 1024, keep)) {
      this.engines.delete(campaignId);
      this.logger.log(`Dropped the tally engine of ${campaignId} to stay within TALLY_ENGINE_MEMORY_MB`);
    }
  }

  /** Builds the engine from every response of the campaign in this snapshot. */
  private async load(manager: EntityManager, state: CampaignEngine): Promise<void> {
    const campaignVersion = await campaignVersionId(manager, state.campaignId);
    const versions = [
      ...new Set([
        ...(await responseVersionsOfCampaign(manager, state.campaignId)),
        ...(campaignVersion === null ? [] : [campaignVersion]),
      ]),
    ];
    const plans = await this.plans.plansFor(versions, manager);
    const filterable = new Set(
      plans.flatMap((plan) =>
        plan.plan.questions.filter((q) => q.panel === undefined && CHOICE_KINDS.has(q.kind)).map((q) => q.name),
      ),
    );
    const engine = new TallyEngine(new Map(plans.map((plan) => [plan.versionId, plan.plan.sources])), filterable);
    engine.reserve(await countResponsesOfCampaign(manager, state.campaignId));
    await this.readResponses(manager, state.campaignId, engine, null);
    state.engine = engine;
    // A version without a plan (deleted) counts only its responses themselves, as in SQL.
    state.planTexts = new Map(versions.map((id) => [id, '[]']));
    for (const plan of plans) state.planTexts.set(plan.versionId, JSON.stringify(plan.plan.sources));
    // The load's garbage (every response's answers, parsed) would otherwise stay resident.
    collectGarbage();
  }

  /**
   * Applies what transactions the engine's snapshot could not see wrote; false when a response
   * of a version the engine has no plan for arrived (the engine is then loaded again).
   */
  private async applyChanges(manager: EntityManager, state: CampaignEngine): Promise<boolean> {
    const engine = state.engine as TallyEngine;
    const versions = await responseVersionsOfCampaign(manager, state.campaignId, state.horizon);
    if (versions.some((version) => !state.planTexts.has(version))) return false;
    const deleted = await manager.query<Array<{ id: string }>>(
      `SELECT response_id::text AS id FROM analysis_response_tombstones
        WHERE campaign_id = $1 AND (change_xid >= $2 OR change_xid = ANY($3::bigint[]))`,
      [state.campaignId, state.horizon.xmax, state.horizon.inProgress],
    );
    for (const row of deleted) engine.remove(row.id);
    state.catchUpRows += deleted.length + (await this.readResponses(manager, state.campaignId, engine, state.horizon));
    return true;
  }

  /**
   * Adds a campaign's responses (those written after `horizon`, if given) to an engine, in this
   * transaction's snapshot: new ones are first placed side by side by group (TallyEngine.place),
   * then every one's answers are read in one pass through a cursor. Returns how many were read.
   */
  private async readResponses(
    manager: EntityManager,
    campaignId: string,
    engine: TallyEngine,
    horizon: SnapshotHorizon | null,
  ): Promise<number> {
    await forEachResponseIdInGroupOrder(manager, campaignId, horizon, LOAD_ID_BATCH, (ids) => engine.place(ids));
    const collectWhenGrown = heapGrowthCheck(LOAD_HEAP_GROWTH);
    return forEachResponseOfCampaign(manager, campaignId, horizon, LOAD_BATCH, (rows) => {
      for (const row of rows) engine.upsert(toEngineResponse(row));
      collectWhenGrown();
    });
  }
}
