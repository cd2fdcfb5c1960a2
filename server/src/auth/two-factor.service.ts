import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole, TotpPolicyDto, TotpSetupDto, TotpStatusDto } from '@concord/shared';
import * as QRCode from 'qrcode';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { type Clock, InjectClock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../common/access.decorators';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/config.module';
import { RecoveryCode } from './entities/recovery-code.entity';
import { Session } from './entities/session.entity';
import { TotpPolicy } from './entities/totp-policy.entity';
import { User } from './entities/user.entity';
import { hashPassword, verifyPassword } from './passwords';
import { asTotpCode, generateRecoveryCode, normalizeRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes';
import { deriveSealKey, seal, unseal } from './sealed-secrets';
import { matchTotpStep, newTotpSecret, totpUri } from './totp';

const POLICY_ID = 1;
const WRONG_CODE = 'code is not the current code of your authenticator app';

export type SecondFactor = 'totp' | 'recovery_code';

/** Two-factor sign-in with TOTP (RFC 6238): set-up, confirmation, recovery codes, the role policy. */
@Injectable()
export class TwoFactorService {
  private readonly key: Buffer;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @InjectClock() private readonly clock: Clock,
    @InjectConfig() config: AppConfig,
  ) {
    this.key = deriveSealKey(config.secrets.linkSecret, 'totp-secret');
  }

  async status(actor: Actor): Promise<TotpStatusDto> {
    const user = await this.requireUser(actor.id);
    const recoveryCodesLeft = await this.dataSource
      .getRepository(RecoveryCode)
      .countBy({ userId: actor.id, usedAt: IsNull() });
    return {
      enabled: user.totpSecret !== null,
      required: await this.isRequiredFor(user.role),
      recoveryCodesLeft: user.totpSecret === null ? 0 : recoveryCodesLeft,
    };
  }

  /** Hands out a new secret, kept pending until a first code from it confirms the app has it. */
  async setup(principal: Principal): Promise<TotpSetupDto> {
    const user = await this.requireUser(principal.actor.id);
    if (user.totpSecret !== null) {
      throw new DomainError('totp_already_enabled', 'Two-factor sign-in is already on; turn it off first');
    }
    const secret = newTotpSecret();
    const otpauthUrl = totpUri(secret, user.email);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { totpPendingSecret: seal(this.key, secret) });
      await this.audit.record(manager, {
        actor: principal.actor,
        action: 'auth.totp_setup_started',
        subject: `user:${user.id}`,
        payload: { via: principal.via },
      });
    });
    const qrCode = `data:image/svg+xml;base64,${Buffer.from(
      await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    ).toString('base64')}`;
    return { secret, otpauthUrl, qrCode };
  }

  /** Confirms the pending secret with a code from it; returns the recovery codes, shown only now. */
  async enable(principal: Principal, code: string): Promise<string[]> {
    const user = await this.requireUser(principal.actor.id);
    if (user.totpSecret !== null) {
      throw new DomainError('totp_already_enabled', 'Two-factor sign-in is already on; turn it off first');
    }
    const pending = user.totpPendingSecret === null ? null : unseal(this.key, user.totpPendingSecret);
    if (pending === null) {
      throw new DomainError('totp_setup_missing', 'Call POST /api/auth/totp/setup first: no secret awaits a code');
    }
    const digits = asTotpCode(code);
    const step = digits === null ? null : matchTotpStep(pending, digits, this.clock.now());
    if (step === null) {
      await this.recordFailure(this.dataSource.manager, principal.actor, user.id, 'enable');
      throw new DomainError('bad_request', WRONG_CODE, [{ field: 'code', messages: [WRONG_CODE] }]);
    }
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
    const hashes = await Promise.all(recoveryCodes.map((recovery) => hashPassword(normalizeRecoveryCode(recovery))));
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        User,
        { id: user.id },
        { totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpLastStep: step },
      );
      await manager.delete(RecoveryCode, { userId: user.id });
      await manager.insert(
        RecoveryCode,
        hashes.map((codeHash) => ({ userId: user.id, codeHash, usedAt: null })),
      );
      // Sessions held back until enrolment may now do everything.
      await manager.update(Session, { userId: user.id }, { totpEnrolmentRequired: false });
      await this.audit.record(manager, {
        actor: principal.actor,
        action: 'auth.totp_enabled',
        subject: `user:${user.id}`,
        payload: { via: principal.via, recoveryCodes: RECOVERY_CODE_COUNT },
      });
    });
    return recoveryCodes;
  }

  /** Turning it off needs the password or a current code (or a recovery code), not just a session. */
  async disable(principal: Principal, proof: { password?: string; code?: string }): Promise<void> {
    const user = await this.requireUser(principal.actor.id);
    if (user.totpSecret === null) throw new DomainError('totp_not_enabled', 'Two-factor sign-in is not on');
    if (proof.password !== undefined) {
      if (!(await verifyPassword(user.passwordHash, proof.password))) {
        await this.recordFailure(this.dataSource.manager, principal.actor, user.id, 'disable');
        const message = 'password is not your current password';
        throw new DomainError('bad_request', message, [{ field: 'password', messages: [message] }]);
      }
    } else if (proof.code !== undefined) {
      if ((await this.verifySecondFactor(user, proof.code, principal.actor)) === null) {
        throw new DomainError('bad_request', WRONG_CODE, [{ field: 'code', messages: [WRONG_CODE] }]);
      }
    } else {
      const message = 'Send your password or a current code to turn two-factor sign-in off';
      throw new DomainError('bad_request', message, [{ field: 'password', messages: [message] }]);
    }
    await this.dataSource.transaction(async (manager) => {
      await this.clear(manager, user.id);
      await this.audit.record(manager, {
        actor: principal.actor,
        action: 'auth.totp_disabled',
        subject: `user:${user.id}`,
        payload: { via: principal.via, by: proof.password !== undefined ? 'password' : 'code' },
      });
    });
  }

  /** An admin turns off a user's two-factor sign-in (lost phone and recovery codes). */
  async adminDisable(actor: Actor, userId: string): Promise<void> {
    requireRole(actor, []);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (user === null) throw new DomainError('not_found', `User ${userId} not found`);
    if (user.totpSecret === null)
      throw new DomainError('totp_not_enabled', 'Two-factor sign-in is not on for this user');
    await this.dataSource.transaction(async (manager) => {
      await this.clear(manager, user.id);
      await this.audit.record(manager, {
        actor,
        action: 'auth.totp_disabled',
        subject: `user:${user.id}`,
        payload: { by: 'admin' },
      });
    });
  }

  private async clear(manager: EntityManager, userId: string): Promise<void> {
    await manager.update(User, { id: userId }, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await manager.delete(RecoveryCode, { userId });
  }

  /**
   * Checks a sign-in's second factor: a TOTP code not used before, or an unused recovery code
   * (which is then spent). Failures are audited. Returns which kind matched, or null.
   */
  async verifySecondFactor(user: User, input: string, actor: Actor | null): Promise<SecondFactor | null> {
    const secret = user.totpSecret === null ? null : unseal(this.key, user.totpSecret);
    if (secret === null) return null;
    const digits = asTotpCode(input);
    if (digits !== null) {
      const step = matchTotpStep(secret, digits, this.clock.now());
      // The conditional update makes a code usable once, even by two requests racing each other.
      if (step !== null) {
        const result = await this.dataSource
          .createQueryBuilder()
          .update(User)
          .set({ totpLastStep: step })
          .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
          .execute();
        if (result.affected === 1) return 'totp';
      }
    } else {
      const normalized = normalizeRecoveryCode(input);
      const unused = await this.dataSource.getRepository(RecoveryCode).findBy({ userId: user.id, usedAt: IsNull() });
      for (const candidate of unused) {
        if (!(await verifyPassword(candidate.codeHash, normalized))) continue;
        const spent = await this.dataSource.transaction(async (manager) => {
          const result = await manager.update(
            RecoveryCode,
            { id: candidate.id, usedAt: IsNull() },
            { usedAt: this.clock.now() },
          );
          if (result.affected !== 1) return false;
          await this.audit.record(manager, {
            actor: actor ?? user,
            action: 'auth.totp_recovery_code_used',
            subject: `user:${user.id}`,
            payload: { recoveryCodesLeft: unused.length - 1 },
          });
          return true;
        });
        if (spent) return 'recovery_code';
      }
    }
    await this.recordFailure(this.dataSource.manager, actor, user.id, 'sign_in');
    return null;
  }

  private async recordFailure(
    manager: EntityManager,
    actor: Actor | null,
    userId: string,
    during: 'sign_in' | 'enable' | 'disable',
  ): Promise<void> {
    await this.audit.record(manager, {
      actor,
      action: 'auth.totp_failed',
      subject: `user:${userId}`,
      payload: { during },
    });
  }

  async isRequiredFor(role: StaffRole): Promise<boolean> {
    return (await this.getPolicy()).requiredRoles.includes(role);
  }

  async getPolicy(): Promise<TotpPolicyDto> {
    const policy = await this.dataSource.getRepository(TotpPolicy).findOneBy({ id: POLICY_ID });
    return { requiredRoles: policy?.requiredRoles ?? [] };
  }

  async readPolicy(actor: Actor): Promise<TotpPolicyDto> {
    requireRole(actor, []);
    return this.getPolicy();
  }

  async setPolicy(actor: Actor, requiredRoles: StaffRole[]): Promise<TotpPolicyDto> {
    requireRole(actor, []);
    const roles = [...new Set(requiredRoles)].sort();
    await this.dataSource.transaction(async (manager) => {
      await manager.upsert(TotpPolicy, { id: POLICY_ID, requiredRoles: roles }, ['id']);
      await this.audit.record(manager, {
        actor,
        action: 'auth.totp_policy_changed',
        subject: null,
        payload: { requiredRoles: roles },
      });
    });
    return { requiredRoles: roles };
  }

  private async requireUser(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (user === null) throw new DomainError('unauthenticated', 'Your account no longer exists');
    return user;
  }
}
