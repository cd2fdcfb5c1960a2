/** What the memory cap weighs of a loaded engine. */
export interface LoadedEngine {
  campaignId: string;
  bytes: number;
  lastRead: number;
  /** A load or catch-up is under way: it is not dropped now. */
  busy: boolean;
}

/**
 * The engines to drop so that those left hold at most `limitBytes` together: the least recently
 * read first, never `keep` (the one a read is waiting for) nor a busy one. When those alone exceed
 * the limit, every other idle engine goes and they stay: a read is never refused for memory.
 */
export function enginesToEvict(engines: readonly LoadedEngine[], limitBytes: number, keep: string): string[] {
  let total = engines.reduce((sum, engine) => sum + engine.bytes, 0);
  const evicted: string[] = [];
  const candidates = engines
    .filter((engine) => engine.campaignId !== keep && !engine.busy)
    .sort((a, b) => a.lastRead - b.lastRead);
  for (const engine of candidates) {
    if (total <= limitBytes) break;
    evicted.push(engine.campaignId);
    total -= engine.bytes;
  }
  return evicted;
}
