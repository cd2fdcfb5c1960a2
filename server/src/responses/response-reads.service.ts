import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { FreeTextRow } from './filtered-response-queries';

/** One free-text answer of a complete response: where it comes from, never who wrote it. */
export interface TextAnswerRow {
  responseId: string;
  text: string;
  networkId: string;
  country: string | null;
  role: string | null;
  language: string | null;
  completedAt: Date | null;
}

/**
 * Read-only access to stored answers for other features (free-text coding), so that they never
 * query the responses table themselves. Callers check the actor's access first.
 */
@Injectable()
export class ResponseReadsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The non-empty string answers stored at a top-level key of a campaign's complete responses,
   * oldest completion first (then by id, so the order is stable). `responseIds` narrows the set.
   */
  async textAnswers(campaignId: string, key: string, responseIds?: readonly string[]): Promise<TextAnswerRow[]> {
    const rows = await this.dataSource.query<FreeTextRow[]>(
      `SELECT r.id, r.data ->> $2 AS text, r.network_id, r.country, r.role, r.language, r.completed_at
         FROM responses r
        WHERE r.campaign_id = $1 AND r.status = 'complete'
          AND jsonb_typeof(r.data -> $2) = 'string' AND btrim(r.data ->> $2) <> ''
          AND ($3::uuid[] IS NULL OR r.id = ANY($3::uuid[]))
        ORDER BY r.completed_at NULLS LAST, r.id`,
      [campaignId, key, responseIds === undefined ? null : [...responseIds]],
    );
    return rows.map((row) => ({
      responseId: row.id,
      text: row.text,
      networkId: row.network_id,
      country: row.country,
      role: row.role,
      language: row.language,
      completedAt: row.completed_at,
    }));
  }

  /** How many complete responses of a campaign hold a non-empty string answer at each key. */
  async textAnswerCounts(campaignId: string, keys: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ key: string; n: number }>>(
      `SELECT k.key, count(r.id)::int AS n
         FROM unnest($2::text[]) AS k(key)
         LEFT JOIN responses r ON r.campaign_id = $1 AND r.status = 'complete'
          AND jsonb_typeof(r.data -> k.key) = 'string' AND btrim(r.data ->> k.key) <> ''
        GROUP BY k.key`,
      [campaignId, [...keys]],
    );
    return new Map(rows.map((row) => [row.key, row.n]));
  }
}
