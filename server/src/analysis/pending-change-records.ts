import type { EntityManager } from 'typeorm';

/**
 * Drops queued tally changes of deleted campaigns: the response trigger queued -1 changes for
 * their responses, and there is no rollup left to fold them into.
 */
export async function forgetPendingChanges(manager: EntityManager, campaignIds: readonly string[]): Promise<void> {
  if (campaignIds.length > 0) {
    await manager.query('DELETE FROM analysis_pending_changes WHERE campaign_id = ANY($1::uuid[])', [campaignIds]);
  }
}
