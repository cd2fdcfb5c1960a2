import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OidcInfoDto, StaffRole } from '@concord/shared';
import * as oidc from 'openid-client';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { type Clock, InjectClock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import type { OidcConfig } from '../config/oidc-config';
import { AuthService, type StartedSession } from './auth.service';
import { User } from './entities/user.entity';
import { mapOidcRole, safeReturnPath } from './oidc-roles';
import { hashPassword } from './passwords';
import { deriveSealKey, seal, unseal } from './sealed-secrets';
import { generateSecretToken } from './secret-tokens';

/** A sign-in started here must come back within this time. */
export const OIDC_FLOW_TTL_MS = 10 * 60 * 1000;

export type OidcRefusal = 'state' | 'provider' | 'no_email' | 'role_unmapped' | 'disabled';

/** What the browser keeps (sealed, in a cookie) between leaving for the provider and coming back. */
interface PendingFlow {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

export type OidcCallbackResult =
  { ok: true; session: StartedSession; returnTo: string } | { ok: false; reason: OidcRefusal };

/**
 * Single sign-on for staff with OpenID Connect: authorization-code flow with PKCE, state and
 * nonce. People are matched by the provider's subject, then by e-mail, and created when new;
 * their role comes from a claim through OIDC_ROLE_MAP on every sign-in.
 */
@Injectable()
export class OidcService {
  private readonly logger = new Logger('OpenID Connect');
  private readonly settings: OidcConfig | null;
  private readonly key: Buffer;
  private discovered: Promise<oidc.Configuration> | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    @InjectClock() private readonly clock: Clock,
    @InjectConfig() config: AppConfig,
  ) {
    this.settings = config.oidc;
    this.key = deriveSealKey(config.secrets.linkSecret, 'oidc-state');
  }

  info(): OidcInfoDto {
    return { enabled: this.settings !== null, name: this.settings?.name ?? null };
  }

  /** The provider's authorization URL, and the sealed flow state for the browser to keep. */
  async start(returnTo: unknown): Promise<{ url: string; pendingFlow: string }> {
    const settings = this.requireSettings();
    const configuration = await this.configuration(settings);
    const flow: PendingFlow = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      returnTo: safeReturnPath(returnTo),
      expiresAt: this.clock.now().getTime() + OIDC_FLOW_TTL_MS,
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      scope: `openid email profile ${settings.roleClaim}`,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: 'S256',
      state: flow.state,
      nonce: flow.nonce,
    });
    return { url: url.href, pendingFlow: seal(this.key, JSON.stringify(flow)) };
  }

  /** Finishes the flow the provider sent the browser back with (`query` is the callback's query string). */
  async finish(query: string, pendingFlow: string | undefined): Promise<OidcCallbackResult> {
    const settings = this.requireSettings();
    const flow = this.openFlow(pendingFlow);
    if (flow === null) return this.refuse('state', {});
    let claims: Record<string, unknown>;
    try {
      const configuration = await this.configuration(settings);
      const callbackUrl = new URL(settings.redirectUrl);
      callbackUrl.search = query;
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (idClaims === undefined) throw new Error('the provider sent no ID token');
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
      claims = { ...idClaims, ...userInfo };
    } catch (error) {
      this.logger.warn(`Single sign-on failed: ${error instanceof Error ? error.message : String(error)}`);
      return this.refuse('provider', {});
    }
    const subject = `${settings.issuer} ${String(claims.sub)}`;
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    if (email === '' || claims.email_verified === false) return this.refuse('no_email', { sub: claims.sub });
    const role = mapOidcRole(claims[settings.roleClaim], settings.roleMap);
    if (role === null) {
      return this.refuse('role_unmapped', { sub: claims.sub, email, claim: claims[settings.roleClaim] ?? null });
    }
    const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : email;
    const user = await this.findOrCreateUser(subject, email, name, role);
    if (user.disabled) return this.refuse('disabled', { sub: claims.sub, email });
    const session = await this.auth.startSession(user, 'auth.oidc_login', {
      // The provider is in charge of how people prove who they are (its own second factor).
      totpEnrolmentRequired: false,
      payload: { issuer: settings.issuer, role },
    });
    return { ok: true, session, returnTo: flow.returnTo };
  }

  private async findOrCreateUser(subject: string, email: string, name: string, role: StaffRole): Promise<User> {
    // A random password nobody knows: such a user signs in through the provider (or resets it).
    const unusablePasswordHash = await hashPassword(generateSecretToken(''));
    return this.dataSource.transaction(async (manager) => {
      const users = manager.getRepository(User);
      const existing = (await users.findOneBy({ oidcSubject: subject })) ?? (await users.findOneBy({ email }));
      if (existing === null) {
        const created = await users.save({
          email,
          name,
          role,
          passwordHash: unusablePasswordHash,
          oidcSubject: subject,
        });
        await this.audit.record(manager, {
          actor: null,
          action: 'auth.oidc_user_created',
          subject: `user:${created.id}`,
          payload: { email, role, oidcSubject: subject },
        });
        return created;
      }
      let newRole = role;
      // The provider may not demote the last administrator: nobody could then manage Concord.
      if (
        existing.role === 'admin' &&
        role !== 'admin' &&
        (await users.countBy({ role: 'admin', disabled: false })) <= 1
      ) {
        this.logger.warn(`Kept ${existing.email} an admin: the provider's role would leave Concord without one`);
        newRole = 'admin';
      }
      if (existing.oidcSubject !== subject || existing.role !== newRole) {
        await users.update({ id: existing.id }, { oidcSubject: subject, role: newRole });
        await this.audit.record(manager, {
          actor: null,
          action: 'user.updated',
          subject: `user:${existing.id}`,
          payload: { via: 'oidc', oidcSubject: subject, ...(existing.role === newRole ? {} : { role: newRole }) },
        });
        return { ...existing, oidcSubject: subject, role: newRole };
      }
      return existing;
    });
  }

  private openFlow(sealed: string | undefined): PendingFlow | null {
    if (sealed === undefined || sealed === '') return null;
    const opened = unseal(this.key, sealed);
    if (opened === null) return null;
    const flow = JSON.parse(opened) as PendingFlow;
    return flow.expiresAt > this.clock.now().getTime() ? flow : null;
  }

  private async refuse(reason: OidcRefusal, payload: Record<string, unknown>): Promise<OidcCallbackResult> {
    await this.audit.record(this.dataSource.manager, {
      actor: null,
      action: 'auth.oidc_login_refused',
      subject: null,
      payload: { reason, ...payload },
    });
    return { ok: false, reason };
  }

  /** Discovery happens at the first sign-in (not at start-up, so a provider outage does not stop Concord). */
  private configuration(settings: OidcConfig): Promise<oidc.Configuration> {
    this.discovered ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        new URL(settings.issuer).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw error;
      });
    return this.discovered;
  }

  private requireSettings(): OidcConfig {
    if (this.settings === null) {
      throw new DomainError('oidc_not_configured', 'Single sign-on is not configured on this server (OIDC_ISSUER)');
    }
    return this.settings;
  }
}
