import type { EntityManager } from 'typeorm';

export async function existingUserIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>('SELECT id FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return rows.map((row) => row.id);
}

/** Deletes accounts with their sessions, tokens and reset links (by foreign key). */
export async function deleteUserRecords(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await manager.query('DELETE FROM users WHERE id = ANY($1::uuid[])', [ids]);
}
