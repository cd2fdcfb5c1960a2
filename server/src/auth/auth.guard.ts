import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@concord/shared';
import { requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { type AuthenticatedRequest, IS_PUBLIC, ROLES } from '../common/access.decorators';
import { AuthService, toActor } from './auth.service';
import { constantTimeEquals } from './secret-tokens';

export const SESSION_COOKIE = 'concord_session';
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const OPEN_DURING_TOTP_ENROLMENT = 'concord:open-during-totp-enrolment';

/**
 * The refusal of a request that carries no credential at all, made once: the filter only reads
 * its code and message, and building an error on every such request was several per cent of its CPU in a profile.
 */
const NO_CREDENTIAL = new DomainError('unauthenticated', 'Sign in first: this needs a staff session or an API token');

/**
 * The route stays open to a session that must first set up two-factor sign-in (the set-up
 * itself, who am I, sign out); every other route answers 403 totp_enrolment_required.
 */
export const OpenDuringTotpEnrolment = (): MethodDecorator => SetMetadata(OPEN_DURING_TOTP_ENROLMENT, true);

/**
 * Registered as APP_GUARD: every route needs a staff session cookie or an API token unless it is
 * @Public(). Order of answers: no or bad credentials → 401; cookie request that changes state
 * without the CSRF header → 403; role not allowed → 403.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  // Not async: a public route (every respondent request) is let through, and a request without
  // any credential refused, without creating promises; only a credential to look up waits.
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) === true) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { totpEnrolmentPending?: boolean }>();
    return this.authenticate(request).then(() => {
      if (
        request.totpEnrolmentPending === true &&
        this.reflector.getAllAndOverride<boolean>(OPEN_DURING_TOTP_ENROLMENT, targets) !== true
      ) {
        throw new DomainError(
          'totp_enrolment_required',
          'Your role requires two-factor sign-in: set it up (POST /api/auth/totp/setup, then /enable) before anything else',
        );
      }
      const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, targets);
      if (roles !== undefined && request.principal !== undefined) requireRole(request.principal.actor, roles);
      return true;
    });
  }

  /** Throws at once (no promise) when the request carries no credential at all. */
  private authenticate(request: AuthenticatedRequest & { totpEnrolmentPending?: boolean }): Promise<void> {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) return this.authenticateToken(request, authorization);
    const cookies = request.cookies as Record<string, string> | undefined;
    const sessionToken = cookies?.[SESSION_COOKIE];
    if (sessionToken === undefined || sessionToken === '') throw NO_CREDENTIAL;
    return this.authenticateSession(request, sessionToken);
  }

  private async authenticateToken(request: AuthenticatedRequest, authorization: string): Promise<void> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const token = match?.[1];
    const user = token === undefined ? null : await this.auth.resolveApiToken(token);
    if (user === null) throw new DomainError('unauthenticated', 'Invalid or revoked API token');
    request.principal = { actor: toActor(user), via: 'token' };
  }

  private async authenticateSession(
    request: AuthenticatedRequest & { totpEnrolmentPending?: boolean },
    sessionToken: string,
  ): Promise<void> {
    const resolved = await this.auth.resolveSession(sessionToken);
    if (resolved === null) throw new DomainError('unauthenticated', 'Your session has ended; sign in again');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !constantTimeEquals(header, resolved.session.csrfToken)) {
        throw new DomainError(
          'csrf_invalid',
          `Missing or invalid CSRF token: send the ${CSRF_COOKIE} cookie's value in the ${CSRF_HEADER} header`,
        );
      }
    }
    request.principal = { actor: toActor(resolved.user), via: 'session', sessionId: resolved.session.id };
    request.totpEnrolmentPending = resolved.session.totpEnrolmentRequired;
  }
}
