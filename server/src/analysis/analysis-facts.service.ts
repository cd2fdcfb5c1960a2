import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FACT_KEY_COLUMNS, factCtes, planParameter } from './fact-sql';
import { QuestionPlansService } from './question-plans.service';

/** pg advisory lock key of the fold: one folder at a time, across every server instance. */
const FOLD_LOCK = 7_341_001;
const FOLD_BATCH = 20_000;
const FOLD_INTERVAL_MS = 5_000;

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly plans: QuestionPlansService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.fold().catch((error: unknown) => this.logger.warn(`Folding answer facts failed: ${String(error)}`));
    }, FOLD_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Folds every pending change; returns how many were folded. Concurrent callers share one run. */
  async fold(): Promise<number> {
    this.running ??= this.foldAll().finally(() => {
      this.running = null;
    });
    return this.running;
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
   * One batch in one transaction, under the fold lock. The batch is claimed first, as a list of
   * queue rows; the fold then deletes and counts exactly those rows. A change committed while the
   * batch is prepared (of any version) is not in the list, so it stays queued for the next batch:
   * never lost, never counted twice.
   */
  async foldBatch(limit: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [FOLD_LOCK]);
      const [claim] = await manager.query<Array<{ seqs: string | null; versions: string[] | null }>>(
        `SELECT array_agg(seq)::text AS seqs, array_agg(DISTINCT survey_version_id::text) AS versions
           FROM (SELECT seq, survey_version_id FROM analysis_pending_changes ORDER BY seq LIMIT $1) claimed`,
        [limit],
      );
      if (claim === undefined || claim.seqs === null || claim.versions === null) return 0;
      const plans = await this.plans.plansFor(claim.versions, manager);
      // Changes of a version that no longer exists cannot be tallied; they leave the queue uncounted.
      const rows = await manager.query<Array<{ folded: number }>>(
        `WITH taken AS (
           DELETE FROM analysis_pending_changes WHERE seq = ANY($2::bigint[]) RETURNING *
         ),
         ${factCtes(
           `SELECT t.campaign_id, t.survey_version_id, t.network_id, t.country, t.role, t.language, t.data, t.sign
              FROM taken t
             WHERE EXISTS (SELECT 1 FROM campaigns c WHERE c.id = t.campaign_id)`,
           '$1',
         )},
         upserted AS (
           INSERT INTO analysis_tally_rollup (${FACT_KEY_COLUMNS}, count)
           SELECT ${FACT_KEY_COLUMNS}, SUM(sign) FROM facts
            GROUP BY ${FACT_KEY_COLUMNS}
           ON CONFLICT (${FACT_KEY_COLUMNS}) DO UPDATE SET count = analysis_tally_rollup.count + EXCLUDED.count
           RETURNING 1
         )
         SELECT (SELECT count(*) FROM taken)::int AS folded, (SELECT count(*) FROM upserted)::int AS cells`,
        [planParameter(plans.map((plan) => ({ versionId: plan.versionId, sources: plan.plan.sources }))), claim.seqs],
      );
      return rows[0]?.folded ?? 0;
    });
  }
}
