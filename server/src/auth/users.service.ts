import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole, UserDto } from '@concord/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit';
import { type Actor, requireRole } from '../common/actor';
import { DomainError } from '../common/domain-error';
import { cancelPasswordResets, endSessions, revokeAllApiTokens } from './credentials';
import { User } from './entities/user.entity';
import { hashPassword } from './passwords';

export interface NewUser {
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

export interface UserChanges {
  name?: string;
  role?: StaffRole;
  disabled?: boolean;
  password?: string;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    disabled: user.disabled,
    createdAt: user.createdAt.toISOString(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<UserDto[]> {
    requireRole(actor, []);
    const users = await this.dataSource.getRepository(User).find({ order: { createdAt: 'ASC' } });
    return users.map(toUserDto);
  }

  /** Display names of the given users (for other features naming who holds a duty); unknown ids are left out. */
  async namesOf(userIds: readonly string[]): Promise<Array<{ id: string; name: string }>> {
    if (userIds.length === 0) return [];
    const users = await this.dataSource
      .getRepository(User)
      .find({ where: { id: In([...userIds]) }, select: { id: true, name: true } });
    const byId = new Map(users.map((user) => [user.id, user.name]));
    return userIds.flatMap((id) => {
      const name = byId.get(id);
      return name === undefined ? [] : [{ id, name }];
    });
  }

  /** Anyone may read their own record; other users' records are for admins. */
  async get(actor: Actor, userId: string): Promise<UserDto> {
    if (actor.id !== userId) requireRole(actor, []);
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (user === null) throw new DomainError('not_found', `User ${userId} not found`);
    return toUserDto(user);
  }

  async create(actor: Actor | null, input: NewUser): Promise<UserDto> {
    if (actor !== null) requireRole(actor, []);
    const email = input.email.trim().toLowerCase();
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      // The unique index is the real guard; this check only gives the clear message.
      if (await manager.existsBy(User, { email })) {
        throw new DomainError('email_taken', `A user with e-mail ${email} already exists`);
      }
      const user = await manager.save(User, { email, name: input.name.trim(), role: input.role, passwordHash });
      await this.audit.record(manager, {
        actor,
        action: 'user.created',
        subject: `user:${user.id}`,
        payload: { email, name: user.name, role: user.role },
      });
      return toUserDto(user);
    });
  }

  async update(actor: Actor, userId: string, changes: UserChanges): Promise<UserDto> {
    requireRole(actor, []);
    const passwordHash = changes.password === undefined ? undefined : await hashPassword(changes.password);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (user === null) throw new DomainError('not_found', `User ${userId} not found`);
      const losesAdmin = user.role === 'admin' && ((changes.role ?? 'admin') !== 'admin' || changes.disabled === true);
      if (losesAdmin && !user.disabled) await this.assertAnotherActiveAdmin(manager, user.id);
      const before = { name: user.name, role: user.role, disabled: user.disabled };
      if (changes.name !== undefined) user.name = changes.name.trim();
      if (changes.role !== undefined) user.role = changes.role;
      if (changes.disabled !== undefined) user.disabled = changes.disabled;
      if (passwordHash !== undefined) user.passwordHash = passwordHash;
      const saved = await manager.save(User, user);
      // A disabled user, or one whose password was reset, is signed out everywhere at once and loses
      // every API token for good, so that re-enabling the account brings no old credential back.
      const locksOut = changes.disabled === true || passwordHash !== undefined;
      const sessionsEnded = locksOut ? await endSessions(manager, user.id) : 0;
      const tokensRevoked = locksOut ? await revokeAllApiTokens(manager, user.id) : 0;
      if (locksOut) await cancelPasswordResets(manager, user.id);
      await this.audit.record(manager, {
        actor,
        action: 'user.updated',
        subject: `user:${user.id}`,
        payload: {
          before,
          after: { name: saved.name, role: saved.role, disabled: saved.disabled },
          passwordReset: passwordHash !== undefined,
          sessionsEnded,
          tokensRevoked,
        },
      });
      return toUserDto(saved);
    });
  }

  private async assertAnotherActiveAdmin(manager: EntityManager, exceptUserId: string): Promise<void> {
    const others = await manager
      .getRepository(User)
      .createQueryBuilder('user')
      .where('user.role = :role AND user.disabled = false AND user.id <> :id', { role: 'admin', id: exceptUserId })
      .getCount();
    if (others === 0) {
      throw new DomainError('last_admin', 'This is the last active admin; make another user admin first');
    }
  }

  /** Whether any admin exists yet (seeds that add staff wait for the first admin). */
  async hasAdmin(): Promise<boolean> {
    return this.dataSource.getRepository(User).existsBy({ role: 'admin' });
  }

  /** Which of the given user ids belong to committee members, read in the caller's transaction. */
  async committeeIds(manager: EntityManager, userIds: readonly string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const users = await manager
      .getRepository(User)
      .find({ select: { id: true }, where: { id: In([...userIds]), role: 'committee' } });
    return new Set(users.map((user) => user.id));
  }

  /**
   * The seeded committee member with this e-mail, created (and audited) with `password` when
   * missing. Seeding instances may race: the unique e-mail settles it, and only the instance that
   * created the user records the event. An existing user is returned as a committee member.
   */
  async ensureSeededCommitteeMember(
    member: { email: string; name: string },
    password: string,
    /** Called in the creating transaction when the account is new (the demo registry marks it). */
    onCreated: (manager: EntityManager, userId: string) => Promise<void> = () => Promise.resolve(),
  ): Promise<Actor> {
    const existing = await this.dataSource
      .getRepository(User)
      .findOne({ where: { email: member.email }, select: { id: true, email: true, name: true } });
    if (existing !== null) return { id: existing.id, email: existing.email, name: existing.name, role: 'committee' };
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query<Array<{ id: string; email: string; name: string; created: boolean }>>(
        `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, 'committee', $3)
         ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email RETURNING id, email, name, (xmax = 0) AS created`,
        [member.email, member.name, passwordHash],
      );
      const [row] = inserted;
      if (row === undefined) throw new Error(`Seeding committee member ${member.email} returned no row`);
      if (row.created) {
        await onCreated(manager, row.id);
        await this.audit.record(manager, {
          actor: null,
          action: 'user.created',
          subject: `user:${row.id}`,
          payload: { email: row.email, name: row.name, role: 'committee', seeded: true },
        });
      }
      return { id: row.id, email: row.email, name: row.name, role: 'committee' };
    });
  }

  /**
   * On a database without any admin (seed data may bring other staff first), creates the first admin. Returns the generated password when
   * one was made (to print once), or null.
   */
  async ensureInitialAdmin(
    email: string | null,
    password: string | null,
  ): Promise<{ email: string; generatedPassword: string | null } | null> {
    const admins = await this.dataSource.getRepository(User).countBy({ role: 'admin' });
    if (admins > 0) return null;
    const generatedPassword = password === null ? randomPassword() : null;
    const adminEmail = email ?? 'admin@concord.local';
    try {
      await this.create(null, {
        email: adminEmail,
        name: 'Administrator',
        role: 'admin',
        password: password ?? (generatedPassword as string),
      });
    } catch (error) {
      // Another instance starting at the same moment created it first.
      if (error instanceof DomainError && error.code === 'email_taken') return null;
      throw error;
    }
    return { email: adminEmail, generatedPassword };
  }
}

function randomPassword(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]).join('');
}
