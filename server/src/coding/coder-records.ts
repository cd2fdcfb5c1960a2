import type { EntityManager } from 'typeorm';

/** Which of the users coded any answer. */
export async function usersWhoCoded(manager: EntityManager, userIds: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>(
    'SELECT DISTINCT coder_id AS id FROM coding_answer_codings WHERE coder_id = ANY($1::uuid[])',
    [userIds],
  );
  return rows.map((row) => row.id);
}
