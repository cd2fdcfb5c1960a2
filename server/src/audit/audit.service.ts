import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditEventDto, AuditVerifyResult } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { chainHash, checkChainSegment, GENESIS_HASH } from './audit-chain';
import { AuditEvent, AuditHead } from './entities/audit-event.entity';

export interface AuditEntry {
  /** null for events the system itself causes (first start, seeding). */
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: string;
  subject: string | null;
  payload?: Record<string, unknown>;
}

export interface AuditQuery {
  subject?: string;
  action?: string;
  before?: number;
  limit: number;
}

const VERIFY_BATCH = 2_000;

@Injectable()
export class AuditService implements OnModuleInit {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING`,
      [GENESIS_HASH],
    );
  }

  /**
   * Appends one event inside the caller's transaction, so the event exists exactly when the
   * change it records does. The head row's lock orders concurrent appends.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const [head] = await manager.query<Array<{ seq: string; hash: string }>>(
      'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
    );
    const seq = Number(head.seq) + 1;
    const fields = {
      seq,
      at: new Date().toISOString(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      subject: entry.subject,
      payload: entry.payload ?? {},
    };
    const hash = chainHash(head.hash, fields);
    await manager.insert(AuditEvent, { ...fields, at: new Date(fields.at), prevHash: head.hash, hash });
    await manager.update(AuditHead, { id: 1 }, { seq, hash });
  }

  async list(actor: Actor, query: AuditQuery): Promise<AuditEventDto[]> {
    requireRole(actor, []);
    const builder = this.dataSource.getRepository(AuditEvent).createQueryBuilder('event');
    if (query.subject !== undefined) builder.andWhere('event.subject = :subject', { subject: query.subject });
    if (query.action !== undefined) builder.andWhere('event.action = :action', { action: query.action });
    if (query.before !== undefined) builder.andWhere('event.seq < :before', { before: query.before });
    const events = await builder.orderBy('event.seq', 'DESC').limit(query.limit).getMany();
    return events.map((event) => ({
      seq: event.seq,
      at: event.at.toISOString(),
      actor: event.actorId,
      actorEmail: event.actorEmail,
      action: event.action,
      subject: event.subject,
      payload: event.payload,
      hash: event.hash,
    }));
  }

  /** Walks the whole chain in batches (bounded memory) and compares its end with the head row. */
  async verify(actor: Actor): Promise<AuditVerifyResult> {
    requireRole(actor, []);
    const repository = this.dataSource.getRepository(AuditEvent);
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const batch = await repository
        .createQueryBuilder('event')
        .where('event.seq >= :from', { from: expectedSeq })
        .orderBy('event.seq', 'ASC')
        .limit(VERIFY_BATCH)
        .getMany();
      const check = checkChainSegment(
        batch.map((event) => ({ ...event, at: event.at.toISOString() })),
        expectedSeq,
        prevHash,
      );
      if (!check.ok) return { ok: false, events: check.brokenAt - 1, brokenAt: check.brokenAt };
      expectedSeq = check.lastSeq + 1;
      prevHash = check.lastHash;
      if (batch.length < VERIFY_BATCH) break;
    }
    const head = await this.dataSource.getRepository(AuditHead).findOneByOrFail({ id: 1 });
    const events = expectedSeq - 1;
    // Rows removed from the end leave the head pointing past the last row found.
    if (head.seq !== events || head.hash !== prevHash) return { ok: false, events, brokenAt: events + 1 };
    return { ok: true, events };
  }
}
