import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  subject: string | null;
  payload: unknown;
}

/**
 * JSON with object keys sorted at every level, so that the same event always serializes
 * to the same bytes (PostgreSQL's jsonb does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
}

export function chainHash(prevHash: string, event: ChainedEvent): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(event)).digest('hex');
}

export interface StoredEvent extends ChainedEvent {
  prevHash: string;
  hash: string;
}

export type ChainCheck = { ok: true; lastSeq: number; lastHash: string } | { ok: false; brokenAt: number };

/**
 * Checks a run of stored events (ordered by seq) that should follow `expectedPrevHash` at
 * `expectedSeq`. Reports the first seq whose row is missing, altered, or not linked to the one before.
 */
export function checkChainSegment(
  events: readonly StoredEvent[],
  expectedSeq: number,
  expectedPrevHash: string,
): ChainCheck {
  let seq = expectedSeq;
  let prevHash = expectedPrevHash;
  for (const event of events) {
    if (event.seq !== seq) return { ok: false, brokenAt: seq };
    const { prevHash: storedPrev, hash: storedHash, ...fields } = event;
    if (storedPrev !== prevHash || chainHash(prevHash, fields) !== storedHash) return { ok: false, brokenAt: seq };
    prevHash = storedHash;
    seq += 1;
  }
  return { ok: true, lastSeq: seq - 1, lastHash: prevHash };
}
