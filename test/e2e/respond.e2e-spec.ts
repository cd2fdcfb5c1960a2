import type { ApiErrorBody } from '@concord/shared';
import {
  addMembers,
  campaignLinks,
  createCampaign,
  dataSourceOf,
  LINK_NOT_FOUND,
  makeMembers,
  type NetworkRow,
  publishSurvey,
  type PublishedSurvey,
  signInAdmin,
  surveyDesk,
  tokenOf,
  VALID_ANSWERS,
} from '../support/campaign-fixtures';
import type { StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

/** The answer to answers that do not fit the questionnaire (more than one), a detail per problem. */
const answersInvalid = (details: Array<{ question: string; message: string }>): ApiErrorBody =>
  errorBody(422, 'answers_invalid', `${details.length} answers are not valid`, details);

describe('answering by link', () => {
  let testApp: TestApp;
  let secretariat: StaffSession;
  let survey: PublishedSurvey;
  let networks: Record<string, NetworkRow>;
  /** Members the network had before this file added its own (the demo data). */
  let seededSeaMembers: number;

  const http = () => testApp.http();
  const sql = async <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    await dataSourceOf(testApp).query<T[]>(query, parameters);

  async function campaign(
    name: string,
    extra: Record<string, unknown> = {},
    networkCodes = ['SEA'],
    of: PublishedSurvey = survey,
  ): Promise<{ id: string; tokens: string[] }> {
    const networkIds = networkCodes.map((code) => networks[code].id);
    const { campaignId } = await createCampaign(secretariat, of, name, networkIds, extra);
    // Only this file's members: the demo members of the network are invited too.
    const links = (await campaignLinks(secretariat, campaignId)).filter((link) => link.email.startsWith('sea-'));
    return { id: campaignId, tokens: links.map((link) => tokenOf(link.url)) };
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    ({ secretariat, survey, networks } = await surveyDesk(testApp, 'respond-test'));
    seededSeaMembers = networks.SEA.memberCount;
    await addMembers(secretariat, networks.SEA.id, makeMembers('sea', 4, 'Philippines', 'fr'));
  });
  afterAll(() => testApp.close());

  it('shows the pinned version, locales, language and status "new"; 404 for unknown and malformed tokens', async () => {
    const { tokens } = await campaign('View', { closesAt: '2099-01-01T00:00:00.000Z' });
    const response = await http().get(`/api/respond/${tokens[0]}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      survey: { definition: expect.objectContaining({ pages: expect.any(Array) }), version: survey.version },
      locales: ['en', 'fr'],
      data: {},
      status: 'new',
      closesAt: '2099-01-01T00:00:00.000Z',
      language: 'fr',
      canEdit: false,
      kind: 'personal',
      receipt: null,
      currentPage: null,
      locale: null,
      savedAt: null,
    });
    for (const token of ['x'.repeat(43), 'short', '%00']) {
      const unknown = await http().get(`/api/respond/${token}`);
      expect([unknown.status, unknown.body]).toEqual([404, LINK_NOT_FOUND]);
    }
  });

  it('answers 410 before opening and after closing', async () => {
    const future = await campaign('Future', { opensAt: '2099-01-01T00:00:00.000Z' });
    const early = await http().get(`/api/respond/${future.tokens[0]}`);
    expect([early.status, early.body]).toEqual([
      410,
      errorBody(410, 'link_gone', 'This consultation opens on 2099-01-01T00:00:00.000Z', {
        reason: 'not_yet_open',
        opensAt: '2099-01-01T00:00:00.000Z',
      }),
    ]);
    const earlyComplete = await http().post(`/api/respond/${future.tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect(earlyComplete.status).toBe(410);

    const closing = await campaign('Closing');
    await http()
      .put(`/api/respond/${closing.tokens[0]}`)
      .send({ data: { roles_clear: 'yes' } });
    await secretariat.post(`/api/campaigns/${closing.id}/close`);
    for (const request of [
      http().get(`/api/respond/${closing.tokens[0]}`),
      http()
        .put(`/api/respond/${closing.tokens[0]}`)
        .send({ data: { roles_clear: 'no' } }),
      http().post(`/api/respond/${closing.tokens[0]}/complete`).send({ data: VALID_ANSWERS }),
    ]) {
      const response = await request;
      expect([response.status, response.body]).toEqual([
        410,
        errorBody(410, 'link_gone', 'This consultation is closed and no longer accepts answers', {
          reason: 'closed',
          closedAt: expect.any(String),
        }),
      ]);
    }
    const stored = await sql<{ data: unknown; status: string }>(
      'SELECT data, status FROM responses WHERE campaign_id = $1',
      [closing.id],
    );
    expect(stored).toEqual([{ data: { roles_clear: 'yes' }, status: 'partial' }]);
  });

  it('saves progress and resumes it; invalid partial answers are 422 and change nothing', async () => {
    const { tokens } = await campaign('Partial');
    const saved = await http()
      .put(`/api/respond/${tokens[0]}`)
      .send({ data: { roles_clear: 'no' } });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ status: 'partial', savedAt: expect.any(String) });
    const resumed = await http().get(`/api/respond/${tokens[0]}`);
    expect([resumed.body.status, resumed.body.data]).toEqual(['partial', { roles_clear: 'no' }]);

    const invalid = await http()
      .put(`/api/respond/${tokens[0]}`)
      .send({ data: { roles_clear: 'maybe', satisfaction: 9, stray: 1 } });
    expect([invalid.status, invalid.body]).toEqual([
      422,
      answersInvalid([
        { question: 'stray', message: 'Unknown question' },
        { question: 'roles_clear', message: '"maybe" is not one of the choices' },
        { question: 'satisfaction', message: 'Must be between 1 and 5' },
      ]),
    ]);
    expect((await http().get(`/api/respond/${tokens[0]}`)).body.data).toEqual({ roles_clear: 'no' });

    const notObject = await http()
      .put(`/api/respond/${tokens[0]}`)
      .send({ data: [1] });
    expect([notObject.status, notObject.body]).toEqual([
      400,
      errorBody(400, 'bad_request', 'data must be an object of answers keyed by question name', [
        { field: 'data', messages: ['data must be an object of answers keyed by question name'] },
      ]),
    ]);
    expect((await http().get(`/api/respond/${tokens[0]}`)).body.data).toEqual({ roles_clear: 'no' });
  });

  it('keeps the page and language of the last save so the respondent resumes there; a bad position is refused and changes nothing', async () => {
    const { tokens } = await campaign('Resume');
    const token = tokens[0];
    const first = await http()
      .put(`/api/respond/${token}`)
      .send({ data: { roles_clear: 'yes' }, currentPage: 0, locale: 'fr' });
    expect(first.status).toBe(200);
    const resumed = await http().get(`/api/respond/${token}`);
    expect([
      resumed.body.status,
      resumed.body.data,
      resumed.body.currentPage,
      resumed.body.locale,
      resumed.body.savedAt,
    ]).toEqual(['partial', { roles_clear: 'yes' }, 0, 'fr', first.body.savedAt]);

    // A save without a position (an older page, a script) keeps the position saved before.
    await http()
      .put(`/api/respond/${token}`)
      .send({ data: { roles_clear: 'partly' } });
    const kept = await http().get(`/api/respond/${token}`);
    expect([kept.body.data, kept.body.currentPage, kept.body.locale]).toEqual([{ roles_clear: 'partly' }, 0, 'fr']);
    await http()
      .put(`/api/respond/${token}`)
      .send({ data: { roles_clear: 'partly' }, locale: 'en' });
    expect((await http().get(`/api/respond/${token}`)).body.locale).toBe('en');

    const refusals: Array<[Record<string, unknown>, number, ApiErrorBody]> = [
      [
        { currentPage: 1 },
        422,
        errorBody(422, 'unprocessable', 'currentPage 1 is not a page of this questionnaire (it has 1 page: 0)'),
      ],
      [
        { locale: 'de' },
        422,
        errorBody(422, 'unprocessable', 'locale "de" is not a language of this questionnaire (en, fr)'),
      ],
      [
        { currentPage: -1 },
        400,
        errorBody(400, 'bad_request', 'currentPage must be 0 or more', [
          { field: 'currentPage', messages: ['currentPage must be 0 or more'] },
        ]),
      ],
      [
        { currentPage: 1.5 },
        400,
        errorBody(400, 'bad_request', 'currentPage must be a whole number (a page index starting at 0)', [
          { field: 'currentPage', messages: ['currentPage must be a whole number (a page index starting at 0)'] },
        ]),
      ],
      [
        { locale: 'French' },
        400,
        errorBody(400, 'bad_request', 'locale must be a language code such as "fr"', [
          { field: 'locale', messages: ['locale must be a language code such as "fr"'] },
        ]),
      ],
    ];
    for (const [position, status, body] of refusals) {
      const refused = await http()
        .put(`/api/respond/${token}`)
        .send({ data: { roles_clear: 'no' }, ...position });
      expect([refused.status, refused.body]).toEqual([status, body]);
    }
    const unchanged = await http().get(`/api/respond/${token}`);
    expect([unchanged.body.data, unchanged.body.currentPage, unchanged.body.locale]).toEqual([
      { roles_clear: 'partly' },
      0,
      'en',
    ]);

    // Completion keeps the last position, so a completed link reopens in the language last used.
    expect((await http().post(`/api/respond/${token}/complete`).send({ data: VALID_ANSWERS })).status).toBe(201);
    const completed = await http().get(`/api/respond/${token}`);
    expect([completed.body.status, completed.body.currentPage, completed.body.locale]).toEqual(['complete', 0, 'en']);
  });

  it('completes: 422 with exact details for invalid answers, 201 with a receipt, 409 afterwards, idempotent replays', async () => {
    const { id, tokens } = await campaign('Complete');
    const token = tokens[0];
    const invalid = await http()
      .post(`/api/respond/${token}/complete`)
      .send({
        data: { roles_clear: 'no', satisfaction: 7, priorities: ['training', 'parties'], unknown_question: 'x' },
      });
    expect([invalid.status, invalid.body]).toEqual([
      422,
      answersInvalid([
        { question: 'unknown_question', message: 'Unknown question' },
        { question: 'roles_why', message: 'An answer is required' },
        { question: 'satisfaction', message: 'Must be between 1 and 5' },
        { question: 'priorities', message: '"parties" is not one of the choices' },
      ]),
    ]);
    expect(await sql('SELECT id FROM responses WHERE campaign_id = $1', [id])).toEqual([]);

    const completed = await http()
      .post(`/api/respond/${token}/complete`)
      .set('Idempotency-Key', 'first-try')
      .send({ data: VALID_ANSWERS });
    expect(completed.status).toBe(201);
    expect(completed.body).toEqual({
      responseId: expect.any(String),
      receipt: expect.stringMatching(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/),
    });

    const view = await http().get(`/api/respond/${token}`);
    expect([view.body.status, view.body.receipt, view.body.data]).toEqual([
      'complete',
      completed.body.receipt,
      VALID_ANSWERS,
    ]);

    const second = await http().post(`/api/respond/${token}/complete`).send({ data: VALID_ANSWERS });
    expect([second.status, second.body]).toEqual([
      409,
      errorBody(409, 'already_completed', 'This questionnaire has already been completed with this link'),
    ]);
    const replay = await http()
      .post(`/api/respond/${token}/complete`)
      .set('Idempotency-Key', 'first-try')
      .send({ data: { ...VALID_ANSWERS } });
    expect([replay.status, replay.body]).toEqual([201, completed.body]);
    const mismatch = await http()
      .post(`/api/respond/${token}/complete`)
      .set('Idempotency-Key', 'first-try')
      .send({ data: { ...VALID_ANSWERS, satisfaction: 1 } });
    expect([mismatch.status, mismatch.body]).toEqual([
      422,
      errorBody(
        422,
        'idempotency_mismatch',
        'This Idempotency-Key was already used with different answers; use a new key for a different request',
      ),
    ]);
    const saveAfter = await http()
      .put(`/api/respond/${token}`)
      .send({ data: { roles_clear: 'yes' } });
    expect(saveAfter.status).toBe(409);
    const badKey = await http()
      .post(`/api/respond/${tokens[1]}/complete`)
      .set('Idempotency-Key', 'x'.repeat(201))
      .send({ data: VALID_ANSWERS });
    expect([badKey.status, badKey.body.message]).toEqual([
      400,
      'The Idempotency-Key header must be 1 to 200 visible ASCII characters',
    ]);
    const rows = await sql<{ data: unknown; status: string; country: string; role: string; language: string }>(
      'SELECT data, status, country, role, language FROM responses WHERE campaign_id = $1',
      [id],
    );
    expect(rows).toEqual([
      { data: VALID_ANSWERS, status: 'complete', country: 'Philippines', role: 'National Focal Point', language: 'fr' },
    ]);
  });

  it('stores expression questions and included calculated values as computed by the server, not as sent', async () => {
    const computed = await publishSurvey(secretariat, 'respond-computed', {
      calculatedValues: [{ name: 'total', expression: '{a} + {b}', includeIntoResult: true }],
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a', inputType: 'number', isRequired: true },
            { type: 'text', name: 'b', inputType: 'number' },
            { type: 'expression', name: 'double', expression: '{a} * 2' },
          ],
        },
      ],
    });
    const { id, tokens } = await campaign('Computed', {}, ['SEA'], computed);
    const saved = await http()
      .put(`/api/respond/${tokens[0]}`)
      .send({ data: { a: 2 } });
    expect(saved.status).toBe(200);
    expect((await http().get(`/api/respond/${tokens[0]}`)).body.data).toEqual({ a: 2, double: 4, total: 2 });
    const wrong = await http()
      .post(`/api/respond/${tokens[0]}/complete`)
      .send({ data: { a: 2, b: 3, total: 0 } });
    expect([wrong.status, wrong.body.details]).toEqual([
      422,
      [{ question: 'total', message: 'Must equal the value computed from the other answers (5)' }],
    ]);
    const completed = await http()
      .post(`/api/respond/${tokens[0]}/complete`)
      .send({ data: { a: 2, b: 3 } });
    expect(completed.status).toBe(201);
    expect(await sql('SELECT data FROM responses WHERE campaign_id = $1', [id])).toEqual([
      { data: { a: 2, b: 3, double: 4, total: 5 } },
    ]);
  });

  // Tallies group numbers by their stored text, so equal numbers must be stored alike.
  it('stores a number by its value however the body spelt it (2.0, 2e0, 1.50)', async () => {
    const numbers = await publishSurvey(secretariat, 'respond-number-spelling', {
      pages: [
        {
          name: 'p',
          elements: [
            { type: 'text', name: 'a', inputType: 'number', isRequired: true },
            { type: 'text', name: 'b', inputType: 'number' },
          ],
        },
      ],
    });
    const { id, tokens } = await campaign('Number spelling', {}, ['SEA'], numbers);
    const bodies = ['{"data":{"a":2.0}}', '{"data":{"a":2e0,"b":1.50}}', '{"data":{"a":20E-1}}'];
    for (const [index, body] of bodies.entries()) {
      const completed = await http()
        .post(`/api/respond/${tokens[index]}/complete`)
        .set('content-type', 'application/json')
        .send(body);
      expect(completed.status).toBe(201);
    }
    expect(
      await sql("SELECT data::text AS text FROM responses WHERE campaign_id = $1 ORDER BY data ? 'b'", [id]),
    ).toEqual([{ text: '{"a": 2}' }, { text: '{"a": 2}' }, { text: '{"a": 2, "b": 1.5}' }]);
  });

  it('accepts exactly one of 20 concurrent completions of one token', async () => {
    const { id, tokens } = await campaign('Race');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => http().post(`/api/respond/${tokens[2]}/complete`).send({ data: VALID_ANSWERS })),
    );
    const statuses = results.map((result) => result.status).sort();
    expect(statuses).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(await sql('SELECT id FROM responses WHERE campaign_id = $1', [id])).toHaveLength(1);
  });

  it('holds an open link quota of 5 under 20 concurrent completions', async () => {
    const { id } = await campaign('Quota');
    const open = await secretariat
      .post(`/api/campaigns/${id}/open-links`)
      .send({ networkId: networks.SEA.id, maxResponses: 5 });
    const token = tokenOf(open.body.url as string);
    const view = await http().get(`/api/respond/${token}`);
    expect([view.body.kind, view.body.language, view.body.status]).toEqual(['open', null, 'new']);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_unused, index) =>
        http()
          .post(`/api/respond/${token}/complete`)
          .send({
            data: VALID_ANSWERS,
            respondent: { country: 'Philippines', language: index % 2 === 0 ? 'en' : 'fr' },
          }),
      ),
    );
    expect(results.filter((result) => result.status === 201)).toHaveLength(5);
    const refused = results.filter((result) => result.status === 409);
    expect(refused).toHaveLength(15);
    expect(refused[0].body).toEqual(
      errorBody(409, 'quota_reached', 'This link has received all the 5 responses it accepts'),
    );
    expect(await sql('SELECT id FROM responses WHERE campaign_id = $1', [id])).toHaveLength(5);
    const save = await http().put(`/api/respond/${token}`).send({ data: {} });
    expect([save.status, save.body.message]).toEqual([
      409,
      'An open link keeps unfinished answers on this device only; submit them when done',
    ]);
  });

  it('stores no member identity in anonymous campaigns, yet counts completions per network', async () => {
    const { id, tokens } = await campaign('Anonymous', { anonymous: true });
    expect(
      (
        await http()
          .put(`/api/respond/${tokens[0]}`)
          .send({ data: { roles_clear: 'yes' } })
      ).status,
    ).toBe(200);
    const first = await http().post(`/api/respond/${tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect(first.status).toBe(201);
    const again = await http().post(`/api/respond/${tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    expect(again.status).toBe(409);
    expect((await http().post(`/api/respond/${tokens[1]}/complete`).send({ data: VALID_ANSWERS })).status).toBe(201);

    const rows = await sql<Record<string, unknown>>('SELECT * FROM responses WHERE campaign_id = $1', [id]);
    expect(rows).toHaveLength(2);
    const links = await campaignLinks(secretariat, id);
    const identities = links.flatMap((link) => [
      link.invitationId,
      link.memberId,
      link.email,
      link.name,
      tokenOf(link.url),
    ]);
    const dump = JSON.stringify([rows, await sql('SELECT * FROM audit_events WHERE subject = $1', [`campaign:${id}`])]);
    for (const identity of identities) expect(dump).not.toContain(identity);
    expect(rows.map((row) => [row.invitation_id, row.network_id, row.country, row.language])).toEqual([
      [null, networks.SEA.id, 'Philippines', 'fr'],
      [null, networks.SEA.id, 'Philippines', 'fr'],
    ]);
    const progress = await secretariat.get(`/api/campaigns/${id}/progress`);
    const invited = seededSeaMembers + 4;
    expect(progress.body.networks).toEqual([
      {
        networkId: networks.SEA.id,
        invited,
        opened: 0,
        started: 2,
        completed: 2,
        rate: Math.round((2 / invited) * 10_000) / 10_000,
      },
    ]);
  });

  it('lets respondents change a completed response until close when the campaign allows it, keeping history', async () => {
    const { id, tokens } = await campaign('Edits', { allowEdits: true });
    const first = await http().post(`/api/respond/${tokens[0]}/complete`).send({ data: VALID_ANSWERS });
    const edited = await http()
      .post(`/api/respond/${tokens[0]}/complete`)
      .send({ data: { ...VALID_ANSWERS, satisfaction: 2 } });
    expect([edited.status, edited.body]).toEqual([200, first.body]);
    const history = await sql<{ data: unknown }>('SELECT data FROM response_revisions WHERE response_id = $1', [
      first.body.responseId,
    ]);
    expect(history).toEqual([{ data: VALID_ANSWERS }]);
    expect((await http().get(`/api/respond/${tokens[0]}`)).body.data).toEqual({ ...VALID_ANSWERS, satisfaction: 2 });
    await secretariat.post(`/api/campaigns/${id}/close`);
    expect((await http().post(`/api/respond/${tokens[0]}/complete`).send({ data: VALID_ANSWERS })).status).toBe(410);
  });
});

describe('respondent rate limit', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ respondRateLimit: 3 });
  });
  afterAll(() => testApp.close());

  it('limits the respondent API per address with its own throttler, leaving sign-in alone', async () => {
    const token = 'x'.repeat(43);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await testApp.http().get(`/api/respond/${token}`)).status).toBe(404);
    const limited = await testApp.http().get(`/api/respond/${token}`);
    expect([limited.status, limited.body]).toEqual([
      429,
      {
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many requests from this address; try again in \d+ seconds$/),
      },
    ]);
    expect(limited.headers['retry-after-respond']).toMatch(/^\d+$/);
    expect(limited.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    const admin = await signInAdmin(testApp);
    expect((await admin.get('/api/auth/me')).status).toBe(200);
    const login = await testApp
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.org', password: 'wrong-password' });
    expect(login.status).toBe(401);
    expect(login.headers['x-ratelimit-limit-respond']).toBeUndefined();
  });
});
