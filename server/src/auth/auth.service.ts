import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApiTokenCreated, ApiTokenDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { preparedStatement, runPrepared } from '../database/prepared';
import type { Principal } from '../common/access.decorators';
import { ApiToken } from './entities/api-token.entity';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { verifyAgainstDummy, verifyPassword } from './passwords';
import { generateSecretToken, sha256Hex } from './secret-tokens';
import { type SecondFactor, TwoFactorService } from './two-factor.service';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Sessions are extended on use, at most this often, to spare a write per request. */
const SESSION_REFRESH_MS = 10 * 60 * 1000;
const TOKEN_TOUCH_MS = 60 * 1000;

export interface StartedSession {
  user: User;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
  /** The user's role must use two-factor sign-in and they have not set it up yet. */
  totpEnrolmentRequired: boolean;
}

/** A staff member as a request's actor needs them. */
export type StaffIdentity = Pick<User, 'id' | 'email' | 'name' | 'role'>;

/** A live session and its user, as the guard checks them on every staff request. */
export interface ResolvedSession {
  session: Pick<Session, 'id' | 'csrfToken' | 'totpEnrolmentRequired' | 'expiresAt'>;
  user: StaffIdentity;
}

interface CredentialRow {
  id: string;
  user_id: string;
  email: string;
  name: string;
  role: User['role'];
  disabled: boolean;
}

/**
 * The credential checks of every staff request, as prepared statements whose rows are read as
 * they come: TypeORM's query builder built the SQL and hydrated two entities per request, about
 * half of an authenticated request's CPU.
 */
const SESSION_BY_TOKEN_HASH = preparedStatement(
  'auth_session_by_token_hash',
  `SELECT s.id, s.csrf_token, s.totp_enrolment_required, s.expires_at,
          u.id AS user_id, u.email, u.name, u.role, u.disabled
     FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = $1 AND s.expires_at > $2`,
);
const API_TOKEN_BY_TOKEN_HASH = preparedStatement(
  'auth_api_token_by_token_hash',
  `SELECT t.id, t.last_used_at, u.id AS user_id, u.email, u.name, u.role, u.disabled
     FROM api_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = $1`,
);

function identityOf(row: CredentialRow): StaffIdentity {
  return { id: row.user_id, email: row.email, name: row.name, role: row.role };
}

