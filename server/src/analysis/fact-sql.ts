import type { FactSource } from './question-plan';

/**
 * SQL that turns responses into answer facts, one row per counted thing:
 *   measure 'r' — the response itself (question ''),
 *   measure 'a' — the question (or panel, or matrix cell) was answered,
 *   measure 'v' — one answer value (one per option for multiple choice, with its position for rankings,
 *                 one per row for matrices).
 * The same text counts the queued changes a read adds to the rollup, the scan (from the responses
 * themselves), verify and rebuild, so they count exactly alike. The fold and the in-memory engine
 * count the same facts in the server (response-facts.ts, fact-numbering.ts); tests hold them equal
 * to this SQL.
 *
 * Every fact but 'r' comes from one top-level answer alone, so facts are additive over answers:
 * identical answers (same key, same value, same dimensions) are counted once with their summed sign
 * before they are unpacked, and so are identical matrix cells and panel entries. Choice answers
 * repeat a great deal, so most of the unpacking then runs over a few thousand distinct answers
 * instead of every response's. Each response's JSON is opened once (jsonb_each), and nothing wide is
 * materialised but the input.
 *
 * Returns CTEs (to follow `WITH`) ending in `facts`. `input` must be a relation with campaign_id,
 * survey_version_id, network_id, country, role, language, data and sign; `planParam` is the
 * placeholder of the plan JSON (planParameter). `facts.sign` is a count: sum it.
 */
export function factCtes(input: string, planParam: string): string {
  return `
  input AS MATERIALIZED (${input}),
  plan AS (
    SELECT * FROM jsonb_to_recordset(${planParam}::jsonb)
      AS p(version_id uuid, name text, top text, key text, cells text, col text, mode text, nested boolean)
  ),
  answers AS (
    SELECT i.campaign_id, i.survey_version_id, i.network_id, i.country, i.role, i.language, e.key, e.value,
           SUM(i.sign) AS sign
      FROM input i CROSS JOIN LATERAL jsonb_each(i.data) AS e(key, value)
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ),
  -- One row per place an answer lives: the top-level value, each panel's nested value, each matrix cell.
  located AS (
    SELECT a.campaign_id, a.survey_version_id, a.network_id, a.country, a.role, a.language, a.sign,
           p.name, p.mode, l.row_key, l.col_key, l.v
      FROM answers a JOIN plan p ON p.version_id = a.survey_version_id AND p.top = a.key
      CROSS JOIN LATERAL (
        SELECT ''::text AS row_key, ''::text AS col_key, a.value AS v WHERE p.key IS NULL AND p.cells IS NULL
        UNION ALL
        SELECT '', '', panel.value -> p.key
          FROM jsonb_array_elements(CASE WHEN p.key IS NOT NULL AND jsonb_typeof(a.value) = 'array' THEN a.value ELSE '[]'::jsonb END) AS panel(value)
         WHERE jsonb_typeof(panel.value) = 'object' AND panel.value ? p.key
        UNION ALL
        SELECT r.key, p.col, r.value -> p.col
          FROM jsonb_each(CASE WHEN p.cells = 'rows' AND jsonb_typeof(a.value) = 'object' THEN a.value ELSE '{}'::jsonb END) AS r(key, value)
         WHERE jsonb_typeof(r.value) = 'object' AND r.value ? p.col
        UNION ALL
        SELECT '', p.col, r.value -> p.col
          FROM jsonb_array_elements(CASE WHEN p.cells = 'array' AND jsonb_typeof(a.value) = 'array' THEN a.value ELSE '[]'::jsonb END) AS r(value)
         WHERE jsonb_typeof(r.value) = 'object' AND r.value ? p.col
      ) l
     WHERE l.v IS NOT NULL AND l.v NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
  ),
  answered AS (
    SELECT campaign_id, survey_version_id, network_id, country, role, language, name, mode, row_key, col_key, v,
           SUM(sign) AS sign
      FROM located
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  ),
  facts AS (
    SELECT campaign_id, survey_version_id, network_id, country, role, language,
           'r'::text AS measure, ''::text AS question, ''::text AS row_key, ''::text AS col_key, ''::text AS value,
           0::bigint AS rank, sign
      FROM input
    UNION ALL
    -- Values: one branch per JSON shape; a branch whose shape does not match unpacks an empty value.
    SELECT a.campaign_id, a.survey_version_id, a.network_id, a.country, a.role, a.language,
           f.measure, a.name, f.row_key, a.col_key, f.value, f.rank, a.sign
      FROM answered a CROSS JOIN LATERAL (
        SELECT 'a'::text AS measure, a.row_key AS row_key, ''::text AS value, 0::bigint AS rank
        UNION ALL
        SELECT 'v', a.row_key, a.v #>> '{}', 0
         WHERE a.mode = 'scalar' AND jsonb_typeof(a.v) IN ('string', 'number', 'boolean')
        UNION ALL
        SELECT 'v', a.row_key, e.value, CASE WHEN a.mode = 'rank' THEN e.ord ELSE 0 END
          FROM jsonb_array_elements_text(CASE WHEN a.mode IN ('array', 'rank', 'scalar') AND jsonb_typeof(a.v) = 'array' THEN a.v ELSE '[]'::jsonb END) WITH ORDINALITY AS e(value, ord)
        UNION ALL
        SELECT 'v', m.key, m.value, 0
          FROM jsonb_each_text(CASE WHEN a.mode = 'matrix' AND jsonb_typeof(a.v) = 'object' THEN a.v ELSE '{}'::jsonb END) AS m(key, value)
      ) f
  )`;
}

/** The plans of several versions as the one JSON parameter the SQL expects. */
export function planParameter(plans: ReadonlyArray<{ versionId: string; sources: readonly FactSource[] }>): string {
  return JSON.stringify(
    plans.flatMap(({ versionId, sources }) => sources.map((source) => ({ version_id: versionId, ...source }))),
  );
}

/** Fact columns, in the order the rollup's primary key lists them. */
export const FACT_KEY_COLUMNS =
  'campaign_id, survey_version_id, network_id, country, role, language, measure, question, row_key, col_key, value, rank';
