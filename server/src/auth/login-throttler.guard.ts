import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { rateLimited } from '../common/rate-limited';

export const LOGIN_THROTTLER = 'login';

/**
 * Limits login attempts per client address and e-mail, so that guessing one account's password
 * is slow while other people behind the same address can still sign in.
 */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const body = request.body as { email?: unknown } | undefined;
    const email = typeof body?.email === 'string' ? body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${String(request.ip)}|${email}`);
  }

  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw rateLimited(
      context,
      detail.timeToBlockExpire,
      `Too many sign-in attempts; try again in ${detail.timeToBlockExpire} seconds`,
    );
  }
}

/**
 * The same limit for codes typed by a signed-in user (confirming or turning off two-factor
 * sign-in), counted per address and user: guessing a code is as slow as guessing a password.
 */
@Injectable()
export class TotpThrottlerGuard extends LoginThrottlerGuard {
  protected override getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request.principal as { actor?: { id?: string } } | undefined;
    return Promise.resolve(`${String(request.ip)}|user:${principal?.actor?.id ?? ''}`);
  }
}
