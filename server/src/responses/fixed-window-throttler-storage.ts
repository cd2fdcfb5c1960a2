import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Bucket {
  hits: number;
  /** When the current counting window ends (milliseconds since the epoch). */
  windowEndsAt: number;
  /** When a block ends; 0 while the key is not blocked. */
  blockedUntil: number;
}

/** How often buckets whose window and block have both ended are dropped. */
const SWEEP_INTERVAL_MS = 60_000;

const secondsUntil = (at: number, now: number): number => Math.max(0, Math.ceil((at - now) / 1000));

/**
 * In-memory throttler counters with one fixed window per key: constant time and memory per
 * request. The library's own memory storage keeps every hit's expiry time and filters that list on
 * each request, so its cost grows with the limit (tens of thousands of entries for a shared office
 * address under a generous limit) and was the largest single cost of a respondent request.
 *
 * A key may make `limit` requests in a window of `ttl` that starts with its first request; the
 * next one blocks it for `blockDuration` (or to the end of the window when that is 0), after
 * which it starts a new window. Across a window boundary a client can therefore make up to twice
 * the limit in one `ttl`, the usual trade of fixed windows, which is immaterial for a limit meant
 * to make guessing links hopeless.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly buckets = new Map<string, Bucket>();
  private sweepTimer: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.count(key, ttl, limit, blockDuration));
  }

  /** The same as increment, synchronously (the storage never waits for anything). */
  count(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    this.ensureSweep();
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (bucket !== undefined && bucket.blockedUntil > now) {
      return {
        totalHits: bucket.hits + 1,
        timeToExpire: secondsUntil(bucket.windowEndsAt, now),
        isBlocked: true,
        timeToBlockExpire: secondsUntil(bucket.blockedUntil, now),
      };
    }
    if (bucket === undefined || bucket.blockedUntil !== 0 || bucket.windowEndsAt <= now) {
      bucket = { hits: 0, windowEndsAt: now + ttl, blockedUntil: 0 };
      this.buckets.set(key, bucket);
    }
    bucket.hits += 1;
    if (bucket.hits > limit) {
      bucket.blockedUntil = blockDuration > 0 ? now + blockDuration : bucket.windowEndsAt;
      return {
        totalHits: bucket.hits,
        timeToExpire: secondsUntil(bucket.windowEndsAt, now),
        isBlocked: true,
        timeToBlockExpire: secondsUntil(bucket.blockedUntil, now),
      };
    }
    return {
      totalHits: bucket.hits,
      timeToExpire: secondsUntil(bucket.windowEndsAt, now),
      isBlocked: false,
      timeToBlockExpire: 0,
    };
  }

  /** Keys currently held (for tests and diagnostics). */
  get size(): number {
    return this.buckets.size;
  }

  /** Drops the buckets that no longer limit anything. */
  sweep(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      if (bucket.windowEndsAt <= now && bucket.blockedUntil <= now) this.buckets.delete(key);
    }
  }

  close(): void {
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
    this.buckets.clear();
  }

  private ensureSweep(): void {
    if (this.sweepTimer !== undefined) return;
    this.sweepTimer = setInterval(() => this.sweep(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }
}
