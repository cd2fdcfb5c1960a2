/**
 * When the respondent page sends unfinished answers to the server: the decisions of ResponseSync
 * as plain functions, so that they are tested without timers or a network.
 */

/** Where unfinished answers live: on the server (personal links) or only on this device (open links). */
export type SyncMode = 'server' | 'device';

/** Typing waits this long after the last change before a save; a page or language change saves at once. */
export const TYPING_DELAY_MS = 3_000;
/** Retries of a failed save or submission wait 1, 2, 4… seconds, never longer than this. */
export const MAX_BACKOFF_MS = 30_000;

/** Milliseconds from a change to its save: 0 at once, null never (the device keeps the answers). */
export function saveDelay(mode: SyncMode, urgency: 'later' | 'now'): number | null {
  if (mode !== 'server') return null;
  return urgency === 'now' ? 0 : TYPING_DELAY_MS;
}

/** The wait before retry number `attempt` (0 for the first): doubling from one second, capped. */
export function retryDelay(attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** attempt);
}

export interface SaveConditions {
  mode: SyncMode;
  /** Changing a completed response: changes wait for the next submission. */
  editing: boolean;
  /** A save is on its way: the next one follows it. */
  saving: boolean;
  /** A completion waits to be sent: it carries the answers. */
  submissionQueued: boolean;
  /** The device's change counter, and the last one the server confirmed. */
  revision: number;
  serverRevision: number;
  /** The server refused the last save for good: sending the same again would fail again. */
  refused: boolean;
  online: boolean;
}

export type SaveHold = 'device' | 'editing' | 'saving' | 'submission' | 'saved' | 'refused' | 'offline';

/** Why a save should not go now, or null when it should. */
export function saveHold(conditions: SaveConditions): SaveHold | null {
  if (conditions.mode !== 'server') return 'device';
  if (conditions.editing) return 'editing';
  if (conditions.saving) return 'saving';
  if (conditions.submissionQueued) return 'submission';
  if (conditions.revision <= conditions.serverRevision) return 'saved';
  if (conditions.refused) return 'refused';
  if (!conditions.online) return 'offline';
  return null;
}
