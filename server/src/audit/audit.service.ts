import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEventDto, AuditVerifyResult } from '@concord/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, requireRole } from '../common/actor';
import { isDatabaseUnavailable } from '../common/database-unavailable';
import { DomainError } from '../common/domain-error';
import { onlyRow } from '../common/rows';
import { type ChainedEvent, chainHash, checkChainSegment, GENESIS_HASH } from './audit-chain';
import { AuditEvent, AuditHead } from './entities/audit-event.entity';

export interface AuditEntry {
  /** null for events the system itself causes (first start, seeding). */
  actor: Pick<Actor, 'id' | 'email'> | null;
  action: AuditAction;
  subject: string | null;
  payload?: Record<string, unknown>;
}

export interface AuditQuery {
  subject?: string;
  action?: string;
  /** A user id or an e-mail address. */
  actor?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERIFY_BATCH = 2_000;
const SEAL_BATCH = 1_000;
const SEAL_INTERVAL_MS = 250;

/** What the hash of a stored event covers, with the event at chain position `seq`. */
function chainedFields(event: AuditEvent, seq: number): ChainedEvent {
  return {
    seq,
    at: event.at.toISOString(),
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    action: event.action,
    subject: event.subject,
    payload: event.payload,
  };
}

/** A bare date as `to` means "up to the end of that day" (UTC); a time means that instant. */
function endOfPeriod(value: string): Date {
  const at = new Date(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(at.getTime() + 24 * 60 * 60 * 1000) : at;
}

@Injectable()
export class AuditService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AuditService.name);
  private sealTimer: NodeJS.Timeout | undefined;
  private sealing: Promise<void> | undefined;
  private sealQueued: Promise<void> | undefined;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING`,
      [GENESIS_HASH],
    );
    this.sealTimer = setInterval(() => {
      this.seal().catch((error: unknown) => {
        if (!isDatabaseUnavailable(error)) this.logger.error(`Sealing audit events failed: ${String(error)}`);
      });
    }, SEAL_INTERVAL_MS);
    this.sealTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sealTimer);
    await this.sealQueued?.catch(() => undefined);
    await this.sealing?.catch(() => undefined);
  }

  /**
   * Writes one event inside the caller's transaction, so the event exists exactly when the change
   * it records does. It is chained by seal() once committed.
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.insert(AuditEvent, {
      seq: null,
      at: new Date(),
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      subject: entry.subject,
      payload: entry.payload ?? {},
      prevHash: null,
      hash: null,
    });
  }

  /**
   * Chains every event committed before this call, oldest first. One sealer at a time per process:
   * a call made while one runs waits for it and then for one more pass (shared by every call made
   * meanwhile), because the running pass may have read the unsealed events before the caller's
   * own committed, and a reader of the log must see what it wrote.
   */
  seal(): Promise<void> {
    if (this.sealing === undefined) {
      this.sealing = this.sealPending().finally(() => {
        this.sealing = undefined;
      });
      return this.sealing;
    }
    this.sealQueued ??= this.sealing
      .catch(() => undefined)
      .then(() => {
        this.sealQueued = undefined;
        return this.seal();
      });
    return this.sealQueued;
  }

  private async sealPending(): Promise<void> {
    const [pending] = await this.dataSource.query<unknown[]>('SELECT 1 FROM audit_events WHERE seq IS NULL LIMIT 1');
    if (pending === undefined) return;
    for (;;) {
      const sealed = await this.dataSource.transaction(async (manager) => {
        // The head row lock orders sealers of all instances.
        const head = onlyRow(
          await manager.query<Array<{ seq: string; hash: string }>>(
            'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
          ),
          'audit_head (the migration inserts its single row)',
        );
        const events = await manager
          .getRepository(AuditEvent)
          .createQueryBuilder('event')
          .where('event.seq IS NULL')
          .orderBy('event.id', 'ASC')
          .limit(SEAL_BATCH)
          .getMany();
        if (events.length === 0) return 0;
        let seq = Number(head.seq);
        let prevHash = head.hash;
        const ids: string[] = [];
        const seqs: number[] = [];
        const prevHashes: string[] = [];
        const hashes: string[] = [];
        for (const event of events) {
          seq += 1;
          const hash = chainHash(prevHash, chainedFields(event, seq));
          ids.push(event.id);
          seqs.push(seq);
          prevHashes.push(prevHash);
          hashes.push(hash);
          prevHash = hash;
        }
        await manager.query(
          `UPDATE audit_events AS e SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash)
           WHERE e.id = v.id`,
          [ids, seqs, prevHashes, hashes],
        );
        await manager.update(AuditHead, { id: 1 }, { seq, hash: prevHash });
        return events.length;
      });
      if (sealed < SEAL_BATCH) return;
    }
  }

  async list(actor: Actor, query: AuditQuery): Promise<AuditEventDto[]> {
    requireRole(actor, []);
    await this.seal();
    const builder = this.dataSource
      .getRepository(AuditEvent)
      .createQueryBuilder('event')
      .where('event.seq IS NOT NULL');
    if (query.subject !== undefined) builder.andWhere('event.subject = :subject', { subject: query.subject });
    if (query.action !== undefined) builder.andWhere('event.action = :action', { action: query.action });
    if (query.actor !== undefined) {
      const actor = query.actor.trim().toLowerCase();
      if (UUID.test(actor)) builder.andWhere('event.actorId = :actor', { actor });
      else builder.andWhere('lower(event.actorEmail) = :actor', { actor });
    }
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : endOfPeriod(query.to);
    if (from !== undefined && to !== undefined && from >= to) {
      throw new DomainError('bad_request', 'from must be earlier than to');
    }
    if (from !== undefined) builder.andWhere('event.at >= :from', { from });
    if (to !== undefined) builder.andWhere('event.at < :to', { to });
    if (query.before !== undefined) builder.andWhere('event.seq < :before', { before: query.before });
    const events = await builder.orderBy('event.seq', 'DESC').limit(query.limit).getMany();
    return events.map((event) => ({
      seq: event.seq as number,
      at: event.at.toISOString(),
      actor: event.actorId,
      actorEmail: event.actorEmail,
      action: event.action,
      subject: event.subject,
      payload: event.payload,
      hash: event.hash as string,
    }));
  }

  /** Walks the whole sealed chain in batches (bounded memory) and compares its end with the head row. */
  async verify(actor: Actor): Promise<AuditVerifyResult> {
    requireRole(actor, []);
    await this.seal();
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
        batch.map((event) => ({
          ...chainedFields(event, event.seq as number),
          prevHash: event.prevHash ?? '',
          hash: event.hash ?? '',
        })),
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
