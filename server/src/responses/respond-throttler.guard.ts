import { type ExecutionContext, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  normalizeIp,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
  type ThrottlerLimitDetail,
} from '@nestjs/throttler';
import { rateLimited } from '../common/rate-limited';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';

export const RESPOND_THROTTLER = 'respond';
const TTL_MS = 60_000;
const BLOCK_MS = 30_000;
/** Addresses whose throttler key is remembered; past this many, the memo starts again. */
const KEY_MEMO_SIZE = 10_000;

interface TrackerKey {
  tracker: string;
  key: string;
}
interface RespondRequest {
  ip: string;
}
interface RespondReply {
  header(name: string, value: unknown): unknown;
}

/**
 * Limits the respondent API per client address. It runs only its own named throttler (the login
 * limit is not applied here, and the login guard does not know this one), with one bucket per
 * address across all respondent routes.
 *
 * Its counters are kept in this instance's memory, not in PostgreSQL like the login limit: every
 * respondent request would otherwise update one hot row per address, serializing submissions
 * from a shared address (an office, a NAT) on that row's lock. With N instances an address gets
 * N times the limit, which still leaves guessing a 256-bit link hopeless. The counters are fixed
 * windows (see FixedWindowThrottlerStorage): constant cost per request whatever the limit.
 *
 * canActivate does what the library's does for this one throttler (same key per address, same
 * counters, same X-RateLimit-*-respond and Retry-After-respond headers, same 429), without its
 * per-request work that this guard never needs: reading @Throttle/@SkipThrottle metadata (the
 * respondent routes carry none), awaiting each step, and normalizing the same address again on
 * every request (the key per address is remembered).
 */
@Injectable()
export class RespondThrottlerGuard extends ThrottlerGuard implements OnModuleDestroy {
  private readonly memoryStorage: FixedWindowThrottlerStorage;
  private readonly keys = new Map<string, TrackerKey>();

  // The parameter list mirrors ThrottlerGuard's, whose injection metadata this class inherits;
  // the shared (PostgreSQL) storage it is given is deliberately not used.
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() _sharedStorage: ThrottlerStorage,
    reflector: Reflector,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    const memoryStorage = new FixedWindowThrottlerStorage();
    super(options, memoryStorage, reflector);
    this.memoryStorage = memoryStorage;
  }

  onModuleDestroy(): void {
    this.memoryStorage.close();
  }

  override async onModuleInit(): Promise<void> {
    await super.onModuleInit();
    const limit = this.config.respondRateLimit;
    this.throttlers = [{ name: RESPOND_THROTTLER, ttl: TTL_MS, limit, blockDuration: BLOCK_MS }];
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const { req, res } = this.getRequestResponse(context) as { req: RespondRequest; res: RespondReply };
    const limit = this.config.respondRateLimit;
    const { tracker, key } = this.keyOf(req.ip);
    const counted = this.memoryStorage.count(key, TTL_MS, limit, BLOCK_MS);
    if (counted.isBlocked) {
      res.header(`Retry-After-${RESPOND_THROTTLER}`, counted.timeToBlockExpire);
      await this.throwThrottlingException(context, { limit, ttl: TTL_MS, key, tracker, ...counted });
    }
    res.header(`${this.headerPrefix}-Limit-${RESPOND_THROTTLER}`, limit);
    res.header(`${this.headerPrefix}-Remaining-${RESPOND_THROTTLER}`, Math.max(0, limit - counted.totalHits));
    res.header(`${this.headerPrefix}-Reset-${RESPOND_THROTTLER}`, counted.timeToExpire);
    return true;
  }

  /**
   * The client's tracker (its address normalized as the library does: an IPv6 /64 counts as one)
   * and its counters' key, the library's `${throttler}|${tracker}` form.
   */
  private keyOf(ip: string): TrackerKey {
    let found = this.keys.get(ip);
    if (found === undefined) {
      if (this.keys.size >= KEY_MEMO_SIZE) this.keys.clear();
      const tracker = normalizeIp(ip, this.ipv6SubnetPrefix);
      found = { tracker, key: `${RESPOND_THROTTLER}|${tracker}` };
      this.keys.set(ip, found);
    }
    return found;
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw rateLimited(
      context,
      detail.timeToBlockExpire,
      `Too many requests from this address; try again in ${detail.timeToBlockExpire} seconds`,
    );
  }
}