export function toActor(user: StaffIdentity): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  /**
   * Password first; then, for a user with two-factor sign-in on, the code (or a recovery code) in
   * the same request: no session exists until both are right, so a half-signed-in state cannot
   * be used for anything.
   */
  async login(email: string, password: string, totp?: string): Promise<StartedSession> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email: email.trim().toLowerCase() });
    const valid =
      user !== null && !user.disabled
        ? await verifyPassword(user.passwordHash, password)
        : await verifyAgainstDummy(password);
    if (user === null || !valid) {
      await this.recordFailedLogin(email, user);
      throw new DomainError('invalid_credentials', 'Invalid email or password');
    }
    let secondFactor: SecondFactor | null = null;
    if (user.totpSecret !== null) {
      if (totp === undefined || totp.trim() === '') {
        throw new DomainError(
          'totp_required',
          'This account uses two-factor sign-in: send the code from your authenticator app as totp',
          { totpRequired: true },
        );
      }
      secondFactor = await this.twoFactor.verifySecondFactor(user, totp, null);
      if (secondFactor === null) {
        throw new DomainError('totp_invalid', 'The code is wrong, expired or already used', { totpRequired: true });
      }
    }
    const totpEnrolmentRequired = user.totpSecret === null && (await this.twoFactor.isRequiredFor(user.role));
    return this.startSession(user, 'auth.login', { secondFactor, totpEnrolmentRequired });
  }

  /** Creates a session for a user whose identity is proven (password and code, or single sign-on). */
  async startSession(
    user: User,
    action: 'auth.login' | 'auth.oidc_login',
    options: { secondFactor?: SecondFactor | null; totpEnrolmentRequired: boolean; payload?: Record<string, unknown> },
  ): Promise<StartedSession> {
    const { totpEnrolmentRequired } = options;
    const sessionToken = generateSecretToken('');
    const csrfToken = generateSecretToken('');
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.save(Session, {
        tokenHash: sha256Hex(sessionToken),
        userId: user.id,
        csrfToken,
        expiresAt,
        totpEnrolmentRequired,
      });
      await this.audit.record(manager, {
        actor: user,
        action,
        subject: `user:${user.id}`,
        payload: {
          sessionId: session.id,
          ...(options.secondFactor == null ? {} : { secondFactor: options.secondFactor }),
          ...(totpEnrolmentRequired ? { totpEnrolmentRequired } : {}),
          ...options.payload,
        },
      });
    });
    return { user, sessionToken, csrfToken, expiresAt, totpEnrolmentRequired };
  }

  /** Every failed sign-in is kept, with the address tried, so guessing shows in the audit log. */
  private async recordFailedLogin(email: string, user: User | null): Promise<void> {
    const reason = user === null ? 'unknown_email' : user.disabled ? 'disabled' : 'wrong_password';
    await this.audit.record(this.dataSource.manager, {
      actor: null,
      action: 'auth.login_failed',
      subject: user === null ? null : `user:${user.id}`,
      payload: { email: email.trim().toLowerCase(), reason },
    });
  }

  async logout(principal: Principal): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (principal.sessionId !== undefined) await manager.delete(Session, { id: principal.sessionId });
      await this.audit.record(manager, {
        actor: principal.actor,
        action: 'auth.logout',
        subject: `user:${principal.actor.id}`,
        payload: { via: principal.via },
      });
    });
  }

  /**
   * Resolves a session cookie to its user, or null when unknown, expired or the user is disabled.
   * Every staff request runs it: one prepared statement (SESSION_BY_TOKEN_HASH), one round trip.
   */
  async resolveSession(token: string): Promise<ResolvedSession | null> {
    const [row] = await runPrepared<
      CredentialRow & { csrf_token: string; totp_enrolment_required: boolean; expires_at: Date }
    >(this.dataSource, SESSION_BY_TOKEN_HASH, [sha256Hex(token), new Date()]);
    if (row === undefined || row.disabled) return null;
    const remaining = row.expires_at.getTime() - Date.now();
    if (SESSION_TTL_MS - remaining > SESSION_REFRESH_MS) {
      await this.dataSource
        .getRepository(Session)
        .update({ id: row.id }, { expiresAt: new Date(Date.now() + SESSION_TTL_MS) });
    }
    return {
      session: {
        id: row.id,
        csrfToken: row.csrf_token,
        totpEnrolmentRequired: row.totp_enrolment_required,
        expiresAt: row.expires_at,
      },
      user: identityOf(row),
    };
  }

  async resolveApiToken(token: string): Promise<StaffIdentity | null> {
    const [row] = await runPrepared<CredentialRow & { last_used_at: Date | null }>(
      this.dataSource,
      API_TOKEN_BY_TOKEN_HASH,
      [sha256Hex(token)],
    );
    if (row === undefined || row.disabled) return null;
    if (row.last_used_at === null || Date.now() - row.last_used_at.getTime() > TOKEN_TOUCH_MS) {
      await this.dataSource.getRepository(ApiToken).update({ id: row.id }, { lastUsedAt: new Date() });
    }
    return identityOf(row);
  }

  async createApiToken(actor: Actor, name: string): Promise<ApiTokenCreated> {
    const token = generateSecretToken('cnc_');
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(ApiToken, {
        tokenHash: sha256Hex(token),
        userId: actor.id,
        name,
        lastUsedAt: null,
      });
      await this.audit.record(manager, {
        actor,
        action: 'auth.token_created',
        subject: `user:${actor.id}`,
        payload: { tokenId: saved.id, name },
      });
      return { id: saved.id, name, token };
    });
  }

  /** Your own tokens; an admin may list anyone's. */
  async listApiTokens(actor: Actor, ownerId: string = actor.id): Promise<ApiTokenDto[]> {
    await this.requireTokenOwnerAccess(actor, ownerId);
    const tokens = await this.dataSource
      .getRepository(ApiToken)
      .find({ where: { userId: ownerId }, order: { createdAt: 'DESC' } });
    return tokens.map((token) => ({
      id: token.id,
      name: token.name,
      createdAt: token.createdAt.toISOString(),
      lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    }));
  }

  /** A token's owner may revoke it, and so may an admin. */
  async revokeApiToken(actor: Actor, tokenId: string, ownerId: string = actor.id): Promise<void> {
    await this.requireTokenOwnerAccess(actor, ownerId);
    await this.dataSource.transaction(async (manager) => {
      const result = await manager.delete(ApiToken, { id: tokenId, userId: ownerId });
      if (result.affected === 0) throw new DomainError('not_found', `API token ${tokenId} not found`);
      await this.audit.record(manager, {
        actor,
        action: 'auth.token_revoked',
        subject: `user:${ownerId}`,
        payload: { tokenId },
      });
    });
  }

  private async requireTokenOwnerAccess(actor: Actor, ownerId: string): Promise<void> {
    if (ownerId === actor.id) return;
    requireRole(actor, []);
    if (!(await this.dataSource.getRepository(User).existsBy({ id: ownerId }))) {
      throw new DomainError('not_found', `User ${ownerId} not found`);
    }
  }
}
