import {
  answersFor,
  FULL,
  prepareCampaign,
  type PreparedCampaign,
  type RemoteSession,
  signInAt,
  sql,
} from '../support/fault-fixtures';
import { call, forEachConcurrently, type HttpOutcome, statusCounts } from '../support/http-load';
import { type ServerProcess, spawnServer } from '../support/server-processes';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const COMPLETIONS = FULL ? 2_000 : 300;
const CONCURRENCY = 32;

interface Receipt {
  responseId: string;
  receipt: string;
}

describe(`kill -9 of the server during ${COMPLETIONS} completions, then a restart on the same database`, () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;
  let admin: RemoteSession;
  let campaign: PreparedCampaign;

  const complete = (origin: string, index: number): Promise<HttpOutcome> =>
    call(`${origin}/api/respond/${campaign.tokens[index]}/complete`, {
      json: { data: answersFor(index) },
      headers: { 'idempotency-key': `kill-test-${index}` },
    });

  beforeAll(async () => {
    database = await createTestDatabase();
    server = await spawnServer({ databaseUrl: database.url });
    admin = await signInAt(server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    campaign = await prepareCampaign(admin, 'kill-restart', COMPLETIONS);
  });

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('stores every acknowledged completion exactly once, and every retry with the same key gets its 201', async () => {
    const running = server as ServerProcess;
    const { origin, port } = running;
    const first: HttpOutcome[] = new Array<HttpOutcome>(COMPLETIONS);
    const killAfter = Math.floor(COMPLETIONS / 3);
    let acknowledged = 0;
    let kill: Promise<void> | undefined;
    await forEachConcurrently(
      Array.from({ length: COMPLETIONS }, (_unused, index) => index),
      CONCURRENCY,
      async (index) => {
        const outcome = await complete(origin, index);
        first[index] = outcome;
        if (outcome.status === 201 && ++acknowledged >= killAfter) kill ??= running.killHard();
      },
    );
    await kill;
    expect(running.alive()).toBe(false);

    // Before the kill: 201s; from it on: no answer at all. Nothing else (no 5xx, no 409).
    const counts = statusCounts(first);
    const answered = first.filter((outcome) => outcome.status === 201);
    const unanswered = first.filter((outcome) => outcome.status === 0);
    expect(answered.length + unanswered.length).toBe(COMPLETIONS);
    expect(answered.length).toBeGreaterThanOrEqual(killAfter);
    // The kill must have hit requests in flight, not only the ones that came after it.
    expect(unanswered.length).toBeGreaterThan(0);

    // Exactly once: each acknowledged receipt is one complete row of this campaign.
    const seen = answered.map((outcome) => (outcome.body as Receipt).receipt);
    expect(new Set(seen).size).toBe(seen.length);
    const storedBeforeRestart = await sql<{ receipt: string; id: string }>(
      database.url,
      `SELECT receipt, id FROM responses WHERE campaign_id = $1 AND status = 'complete'`,
      [campaign.campaignId],
    );
    const storedReceipts = new Map(storedBeforeRestart.map((row) => [row.receipt, row.id]));
    for (const outcome of answered) {
      expect(storedReceipts.get((outcome.body as Receipt).receipt)).toBe((outcome.body as Receipt).responseId);
    }
    // Some in-flight requests may have committed without their answer reaching the client.
    expect(storedBeforeRestart.length).toBeGreaterThanOrEqual(answered.length);
    expect(storedBeforeRestart.length).toBeLessThanOrEqual(COMPLETIONS);

    server = await spawnServer({ databaseUrl: database.url, port });
    const restarted = server;
    const retries: HttpOutcome[] = new Array<HttpOutcome>(COMPLETIONS);
    await forEachConcurrently(
      Array.from({ length: COMPLETIONS }, (_unused, index) => index),
      CONCURRENCY,
      async (index) => {
        retries[index] = await complete(restarted.origin, index);
      },
    );
    expect(statusCounts(retries)).toEqual({ '201': COMPLETIONS });
    first.forEach((outcome, index) => {
      // An acknowledged completion is replayed with the very same receipt.
      if (outcome.status === 201) expect(retries[index].body).toEqual(outcome.body);
    });

    const stored = await sql<{ receipt: string; id: string; invitation_id: string }>(
      database.url,
      `SELECT receipt, id, invitation_id FROM responses WHERE campaign_id = $1`,
      [campaign.campaignId],
    );
    expect(stored.length).toBe(COMPLETIONS);
    expect(new Set(stored.map((row) => row.invitation_id)).size).toBe(COMPLETIONS);
    const byReceipt = new Map(stored.map((row) => [row.receipt, row.id]));
    for (const retry of retries)
      expect(byReceipt.get((retry.body as Receipt).receipt)).toBe((retry.body as Receipt).responseId);
    // Rows committed before the kill whose answer was lost were replayed, not stored again.
    for (const row of storedBeforeRestart) expect(byReceipt.get(row.receipt)).toBe(row.id);

    // One audit event per completion, and the chain is whole after the hard kill.
    const [events] = await sql<{ count: string }>(
      database.url,
      `SELECT count(*) FROM audit_events WHERE action = 'response.completed' AND subject = $1`,
      [`campaign:${campaign.campaignId}`],
    );
    expect(Number(events.count)).toBe(COMPLETIONS);
    const restartedAdmin = await signInAt(restarted.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const verify = await restartedAdmin.get('/api/audit/verify');
    expect(verify.status).toBe(200);
    expect(verify.body).toEqual({ ok: true, events: expect.any(Number) });
    expect(counts['201']).toBe(answered.length);
    process.stdout.write(
      `kill -9 after ${answered.length} acknowledged: ${unanswered.length} without an answer, ` +
        `${storedBeforeRestart.length - answered.length} of those committed before the kill and replayed after the restart\n`,
    );
  });
});
