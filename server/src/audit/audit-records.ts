import type { EntityManager } from 'typeorm';
import { onlyRow } from '../common/rows';

export interface AuditRecord {
  seq: string | null;
  at: Date;
  actor_email: string | null;
  action: string;
  subject: string | null;
  payload: Record<string, unknown>;
}

/** Events about any of these subjects, or whose payload mentions any of the needles (case-insensitive). */
export async function auditEventsAbout(
  manager: EntityManager,
  subjects: readonly string[],
  needles: readonly string[],
): Promise<AuditRecord[]> {
  return manager.query<AuditRecord[]>(
    `SELECT seq, at, actor_email, action, subject, payload FROM audit_events
     WHERE subject = ANY($1::text[]) OR lower(payload::text) LIKE ANY($2::text[])
     ORDER BY seq NULLS LAST, at`,
    [
      subjects,
      needles.map((needle) => `%${needle.toLowerCase().replace(/[\\%_]/g, (character) => `\\${character}`)}%`),
    ],
  );
}

export async function auditHasAction(manager: EntityManager, action: string): Promise<boolean> {
  const rows = await manager.query<Array<{ found: boolean }>>(
    'SELECT EXISTS (SELECT 1 FROM audit_events WHERE action = $1) AS found',
    [action],
  );
  return onlyRow(rows, 'the audit action check').found;
}
