/**
 * Tally and export benchmark: seeds 100,000 then 1,000,000 synthetic complete responses of the
 * seeded charter-review questionnaire into a throw-away embedded PostgreSQL, then prints the fold's
 * throughput (the queue of those completions into the rollup, with the background fold paused so it
 * is timed alone, after a warm-up fold of another campaign) beside one pass that parses the same
 * queue as jsonb and opens it with jsonb_each, the full
 * tally time (every question, grouped by network), a hand-written GROUP BY of one question on the
 * same data as a baseline, a tally with an answer filter (the scan path), and the 1,000,000-row XLSX
 * export's time and peak memory.
 * Figures only: nothing here asserts a time.
 *
 * The filtered tally (an answer filter and a date range) is served by the in-memory tally engine:
 * its first read (a scan while the engine loads in the background, for campaigns over 20,000
 * responses), the time until the engine is in memory and warm reads are printed apart, beside the
 * SQL scan it replaced (at sizes up to BENCH_TALLY_SCAN_MAX, default 100000, as it takes minutes
 * beyond). Then 100,000 more completions are queued while the fold is held back, and reads are
 * timed with that backlog.
 *
 * While iterating: BENCH_TALLY_SIZES=100000 seeds only that many responses (comma-separated, default
 * 100000,1000000), and BENCH_TALLY_PARTS=tally or =export runs only that part (default both).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AnalysisFactsService } from '../../server/src/analysis/analysis-facts.service';
import { ExportService } from '../../server/src/analysis/export.service';
import { FOLD_LOCK } from '../../server/src/analysis/pending-change-records';
import { buildQuestionPlan, type TallyQuestion } from '../../server/src/analysis/question-plan';
import { parseTallyQuery } from '../../server/src/analysis/tally-query';
import { TallyService } from '../../server/src/analysis/tally.service';
import { TallyEngineService } from '../../server/src/analysis/tally-engine.service';
import type { Actor } from '../../server/src/common/actor';
import { signInAt } from '../support/fault-fixtures';
import { spawnServer } from '../support/server-processes';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { withBenchApp } from './bench-app';
import { type BenchFigure, reportBench } from './bench-report';

const SIZES = (process.env.BENCH_TALLY_SIZES ?? '100000,1000000').split(',').map(Number);
const PARTS = new Set((process.env.BENCH_TALLY_PARTS ?? 'tally,export').split(','));
const SCAN_MAX = Number(process.env.BENCH_TALLY_SCAN_MAX ?? 100_000);
const QUEUED = 100_000;
/** Completions folded before anything is timed, to warm the fold's code. */
const WARM_UP = 5_000;

function median(values: number[]): { median: number; min: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
}

/** A process's resident memory now and at its peak (VmRSS, VmHWM), in MB. */
function residentMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/**
 * The built server in a process of its own on the bench database: a staff session asks for the
 * full tallies from the rollup (as the in-process runs above), then for the filtered tally until
 * the engine answers it; its resident memory is read at rest, at its peak after the rollup
 * tallies, once the engine is in memory, and at its peak.
 */
