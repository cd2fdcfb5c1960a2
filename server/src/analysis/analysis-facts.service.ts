import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { allCampaignIds, campaignVersionId, existingCampaignIds } from '../campaigns';
import { completeResponsesFactInput, responseVersionsOfCampaign } from '../responses';
import { forEachStreamedRow } from '../database/streamed-rows';
import { FACT_KEY_COLUMNS, factCtes, planParameter } from './fact-sql';
import { FactAccumulator, type QueuedChange } from './fact-fold';
import { QuestionPlansService } from './question-plans.service';
import { factIdentity } from './fact-identity';
import type { FactCountColumns } from './tally';
import { FOLD_LOCK } from './pending-change-records';

/**
 * Changes folded per transaction. Each batch ends in one upsert of every fact combination it saw,
 * so few large batches upsert far fewer rows than many small ones: the 100,000 changes of the
 * bench fold in one upsert of ~50,000 rows instead of five. The changes themselves are streamed
 * (forEachStreamedRow): the fold's memory is the sums, not the batch.
 */
const FOLD_BATCH = 100_000;
const FOLD_INTERVAL_MS = 1_000;
/**
 * Changes folded in one run after which the queue is vacuumed at once, in the background. Until
 * then the deleted rows stay in the queue's pages, and every read of the queue (each tally read
 * sums what is still queued) scans them: ~1 s per read after a backlog of a million. Autovacuum
 * gets there too, but throttled, a minute or more later; a fold every second of a few hundred
 * changes leaves it to autovacuum.
 */
export const QUEUE_VACUUM_AFTER = 50_000;
const QUEUE_VACUUM_DELAY_MS = 1_000;
const MAX_DIFFERENCES = 100;

/**
 * The version of the logic that turns answers into facts (fact-sql.ts, question-plan.ts). Raise it
 * with any change that would count existing answers differently: start-up then rebuilds every
 * rollup built by an older version, while reads go on from the old rollup until each rebuild commits.
 */
export const FACT_LOGIC_VERSION = 1;

/** One fact count where the stored tallies and a recount from the responses disagree. */
export interface TallyDifference {
  surveyVersionId: string;
  networkId: string;
  country: string;
  role: string;
  language: string;
  measure: string;
  question: string;
  row: string;
  column: string;
  value: string;
  rank: number;
  stored: number;
  recounted: number;
}

export type TallyVerification =
  { ok: true; checked: number } | { ok: false; checked: number; differences: TallyDifference[] };

interface FactCount extends FactCountColumns {
  survey_version_id: string;
  network_id: string;
  country: string;
  role: string;
  language: string;
}

const factKey = (row: FactCount): string =>
  [row.survey_version_id, row.network_id, row.country, row.role, row.language, ...factIdentity(row)].join('\u0001');

/**
 * Keeps the tally rollup up to date. Completions (through the database trigger) only append to
 * analysis_pending_changes; folding moves those rows into the rollup in batches, as one writer,
 * so 1,000 completions a second never wait on each other's counter rows.
 */
