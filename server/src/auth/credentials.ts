import { type EntityManager, Not } from 'typeorm';
import { ApiToken } from './entities/api-token.entity';
import { PasswordReset } from './entities/password-reset.entity';
import { Session } from './entities/session.entity';

/** Ends the user's sessions, all of them or all but the one still in use. Returns how many ended. */
export async function endSessions(manager: EntityManager, userId: string, keepSessionId?: string): Promise<number> {
  const result = await manager.delete(
    Session,
    keepSessionId === undefined ? { userId } : { userId, id: Not(keepSessionId) },
  );
  return result.affected ?? 0;
}

/** Deletes every API token of the user for good: re-enabling the account brings none back. */
export async function revokeAllApiTokens(manager: EntityManager, userId: string): Promise<number> {
  const result = await manager.delete(ApiToken, { userId });
  return result.affected ?? 0;
}

/** A changed password makes any reset link sent before it useless. */
export async function cancelPasswordResets(manager: EntityManager, userId: string): Promise<void> {
  await manager.delete(PasswordReset, { userId });
}
