import { Injectable } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { onlyRow } from '../common/rows';

/** The package's entry does not export the record type; it is what `increment` resolves to. */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in PostgreSQL, so that limits hold across all server instances.
 * One upsert per hit: the window restarts when it has expired; crossing the limit blocks the key.
 */
@Injectable()
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const rows = await this.dataSource.query<
      Array<{ hits: number; time_to_expire: number; is_blocked: boolean; time_to_block_expire: number }>
    >(
      `INSERT INTO throttle_hits AS t (key, hits, expires_at, blocked_until)
       VALUES ($1, 1, now() + make_interval(secs => $2::float8 / 1000), NULL)
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN t.expires_at <= now() THEN 1 ELSE t.hits + 1 END,
         expires_at = CASE WHEN t.expires_at <= now() THEN excluded.expires_at ELSE t.expires_at END,
         blocked_until = CASE
           WHEN t.blocked_until > now() THEN t.blocked_until
           WHEN (CASE WHEN t.expires_at <= now() THEN 1 ELSE t.hits + 1 END) > $3
             THEN now() + make_interval(secs => $4::float8 / 1000)
           ELSE NULL END
       RETURNING hits,
         GREATEST(0, CEIL(EXTRACT(EPOCH FROM (expires_at - now()))))::int AS time_to_expire,
         COALESCE(blocked_until > now(), false) AS is_blocked,
         GREATEST(0, CEIL(EXTRACT(EPOCH FROM (COALESCE(blocked_until, now()) - now()))))::int AS time_to_block_expire`,
      [`${throttlerName}:${key}`, ttl, limit, blockDuration],
    );
    const row = onlyRow(rows, 'the throttler upsert');
    return {
      totalHits: row.hits,
      timeToExpire: row.time_to_expire,
      isBlocked: row.is_blocked,
      timeToBlockExpire: row.time_to_block_expire,
    };
  }

  /** Forgets windows that ended long ago; called now and then. */
  async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM throttle_hits WHERE expires_at < now() - interval '1 hour' AND (blocked_until IS NULL OR blocked_until < now())`,
    );
  }
}
