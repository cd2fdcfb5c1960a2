// Ingestion: completed responses per second over HTTP at 32 concurrent connections, each request
// on its own personal link, with p50/p99 latency; next to a baseline of plain INSERTs of the same
// JSON through pg at the same concurrency, measured in the same run on the same database server.
import { Pool } from 'pg';
import {
  addMembers,
  campaignLinks,
  networksByCode,
  publishSurvey,
  signInAdmin,
  tokenOf,
  VALID_ANSWERS,
} from '../support/campaign-fixtures';
import { createStaff } from '../support/staff-session';
import { type ServerProcess, spawnServer } from '../support/server-processes';
import { createTestApp, testConfig } from '../support/test-app';
import { prepareTestServer, releaseTestServer } from '../support/test-database';
import { reportBench } from './bench-report';

const CONCURRENCY = 32;
const LINKS = Number(process.env.BENCH_LINKS ?? 4000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function runLoop(
  count: number,
  task: (index: number) => Promise<void>,
): Promise<{ seconds: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const index = next++;
        if (index >= count) return;
        const begun = performance.now();
        await task(index);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  return { seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b) };
}

async function main(): Promise<void> {
  const server = await prepareTestServer();
  // Set-up goes through the API of an in-process app; the load then goes to the built server in
  // a process of its own, as in production, so the load generator does not share its event loop.
  const testApp = await createTestApp({ respondRateLimit: 1_000_000_000 });
  let built: ServerProcess | undefined;
  try {
    const admin = await signInAdmin(testApp);
    const secretariat = await createStaff(testApp, admin, 'secretariat');
    const survey = await publishSurvey(secretariat, 'ingest-bench');
    const networks = Object.values(await networksByCode(secretariat));
    const perNetwork = Math.ceil(LINKS / networks.length);
    for (const [index, network] of networks.entries()) {
      const members = Array.from({ length: perNetwork }, (_unused, member) => ({
        name: `Bench member ${index}-${member}`,
        email: `bench-${index}-${member}@example.org`,
        country: network.name,
        role: 'national team',
        language: 'en' as const,
      }));
      await addMembers(secretariat, network.id, members);
    }
    const campaign = await secretariat.post('/api/campaigns').send({
      surveyId: survey.surveyId,
      version: survey.version,
      name: 'Ingest bench',
      networkIds: networks.map((network) => network.id),
    });
    const tokens = (await campaignLinks(secretariat, campaign.body.id as string)).map((link) => tokenOf(link.url));
    const body = JSON.stringify({ data: VALID_ANSWERS });
    // The links were made by the in-process app, so the built server needs its link secret.
    built = await spawnServer({
      databaseUrl: testApp.database.url,
      env: { LINK_SECRET: testConfig().secrets.linkSecret },
    });
    const base = built.origin;

    // Warm-up: compile the validator, fill the connection pools.
    const warm = Math.min(200, Math.floor(tokens.length / 10));
    await runLoop(warm, async (index) => {
      await fetch(`${base}/api/respond/${tokens[index]}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    });
    let failures = 0;
    const http = await runLoop(tokens.length - warm, async (index) => {
      const response = await fetch(`${base}/api/respond/${tokens[warm + index]}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 201) failures++;
    });

    const pool = new Pool({ connectionString: testApp.database.url, max: CONCURRENCY });
    await pool.query(
      'CREATE TABLE bench_plain (id bigserial PRIMARY KEY, network_id uuid, data jsonb, completed_at timestamptz DEFAULT now())',
    );
    const json = JSON.stringify(VALID_ANSWERS);
    const networkId = networks[0].id;
    const plain = await runLoop(tokens.length - warm, async () => {
      await pool.query('INSERT INTO bench_plain (network_id, data) VALUES ($1, $2)', [networkId, json]);
    });
    await pool.end();

    const httpRate = http.latencies.length / http.seconds;
    const plainRate = plain.latencies.length / plain.seconds;
    reportBench({
      name: `Response ingestion over HTTP, ${CONCURRENCY} concurrent connections, unique personal links`,
      figures: [
        {
          label: 'completed responses per second',
          value: httpRate,
          unit: 'responses/s',
          baseline: { label: 'plain pg INSERT of the same JSON', value: plainRate },
          target: { op: '>=', value: 1000 },
        },
        {
          label: 'p50 latency',
          value: percentile(http.latencies, 50),
          unit: 'ms',
          baseline: { label: 'plain INSERT p50', value: percentile(plain.latencies, 50) },
        },
        {
          label: 'p99 latency',
          value: percentile(http.latencies, 99),
          unit: 'ms',
          baseline: { label: 'plain INSERT p99', value: percentile(plain.latencies, 99) },
          target: { op: '<=', value: 100 },
        },
      ],
      notes: [
        `${http.latencies.length} completions measured after ${warm} warm-up ones; ${failures} were not 201`,
        'each completion: link lookup, strict validation, one guarded insert whose triggers queue the tally change and the audit event, commit',
        'the built server runs in its own process; the load generator and PostgreSQL (embedded) share the same 2 cores',
      ],
    });
  } finally {
    await built?.stop();
    await testApp.close();
    await releaseTestServer(server);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
