import {
  addDraftVersion,
  addMembers,
  campaignLinks,
  createSurvey,
  dataSourceOf,
  LINK_NOT_FOUND,
  makeMembers,
  networksByCode,
  type NetworkRow,
  signInAdmin,
  TEST_DEFINITION,
  tokenOf,
  VALID_ANSWERS,
} from '../support/campaign-fixtures';
import { linkByTokenHash } from '../../server/src/campaigns';
import { tokenHash } from '../../server/src/common/link-tokens';
import { VIEW_LOOKUP, type ViewRow, viewRowFromJson } from '../../server/src/responses/respond.service';
import { createStaff, type StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

// The respondent API's shortcuts (a first completion in one statement, tried against the survey
// version of the link resolved last; the view's link and response in one statement) must answer
// exactly as the full path does. Every case here runs right after a completion through another
// link, so that the shortcut is tried first.

const CLOSED = errorBody(410, 'link_gone', 'This consultation is closed and no longer accepts answers', {
  reason: 'closed',
  closedAt: expect.any(String),
});

/** Version 2: satisfaction no longer asked; a required "comments" question instead. */
const SECOND_DEFINITION = {
  pages: [
    {
      name: 'roles',
      elements: [
        {
          type: 'radiogroup',
          name: 'roles_clear',
          title: 'Are the roles clear?',
          isRequired: true,
          choices: ['yes', 'no'],
        },
        { type: 'comment', name: 'comments', title: 'Comments', isRequired: true },
      ],
    },
  ],
};
const SECOND_ANSWERS = { roles_clear: 'yes', comments: 'Clearer now' };

describe('respondent hot path', () => {
  let testApp: TestApp;
  let secretariat: StaffSession;
  let networks: Record<string, NetworkRow>;
  let surveyId: string;
  let firstVersion: number;
  let secondVersion: number;
  /** Personal links of a live campaign on version 1, used to make the next completion take the shortcut. */
  let primers: string[];

  const http = () => testApp.http();
  const sql = async <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    await dataSourceOf(testApp).query<T[]>(query, parameters);

  async function campaign(
    name: string,
    version: number,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; tokens: string[]; invitationIds: string[] }> {
    const created = await secretariat
      .post('/api/campaigns')
      .send({ surveyId, version, name, networkIds: [networks.SEA.id], ...extra });
    if (created.status !== 201) throw new Error(JSON.stringify(created.body));
    const links = (await campaignLinks(secretariat, created.body.id)).filter((link) => link.email.startsWith('hot-'));
    return {
      id: created.body.id,
      tokens: links.map((link) => tokenOf(link.url)),
      invitationIds: links.map((link) => link.invitationId),
    };
  }

  /** Completes one more primer link (a campaign on version 1), so the next completion tries version 1 first. */
  async function prime(): Promise<void> {
    const token = primers.shift();
    if (token === undefined) throw new Error('out of primer links');
    const response = await http().post(`/api/respond/${token}/complete`).send({ data: VALID_ANSWERS });
    expect(response.status).toBe(201);
  }

  async function storedFor(campaignId: string): Promise<Array<{ status: string; data: unknown }>> {
    return sql('SELECT status, data FROM responses WHERE campaign_id = $1 ORDER BY status', [campaignId]);
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await signInAdmin(testApp);
    secretariat = await createStaff(testApp, admin, 'secretariat');
    networks = await networksByCode(secretariat);
    await addMembers(secretariat, networks.SEA.id, makeMembers('hot', 3, 'Philippines', 'en'));
    surveyId = await createSurvey(secretariat, 'hot-path');
    firstVersion = await addDraftVersion(secretariat, surveyId, TEST_DEFINITION);
    expect((await secretariat.post(`/api/surveys/${surveyId}/versions/${firstVersion}/publish`)).status).toBe(200);
    primers = [];
    for (let index = 0; index < 4; index++) primers.push(...(await campaign(`Primer ${index}`, firstVersion)).tokens);
    secondVersion = await addDraftVersion(secretariat, surveyId, SECOND_DEFINITION);
    expect((await secretariat.post(`/api/surveys/${surveyId}/versions/${secondVersion}/publish`)).status).toBe(200);
  });
  afterAll(() => testApp.close());

  it('answers unknown, malformed and revoked links with the same 404 and stores nothing', async () => {
    const { id, tokens, invitationIds } = await campaign('Revoked', firstVersion);
    expect((await secretariat.post(`/api/invitations/${invitationIds[0]}/revoke`)).status).toBe(200);
    const unknown = tokens[1].slice(0, -4) + (tokens[1].endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const token of [tokens[0], unknown, 'not-a-token', `${tokens[1]}x`]) {
      await prime();
      const complete = await http().post(`/api/respond/${token}/complete`).send({ data: VALID_ANSWERS });
      expect([complete.status, complete.body]).toEqual([404, LINK_NOT_FOUND]);
      const view = await http().get(`/api/respond/${token}`);
      expect([view.status, view.body]).toEqual([404, LINK_NOT_FOUND]);
    }
    expect(await storedFor(id)).toEqual([]);
  });

  it('answers closed and not yet open campaigns with their 410 and stores nothing', async () => {
    const closed = await campaign('Closed', firstVersion);
    expect((await secretariat.post(`/api/campaigns/${closed.id}/close`)).status).toBe(200);
    await prime();
    const late = await http().post(`/api/respond/${closed.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect([late.status, late.body]).toEqual([410, CLOSED]);

    const future = await campaign('Future', firstVersion, { opensAt: '2099-01-01T00:00:00.000Z' });
    await prime();
    const early = await http().post(`/api/respond/${future.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect([early.status, early.body]).toEqual([
      410,
      errorBody(410, 'link_gone', 'This consultation opens on 2099-01-01T00:00:00.000Z', {
        reason: 'not_yet_open',
        opensAt: '2099-01-01T00:00:00.000Z',
      }),
    ]);
    expect(await storedFor(closed.id)).toEqual([]);
    expect(await storedFor(future.id)).toEqual([]);
  });

  it('checks answers against the version the link pins, not the one tried first', async () => {
    const second = await campaign('Second version', secondVersion);
    await prime();
    // Valid for version 1 (tried first), not for version 2: the link's own version decides.
    const invalid = await http().post(`/api/respond/${second.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect([invalid.status, invalid.body]).toEqual([
      422,
      errorBody(422, 'answers_invalid', '4 answers are not valid', [
        { question: 'satisfaction', message: 'Unknown question' },
        { question: 'priorities', message: 'Unknown question' },
        { question: 'roles_clear', message: '"partly" is not one of the choices' },
        { question: 'comments', message: 'An answer is required' },
      ]),
    ]);
    expect(await storedFor(second.id)).toEqual([]);

    await prime();
    const valid = await http().post(`/api/respond/${second.tokens[0]}/complete`).send({ data: SECOND_ANSWERS });
    expect(valid.status).toBe(201);
    // Now version 2 is tried first: a version 1 link still gets version 1.
    const first = await campaign('First version', firstVersion);
    const back = await http().post(`/api/respond/${first.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect(back.status).toBe(201);
    const rows = await sql<{ campaign_id: string; version: number; data: unknown }>(
      `SELECT r.campaign_id, v.version, r.data FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id
       WHERE r.campaign_id = ANY($1::uuid[]) ORDER BY v.version`,
      [[second.id, first.id]],
    );
    expect(rows).toEqual([
      { campaign_id: first.id, version: firstVersion, data: VALID_ANSWERS },
      { campaign_id: second.id, version: secondVersion, data: SECOND_ANSWERS },
    ]);
  });

  it('stores a first completion with its identity, receipt and audit event, then answers 409, replays and edits as before', async () => {
    const edits = await campaign('Edits', firstVersion, { allowEdits: true });
    const plain = await campaign('Plain', firstVersion);
    await prime();
    const saved = await http()
      .put(`/api/respond/${plain.tokens[0]}`)
      .send({ data: { roles_clear: 'yes' }, currentPage: 0 });
    expect(saved.status).toBe(200);
    const completed = await http()
      .post(`/api/respond/${plain.tokens[0]}/complete`)
      .set('Idempotency-Key', 'hot-1')
      .send({ data: VALID_ANSWERS });
    expect(completed.status).toBe(201);
    const rows = await sql<Record<string, unknown>>(
      `SELECT id, invitation_id, network_id, country, role, language, status, receipt, idempotency_key, data
       FROM responses WHERE campaign_id = $1`,
      [plain.id],
    );
    expect(rows).toEqual([
      {
        id: completed.body.responseId,
        invitation_id: plain.invitationIds[0],
        network_id: networks.SEA.id,
        country: 'Philippines',
        role: 'National Focal Point',
        language: 'en',
        status: 'complete',
        receipt: completed.body.receipt,
        idempotency_key: 'hot-1',
        data: VALID_ANSWERS,
      },
    ]);
    const events = await sql<{ action: string; payload: unknown }>(
      'SELECT action, payload FROM audit_events WHERE subject = $1 ORDER BY id',
      [`campaign:${plain.id}`],
    );
    expect(events.filter((event) => event.action === 'response.completed')).toEqual([
      {
        action: 'response.completed',
        payload: {
          responseId: completed.body.responseId,
          networkId: networks.SEA.id,
          invitationId: plain.invitationIds[0],
        },
      },
    ]);

    await prime();
    const again = await http().post(`/api/respond/${plain.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect([again.status, again.body]).toEqual([
      409,
      errorBody(409, 'already_completed', 'This questionnaire has already been completed with this link'),
    ]);
    await prime();
    const replay = await http()
      .post(`/api/respond/${plain.tokens[0]}/complete`)
      .set('Idempotency-Key', 'hot-1')
      .send({ data: VALID_ANSWERS });
    expect([replay.status, replay.body]).toEqual([201, completed.body]);

    const first = await http().post(`/api/respond/${edits.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect(first.status).toBe(201);
    const edited = await http()
      .post(`/api/respond/${edits.tokens[0]}/complete`)
      .send({ data: { ...VALID_ANSWERS, satisfaction: 2 } });
    expect([edited.status, edited.body]).toEqual([200, first.body]);
    expect(await storedFor(edits.id)).toEqual([{ status: 'complete', data: { ...VALID_ANSWERS, satisfaction: 2 } }]);
  });

  it('stores concurrent first completions together, each with its own link, receipt and audit event', async () => {
    const network = Object.values(networks).find((row) => row.id !== networks.SEA.id) as NetworkRow;
    await addMembers(secretariat, network.id, makeMembers('batch', 30, 'Kenya', 'fr'));
    const created = await secretariat
      .post('/api/campaigns')
      .send({ surveyId, version: firstVersion, name: 'Batched', networkIds: [network.id] });
    expect(created.status).toBe(201);
    const links = (await campaignLinks(secretariat, created.body.id)).filter((link) => link.email.startsWith('batch-'));
    expect(links.length).toBe(30);
    await prime();
    // 30 links at once, five of them twice, while another transaction keeps responses locked: the
    // first statement waits for it, the completions arriving meanwhile are grouped into the next
    // ones, and the second completion of a link is never grouped with its first.
    const blocker = dataSourceOf(testApp).createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE responses IN SHARE MODE');
    const attempts = [...links, ...links.slice(0, 5)];
    const sent = Promise.all(
      attempts.map((link, index) =>
        http()
          .post(`/api/respond/${tokenOf(link.url)}/complete`)
          .set('Idempotency-Key', `batch-${index}`)
          .send({ data: { ...VALID_ANSWERS, satisfaction: (index % 5) + 1 } })
          .then((response) => response),
      ),
    );
    const waiting = async (): Promise<number> =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO responses%'`,
        )
      )[0]?.n ?? 0;
    for (let tries = 0; tries < 100 && (await waiting()) < 1; tries++)
      await new Promise((done) => setTimeout(done, 50));
    await new Promise((done) => setTimeout(done, 500));
    await blocker.commitTransaction();
    await blocker.release();
    const answers = await sent;
    const byInvitation = new Map<string, Array<{ status: number; body: Record<string, unknown> }>>();
    attempts.forEach((link, index) => {
      const answer = answers[index] as { status: number; body: Record<string, unknown> };
      byInvitation.set(link.invitationId, [...(byInvitation.get(link.invitationId) ?? []), answer]);
    });
    const ALREADY = errorBody(409, 'already_completed', 'This questionnaire has already been completed with this link');
    for (const [invitationId, outcomes] of byInvitation) {
      const statuses = outcomes.map((outcome) => outcome.status).sort();
      expect([invitationId, statuses]).toEqual([invitationId, outcomes.length === 1 ? [201] : [201, 409]]);
      for (const outcome of outcomes.filter((item) => item.status === 409)) expect(outcome.body).toEqual(ALREADY);
    }
    const stored = await sql<{
      id: string;
      invitation_id: string;
      receipt: string;
      country: string;
      language: string;
      network_id: string;
      idempotency_key: string;
      satisfaction: number;
    }>(
      `SELECT id, invitation_id, receipt, country, language, network_id, idempotency_key,
              (data->>'satisfaction')::int AS satisfaction
         FROM responses WHERE campaign_id = $1 AND status = 'complete'`,
      [created.body.id],
    );
    expect(stored.length).toBe(30);
    // Stored together: far fewer transactions than completions.
    const [transactions] = await sql<{ n: number }>(
      `SELECT count(DISTINCT xmin::text)::int AS n FROM responses WHERE campaign_id = $1`,
      [created.body.id],
    );
    expect(transactions?.n).toBeLessThanOrEqual(10);
    for (const row of stored) {
      const accepted = byInvitation.get(row.invitation_id)?.find((outcome) => outcome.status === 201);
      expect(accepted?.body).toEqual({ responseId: row.id, receipt: row.receipt });
      const index = Number(row.idempotency_key.replace('batch-', ''));
      expect(attempts[index]?.invitationId).toBe(row.invitation_id);
      expect([row.country, row.language, row.network_id, row.satisfaction]).toEqual([
        'Kenya',
        'fr',
        network.id,
        (index % 5) + 1,
      ]);
    }
    const events = await sql<{ response_id: string }>(
      `SELECT payload->>'responseId' AS response_id FROM audit_events
        WHERE subject = $1 AND action = 'response.completed'`,
      [`campaign:${created.body.id}`],
    );
    expect(events.map((event) => event.response_id).sort()).toEqual(stored.map((row) => row.id).sort());
  });

  it('shows saved answers in the view, by invitation and, in anonymous campaigns, by the derived id', async () => {
    for (const anonymous of [false, true]) {
      const { tokens } = await campaign(`View ${anonymous ? 'anonymous' : 'named'}`, firstVersion, { anonymous });
      const fresh = await http().get(`/api/respond/${tokens[0]}`);
      expect([fresh.status, fresh.body.status, fresh.body.data, fresh.body.savedAt]).toEqual([200, 'new', {}, null]);
      const saved = await http()
        .put(`/api/respond/${tokens[0]}`)
        .send({ data: { roles_clear: 'no' }, currentPage: 0, locale: 'fr' });
      expect(saved.status).toBe(200);
      const view = await http().get(`/api/respond/${tokens[0]}`);
      expect(view.body).toMatchObject({
        status: 'partial',
        data: { roles_clear: 'no' },
        currentPage: 0,
        locale: 'fr',
        savedAt: saved.body.savedAt,
        receipt: null,
        kind: 'personal',
      });
      const completed = await http().post(`/api/respond/${tokens[1]}/complete`).send({ data: VALID_ANSWERS });
      expect(completed.status).toBe(201);
      const done = await http().get(`/api/respond/${tokens[1]}`);
      expect([done.body.status, done.body.receipt, done.body.data]).toEqual([
        'complete',
        completed.body.receipt,
        VALID_ANSWERS,
      ]);
      // Another link of the same campaign still sees nothing.
      expect((await http().get(`/api/respond/${tokens[2]}`)).body.status).toBe('new');
    }
  });

  it('reads the view row from one JSON column exactly as the driver reads the columns themselves', async () => {
    const { id, tokens } = await campaign('JSON row', firstVersion);
    // Timestamps with microseconds, as PostgreSQL keeps them; the driver keeps milliseconds.
    await sql(
      `UPDATE campaigns SET opens_at = now() - interval '1 day 0.654321 second',
         closes_at = now() + interval '1 day 0.123456 second' WHERE id = $1`,
      [id],
    );
    const saved = await http()
      .put(`/api/respond/${tokens[0]}`)
      .send({ data: { roles_clear: 'no', roles_why: 'Ünclear — "quoted"' }, currentPage: 0, locale: 'fr' });
    expect(saved.status).toBe(200);
    expect((await http().get(`/api/respond/${tokens[0]}`)).status).toBe(200);
    for (const token of [tokens[0], tokens[1]]) {
      const [columns] = await sql<ViewRow>(
        `SELECT l.*, r.id AS response_id, r.data AS response_data, r.status AS response_status,
           r.receipt AS response_receipt, r.current_page AS response_current_page, r.locale AS response_locale,
           r.updated_at AS response_updated_at
         FROM (${linkByTokenHash('$1')}) l
         LEFT JOIN responses r ON r.invitation_id = l.id AND l.kind = 'personal' AND NOT l.anonymous`,
        [tokenHash(token)],
      );
      const [json] = await sql<{ view: string }>(VIEW_LOOKUP.text, [tokenHash(token)]);
      expect(columns).toBeDefined();
      expect(viewRowFromJson(json?.view ?? 'null')).toEqual({ ...columns });
    }
    const [opened] = await sql<{ view: string }>(VIEW_LOOKUP.text, [tokenHash(tokens[0])]);
    const row = viewRowFromJson(opened?.view ?? 'null');
    expect([row.opened_at instanceof Date, row.closes_at instanceof Date, row.response_locale]).toEqual([
      true,
      true,
      'fr',
    ]);
  });

  it('reaches the embedded database through its Unix-domain socket', async () => {
    if (process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '') return;
    const rows = await sql<{ address: string | null }>('SELECT inet_server_addr()::text AS address');
    expect(rows).toEqual([{ address: null }]);
  });
});
