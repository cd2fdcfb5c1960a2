import { addDraftVersion, campaignLinks, tokenOf } from '../support/campaign-fixtures';
import {
  answersFor,
  FULL,
  prepareCampaign,
  type PreparedCampaign,
  type RemoteSession,
  sessionHeaders,
  signInAt,
  sql,
} from '../support/fault-fixtures';
import { call, forEachConcurrently, type HttpOutcome, sleep, statusCounts } from '../support/http-load';
import { type ServerProcess, spawnServers } from '../support/server-processes';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const COMPLETIONS = FULL ? 2_000 : 300;
const CONCURRENCY = 32;
const CLAUSES = 16;
/** Saves 0..15 edit clause i; saves 16..23 edit clauses 0..7 again, overlapping the first eight. */
const SAVES = CLAUSES + 8;

/**
 * A respondent's request, sent again (same idempotency key) while the loaded machine answers 503
 * because no database connection could be opened in time: what a browser retry does.
 */
async function retrying(send: () => Promise<HttpOutcome>): Promise<HttpOutcome> {
  let outcome = await send();
  for (let attempt = 0; outcome.status === 503 && attempt < 10; attempt++) {
    await sleep(500);
    outcome = await send();
  }
  return outcome;
}

interface TallyQuestion {
  name: string;
  answered: number;
  choices?: Array<{ value: unknown; count: number }>;
}

