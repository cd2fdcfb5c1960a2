// Ingestion: completed responses per second over HTTP at 32 connections (autocannon), each request
// on its own personal link, with p50/p99 latency, beside a bare Node http server that reads the
// same body and answers 201, measured in the same run with the same load generator. After the
// load stops it measures how long the tally queue (analysis_pending_changes) takes to drain.
//   BENCH_LINKS=12000  personal links made (each completes once; the warm-up uses a tenth)
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import { VALID_ANSWERS } from '../support/campaign-fixtures';
import { reportBench } from './bench-report';
import { benchCampaign } from './concord-fixture';
import {
  CONNECTIONS,
  describeStatuses,
  postgresCpuMicros,
  processCpuMicros,
  runLoad,
  startBareServer,
} from './http-load';

const LINKS = Number(process.env.BENCH_LINKS ?? 12_000);
const DRAIN_TIMEOUT_MS = 120_000;

/** Milliseconds until the tally queue is empty, polling it; null when it did not drain in time. */
async function drainTime(pool: Pool): Promise<{ ms: number | null; backlog: number }> {
  const started = performance.now();
  let backlog = -1;
  for (;;) {
    const rows = await pool.query<{ pending: number }>('SELECT count(*)::int AS pending FROM analysis_pending_changes');
    const pending = rows.rows[0]?.pending ?? 0;
    if (backlog === -1) backlog = pending;
    if (pending === 0) return { ms: performance.now() - started, backlog };
    if (performance.now() - started > DRAIN_TIMEOUT_MS) return { ms: null, backlog };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The postmaster's process id: the parent of this connection's backend (null off Linux). */
async function postmasterOf(pool: Pool): Promise<number | null> {
  const rows = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = rows.rows[0]?.pid;
  if (backend === undefined || processCpuMicros(backend) === null) return null;
  const stat = readFileSync(`/proc/${backend}/stat`, 'utf8');
  const parent = Number(stat.split(') ')[1]?.split(' ')[1]);
  return Number.isInteger(parent) && parent > 1 ? parent : null;
}

async function main(): Promise<void> {
  const fixture = await benchCampaign('ingest-bench', LINKS);
  const bare = await startBareServer();
  const pool = new Pool({ connectionString: fixture.testApp.database.url, max: 1 });
  try {
    const body = JSON.stringify({ data: VALID_ANSWERS });
    const tokens = fixture.tokens;
    let next = 0;
    const completion = () => ({
      method: 'POST' as const,
      path: `/api/respond/${tokens[next++ % tokens.length]}/complete`,
      headers: { 'content-type': 'application/json' },
      body,
    });
    // The bare server gets the same POST; it does not care which link is in the path.
    const barePost = { ...completion(), path: '/api/respond/token/complete' };
    next = 0;
    const warm = Math.floor(tokens.length / 10);
    // Warm-up: JIT, the compiled validator, the connection pools; then the queue starts empty.
    await runLoad({ origin: fixture.server.origin, request: completion, amount: warm });
    await drainTime(pool);
    await runLoad({ origin: bare.origin, request: barePost, amount: 2_000 });

    // autocannon prepares a request per connection ahead of sending it, so leave those links spare.
    const measuredCount = tokens.length - next - 2 * CONNECTIONS;
    const ceiling = await runLoad({
      origin: bare.origin,
      request: barePost,
      amount: measuredCount,
      serverPid: bare.pid,
    });
    const postmasterPid = await postmasterOf(pool);
    const postgresBefore = postmasterPid === null ? null : postgresCpuMicros(postmasterPid);
    const measured = await runLoad({
      origin: fixture.server.origin,
      request: completion,
      amount: measuredCount,
      serverPid: fixture.server.pid,
    });
    const postgresAfter = postmasterPid === null ? null : postgresCpuMicros(postmasterPid);
    const drain = await drainTime(pool);
    const created = measured.statuses['201'] ?? 0;
    const completionsPerSecond = (measured.requestsPerSecond * created) / Math.max(1, measured.total);

    reportBench({
      name: `Response ingestion over HTTP, ${CONNECTIONS} connections, unique personal links`,
      figures: [
        {
          label: 'completed responses per second',
          value: completionsPerSecond,
          unit: 'responses/s',
          baseline: { label: 'bare Node http server reading the same POST', value: ceiling.requestsPerSecond },
          target: { op: '>=', value: 2000 },
        },
        {
          label: 'p50 latency',
          value: measured.p50,
          unit: 'ms',
          baseline: { label: 'bare server p50', value: Math.max(ceiling.p50, 0.5) },
        },
        {
          label: 'p99 latency',
          value: measured.p99,
          unit: 'ms',
          baseline: { label: 'bare server p99', value: Math.max(ceiling.p99, 0.5) },
          target: { op: '<=', value: 50 },
        },
        ...(measured.serverCpuMicros !== null && ceiling.serverCpuMicros !== null
          ? [
              {
                label: 'server CPU per completion (PostgreSQL not included)',
                value: measured.serverCpuMicros,
                unit: 'µs',
                baseline: { label: 'bare server', value: ceiling.serverCpuMicros },
              },
            ]
          : []),
        ...(postgresBefore !== null && postgresAfter !== null && measured.total > 0
          ? [
              {
                label: 'PostgreSQL CPU per completion (all its processes, the tally fold included)',
                value: (postgresAfter - postgresBefore) / measured.total,
                unit: 'µs',
              },
            ]
          : []),
        {
          label: 'tally queue drained after the load stopped',
          value: (drain.ms ?? DRAIN_TIMEOUT_MS) / 1000,
          unit: 's',
          target: { op: '<=', value: 5 },
        },
      ],
      notes: [
        `${measured.total} completions measured after ${warm} warm-up ones: ${describeStatuses(measured)}`,
        `tally backlog when the load stopped: ${drain.backlog} queued changes${drain.ms === null ? '; NOT drained within the timeout' : ''}`,
        'each completion: strict validation against the survey version of the link resolved last, then one prepared statement that finds the link by its token hash, checks it and stores the answers; its triggers queue the tally change and write the audit event',
        'the built server runs in its own process and logs each request at info; the load generator, the bare server and PostgreSQL (embedded) share the same cores',
      ],
    });
  } finally {
    await pool.end();
    await bare.stop();
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