@Injectable()
export class AnalysisFactsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AnalysisFactsService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private rebuilding: Promise<number> | null = null;
  private vacuuming: Promise<void> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
  ) {}

  onApplicationBootstrap(): void {
    // In the background: reads are served from the old rollup until each rebuild commits.
    this.rebuilding = this.rebuildOutdated().catch((error: unknown) => {
      this.logger.warn(`Rebuilding outdated tallies failed: ${String(error)}`);
      return 0;
    });
    this.resumeBackgroundFolding();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pauseBackgroundFolding();
    await this.rebuilding;
    await this.vacuuming;
  }

  /** Resolves once a vacuum of the queue started by a large fold has finished (for tests and benchmarks). */
  async queueVacuumed(): Promise<void> {
    await this.vacuuming;
  }

  /** Stops folding on a timer (fold() still folds on demand); waits for a running fold. */
  async pauseBackgroundFolding(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Folds the queue every FOLD_INTERVAL_MS, in the background. */
  resumeBackgroundFolding(): void {
    if (this.timer !== null) return;
    this.timer = setInterval(() => {
      this.fold().catch((error: unknown) => this.logger.warn(`Folding answer facts failed: ${String(error)}`));
    }, FOLD_INTERVAL_MS);
    this.timer.unref();
  }

  /** Folds every pending change; returns how many were folded. Concurrent callers share one run. */
  async fold(): Promise<number> {
    this.running ??= this.foldAll().finally(() => {
      this.running = null;
    });
    const folded = await this.running;
    if (folded >= QUEUE_VACUUM_AFTER) this.vacuumQueue();
    return folded;
  }

  /**
   * Vacuums the queue in the background, once at a time, a moment after the fold: a transaction
   * that began before the fold committed still sees the rows it deleted, and vacuum cannot remove
   * them until it ends. A failure is only logged (autovacuum remains).
   */
  private vacuumQueue(): void {
    this.vacuuming ??= new Promise<void>((resolve) => setTimeout(resolve, QUEUE_VACUUM_DELAY_MS))
      .then(() => this.dataSource.query('VACUUM analysis_pending_changes'))
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn(`Vacuuming the tally queue failed: ${String(error)}`),
      )
      .finally(() => {
        this.vacuuming = null;
      });
  }

  private async foldAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const folded = await this.foldBatch(FOLD_BATCH);
      total += folded;
      if (folded < FOLD_BATCH) return total;
    }
  }

  /**
   * One batch in one REPEATABLE READ transaction, under the fold lock (taken before the
   * transaction, so its snapshot follows every fold and rebuild that held it). The batch is the
   * first `limit` queued changes of that snapshot, taken off the queue by one statement that deletes
   * and returns them, and counted as they arrive: a change committed meanwhile (of any version) is
   * invisible to that snapshot, so it stays queued for the next batch. Never lost, never counted twice.
   */
  async foldBatch(limit: number): Promise<number> {
    return this.underFoldLock((manager) => this.foldSnapshot(manager, limit));
  }

  /**
   * Runs `work` in one REPEATABLE READ transaction under the fold lock, taken before the
   * transaction so that its snapshot comes after every fold and rebuild that held the lock.
   */
  private async underFoldLock<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [FOLD_LOCK]);
      try {
        await runner.startTransaction('REPEATABLE READ');
        try {
          const result = await work(runner.manager);
          await runner.commitTransaction();
          return result;
        } catch (error) {
          await runner.rollbackTransaction();
          throw error;
        }
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [FOLD_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  private async foldSnapshot(manager: EntityManager, limit: number): Promise<number> {
    const runner = manager.queryRunner;
    if (runner === undefined) throw new Error('The fold runs in a transaction of its own');
    // The plans of every version among the changes this batch takes (the same snapshot's first
    // `limit`), known before any is counted: changes are counted as they arrive.
    const versions = await manager.query<Array<{ id: string }>>(
      `SELECT DISTINCT survey_version_id::text AS id
         FROM (SELECT survey_version_id FROM analysis_pending_changes ORDER BY seq LIMIT $1) first`,
      [limit],
    );
    const accumulator = new FactAccumulator();
    const versionIds = versions.map((row) => row.id);
    accumulator.addPlans(versionIds, await this.plans.plansFor(versionIds, manager));
    // The batch is taken off the queue and read in one statement, so every change read is deleted
    // by the same snapshot; each is counted as it arrives while PostgreSQL deletes and sends the next.
    const taken = await forEachStreamedRow<QueuedChange>(
      runner,
      `DELETE FROM analysis_pending_changes
        WHERE seq <= coalesce((SELECT seq FROM analysis_pending_changes ORDER BY seq OFFSET $1 - 1 LIMIT 1),
                              9223372036854775807)
       RETURNING campaign_id::text, survey_version_id::text, network_id::text, country, role, language, data, sign`,
      [limit],
      (change) => accumulator.add(change),
    );
    if (taken === 0) return 0;
    const rows = accumulator.rows();
    // Changes of a campaign that no longer exists cannot be tallied: they leave the queue uncounted.
    // None is deleted meanwhile: deleting campaigns waits for the fold's lock (holdFoldUntilCommit).
    const campaigns = await existingCampaignIds(manager, accumulator.campaigns());
    await manager.query(
      `WITH -- A campaign's first fold builds its rollup with the current logic: record that.
       fresh AS (
         INSERT INTO analysis_rollup_logic (campaign_id, logic_version)
         SELECT c.id, $1::int FROM unnest($2::uuid[]) AS c(id)
          WHERE NOT EXISTS (SELECT 1 FROM analysis_tally_rollup r WHERE r.campaign_id = c.id)
         ON CONFLICT (campaign_id) DO NOTHING
         RETURNING 1
       ),
       upserted AS (
         INSERT INTO analysis_tally_rollup (${FACT_KEY_COLUMNS}, count)
         SELECT g.campaign_id, g.survey_version_id, g.network_id, g.country, g.role, g.language,
                f.measure, f.question, f.row_key, f.col_key, f.value, f.rank, u.count
           FROM unnest($15::int[], $16::int[], $17::bigint[]) AS u(grp, fact, count)
           JOIN unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
                WITH ORDINALITY AS g(campaign_id, survey_version_id, network_id, country, role, language, number)
             ON g.number = u.grp
           JOIN unnest($9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::int[])
                WITH ORDINALITY AS f(measure, question, row_key, col_key, value, rank, number)
             ON f.number = u.fact
          WHERE g.campaign_id = ANY($2::uuid[])
         ON CONFLICT (${FACT_KEY_COLUMNS}) DO UPDATE SET count = analysis_tally_rollup.count + EXCLUDED.count
         RETURNING 1
       )
       SELECT (SELECT count(*) FROM upserted)::int AS cells, (SELECT count(*) FROM fresh)::int AS fresh`,
      [
        FACT_LOGIC_VERSION,
        campaigns,
        rows.groups.campaignId,
        rows.groups.versionId,
        rows.groups.networkId,
        rows.groups.country,
        rows.groups.role,
        rows.groups.language,
        rows.facts.measure,
        rows.facts.question,
        rows.facts.row,
        rows.facts.col,
        rows.facts.value,
        rows.facts.rank,
        rows.group,
        rows.fact,
        rows.count,
      ],
    );
    return taken;
  }

  /** The responses a campaign counts, as fact input (see factCtes); the campaign is $2. */
  private static readonly RESPONSES_INPUT = completeResponsesFactInput('$2');

  private async planOf(manager: EntityManager, campaignId: string): Promise<string> {
    const queued = await manager.query<Array<{ id: string }>>(
      'SELECT DISTINCT survey_version_id::text AS id FROM analysis_pending_changes WHERE campaign_id = $1',
      [campaignId],
    );
    const current = await campaignVersionId(manager, campaignId);
    const versions = [
      ...new Set([
        ...(await responseVersionsOfCampaign(manager, campaignId)),
        ...queued.map((row) => row.id),
        ...(current === null ? [] : [current]),
      ]),
    ];
    const plans = await this.plans.plansFor(versions, manager);
    return planParameter(plans.map((plan) => ({ versionId: plan.versionId, sources: plan.plan.sources })));
  }

  /**
   * Compares the stored tallies of a campaign (rollup plus queued changes) with a full recount from
   * its responses, both read in one snapshot so concurrent completions cannot make them differ.
   */
  async verify(campaignId: string): Promise<TallyVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      const plan = await this.planOf(manager, campaignId);
      const select = `SELECT survey_version_id::text, network_id::text, country, role, language, measure, question,
                             row_key, col_key, value, rank::int AS rank`;
      const stored = await manager.query<FactCount[]>(
        `WITH ${factCtes(
          `SELECT campaign_id, survey_version_id, network_id, country, role, language, data::jsonb AS data, sign
             FROM analysis_pending_changes WHERE campaign_id = $2`,
          '$1',
        )}
         ${select}, SUM(n)::int AS n
           FROM (SELECT ${FACT_KEY_COLUMNS}, count AS n FROM analysis_tally_rollup WHERE campaign_id = $2
                 UNION ALL SELECT ${FACT_KEY_COLUMNS}, sign AS n FROM facts) counted
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING SUM(n) <> 0`,
        [plan, campaignId],
      );
      const recounted = await manager.query<FactCount[]>(
        `WITH ${factCtes(AnalysisFactsService.RESPONSES_INPUT, '$1')}
         ${select}, SUM(sign)::int AS n FROM facts
          GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING SUM(sign) <> 0`,
        [plan, campaignId],
      );
      return compareCounts(stored, recounted);
    });
  }

  /**
   * Recomputes a campaign's stored tallies from its responses, under the fold lock, in one
   * REPEATABLE READ transaction: the queued changes it drops are exactly those its snapshot of the
   * responses already holds; changes committed later stay queued. Reads see the old rollup until
   * the rebuild commits.
   */
  async rebuild(campaignId: string, inTransaction?: (manager: EntityManager) => Promise<void>): Promise<void> {
    await this.underFoldLock(async (manager) => {
      const plan = await this.planOf(manager, campaignId);
      await manager.query('DELETE FROM analysis_pending_changes WHERE campaign_id = $1', [campaignId]);
      await manager.query('DELETE FROM analysis_tally_rollup WHERE campaign_id = $1', [campaignId]);
      await manager.query(
        `WITH ${factCtes(AnalysisFactsService.RESPONSES_INPUT, '$1')}
         INSERT INTO analysis_tally_rollup (${FACT_KEY_COLUMNS}, count)
         SELECT ${FACT_KEY_COLUMNS}, SUM(sign) FROM facts GROUP BY ${FACT_KEY_COLUMNS} HAVING SUM(sign) <> 0`,
        [plan, campaignId],
      );
      await manager.query(
        `INSERT INTO analysis_rollup_logic (campaign_id, logic_version) SELECT id, $2 FROM unnest($1::uuid[]) AS c(id)
         ON CONFLICT (campaign_id) DO UPDATE SET logic_version = EXCLUDED.logic_version, built_at = now()`,
        [await existingCampaignIds(manager, [campaignId]), FACT_LOGIC_VERSION],
      );
      await inTransaction?.(manager);
    });
  }

  /** Rebuilds, one campaign at a time, every rollup not built by the current fact logic; returns how many. */
  async rebuildOutdated(): Promise<number> {
    const outdated = async (): Promise<string[]> => {
      const built = await this.dataSource.query<Array<{ id: string; version: number }>>(
        'SELECT campaign_id::text AS id, logic_version AS version FROM analysis_rollup_logic',
      );
      const current = new Set(built.filter((row) => row.version === FACT_LOGIC_VERSION).map((row) => row.id));
      return (await allCampaignIds(this.dataSource.manager)).filter((id) => !current.has(id));
    };
    let rebuilt = 0;
    for (const id of await outdated()) {
      // Another instance may have rebuilt it meanwhile.
      if (!(await outdated()).includes(id)) continue;
      await this.rebuild(id);
      rebuilt++;
    }
    if (rebuilt > 0)
      this.logger.log(`Rebuilt the tallies of ${rebuilt} campaign(s) with fact logic ${FACT_LOGIC_VERSION}`);
    return rebuilt;
  }
}

/** Every fact count that differs between the stored tallies and the recount (the first 100). */
export function compareCounts(stored: readonly FactCount[], recounted: readonly FactCount[]): TallyVerification {
  const storedByKey = new Map(stored.map((row) => [factKey(row), row]));
  const recountedByKey = new Map(recounted.map((row) => [factKey(row), row]));
  const differences: TallyDifference[] = [];
  for (const key of new Set([...storedByKey.keys(), ...recountedByKey.keys()])) {
    const a = storedByKey.get(key);
    const b = recountedByKey.get(key);
    const row = a ?? b;
    if (row === undefined || (a?.n ?? 0) === (b?.n ?? 0)) continue;
    if (differences.length < MAX_DIFFERENCES)
      differences.push({
        surveyVersionId: row.survey_version_id,
        networkId: row.network_id,
        country: row.country,
        role: row.role,
        language: row.language,
        measure: row.measure,
        question: row.question,
        row: row.row_key,
        column: row.col_key,
        value: row.value,
        rank: row.rank,
        stored: a?.n ?? 0,
        recounted: b?.n ?? 0,
      });
  }
  return differences.length === 0
    ? { ok: true, checked: recountedByKey.size }
    : { ok: false, checked: recountedByKey.size, differences };
}
