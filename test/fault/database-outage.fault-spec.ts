import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDatabase } from '../../server/src/database/embedded-postgres';
import { type ClusterProcess, startClusterProcess } from '../support/cluster-process';
import { answersFor, FULL, prepareCampaign, type PreparedCampaign, signInAt, sql } from '../support/fault-fixtures';
import { call, forEachConcurrently, type HttpOutcome, sleep, statusCounts } from '../support/http-load';
import { type ServerProcess, spawnServer } from '../support/server-processes';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const COMPLETIONS = FULL ? 2_000 : 300;
const CONCURRENCY = 32;
const OUTAGE_MS = FULL ? 10_000 : 5_000;
const RECOVERY_LIMIT_MS = 5_000;

interface Receipt {
  responseId: string;
  receipt: string;
}

interface LogLine {
  level?: number;
  context?: string;
  req?: { id?: unknown };
}

/** The server's JSON log lines (other output, and a line cut by the kept window, are skipped). */
function logLines(output: string): LogLine[] {
  return output.split('\n').flatMap((text) => {
    try {
      return [JSON.parse(text) as LogLine];
    } catch {
      return [];
    }
  });
}

interface TimedOutcome extends HttpOutcome {
  at: number;
}

// This file runs its own embedded cluster in a child process, because it stops and starts it.
describe(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s during ${COMPLETIONS} completions`, () => {
  let baseDir: string;
  let cluster: ClusterProcess;
  let databaseUrl: string;
  let server: ServerProcess;
  let campaign: PreparedCampaign;

  beforeAll(async () => {
    baseDir = mkdtempSync(join(tmpdir(), 'concord-outage-test-'));
    chmodSync(baseDir, 0o755);
    cluster = await startClusterProcess(baseDir);
    await ensureDatabase(cluster.adminUrl, 'concord_outage_test');
    databaseUrl = cluster.urlFor('concord_outage_test');
    server = await spawnServer({ databaseUrl });
    const admin = await signInAt(server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    campaign = await prepareCampaign(admin, 'outage', COMPLETIONS);
  });

  afterAll(async () => {
    await server?.stop();
    await cluster?.exit();
    if (baseDir !== undefined) rmSync(baseDir, { recursive: true, force: true });
  });

  it('answers 503 (never 500, never silence) while it is down, serves again within 5 s, and loses nothing acknowledged', async () => {
    const outcomes: TimedOutcome[] = [];
    const unavailableRequestIds = new Set<string>();
    const receipts = new Map<number, Receipt>();
    let acknowledged = 0;
    const stopAfter = Math.floor(COMPLETIONS / 4);
    let outageStarted = false;

    // Each respondent retries with the same Idempotency-Key until acknowledged, as the client does.
    // Starts are spread over about twice the outage, so the load runs before, during and after it.
    const startedAt = Date.now();
    const spacingMs = (OUTAGE_MS * 2 + 2_000) / COMPLETIONS;
    const respondent = async (index: number): Promise<void> => {
      await sleep(startedAt + index * spacingMs - Date.now());
      for (let attempt = 0; attempt < 400; attempt++) {
        const requestId = `outage-${index}-${attempt}`;
        const outcome = await call(`${server.origin}/api/respond/${campaign.tokens[index]}/complete`, {
          json: { data: answersFor(index) },
          headers: { 'idempotency-key': `outage-${index}`, 'x-request-id': requestId },
        });
        outcomes.push({ ...outcome, at: Date.now() });
        if (outcome.status === 503) unavailableRequestIds.add(requestId);
        if (outcome.status === 201) {
          receipts.set(index, outcome.body as Receipt);
          acknowledged++;
          return;
        }
        if (outcome.status !== 503) return;
        await sleep(100 + Math.random() * 100);
      }
    };

    const health: TimedOutcome[] = [];
    const outage = async (): Promise<{ downAt: number; upAt: number; healthyAt: number }> => {
      while (acknowledged < stopAfter) await sleep(5);
      outageStarted = true;
      await cluster.stop();
      const downAt = Date.now();
      while (Date.now() - downAt < OUTAGE_MS) {
        health.push({ ...(await call(`${server.origin}/api/health`)), at: Date.now() });
        await sleep(250);
      }
      await cluster.start();
      const upAt = Date.now();
      let healthyAt = Number.POSITIVE_INFINITY;
      while (Date.now() - upAt < 30_000) {
        const probe = await call(`${server.origin}/api/health`);
        if (probe.status === 200) {
          healthyAt = Date.now();
          break;
        }
        await sleep(50);
      }
      return { downAt, upAt, healthyAt };
    };

    const [, times] = await Promise.all([
      forEachConcurrently(
        Array.from({ length: COMPLETIONS }, (_unused, index) => index),
        CONCURRENCY,
        respondent,
      ),
      outage(),
    ]);

    expect(outageStarted).toBe(true);
    expect(server.alive()).toBe(true);
    // Only 201 and 503 were ever answered, and every request got an answer.
    expect(Object.keys(statusCounts(outcomes)).sort()).toEqual(['201', '503']);
    for (const outcome of outcomes.filter((item) => item.status === 503)) {
      expect(outcome.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'db_unavailable',
        message: expect.any(String),
      });
    }
    const duringOutage = outcomes.filter((item) => item.at > times.downAt + 500 && item.at < times.upAt);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.every((item) => item.status === 503)).toBe(true);
    expect(health.length).toBeGreaterThan(0);
    for (const probe of health) expect([probe.status, (probe.body as { db: string }).db]).toEqual([503, 'down']);
    // Each 503 is logged as an error that names its request (the log keeps its latest lines).
    const errorLines = logLines(server.output()).filter((line) => line.context === 'ApiExceptionFilter');
    expect(errorLines.length).toBeGreaterThan(0);
    for (const line of errorLines) {
      expect(line.level).toBe(50);
      expect(unavailableRequestIds.has(String(line.req?.id))).toBe(true);
    }

    // Back within 5 s of the database's return: health and the first acknowledged completion.
    expect(times.healthyAt - times.upAt).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);
    const firstAfter = outcomes.find((item) => item.at >= times.upAt && item.status === 201);
    expect(firstAfter).toBeDefined();
    expect((firstAfter as TimedOutcome).at - times.upAt).toBeLessThanOrEqual(RECOVERY_LIMIT_MS);

    // Nothing acknowledged is lost, nothing is stored twice.
    expect(receipts.size).toBe(COMPLETIONS);
    const stored = await sql<{ receipt: string; id: string }>(
      databaseUrl,
      `SELECT receipt, id FROM responses WHERE campaign_id = $1 AND status = 'complete'`,
      [campaign.campaignId],
    );
    expect(stored.length).toBe(COMPLETIONS);
    const byReceipt = new Map(stored.map((row) => [row.receipt, row.id]));
    for (const receipt of receipts.values()) expect(byReceipt.get(receipt.receipt)).toBe(receipt.responseId);
    const counts = statusCounts(outcomes);
    process.stdout.write(
      `database outage of ${OUTAGE_MS} ms: ${JSON.stringify(counts)}; healthy ${times.healthyAt - times.upAt} ms ` +
        `and first 201 ${(firstAfter as TimedOutcome).at - times.upAt} ms after the database returned\n`,
    );
  });
});
