import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit';
import { type Clock, InjectClock } from '../common/clock';
import { DomainError } from '../common/domain-error';
import type { Principal } from '../common/access.decorators';
import { cancelPasswordResets, endSessions } from './credentials';
import { PasswordReset } from './entities/password-reset.entity';
import { User } from './entities/user.entity';
import { PasswordResetMailer } from './password-reset-mailer';
import { hashPassword, verifyPassword } from './passwords';
import { generateSecretToken, sha256Hex } from './secret-tokens';

export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

const WRONG_CURRENT_PASSWORD = 'currentPassword is not your current password';
const RESET_LINK_INVALID = 'This password reset link is invalid, already used or expired; ask for a new one';

/** Changing a password yourself, and the "forgotten password" e-mail. Admin resets are in UsersService. */
@Injectable()
export class PasswordsService implements OnModuleDestroy {
  private readonly logger = new Logger('Passwords');
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly mailer: PasswordResetMailer,
    @InjectClock() private readonly clock: Clock,
  ) {}

  /** The user's other sessions end; the one making the change stays signed in. */
  async change(principal: Principal, currentPassword: string, newPassword: string): Promise<void> {
    const userId = principal.actor.id;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (user === null || !(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record(this.dataSource.manager, {
        actor: principal.actor,
        action: 'auth.password_change_failed',
        subject: `user:${userId}`,
        payload: { via: principal.via },
      });
      throw new DomainError('bad_request', WRONG_CURRENT_PASSWORD, [
        { field: 'currentPassword', messages: [WRONG_CURRENT_PASSWORD] },
      ]);
    }
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: userId }, { passwordHash });
      const sessionsEnded = await endSessions(manager, userId, principal.sessionId);
      await cancelPasswordResets(manager, userId);
      await this.audit.record(manager, {
        actor: principal.actor,
        action: 'auth.password_changed',
        subject: `user:${userId}`,
        payload: { via: principal.via, sessionsEnded },
      });
    });
  }

  /**
   * Answers at once and does the work afterwards, so the answer neither says nor, by its timing,
   * hints whether the address has an account.
   */
  requestReset(email: string): void {
    const work = this.issueReset(email.trim().toLowerCase())
      .catch((error: unknown) => {
        this.logger.error(
          `Sending a password reset link failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      })
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  private async issueReset(email: string): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneBy({ email });
    if (user === null || user.disabled) return;
    const token = generateSecretToken('');
    await this.dataSource.transaction(async (manager) => {
      // Only the newest link works.
      await cancelPasswordResets(manager, user.id);
      if (this.mailer.enabled) {
        await manager.insert(PasswordReset, {
          tokenHash: sha256Hex(token),
          userId: user.id,
          expiresAt: new Date(this.clock.now().getTime() + PASSWORD_RESET_TTL_MS),
        });
      }
      await this.audit.record(manager, {
        actor: null,
        action: 'auth.password_reset_requested',
        subject: `user:${user.id}`,
        payload: { mailed: this.mailer.enabled },
      });
    });
    await this.mailer.send(user.email, token);
  }

  /** Sets the new password, uses up the link and ends every session of the user. */
  async confirmReset(token: string, newPassword: string): Promise<void> {
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const reset = await manager.findOne(PasswordReset, {
        where: { tokenHash: sha256Hex(token) },
        relations: { user: true },
        lock: { mode: 'pessimistic_write', tables: ['password_resets'] },
      });
      const user = reset?.user;
      if (reset === null || user === undefined || user.disabled || reset.expiresAt <= this.clock.now()) {
        throw new DomainError('bad_request', RESET_LINK_INVALID, [{ field: 'token', messages: [RESET_LINK_INVALID] }]);
      }
      await manager.update(User, { id: user.id }, { passwordHash });
      await cancelPasswordResets(manager, user.id);
      const sessionsEnded = await endSessions(manager, user.id);
      await this.audit.record(manager, {
        actor: user,
        action: 'auth.password_reset_completed',
        subject: `user:${user.id}`,
        payload: { sessionsEnded },
      });
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }
}
