// Requests per second of Concord's plain answers, each beside a bare Node http server measured in
// the same run with the same load generator (autocannon, 32 connections): the 401 of a request
// without a session, an authenticated GET /api/auth/me, the respondent's GET /api/respond/:token
// and a hashed static asset of the built client. Beside requests/s (which swing with whatever
// else the machine runs) it reports the server process's CPU time per request.
//   BENCH_ONLY=static  only the cases whose label contains "static"
//   SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"  profile the server
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { httpSignIn } from '../support/http-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { type BenchFigure, reportBench } from './bench-report';
import { benchCampaign } from './concord-fixture';
import {
  CONNECTIONS,
  describeStatuses,
  DURATION_SECONDS,
  type LoadRequest,
  type LoadResult,
  runLoad,
  startBareServer,
} from './http-load';

const ASSETS_DIR = join(__dirname, '..', '..', 'client', 'dist', 'assets');

/** A mid-sized hashed script that the build also stored Brotli-compressed, as browsers fetch it. */
function pickAsset(): string {
  const scripts = readdirSync(ASSETS_DIR)
    .filter((name) => name.endsWith('.js') && readdirSync(ASSETS_DIR).includes(`${name}.br`))
    .map((name) => ({ name, size: statSync(join(ASSETS_DIR, `${name}.br`)).size }))
    .filter((script) => script.size >= 2_000)
    .sort((a, b) => a.size - b.size);
  const picked = scripts[0];
  if (picked === undefined) throw new Error(`No compressed script in ${ASSETS_DIR}: run npm run build first`);
  return picked.name;
}

interface Case {
  label: string;
  request: LoadRequest;
  expected: number;
  target?: number;
}

async function main(): Promise<void> {
  const asset = pickAsset();
  const fixture = await benchCampaign('http-bench', 10);
  const bare = await startBareServer(join(ASSETS_DIR, `${asset}.br`));
  try {
    const origin = fixture.server.origin;
    const session = await httpSignIn(origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const token = fixture.tokens[0];
    if (token === undefined) throw new Error('The campaign has no links');
    const only = process.env.BENCH_ONLY;
    const allCases: Case[] = [
      {
        label: 'GET /api/auth/me without a session (401)',
        request: { path: '/api/auth/me' },
        expected: 401,
        target: 0.25,
      },
      {
        label: 'GET /api/auth/me with a staff session',
        request: { path: '/api/auth/me', headers: { cookie: session.cookies } },
        expected: 200,
      },
      {
        label: 'GET /api/respond/:token (respondent view)',
        request: { path: `/api/respond/${token}` },
        expected: 200,
        target: 0.15,
      },
      {
        label: `GET /assets/${asset} (static, Brotli)`,
        request: { path: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip, deflate, br' } },
        expected: 200,
        target: 0.4,
      },
    ];
    // BENCH_ONLY=<part of a label> runs only the matching cases (to profile one of them).
    const cases = allCases.filter((item) => only === undefined || item.label.includes(only));
    // Warm-up: JIT, connection pools, the compiled questionnaire.
    for (const item of cases) await runLoad({ origin, request: item.request, amount: 2_000 });
    await runLoad({ origin: bare.origin, request: { path: '/' }, amount: 2_000 });

    const figures: BenchFigure[] = [];
    const notes: string[] = [];
    for (const item of cases) {
      // The ceiling right before each case, so both see the machine in the same state.
      const ceiling: LoadResult = await runLoad({
        origin: bare.origin,
        request: { path: item.request.path.startsWith('/assets/') ? '/asset' : '/' },
        serverPid: bare.pid,
      });
      const measured = await runLoad({ origin, request: item.request, serverPid: fixture.server.pid });
      const wrong = measured.total - (measured.statuses[String(item.expected)] ?? 0);
      notes.push(`${item.label}: ${describeStatuses(measured)}${wrong > 0 ? ` — ${wrong} NOT ${item.expected}` : ''}`);
      figures.push({
        label: `${item.label}, requests/s`,
        value: measured.requestsPerSecond,
        unit: 'requests/s',
        baseline: { label: 'bare Node http server', value: ceiling.requestsPerSecond },
        ...(item.target === undefined
          ? {}
          : { target: { op: '>=' as const, value: Math.round(item.target * ceiling.requestsPerSecond) } }),
      });
      figures.push({
        label: `${item.label}, p99 latency`,
        value: measured.p99,
        unit: 'ms',
        baseline: { label: 'bare Node http server p99', value: Math.max(ceiling.p99, 0.5) },
      });
      if (measured.serverCpuMicros !== null && ceiling.serverCpuMicros !== null) {
        figures.push({
          label: `${item.label}, server CPU per request`,
          value: measured.serverCpuMicros,
          unit: 'µs',
          baseline: { label: 'bare Node http server', value: ceiling.serverCpuMicros },
        });
      }
    }
    notes.push(
      `autocannon, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per case; each case right after its own ceiling run`,
      'targets are fractions of the ceiling of the same run: 401 ≥ 25 %, respondent view ≥ 15 %, static ≥ 40 %',
      'the built server logs every request at info (as in production); it, the load generator, the bare server and PostgreSQL share the same cores',
    );
    reportBench({ name: `HTTP requests, ${CONNECTIONS} connections`, figures, notes });
  } finally {
    await bare.stop();
    await fixture.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
