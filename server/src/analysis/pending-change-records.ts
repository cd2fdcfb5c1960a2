import type { EntityManager } from 'typeorm';

/** pg advisory lock key of the fold: one folder at a time, across every server instance. */
export const FOLD_LOCK = 7_341_001;

/**
 * Keeps the fold out until the caller's transaction ends. A transaction that deletes campaigns
 * (and so their rollup rows and queued changes) must take it first: otherwise it and a fold batch
 * lock the rollup and the queue in opposite orders, and PostgreSQL ends one of them as a deadlock,
 * and a fold that saw the campaign still there could write rows for it after it is gone.
 */
export async function holdFoldUntilCommit(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [FOLD_LOCK]);
}

/**
 * Drops the tallies of deleted campaigns: their rollup rows (the rollup has no foreign key to
 * cascade from) and their queued changes (the response trigger queued -1 changes for their
 * responses, and there is no rollup left to fold them into). Call holdFoldUntilCommit first.
 */
export async function forgetTallies(manager: EntityManager, campaignIds: readonly string[]): Promise<void> {
  if (campaignIds.length > 0) {
    await manager.query('DELETE FROM analysis_tally_rollup WHERE campaign_id = ANY($1::uuid[])', [campaignIds]);
    await manager.query('DELETE FROM analysis_pending_changes WHERE campaign_id = ANY($1::uuid[])', [campaignIds]);
  }
}