async function engineInServerProcess(
  databaseUrl: string,
  campaignId: string,
  filter: Record<string, string>,
): Promise<{
  rssMb: number;
  rollupPeakMb: number;
  settledMb: number;
  peakMb: number;
  loadedMs: number;
  reads: number;
}> {
  const server = await spawnServer({ databaseUrl, readyTimeoutMs: 120_000 });
  try {
    const admin = await signInAt(server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const rest = residentMb(server.pid);
    for (const query of [...Array<string>(5).fill('groupBy=network'), 'groupBy=country&weighting=regional']) {
      const response = await admin.get(`/api/campaigns/${campaignId}/tallies?${query}`);
      if (response.status !== 200 || (response.body as { source: string }).source !== 'rollup') {
        throw new Error(`Rollup tally read failed: ${response.status} ${response.text.slice(0, 200)}`);
      }
    }
    const rollupPeakMb = residentMb(server.pid).peak;
    const started = performance.now();
    const query = new URLSearchParams(filter).toString();
    for (let reads = 1; ; reads++) {
      const response = await admin.get(`/api/campaigns/${campaignId}/tallies?${query}`);
      if (response.status !== 200) throw new Error(`Tally read failed: ${response.status} ${response.text}`);
      if ((response.body as { source: string }).source === 'engine') {
        const loadedMs = performance.now() - started;
        const memory = residentMb(server.pid);
        return { rssMb: rest.now, rollupPeakMb, settledMb: memory.now, peakMb: memory.peak, loadedMs, reads };
      }
      if (performance.now() - started > 600_000) throw new Error('The engine did not load within 10 minutes');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await server.stop();
  }
}

function sizeLabel(size: number): string {
  return size >= 1_000_000 ? `${size / 1_000_000}M` : `${size / 1_000}k`;
}

const ACTOR: Actor = {
  id: '00000000-0000-0000-0000-000000000001',
  email: 'bench@example.org',
  name: 'Bench',
  role: 'admin',
};

/** Peak resident memory while `work` runs, sampled every 20 ms. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = process.hrtime.bigint();
  try {
    const result = await work();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/**
 * CPU time (ms) used so far by the embedded PostgreSQL: the postmaster, its live processes, and the
 * backends that have exited (counted in the postmaster's children's time). Linux only; null elsewhere.
 */
function clusterCpuMs(clusterDir: string): number | null {
  try {
    const master = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0] ?? '';
    let ticks = 0;
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (pid !== master && fields[1] !== master) continue;
      // utime, stime, cutime, cstime (fields 14-17 of stat)
      ticks += [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** CPU time of this process (the server) and of PostgreSQL while `work` runs. */
async function cpuOf<T>(
  clusterDir: string,
  work: () => Promise<T>,
): Promise<{ result: T; nodeMs: number; pgMs: number | null }> {
  const pgBefore = clusterCpuMs(clusterDir);
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  const pgAfter = clusterCpuMs(clusterDir);
  return {
    result,
    nodeMs: (used.user + used.system) / 1000,
    pgMs: pgBefore === null || pgAfter === null ? null : pgAfter - pgBefore,
  };
}

function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function pick(values: readonly string[]): string {
  return `(ARRAY[${values.map(sqlText).join(',')}])[1 + floor(random() * ${values.length} + 0 * i)::int]`;
}

/** A SQL expression giving one random answer to a question, for row `i` (correlated so it is drawn per row). */
function answerSql(question: TallyQuestion): string | null {
  const values = question.choices.map((choice) => choice.value);
  const numericValues = values.every((value) => /^-?\d+(\.\d+)?$/.test(value));
  switch (question.kind) {
    case 'choice':
      if (question.type === 'boolean') return `to_jsonb(random() < 0.6 + 0 * i)`;
      return numericValues ? `to_jsonb(${pick(values)}::numeric)` : `to_jsonb(${pick(values)})`;
    case 'numeric':
      return values.length > 0 ? `to_jsonb(${pick(values)}::numeric)` : `to_jsonb(floor(random() * 30 + 0 * i)::int)`;
    case 'multi':
      return `(SELECT coalesce(jsonb_agg(c), '[]'::jsonb) FROM unnest(ARRAY[${values.map(sqlText).join(',')}]) c WHERE random() < 0.4 + 0 * i)`;
    case 'ranking':
      return `(SELECT jsonb_agg(c ORDER BY random() + 0 * i) FROM unnest(ARRAY[${values.map(sqlText).join(',')}]) c)`;
    case 'matrix':
      return `jsonb_build_object(${question.rows.map((row) => `${sqlText(row.value)}, ${pick(values)}`).join(', ')})`;
    case 'matrixcells':
      return `jsonb_build_object(${question.rows
        .map(
          (row) =>
            `${sqlText(row.value)}, jsonb_build_object(${question.columns
              .map(
                (column) =>
                  `${sqlText(column.value)}, ${column.kind === 'text' ? `'ok'` : column.kind === 'numeric' ? `to_jsonb(1 + floor(random() * 5 + 0 * i)::int)` : `to_jsonb(${pick(column.choices.map((c) => c.value))})`}`,
              )
              .join(', ')})`,
        )
        .join(', ')})`;
    case 'text':
      return `CASE WHEN random() < 0.2 + 0 * i THEN to_jsonb('Synthetic answer ' || i) END`;
  }
}

async function seed(
  db: DataSource,
  campaignId: string,
  versionId: string,
  questions: TallyQuestion[],
  from: number,
  to: number,
  batch = 50_000,
): Promise<void> {
  const topLevel = questions.filter((question) => question.panel === undefined);
  const pairs = topLevel.flatMap((question) => {
    const expression = answerSql(question);
    return expression === null ? [] : [`${sqlText(question.name)}, ${expression}`];
  });
  // Panels of the seeded questionnaire: up to two topics with a priority.
  const panels = `'rtm_topics', (SELECT coalesce(jsonb_agg(jsonb_build_object('topic', 'Topic ' || k, 'topic_priority', (ARRAY['high','medium','low'])[1 + floor(random() * 3)::int])), '[]'::jsonb) FROM generate_series(1, floor(random() * 3 + 0 * i)::int) k)`;
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
       SELECT gen_random_uuid(), $1, $2, n.ids[1 + (i % array_length(n.ids, 1))],
              'Country ' || (i % 5), (ARRAY['National Focal Point','national team','secretariat','observer'])[1 + (i % 4)],
              (ARRAY['en','fr','ru','ar'])[1 + (i / 7 % 4)],
              jsonb_strip_nulls(jsonb_build_object(${[...pairs, panels].join(', ')})),
              'complete', now() - (i % 30) * interval '1 day'
         FROM generate_series($3::int, $4::int) i, (SELECT array_agg(id ORDER BY code) AS ids FROM networks) n`,
      [campaignId, versionId, start, end],
    );
  }
}

async function main(): Promise<void> {
  await withBenchApp(async (app, cluster) => {
    const db = app.get(DataSource);
    const tallies = app.get(TallyService);
    const facts = app.get(AnalysisFactsService);
    const exports = app.get(ExportService);
    const engines = app.get(TallyEngineService);

    const [version] = await db.query<
      Array<{ id: string; survey_id: string; version: number; definition: Record<string, unknown> }>
    >(
      `SELECT v.id, v.survey_id, v.version, v.definition FROM survey_versions v JOIN surveys s ON s.id = v.survey_id
        WHERE s.slug = 'charter-review' AND v.status = 'published' ORDER BY v.version LIMIT 1`,
    );
    const plan = buildQuestionPlan(version.definition);
    const [campaign] = await db.query<Array<{ id: string }>>(
      `INSERT INTO campaigns (name, survey_id, survey_version_id, version, network_ids)
       SELECT 'Bench', $1, $2, $3, array_agg(id) FROM networks RETURNING id`,
      [version.survey_id, version.id, version.version],
    );
    console.log(
      `charter-review v${version.version}: ${plan.questions.length} questions; cluster on ${cluster.port}; ${process.version}`,
    );

    const figures: BenchFigure[] = [];
    const notes: string[] = [];
    if (PARTS.has('tally')) {
      // A server folds every second, so its fold code is always compiled and warm: warm it here too,
      // on a campaign of its own, so the figures below are not of V8 compiling it (about 0.6 s).
      const [warmUp] = await db.query<Array<{ id: string }>>(
        `INSERT INTO campaigns (name, survey_id, survey_version_id, version, network_ids)
         SELECT 'Bench warm-up', $1, $2, $3, array_agg(id) FROM networks RETURNING id`,
        [version.survey_id, version.id, version.version],
      );
      await facts.pauseBackgroundFolding();
      await seed(db, warmUp.id, version.id, plan.questions, 1, WARM_UP);
      await facts.fold();
    }
    let seeded = 0;
    for (const target of SIZES) {
      if (target <= seeded) continue;
      // The background fold would take part of the queue while seeding: the fold is timed alone.
      await facts.pauseBackgroundFolding();
      const seeding = await measured(() => seed(db, campaign.id, version.id, plan.questions, seeded + 1, target));
      seeded = target;
      if (!PARTS.has('tally')) {
        // The export reads the responses only: the rollup is not needed.
        await db.query('TRUNCATE analysis_pending_changes');
        await db.query('VACUUM ANALYZE responses');
        continue;
      }
      // Baseline for the fold: one pass that opens every queued change's JSON, and nothing more.
      const unpackingCpu = await cpuOf(cluster.clusterDir, () =>
        measured(() =>
          db.query(`SELECT count(*) FROM analysis_pending_changes q CROSS JOIN LATERAL jsonb_each(q.data::jsonb) e`),
        ),
      );
      const unpacking = unpackingCpu.result;
      const [{ queued }] = await db.query<Array<{ queued: number }>>(
        `SELECT count(*)::int AS queued FROM analysis_pending_changes`,
      );
      const foldingCpu = await cpuOf(cluster.clusterDir, () => measured(() => facts.fold()));
      const folding = foldingCpu.result;
      facts.resumeBackgroundFolding();
      const foldRate = (folding.result / folding.ms) * 1000;
      const unpackRate = (queued / unpacking.ms) * 1000;
      const [load1, load5] = loadavg();
      // After a large fold the server vacuums the queue in the background (~10 s at a million);
      // until it has, each read of the tallies scans the queue's deleted rows. Timed reads start after.
      await facts.queueVacuumed();
      await db.query('VACUUM ANALYZE responses');
      await db.query('VACUUM ANALYZE analysis_tally_rollup');
      const [{ cells }] = await db.query<Array<{ cells: number }>>(
        `SELECT count(*)::int AS cells FROM analysis_tally_rollup WHERE campaign_id = $1`,
        [campaign.id],
      );
      console.log(`\n== ${target.toLocaleString('en')} complete responses ==`);
      console.log(`seed (SQL insert, trigger queues each):  ${(seeding.ms / 1000).toFixed(1)} s`);
      console.log(
        `fold into rollup (${folding.result.toLocaleString('en')} changes → ${cells.toLocaleString('en')} rollup rows): ${(folding.ms / 1000).toFixed(1)} s, ${foldRate.toFixed(0)} changes/s; baseline (parsing the queue as jsonb and jsonb_each over it alone): ${unpackRate.toFixed(0)} changes/s; load average ${load1.toFixed(2)} ${load5.toFixed(2)}`,
      );
      figures.push({
        label: `fold throughput, ${sizeLabel(folding.result)} queued changes (load average ${load1.toFixed(1)})`,
        value: foldRate,
        unit: 'changes/s',
        baseline: { label: 'parsing the same queue as jsonb and jsonb_each over it, nothing else', value: unpackRate },
        target: { op: '>=', value: 20_000 },
      });
      if (foldingCpu.pgMs !== null && unpackingCpu.pgMs !== null) {
        const perThousand = ((foldingCpu.nodeMs + foldingCpu.pgMs) / folding.result) * 1000;
        const baselinePerThousand = ((unpackingCpu.nodeMs + unpackingCpu.pgMs) / queued) * 1000;
        console.log(
          `fold CPU: server ${foldingCpu.nodeMs.toFixed(0)} ms + PostgreSQL ${foldingCpu.pgMs.toFixed(0)} ms = ${perThousand.toFixed(1)} ms per 1,000 changes; baseline ${baselinePerThousand.toFixed(1)} ms`,
        );
        figures.push({
          label: `fold CPU (server + PostgreSQL) per 1,000 changes, ${sizeLabel(folding.result)} queued`,
          value: perThousand,
          unit: 'ms',
          baseline: {
            label: 'parsing the same queue as jsonb and jsonb_each over it, nothing else',
            value: baselinePerThousand,
          },
          // 20,000 changes/s on one core's worth of CPU.
          target: { op: '<=', value: 50 },
        });
      }

      await tallies.campaignTallies(ACTOR, campaign.id, { groupBy: 'network' });
      const runs: number[] = [];
      let peak = 0;
      for (let run = 0; run < 5; run++) {
        const timed = await measured(() => tallies.campaignTallies(ACTOR, campaign.id, { groupBy: 'network' }));
        runs.push(timed.ms);
        peak = Math.max(peak, timed.peakMb);
      }
      runs.sort((a, b) => a - b);
      console.log(
        `full tally, all questions, groupBy=network (rollup): median ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}); peak RSS ${peak.toFixed(0)} MB`,
      );
      const weighted = await measured(() =>
        tallies.campaignTallies(ACTOR, campaign.id, { groupBy: 'country', weighting: 'regional' }),
      );
      console.log(`full tally, groupBy=country, weighting=regional (rollup): ${weighted.ms.toFixed(0)} ms`);

      const baseline = await measured(() =>
        db.query(
          `SELECT network_id, data ->> 'nfp_appointment' AS value, count(*) FROM responses
            WHERE campaign_id = $1 AND status = 'complete' GROUP BY 1, 2`,
          [campaign.id],
        ),
      );
      console.log(
        `baseline: one hand-written GROUP BY of one question over the responses: ${baseline.ms.toFixed(0)} ms`,
      );
      const label = sizeLabel(target);
      figures.push({
        label: `full tally (${plan.questions.length} questions, groupBy=network), ${label} responses`,
        value: runs[2],
        unit: 'ms',
        baseline: { label: 'one GROUP BY of one question over responses', value: baseline.ms },
        target: { op: '<=', value: target === 100_000 ? 300 : 2_000 },
      });
      // This process also seeded and folded the responses: the server's own figure is measured
      // below, on the built server in its own process.
      figures.push({
        label: `bench process peak RSS during the full tallies (it also seeded and folded), ${label}`,
        value: peak,
        unit: 'MB',
      });
      notes.push(
        `${label}: folding ${folding.result} queued completions into ${cells} rollup rows took ${(folding.ms / 1000).toFixed(1)} s (${((folding.result / folding.ms) * 1000).toFixed(0)}/s)`,
      );
      // An answer filter and a date range: the engine's path (the rollup has neither).
      const filtered = {
        groupBy: 'network',
        'answer[attended_rtm]': 'true',
        from: new Date(Date.now() - 14 * 86_400_000).toISOString(),
        to: new Date().toISOString(),
      };
      // A large campaign's first filtered read scans while its engine loads in the background.
      const cold = await measured(() => tallies.campaignTallies(ACTOR, campaign.id, filtered));
      const loading = await measured(() => engines.settled(campaign.id));
      const warmRuns: number[] = [];
      for (let run = 0; run < 7; run++)
        warmRuns.push((await measured(() => tallies.campaignTallies(ACTOR, campaign.id, filtered))).ms);
      const warm = median(warmRuns);
      const stats = engines.stats(campaign.id);
      const rss = process.memoryUsage().rss / 1024 / 1024;
      console.log(
        `full tally, answer filter + date range (engine, ${(cold.result.responses ?? 0).toLocaleString('en')} responses, source ${cold.result.source}): first read ${(cold.ms / 1000).toFixed(2)} s, engine in memory ${((cold.ms + loading.ms) / 1000).toFixed(2)} s after it began, peak RSS ${Math.max(cold.peakMb, loading.peakMb).toFixed(0)} MB; warm median ${warm.median.toFixed(0)} ms (min ${warm.min.toFixed(0)}, max ${warm.max.toFixed(0)})`,
      );
      console.log(
        `engine: ${stats?.responses.toLocaleString('en')} responses, ${stats?.facts} facts, ~${((stats?.bytes ?? 0) / 1024 / 1024).toFixed(0)} MB of bitmaps and columns; server RSS now ${rss.toFixed(0)} MB`,
      );
      figures.push({
        label: `full tally, answer filter + date range (engine, warm), ${label} responses`,
        value: warm.median,
        unit: 'ms',
        baseline: { label: 'one GROUP BY of one question over responses', value: baseline.ms },
        target: { op: '<=', value: target === 100_000 ? 300 : 2_000 },
      });
      figures.push({
        label: `first filtered tally (source ${cold.result.source}: the engine loads meanwhile), ${label} responses`,
        value: cold.ms,
        unit: 'ms',
        baseline: { label: 'one GROUP BY of one question over responses', value: baseline.ms },
      });
      // This process also generated and seeded the responses and folded them: its heap says little
      // about a server's. The target is measured on the built server in a process of its own.
      figures.push({
        label: `bench process RSS (it seeded, folded and loaded the engine), ${label}`,
        value: Math.max(rss, cold.peakMb, loading.peakMb),
        unit: 'MB',
      });
      const own = await engineInServerProcess(cluster.urlFor('concord_bench'), campaign.id, filtered);
      console.log(
        `built server in its own process: RSS ${own.rssMb.toFixed(0)} MB at rest before the first read, peak ${own.rollupPeakMb.toFixed(0)} MB after six full tallies from the rollup; engine loaded after ${(own.loadedMs / 1000).toFixed(1)} s (${own.reads} reads), ${own.settledMb.toFixed(0)} MB with the engine loaded, peak ${own.peakMb.toFixed(0)} MB`,
      );
      figures.push({
        label: `server peak RSS during the full tallies from the rollup (built server, own process), ${label}`,
        value: own.rollupPeakMb,
        unit: 'MB',
        baseline: { label: 'the same server at rest before its first read', value: own.rssMb },
        target: { op: '<=', value: 300 },
      });
      figures.push({
        label: `server RSS with the engine loaded (built server, own process), ${label}`,
        value: own.settledMb,
        unit: 'MB',
        baseline: { label: 'the same server at rest before its first read', value: own.rssMb },
        target: { op: '<=', value: 300 },
      });
      figures.push({
        label: `server peak RSS while the engine loads (built server, own process), ${label}`,
        value: own.peakMb,
        unit: 'MB',
        baseline: { label: 'the same server at rest before its first read', value: own.rssMb },
        target: { op: '<=', value: 300 },
      });
      if (target <= SCAN_MAX) {
        const resolved = await tallies.resolve(parseTallyQuery(filtered), [campaign.id], [version.id], campaign.id);
        const scan = await measured(() => tallies.countRows(resolved, true));
        console.log(
          `the same tally by the SQL scan (the reference, as before the engine): ${(scan.ms / 1000).toFixed(2)} s`,
        );
        notes.push(`${label}: the same filtered tally by the SQL scan took ${(scan.ms / 1000).toFixed(2)} s`);
      }

      // 100,000 more completions queued while the fold is held back (another connection holds its lock).
      const holder = db.createQueryRunner();
      await holder.connect();
      try {
        await holder.query('SELECT pg_advisory_lock($1)', [FOLD_LOCK]);
        // Completions arrive in many small transactions, as they do from respondents.
        await seed(db, campaign.id, version.id, plan.questions, seeded + 1, seeded + QUEUED, 2_000);
        seeded += QUEUED;
        const [{ queued }] = await db.query<Array<{ queued: number }>>(
          `SELECT count(*)::int AS queued FROM analysis_pending_changes WHERE campaign_id = $1`,
          [campaign.id],
        );
        const first = await measured(() => tallies.campaignTallies(ACTOR, campaign.id, { groupBy: 'network' }));
        const queuedRuns: number[] = [];
        for (let run = 0; run < 5; run++)
          queuedRuns.push((await measured(() => tallies.campaignTallies(ACTOR, campaign.id, filtered))).ms);
        const unfilteredRuns: number[] = [];
        for (let run = 0; run < 5; run++)
          unfilteredRuns.push(
            (await measured(() => tallies.campaignTallies(ACTOR, campaign.id, { groupBy: 'network' }))).ms,
          );
        const queuedWarm = median([...queuedRuns, ...unfilteredRuns]);
        const resolved = await tallies.resolve(
          parseTallyQuery({ groupBy: 'network' }),
          [campaign.id],
          [version.id],
          campaign.id,
        );
        const rollupWithBacklog = await measured(() => tallies.countRows(resolved, false));
        console.log(
          `with ${queued.toLocaleString('en')} changes queued for the fold: first read ${first.ms.toFixed(0)} ms (source ${first.result.source}, ${(first.result.responses ?? 0).toLocaleString('en')} responses); then reads (filtered and unfiltered) median ${queuedWarm.median.toFixed(0)} ms (max ${queuedWarm.max.toFixed(0)}); the rollup plus the unpacked queue would take ${(rollupWithBacklog.ms / 1000).toFixed(2)} s`,
        );
        figures.push({
          label: `tally read with ${queued.toLocaleString('en')} changes queued (engine), ${label}`,
          value: queuedWarm.median,
          unit: 'ms',
          baseline: { label: 'one GROUP BY of one question over responses', value: baseline.ms },
          target: { op: '<=', value: 300 },
        });
        notes.push(
          `${label}+${QUEUED / 1000}k queued: first read after the queue filled ${first.ms.toFixed(0)} ms; rollup + unpacked queue ${(rollupWithBacklog.ms / 1000).toFixed(2)} s`,
        );
      } finally {
        await holder.query('SELECT pg_advisory_unlock($1)', [FOLD_LOCK]);
        await holder.release();
      }
      await facts.fold();
    }

    if (!PARTS.has('export')) {
      reportBench({ name: 'Tallies and exports', figures, notes });
      return;
    }
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done();
      },
    });
    const xlsx = await measured(() => exports.exportResponses(ACTOR, campaign.id, 'xlsx', {}, sink));
    console.log(
      `\nXLSX export of ${seeded.toLocaleString('en')} responses: ${(xlsx.ms / 1000).toFixed(1)} s, ${(bytes / 1024 / 1024).toFixed(0)} MB written, peak RSS ${xlsx.peakMb.toFixed(0)} MB`,
    );
    figures.push({ label: `XLSX export of ${sizeLabel(seeded)} responses, time`, value: xlsx.ms / 1000, unit: 's' });
    figures.push({
      label: `XLSX export of ${sizeLabel(seeded)} responses, peak RSS`,
      value: xlsx.peakMb,
      unit: 'MB',
      target: { op: '<=', value: 512 },
    });
    reportBench({ name: 'Tallies and exports', figures, notes });
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
