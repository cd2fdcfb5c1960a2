import type { FactSource } from './question-plan';

/**
 * SQL that turns responses into answer facts, one row per counted thing:
 *   measure 'r' — the response itself (question ''),
 *   measure 'a' — the question (or panel, or matrix cell) was answered,
 *   measure 'v' — one answer value (one per option for multiple choice, with its position for rankings,
 *                 one per row for matrices).
 * The same text feeds the rollup (from the queue of completed responses) and the scan fallback (from
 * the responses themselves), so both count exactly alike.
 *
 * Returns CTEs (to follow `WITH`) ending in `facts`. `input` must be a relation with campaign_id, survey_version_id, network_id, country, role, language,
 * data and sign; `planParam` is the placeholder of the plan JSON (planParameter).
 */
export function factCtes(input: string, planParam: string): string {
  return `
  input AS (${input}),
  plan AS (
    SELECT * FROM jsonb_to_recordset(${planParam}::jsonb)
      AS p(version_id uuid, name text, top text, key text, cells text, col text, mode text, nested boolean)
  ),
  -- Each response's JSON is opened once (it is usually TOASTed: every -> on it would decompress it
  -- again); the plan is then hash-joined on the top-level key.
  kv AS MATERIALIZED (
    SELECT i.campaign_id, i.survey_version_id, i.network_id, i.country, i.role, i.language, i.sign, e.key, e.value
      FROM input i CROSS JOIN LATERAL jsonb_each(i.data) AS e(key, value)
  ),
  matched AS (
    SELECT kv.*, p.name, p.mode, p.key AS nested_key, p.cells, p.col
      FROM kv JOIN plan p ON p.version_id = kv.survey_version_id AND p.top = kv.key
  ),
  src AS (
    SELECT m.campaign_id, m.survey_version_id, m.network_id, m.country, m.role, m.language, m.sign,
           m.name, m.mode, '' AS row_key, '' AS col_key, m.value AS v
      FROM matched m WHERE m.nested_key IS NULL AND m.cells IS NULL
    UNION ALL
    SELECT m.campaign_id, m.survey_version_id, m.network_id, m.country, m.role, m.language, m.sign,
           m.name, m.mode, '', '', panel.value -> m.nested_key
      FROM matched m
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.value) = 'array' THEN m.value ELSE '[]'::jsonb END) AS panel(value)
     WHERE m.nested_key IS NOT NULL AND jsonb_typeof(panel.value) = 'object' AND panel.value ? m.nested_key
    UNION ALL
    SELECT m.campaign_id, m.survey_version_id, m.network_id, m.country, m.role, m.language, m.sign,
           m.name, m.mode, r.key, m.col, r.value -> m.col
      FROM matched m
      CROSS JOIN LATERAL jsonb_each(CASE WHEN jsonb_typeof(m.value) = 'object' THEN m.value ELSE '{}'::jsonb END) AS r(key, value)
     WHERE m.cells = 'rows' AND jsonb_typeof(r.value) = 'object' AND r.value ? m.col
    UNION ALL
    SELECT m.campaign_id, m.survey_version_id, m.network_id, m.country, m.role, m.language, m.sign,
           m.name, m.mode, '', m.col, r.value -> m.col
      FROM matched m
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(m.value) = 'array' THEN m.value ELSE '[]'::jsonb END) AS r(value)
     WHERE m.cells = 'array' AND jsonb_typeof(r.value) = 'object' AND r.value ? m.col
  ),
  answered AS MATERIALIZED (
    SELECT * FROM src WHERE v IS NOT NULL AND v NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
  ),
  facts AS (
  SELECT campaign_id, survey_version_id, network_id, country, role, language,
         'r'::text AS measure, ''::text AS question, ''::text AS row_key, ''::text AS col_key, ''::text AS value,
         0 AS rank, sign
    FROM input
  UNION ALL
  SELECT campaign_id, survey_version_id, network_id, country, role, language,
         'a', name, row_key, col_key, '', 0, sign
    FROM answered
  UNION ALL
  -- Values: one branch per JSON shape, filtered before any set-returning call.
  SELECT campaign_id, survey_version_id, network_id, country, role, language,
         'v', name, row_key, col_key, v #>> '{}', 0, sign
    FROM answered
   WHERE mode = 'scalar' AND jsonb_typeof(v) IN ('string', 'number', 'boolean')
  UNION ALL
  SELECT a.campaign_id, a.survey_version_id, a.network_id, a.country, a.role, a.language,
         'v', a.name, a.row_key, a.col_key, e.value, CASE WHEN a.mode = 'rank' THEN e.ord ELSE 0 END, a.sign
    FROM answered a CROSS JOIN LATERAL jsonb_array_elements_text(a.v) WITH ORDINALITY AS e(value, ord)
   WHERE a.mode IN ('array', 'rank', 'scalar') AND jsonb_typeof(a.v) = 'array'
  UNION ALL
  SELECT a.campaign_id, a.survey_version_id, a.network_id, a.country, a.role, a.language,
         'v', a.name, m.key, a.col_key, m.value, 0, a.sign
    FROM answered a CROSS JOIN LATERAL jsonb_each_text(a.v) AS m(key, value)
   WHERE a.mode = 'matrix' AND jsonb_typeof(a.v) = 'object'
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