describe('two server instances on one database', () => {
  let database: TestDatabase;
  let servers: ServerProcess[] = [];
  let a: ServerProcess;
  let b: ServerProcess;
  let adminA: RemoteSession;
  let adminB: RemoteSession;

  beforeAll(async () => {
    database = await createTestDatabase();
    servers = await spawnServers(2, { databaseUrl: database.url });
    [a, b] = servers;
    adminA = await signInAt(a.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    adminB = await signInAt(b.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  afterEach(() => {
    expect(servers.map((server) => server.alive())).toEqual([true, true]);
  });

  async function createUser(
    role: 'committee' | 'secretariat',
  ): Promise<{ id: string; email: string; password: string }> {
    const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`;
    const password = `Password-for-${role}-123`;
    const created = await adminA.post('/api/users').send({ email, name: `Fault ${role}`, role, password });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    return { id: (created.body as { id: string }).id, email, password };
  }

  const me = (origin: string, session: RemoteSession): Promise<HttpOutcome> =>
    call(`${origin}/api/auth/me`, { headers: sessionHeaders(session) });

  it(`tallies equal the ground truth after ${COMPLETIONS} completions split across both instances`, async () => {
    const campaign: PreparedCampaign = await prepareCampaign(adminA, 'two-instances', COMPLETIONS);
    const outcomes: HttpOutcome[] = [];
    await forEachConcurrently(
      Array.from({ length: COMPLETIONS }, (_unused, index) => index),
      CONCURRENCY,
      async (index) => {
        const origin = (index % 2 === 0 ? a : b).origin;
        outcomes.push(
          await retrying(() =>
            call(`${origin}/api/respond/${campaign.tokens[index]}/complete`, {
              json: { data: answersFor(index) },
              headers: { 'idempotency-key': `two-${index}` },
            }),
          ),
        );
      },
    );
    expect(statusCounts(outcomes)).toEqual({ '201': COMPLETIONS });

    const truth = {
      roles_clear: new Map<unknown, number>(),
      satisfaction: new Map<unknown, number>(),
      priorities: new Map<unknown, number>(),
    };
    for (let index = 0; index < COMPLETIONS; index++) {
      const answers = answersFor(index);
      for (const name of ['roles_clear', 'satisfaction'] as const) {
        truth[name].set(answers[name], (truth[name].get(answers[name]) ?? 0) + 1);
      }
      for (const value of answers.priorities as string[])
        truth.priorities.set(value, (truth.priorities.get(value) ?? 0) + 1);
    }
    const [stored] = await sql<{ count: string }>(
      database.url,
      `SELECT count(*) FROM responses WHERE campaign_id = $1 AND status = 'complete'`,
      [campaign.campaignId],
    );
    expect(Number(stored.count)).toBe(COMPLETIONS);

    for (const [server, admin] of [
      [a, adminA],
      [b, adminB],
    ] as const) {
      // Tallies may be kept by a roll-up that catches up after commits: allow it a few seconds.
      let tallies: { responses: number; questions: TallyQuestion[] } = { responses: -1, questions: [] };
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await sleep(200)) {
        const response = await admin.get(`/api/campaigns/${campaign.campaignId}/tallies`);
        expect(response.status).toBe(200);
        tallies = response.body;
        if (tallies.responses === COMPLETIONS) break;
      }
      expect([server.origin, tallies.responses]).toEqual([server.origin, COMPLETIONS]);
      for (const name of ['roles_clear', 'satisfaction', 'priorities'] as const) {
        const question = tallies.questions.find((item) => item.name === name);
        const counted = new Map(
          (question?.choices ?? []).filter((choice) => choice.count > 0).map((choice) => [choice.value, choice.count]),
        );
        expect([name, Object.fromEntries(counted)]).toEqual([name, Object.fromEntries(truth[name])]);
      }
      const progress = await admin.get(`/api/campaigns/${campaign.campaignId}/progress`);
      expect(progress.body.total).toEqual(expect.objectContaining({ invited: COMPLETIONS, completed: COMPLETIONS }));
    }
  });

  it('several versions, edits and partial saves from both instances, folds and rebuilds running: stored tallies equal a recount', async () => {
    const count = FULL ? 1_000 : 150;
    // A network of its own: the tests before this one added their members to South East Asia.
    const first = await prepareCampaign(adminA, 'two-versions', count, 'ME');
    // A second version of the same survey, answered by the same members, where answers may be changed.
    const version = await addDraftVersion(adminA, first.surveyId);
    expect((await adminA.post(`/api/surveys/${first.surveyId}/versions/${version}/publish`)).status).toBe(200);
    const created = await adminA.post('/api/campaigns').send({
      surveyId: first.surveyId,
      version,
      name: 'Campaign two-versions v2',
      networkIds: [first.networkId],
      allowEdits: true,
    });
    expect(created.status).toBe(201);
    const secondId = (created.body as { id: string }).id;
    const secondTokens = (await campaignLinks(adminA, secondId)).map((link) => tokenOf(link.url));
    expect(secondTokens).toHaveLength(count);

    // Rebuilds take the fold's lock from both instances while completions, edits and partial saves land.
    let loading = true;
    const rebuilds: HttpOutcome[] = [];
    const rebuilder = (async () => {
      for (let turn = 0; loading; turn++) {
        const [admin, campaignId] = turn % 2 === 0 ? [adminA, secondId] : [adminB, first.campaignId];
        rebuilds.push(
          await call(`${admin.origin}/api/campaigns/${campaignId}/tallies/rebuild`, {
            method: 'POST',
            headers: sessionHeaders(admin),
          }),
        );
        await sleep(150);
      }
    })();
    // Filtered reads (the in-memory tally engine of each instance) load and catch up while answers land.
    const reads: HttpOutcome[] = [];
    const reader = (async () => {
      for (let turn = 0; loading; turn++) {
        const admin = turn % 2 === 0 ? adminA : adminB;
        const campaignId = turn % 4 < 2 ? secondId : first.campaignId;
        reads.push(
          await call(`${admin.origin}/api/campaigns/${campaignId}/tallies?from=2000-01-01`, {
            headers: sessionHeaders(admin),
          }),
        );
        await sleep(100);
      }
    })();
    const outcomes: HttpOutcome[] = [];
    await forEachConcurrently(
      Array.from({ length: count }, (_unused, index) => index),
      CONCURRENCY,
      async (index) => {
        const [here, there] = index % 2 === 0 ? [a, b] : [b, a];
        outcomes.push(
          await retrying(() =>
            call(`${here.origin}/api/respond/${first.tokens[index]}/complete`, {
              json: { data: answersFor(index) },
              headers: { 'idempotency-key': `v1-${index}` },
            }),
          ),
        );
        const token = secondTokens[index];
        if (index % 5 === 0) {
          // A partial save only: never counted in the stored tallies.
          outcomes.push(
            await retrying(() =>
              call(`${there.origin}/api/respond/${token}`, {
                method: 'PUT',
                json: { data: { roles_clear: 'yes' } },
              }),
            ),
          );
          return;
        }
        outcomes.push(
          await retrying(() =>
            call(`${there.origin}/api/respond/${token}/complete`, {
              json: { data: answersFor(index + 1) },
              headers: { 'idempotency-key': `v2-${index}` },
            }),
          ),
        );
        if (index % 3 === 0) {
          // An edit of the completed response, on the other instance.
          outcomes.push(
            await retrying(() =>
              call(`${here.origin}/api/respond/${token}/complete`, {
                json: { data: answersFor(index + 2) },
                headers: { 'idempotency-key': `v2-edit-${index}` },
              }),
            ),
          );
        }
      },
    );
    loading = false;
    await rebuilder;
    await reader;
    expect(statusCounts(reads)).toEqual({ '200': reads.length });
    expect(
      outcomes
        .filter((outcome) => outcome.status !== 200 && outcome.status !== 201)
        .map((outcome) => [outcome.status, outcome.body]),
    ).toEqual([]);
    expect(statusCounts(rebuilds)).toEqual({ '200': rebuilds.length });

    for (const campaignId of [first.campaignId, secondId]) {
      for (const admin of [adminA, adminB]) {
        const verified = await admin.get(`/api/campaigns/${campaignId}/tallies/verify`);
        expect([campaignId, verified.status, verified.body.ok]).toEqual([campaignId, 200, true]);
      }
      const [stored] = await sql<{ count: string }>(
        database.url,
        `SELECT count(*) FROM responses WHERE campaign_id = $1 AND status = 'complete'`,
        [campaignId],
      );
      const tallies = await adminB.get(`/api/campaigns/${campaignId}/tallies`);
      expect([campaignId, tallies.body.responses]).toEqual([campaignId, Number(stored.count)]);
      // Each instance's engine, caught up, counts what the rollup and the queue count.
      for (const admin of [adminA, adminB]) {
        const engine = await admin.get(`/api/campaigns/${campaignId}/tallies?from=2000-01-01`);
        expect([campaignId, admin.origin, engine.body.source, engine.body.responses, engine.body.questions]).toEqual([
          campaignId,
          admin.origin,
          'engine',
          Number(stored.count),
          tallies.body.questions,
        ]);
      }
    }
    // Version 2's tallies from the final answers: edited ones count with their last answers only.
    const truth = new Map<unknown, number>();
    for (let index = 0; index < count; index++) {
      if (index % 5 === 0) continue;
      const answers = answersFor(index % 3 === 0 ? index + 2 : index + 1);
      truth.set(answers.satisfaction, (truth.get(answers.satisfaction) ?? 0) + 1);
    }
    // Wait for the background folds to empty the queue, then check the rollup itself.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(250)) {
      const [queued] = await sql<{ count: string }>(database.url, 'SELECT count(*) FROM analysis_pending_changes');
      if (Number(queued.count) === 0) break;
    }
    const [queued] = await sql<{ count: string }>(database.url, 'SELECT count(*) FROM analysis_pending_changes');
    expect(Number(queued.count)).toBe(0);
    const rollup = await sql<{ value: string; n: string }>(
      database.url,
      `SELECT value, sum(count) AS n FROM analysis_tally_rollup
        WHERE campaign_id = $1 AND measure = 'v' AND question = 'satisfaction' GROUP BY value HAVING sum(count) <> 0`,
      [secondId],
    );
    expect(Object.fromEntries(rollup.map((row) => [row.value, Number(row.n)]))).toEqual(
      Object.fromEntries([...truth].map(([value, n]) => [String(value), n])),
    );
  });

  it('a session made on one instance works on the other, and logging out on one ends it on both', async () => {
    const user = await createUser('committee');
    const session = await signInAt(a.origin, user.email, user.password);
    expect((await me(a.origin, session)).status).toBe(200);
    const onB = await me(b.origin, session);
    expect([onB.status, (onB.body as { email: string }).email]).toEqual([200, user.email]);

    const logout = await call(`${b.origin}/api/auth/logout`, { method: 'POST', headers: sessionHeaders(session) });
    expect(logout.status).toBe(204);
    expect((await me(a.origin, session)).status).toBe(401);
    expect((await me(b.origin, session)).status).toBe(401);
  });

  it('disabling a user on one instance ends their sessions and tokens on both', async () => {
    const user = await createUser('secretariat');
    const onA = await signInAt(a.origin, user.email, user.password);
    const onB = await signInAt(b.origin, user.email, user.password);
    const token = await onA.post('/api/auth/tokens').send({ name: 'script' });
    expect(token.status).toBe(201);
    const bearer = { authorization: `Bearer ${(token.body as { token: string }).token}` };
    for (const server of [a, b]) {
      expect((await me(server.origin, onA)).status).toBe(200);
      expect((await me(server.origin, onB)).status).toBe(200);
      expect((await call(`${server.origin}/api/auth/me`, { headers: bearer })).status).toBe(200);
    }

    const disabled = await adminB.patch(`/api/users/${user.id}`).send({ disabled: true });
    expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
    for (const server of [a, b]) {
      expect((await me(server.origin, onA)).status).toBe(401);
      expect((await me(server.origin, onB)).status).toBe(401);
      expect((await call(`${server.origin}/api/auth/me`, { headers: bearer })).status).toBe(401);
      const relogin = await call(`${server.origin}/api/auth/login`, {
        json: { email: user.email, password: user.password },
      });
      expect(relogin.status).toBe(401);
    }
  });

  it(`${SAVES} concurrent Charter saves on one base revision, split across both: each is 201 and kept, or 409`, async () => {
    const user = await createUser('committee');
    const writers = [
      await signInAt(a.origin, user.email, user.password),
      await signInAt(b.origin, user.email, user.password),
    ];
    const base = Array.from({ length: CLAUSES }, (_unused, index) => ({
      id: `clause-${index}`,
      heading: `Clause ${index}`,
      body: `The original text of clause ${index}.`,
    }));
    const created = await writers[0]
      .post('/api/charters')
      .send({ slug: 'fault-charter', title: 'Fault charter', clauses: base });
    expect([created.status, created.body.revision]).toEqual([201, 1]);
    const charterId = (created.body as { id: string }).id;

    const edits = Array.from({ length: SAVES }, (_unused, save) => ({
      save,
      clause: save % CLAUSES,
      text: `Save ${save} rewrote this clause.`,
    }));
    const results = await Promise.all(
      edits.map(async (edit) => {
        const writer = writers[edit.save % 2];
        return call(`${writer.origin}/api/charters/${charterId}/revisions`, {
          json: {
            baseRevision: 1,
            message: `save ${edit.save}`,
            clauses: base.map((clause, index) => (index === edit.clause ? { ...clause, body: edit.text } : clause)),
          },
          headers: sessionHeaders(writer),
        });
      }),
    );
    const counts = statusCounts(results);
    expect(Object.keys(counts).every((status) => status === '201' || status === '409')).toBe(true);

    const head = (await writers[1].get(`/api/charters/${charterId}`)).body.head as {
      number: number;
      clauses: typeof base;
    };
    const bodies = new Map(head.clauses.map((clause) => [clause.id, clause.body]));
    const numbers = new Set<number>();
    edits.forEach((edit, index) => {
      const result = results[index];
      if (result.status === 201) {
        numbers.add((result.body as { number: number }).number);
        expect([edit.save, bodies.get(`clause-${edit.clause}`)]).toEqual([edit.save, edit.text]);
      } else {
        expect(result.body).toEqual(
          expect.objectContaining({ statusCode: 409, details: { conflicts: expect.any(Array) } }),
        );
        const conflicts = (result.body as { details: { conflicts: Array<{ clauseId: string }> } }).details.conflicts;
        expect(conflicts.map((conflict) => conflict.clauseId)).toContain(`clause-${edit.clause}`);
      }
    });
    // Clauses 8..15 had one writer each: all merged. Clauses 0..7 had two: exactly one won.
    for (let clause = 0; clause < CLAUSES; clause++) {
      const winners = edits.filter((edit, index) => edit.clause === clause && results[index].status === 201);
      expect([clause, winners.length]).toEqual([clause, 1]);
    }
    expect(counts['201']).toBe(CLAUSES);
    expect(numbers.size).toBe(CLAUSES);
    expect(head.number).toBe(1 + CLAUSES);
    const revisions = (await writers[0].get(`/api/charters/${charterId}/revisions`)).body as unknown[];
    expect(revisions.length).toBe(1 + CLAUSES);
  });
});
