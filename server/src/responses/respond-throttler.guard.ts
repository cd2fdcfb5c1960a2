import { type ExecutionContext, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
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
 */
@Injectable()
export class RespondThrottlerGuard extends ThrottlerGuard implements OnModuleDestroy {
  private readonly memoryStorage: FixedWindowThrottlerStorage;

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
    this.throttlers = [{ name: RESPOND_THROTTLER, ttl: 60_000, limit, blockDuration: 30_000 }];
  }

  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}|${tracker}`;
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw rateLimited(
      context,
      detail.timeToBlockExpire,
      `Too many requests from this address; try again in ${detail.timeToBlockExpire} seconds`,
    );
  }
}
