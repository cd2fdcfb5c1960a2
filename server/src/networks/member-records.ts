import type { MemberLanguage } from '@concord/shared';
import type { EntityManager } from 'typeorm';

/** Row-level access to members for the features that act on a member's data (privacy, demo). */
export interface MemberRecord {
  id: string;
  network_id: string;
  network_code: string;
  name: string;
  email: string;
  country: string;
  role: string;
  language: MemberLanguage;
  created_at: Date;
  updated_at: Date;
}

export async function findMemberRecord(
  manager: EntityManager,
  id: string,
  options: { lock: boolean },
): Promise<MemberRecord | null> {
  const rows = await manager.query<MemberRecord[]>(
    `SELECT m.id, m.network_id, n.code AS network_code, m.name, m.email, m.country, m.role, m.language,
       m.created_at, m.updated_at
     FROM network_members m JOIN networks n ON n.id = m.network_id WHERE m.id = $1${options.lock ? ' FOR UPDATE OF m' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function existingMemberIds(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
  const rows = await manager.query<Array<{ id: string }>>('SELECT id FROM network_members WHERE id = ANY($1::uuid[])', [
    ids,
  ]);
  return rows.map((row) => row.id);
}

export async function deleteMemberRecords(manager: EntityManager, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await manager.query('DELETE FROM network_members WHERE id = ANY($1::uuid[])', [ids]);
}

export interface NetworkRecord {
  id: string;
  code: string;
}

export async function allNetworkRecords(manager: EntityManager): Promise<NetworkRecord[]> {
  return manager.query<NetworkRecord[]>('SELECT id, code FROM networks ORDER BY code');
}

export interface SeededMember {
  networkId: string;
  name: string;
  email: string;
  country: string;
  role: string;
  language: string;
}

/** Adds the members whose address is not taken yet (one statement); returns the ids of those added. */
export async function insertMembersIfAbsent(
  manager: EntityManager,
  members: readonly SeededMember[],
): Promise<string[]> {
  const inserted = await manager.query<Array<{ id: string }>>(
    `INSERT INTO network_members (network_id, name, email, country, role, language)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
     ON CONFLICT (email) DO NOTHING RETURNING id`,
    [
      members.map((member) => member.networkId),
      members.map((member) => member.name),
      members.map((member) => member.email),
      members.map((member) => member.country),
      members.map((member) => member.role),
      members.map((member) => member.language),
    ],
  );
  return inserted.map((row) => row.id);
}

/** The members of these networks with their network's code, ordered by network code and address. */
export async function membersOfNetworks(
  manager: EntityManager,
  networkIds: readonly string[],
): Promise<Array<{ id: string; network_id: string; code: string; country: string; role: string; language: string }>> {
  return manager.query(
    `SELECT m.id, m.network_id, n.code, m.country, m.role, m.language
     FROM network_members m JOIN networks n ON n.id = m.network_id
     WHERE m.network_id = ANY($1::uuid[]) ORDER BY n.code, m.email`,
    [networkIds],
  );
}

/**
 * SQL: LEFT JOIN of the member whose id is `memberId` (an expression of the caller's statement)
 * as `alias`, with its columns country, role and language. For the respondent link lookup, which
 * reads an invitation, its campaign and its member in one statement.
 */
export function memberJoin(alias: string, memberId: string): string {
  return `LEFT JOIN network_members ${alias} ON ${alias}.id = ${memberId}`;
}
