import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { CodingTheme } from './entities/coding-theme.entity';

/** A theme with how many answers carry it (any coder). */
export interface ThemeRow {
  theme: CodingTheme;
  codedAnswers: number;
}

/** One coder's coding of one answer. */
export interface StoredCoding {
  responseId: string;
  themeIds: string[];
  /** Themes applied from a suggestion and not yet confirmed. */
  suggestedThemeIds: string[];
  codedAt: Date;
}

/** Whose codings count when themes are tallied. */
export type CoderPolicy =
  | { kind: 'coder'; coderId: string }
  /** An answer has a theme when any coder gave it. */
  | { kind: 'anyCoder' };

export interface CodingKey {
  campaignId: string;
  question: string;
  coderId: string;
  coderName: string;
}

/**
 * Every SQL statement on the coding tables, and only those: other features' data comes through
 * their services. Statements that belong to a larger change take the caller's transaction manager.
 */
@Injectable()
export class CodingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async listThemes(
    surveyId: string,
    question: string | null,
    includeMerged: boolean,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ThemeRow[]> {
    const query = manager
      .createQueryBuilder(CodingTheme, 'theme')
      .addSelect(
        (counts) =>
          counts
            .select('count(DISTINCT coding.response_id)::int')
            .from('coding_answer_themes', 'applied')
            .innerJoin('coding_answer_codings', 'coding', 'coding.id = applied.coding_id')
            .where('applied.theme_id = theme.id'),
        'coded_answers',
      )
      .where('theme.survey_id = :surveyId', { surveyId })
      .orderBy('theme.question')
      .addOrderBy('theme.position')
      .addOrderBy('theme.created_at')
      .addOrderBy('theme.id');
    if (question !== null) query.andWhere('theme.question = :question', { question });
    if (!includeMerged) query.andWhere('theme.merged_into_id IS NULL');
    const { entities, raw } = await query.getRawAndEntities<{ coded_answers: number }>();
    return entities.map((theme, index) => ({ theme, codedAnswers: raw[index]?.coded_answers ?? 0 }));
  }

  async themeRow(id: string, manager: EntityManager = this.dataSource.manager): Promise<ThemeRow | null> {
    const theme = await manager.findOneBy(CodingTheme, { id });
    if (theme === null) return null;
    const [row] = await manager.query<Array<{ n: number }>>(
      `SELECT count(DISTINCT c.response_id)::int AS n
         FROM coding_answer_themes a JOIN coding_answer_codings c ON c.id = a.coding_id
        WHERE a.theme_id = $1`,
      [id],
    );
    return { theme, codedAnswers: row?.n ?? 0 };
  }

  findTheme(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CodingTheme | null> {
    return manager.findOne(CodingTheme, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  findThemes(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<CodingTheme[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(CodingTheme, 'theme')
      .where('theme.id IN (:...ids)', { ids: [...ids] })
      .getMany();
  }

  findActiveByName(
    manager: EntityManager,
    surveyId: string,
    question: string,
    nameKey: string,
  ): Promise<CodingTheme | null> {
    return manager
      .createQueryBuilder(CodingTheme, 'theme')
      .where('theme.survey_id = :surveyId AND theme.question = :question AND theme.name_key = :nameKey', {
        surveyId,
        question,
        nameKey,
      })
      .andWhere('theme.merged_into_id IS NULL')
      .getOne();
  }

  /**
   * Serializes theme changes of one question (names are unique per question, merges move codings)
   * with a transaction-scoped advisory lock on the pair.
   */
  async lockQuestion(manager: EntityManager, surveyId: string, question: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 16))`, [`${surveyId}:${question}`]);
  }

  /**
   * The shared side of the same lock, taken by codings: coders do not wait on each other, but a
   * merge waits for codings in flight and codings wait for a merge, so no coding ever points at a
   * theme merged meanwhile.
   */
  async lockQuestionShared(manager: EntityManager, surveyId: string, question: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock_shared(hashtextextended($1, 16))`, [`${surveyId}:${question}`]);
  }

  async nextPosition(manager: EntityManager, surveyId: string, question: string): Promise<number> {
    const [row] = await manager.query<Array<{ next: number }>>(
      `SELECT coalesce(max(position), 0)::int + 1 AS next FROM coding_themes WHERE survey_id = $1 AND question = $2`,
      [surveyId, question],
    );
    return row?.next ?? 1;
  }

  insertTheme(manager: EntityManager, values: Partial<CodingTheme>): Promise<CodingTheme> {
    return manager.save(manager.create(CodingTheme, values));
  }

  async updateTheme(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<CodingTheme, 'name' | 'nameKey' | 'description' | 'parentId' | 'position'>>,
  ): Promise<void> {
    await manager.update(CodingTheme, { id }, { ...changes, updatedAt: new Date() });
  }

  async isUsed(manager: EntityManager, themeId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>('SELECT 1 FROM coding_answer_themes WHERE theme_id = $1 LIMIT 1', [
      themeId,
    ]);
    return rows.length > 0;
  }

  /** Deletes an unused theme; its sub-themes move up to its parent. */
  async deleteTheme(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE coding_themes SET parent_id = (SELECT parent_id FROM coding_themes WHERE id = $1), updated_at = now()
        WHERE parent_id = $1`,
      [id],
    );
    await manager.delete(CodingTheme, { id });
  }

  /** Ancestors of a theme, nearest first (a guard against cycles stops at 1,000). */
  async ancestors(manager: EntityManager, id: string): Promise<string[]> {
    const rows = await manager.query<Array<{ id: string }>>(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM coding_themes WHERE id = $1
         UNION ALL
         SELECT t.id, t.parent_id, up.depth + 1 FROM coding_themes t JOIN up ON t.id = up.parent_id WHERE up.depth < 1000)
       SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [id],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Moves every coding of `fromId` to `intoId` and retires `fromId`. A coding that had both keeps
   * one (still a suggestion only if both were). Children of the merged theme move under the target
   * (the target first takes the merged theme's place when it was one of its descendants, so no cycle
   * forms), and themes merged earlier into it now point at the target. Returns the codings moved.
   */
  async mergeTheme(
    manager: EntityManager,
    from: CodingTheme,
    into: CodingTheme,
    intoIsDescendant: boolean,
  ): Promise<number> {
    await manager.query(
      `INSERT INTO coding_answer_themes (coding_id, theme_id, suggested)
       SELECT coding_id, $2, suggested FROM coding_answer_themes WHERE theme_id = $1
       ON CONFLICT (coding_id, theme_id) DO UPDATE
         SET suggested = coding_answer_themes.suggested AND excluded.suggested`,
      [from.id, into.id],
    );
    // A DELETE through the driver answers [rows, count]; counting in a SELECT keeps the shape plain.
    const [moved] = await manager.query<Array<{ n: number }>>(
      'WITH taken AS (DELETE FROM coding_answer_themes WHERE theme_id = $1 RETURNING 1) SELECT count(*)::int AS n FROM taken',
      [from.id],
    );
    if (intoIsDescendant) {
      await manager.query('UPDATE coding_themes SET parent_id = $2, updated_at = now() WHERE id = $1', [
        into.id,
        from.parentId,
      ]);
    }
    await manager.query(
      'UPDATE coding_themes SET parent_id = $2, updated_at = now() WHERE parent_id = $1 AND id <> $2',
      [from.id, into.id],
    );
    await manager.query('UPDATE coding_themes SET merged_into_id = $2 WHERE merged_into_id = $1', [from.id, into.id]);
    await manager.query(
      'UPDATE coding_themes SET merged_into_id = $2, parent_id = NULL, updated_at = now() WHERE id = $1',
      [from.id, into.id],
    );
    return moved?.n ?? 0;
  }

  /** One coder's codings of a question's answers in a campaign, by response. */
  async codings(campaignId: string, question: string, coderId: string): Promise<Map<string, StoredCoding>> {
    const rows = await this.dataSource.query<
      Array<{ response_id: string; coded_at: Date; theme_ids: string[] | null; suggested_ids: string[] | null }>
    >(
      `SELECT c.response_id, c.coded_at,
              array_agg(a.theme_id ORDER BY t.position, t.id) FILTER (WHERE a.theme_id IS NOT NULL) AS theme_ids,
              array_agg(a.theme_id ORDER BY t.position, t.id) FILTER (WHERE a.suggested) AS suggested_ids
         FROM coding_answer_codings c
         LEFT JOIN coding_answer_themes a ON a.coding_id = c.id
         LEFT JOIN coding_themes t ON t.id = a.theme_id
        WHERE c.campaign_id = $1 AND c.question = $2 AND c.coder_id = $3
        GROUP BY c.id`,
      [campaignId, question, coderId],
    );
    return new Map(
      rows.map((row) => [
        row.response_id,
        {
          responseId: row.response_id,
          themeIds: row.theme_ids ?? [],
          suggestedThemeIds: row.suggested_ids ?? [],
          codedAt: row.coded_at,
        },
      ]),
    );
  }

  /** Replaces a coder's themes for one answer; every theme is then confirmed, none suggested. */
  async saveCoding(
    manager: EntityManager,
    key: CodingKey,
    responseId: string,
    themeIds: readonly string[],
  ): Promise<StoredCoding> {
    const [coding] = await manager.query<Array<{ id: string; coded_at: Date }>>(
      `INSERT INTO coding_answer_codings (campaign_id, response_id, question, coder_id, coder_name, coded_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (response_id, question, coder_id)
         DO UPDATE SET coded_at = now(), coder_name = excluded.coder_name
       RETURNING id, coded_at`,
      [key.campaignId, responseId, key.question, key.coderId, key.coderName],
    );
    if (coding === undefined) throw new Error('The coding upsert returned no row');
    await manager.query('DELETE FROM coding_answer_themes WHERE coding_id = $1', [coding.id]);
    if (themeIds.length > 0) {
      await manager.query(
        `INSERT INTO coding_answer_themes (coding_id, theme_id, suggested)
         SELECT $1, theme_id, false FROM unnest($2::uuid[]) AS theme_id`,
        [coding.id, [...themeIds]],
      );
    }
    return { responseId, themeIds: [...themeIds], suggestedThemeIds: [], codedAt: coding.coded_at };
  }

  /** Removes a coder's coding of one answer; false when there was none. */
  async clearCoding(manager: EntityManager, key: Omit<CodingKey, 'coderName'>, responseId: string): Promise<boolean> {
    const [deleted] = await manager.query<Array<{ n: number }>>(
      `WITH taken AS (
         DELETE FROM coding_answer_codings WHERE response_id = $1 AND question = $2 AND coder_id = $3 AND campaign_id = $4
         RETURNING 1)
       SELECT count(*)::int AS n FROM taken`,
      [responseId, key.question, key.coderId, key.campaignId],
    );
    return (deleted?.n ?? 0) > 0;
  }

  /**
   * Adds a theme, as a suggestion awaiting review, to a coder's codings of the given answers
   * (creating the codings that do not exist). Returns the answers that gained the theme.
   */
  async addSuggestedTheme(
    manager: EntityManager,
    key: CodingKey,
    responseIds: readonly string[],
    themeId: string,
  ): Promise<number> {
    await manager.query(
      `INSERT INTO coding_answer_codings (campaign_id, response_id, question, coder_id, coder_name)
       SELECT $1, response_id, $3, $4, $5 FROM unnest($2::uuid[]) AS response_id
       ON CONFLICT (response_id, question, coder_id) DO NOTHING`,
      [key.campaignId, [...responseIds], key.question, key.coderId, key.coderName],
    );
    const [added] = await manager.query<Array<{ n: number }>>(
      `WITH added AS (
         INSERT INTO coding_answer_themes (coding_id, theme_id, suggested)
         SELECT c.id, $5, true FROM coding_answer_codings c
          WHERE c.response_id = ANY($1::uuid[]) AND c.question = $2 AND c.coder_id = $3 AND c.campaign_id = $4
         ON CONFLICT (coding_id, theme_id) DO NOTHING
         RETURNING 1)
       SELECT count(*)::int AS n FROM added`,
      [[...responseIds], key.question, key.coderId, key.campaignId, themeId],
    );
    return added?.n ?? 0;
  }

  /** Everyone who coded answers of the question, with how many, by name. */
  async coders(campaignId: string, question: string): Promise<Array<{ id: string; name: string; coded: number }>> {
    return this.dataSource.query(
      `SELECT c.coder_id AS id, (array_agg(c.coder_name ORDER BY c.coded_at DESC))[1] AS name, count(*)::int AS coded
         FROM coding_answer_codings c
        WHERE c.campaign_id = $1 AND c.question = $2
        GROUP BY c.coder_id ORDER BY name, c.coder_id`,
      [campaignId, question],
    );
  }

  /** Answers coded per question by one coder. */
  async codedCounts(campaignId: string, coderId: string): Promise<Map<string, number>> {
    const rows = await this.dataSource.query<Array<{ question: string; n: number }>>(
      `SELECT question, count(*)::int AS n FROM coding_answer_codings
        WHERE campaign_id = $1 AND coder_id = $2 GROUP BY question`,
      [campaignId, coderId],
    );
    return new Map(rows.map((row) => [row.question, row.n]));
  }

  /**
   * The reviewed codings of some questions' answers in a batch of responses, for export columns:
   * the same rule as `reviewedCodings`, read with the caller's reader (the export's snapshot).
   */
  async reviewedCodingsOf(
    read: EntityManager['query'],
    campaignId: string,
    questions: readonly string[],
    responseIds: readonly string[],
    policy: CoderPolicy,
  ): Promise<Array<{ responseId: string; question: string; themeId: string | null }>> {
    if (questions.length === 0 || responseIds.length === 0) return [];
    const params: unknown[] = [campaignId, [...questions], [...responseIds]];
    let coder = '';
    if (policy.kind === 'coder') {
      params.push(policy.coderId);
      coder = 'AND c.coder_id = $4';
    }
    return read(
      `SELECT DISTINCT c.response_id AS "responseId", c.question, a.theme_id AS "themeId"
         FROM coding_answer_codings c LEFT JOIN coding_answer_themes a ON a.coding_id = c.id
        WHERE c.campaign_id = $1 AND c.question = ANY($2::text[]) AND c.response_id = ANY($3::uuid[]) ${coder}
          AND NOT EXISTS (SELECT 1 FROM coding_answer_themes s WHERE s.coding_id = c.id AND s.suggested)`,
      params,
    );
  }

  /**
   * The reviewed codings of a question under a coder policy, for theme tallies: one row per
   * (response, theme), and a row with no theme for an answer coded "no theme applies". A coding
   * that still holds a suggestion nobody confirmed is not reviewed and is left out.
   */
  async reviewedCodings(
    campaignId: string,
    question: string,
    policy: CoderPolicy,
  ): Promise<Array<{ responseId: string; themeId: string | null }>> {
    const params: unknown[] = [campaignId, question];
    let coder = '';
    if (policy.kind === 'coder') {
      params.push(policy.coderId);
      coder = 'AND c.coder_id = $3';
    }
    return this.dataSource.query(
      `SELECT DISTINCT c.response_id AS "responseId", a.theme_id AS "themeId"
         FROM coding_answer_codings c LEFT JOIN coding_answer_themes a ON a.coding_id = c.id
        WHERE c.campaign_id = $1 AND c.question = $2 ${coder}
          AND NOT EXISTS (SELECT 1 FROM coding_answer_themes s WHERE s.coding_id = c.id AND s.suggested)
        ORDER BY 1, 2`,
      params,
    );
  }
}
