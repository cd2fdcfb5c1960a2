import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import {
  addMembers,
  dataSourceOf,
  makeMembers,
  networksByCode,
  publishSurvey,
  signInAdmin,
  TEST_DEFINITION,
  tokenOf,
  VALID_ANSWERS,
} from '../support/campaign-fixtures';
import { type RemoteSession, sessionHeaders, signInAt } from '../support/fault-fixtures';
import {
  envelope,
  envelopeChoice,
  field,
  HOSTILE_EXPRESSIONS,
  hostileJson,
  type HostileRequest,
  objectOf,
  queryOf,
  segment,
} from '../support/hostile-requests';
import { call, forEachConcurrently, type HttpOutcome } from '../support/http-load';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';

const TOTAL = Number(process.env.HOSTILE_REQUESTS ?? 10_000);
const SEED = Number(process.env.HOSTILE_SEED ?? 20_240_601);
const CONCURRENCY = Number(process.env.HOSTILE_CONCURRENCY ?? 8);
const BATCH = 250;
/** Tables whose rows existing before the barrage must be exactly the same after it. */
const SNAPSHOT_TABLES = [
  'users',
  'surveys',
  'survey_versions',
  'campaigns',
  'invitations',
  'responses',
  'network_members',
  'charter_documents',
  'charter_revisions',
];

interface Context {
  admin: RemoteSession;
  surveyIds: string[];
  sandboxSurveyId: string;
  campaignIds: string[];
  networkIds: string[];
  charterIds: string[];
  sandboxCharterId: string;
  respondTokens: string[];
  expressionTokens: string[];
}

interface Finding {
  request: HostileRequest;
  outcome: HttpOutcome;
}

function collectGarbage(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}

describe(`hostile input: ${TOTAL} malformed and adversarial requests`, () => {
  let testApp: TestApp;
  let origin: string;
  let context: Context;
  const outcomes = new Map<string, number>();
  const slowest = new Map<string, number>();
  const findings: Finding[] = [];

  async function send(request: HostileRequest): Promise<HttpOutcome> {
    const outcome = await call(`${origin}${request.path}`, {
      method: request.method,
      headers: request.headers,
      raw: request.body,
      timeoutMs: 60_000,
    });
    const key = `${request.target} ${outcome.status}`;
    outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    slowest.set(request.target, Math.max(slowest.get(request.target) ?? 0, outcome.ms));
    if (process.env.HOSTILE_TRACE === '1' && outcome.ms > 300) {
      process.stdout.write(
        `SLOW ${outcome.ms.toFixed(0)} ms ${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 150)} ${Buffer.from(
          request.body ?? [],
        )
          .toString()
          .slice(0, 300)} → ${outcome.status}\n`,
      );
    }
    if (outcome.status >= 500 || outcome.status === 0) findings.push({ request, outcome });
    return outcome;
  }

  async function snapshot(): Promise<Map<string, Map<string, string>>> {
    const tables = new Map<string, Map<string, string>>();
    for (const table of SNAPSHOT_TABLES) {
      const rows = await dataSourceOf(testApp).query<Array<{ id: string; row: string }>>(
        `SELECT t.id::text AS id, row_to_json(t)::text AS row FROM ${table} t`,
      );
      tables.set(table, new Map(rows.map((row) => [row.id, row.row])));
    }
    return tables;
  }

  beforeAll(async () => {
    testApp = await createTestApp({ respondRateLimit: 100_000_000, seedDemo: false });
    const server = await testApp.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const setup = await signInAdmin(testApp);
    const admin = await signInAt(origin, ADMIN_EMAIL, ADMIN_PASSWORD);

    const survey = await publishSurvey(setup, 'hostile-protected');
    const sandbox = await publishSurvey(setup, 'hostile-sandbox');
    const networks = await networksByCode(setup);
    await addMembers(setup, networks.SEA.id, makeMembers('hostile', 6, 'Philippines'));
    await addMembers(setup, networks.CA.id, makeMembers('expr', 2, 'Uzbekistan', 'ru'));
    const campaign = await setup
      .post('/api/campaigns')
      .send({ surveyId: survey.surveyId, version: survey.version, name: 'Hostile', networkIds: [networks.SEA.id] });
    const campaignId = (campaign.body as { id: string }).id;
    const links = (await setup.get(`/api/campaigns/${campaignId}/links`)).body as Array<{ url: string }>;
    const tokens = links.map((link) => tokenOf(link.url));
    // Half the links are answered before the barrage (their rows must survive it unchanged).
    for (const token of tokens.slice(0, 3)) {
      const done = await testApp.http().post(`/api/respond/${token}/complete`).send({ data: VALID_ANSWERS });
      expect(done.status).toBe(201);
    }
    const open = await setup
      .post(`/api/campaigns/${campaignId}/open-links`)
      .send({ networkId: networks.SEA.id, maxResponses: 1 });
    const openToken = tokenOf((open.body as { url: string }).url);
    expect((await testApp.http().post(`/api/respond/${openToken}/complete`).send({ data: VALID_ANSWERS })).status).toBe(
      201,
    );
    const respondTokens = [...tokens, openToken];
    for (const token of respondTokens) await testApp.http().get(`/api/respond/${token}`);

    const charter = await setup.post('/api/charters').send({
      slug: 'hostile-protected',
      title: 'Protected',
      clauses: [
        { id: 'purpose', heading: 'Purpose', body: 'The network exists to reduce CBRN risks.' },
        { id: 'members', heading: 'Members', body: 'National Focal Points and national teams.' },
      ],
    });
    const sandboxCharter = await setup.post('/api/charters').send({
      slug: 'hostile-sandbox',
      title: 'Sandbox',
      clauses: [{ id: 'purpose', heading: 'Purpose', body: 'Sandbox text.' }],
    });
    context = {
      admin,
      surveyIds: [survey.surveyId, sandbox.surveyId],
      sandboxSurveyId: sandbox.surveyId,
      campaignIds: [campaignId],
      networkIds: Object.values(networks).map((network) => network.id),
      charterIds: [(charter.body as { id: string }).id, (sandboxCharter.body as { id: string }).id],
      sandboxCharterId: (sandboxCharter.body as { id: string }).id,
      respondTokens,
      expressionTokens: [],
    };
  });

  afterAll(async () => {
    await testApp?.close();
  });

  it('answers every request with a non-5xx status, keeps its memory, prototypes and stored data', async () => {
    const gc = collectGarbage();
    // survey-core warns on the console for every unknown function it evaluates; count, do not print.
    const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const sandboxSurveyVersions = new Set<string>();
    const before = await snapshot();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();

    // 1. Survey authors' expressions: saved, published, then evaluated while validating answers.
    let sent = 0;
    const expressionTokens: string[] = [];
    for (const [index, expression] of HOSTILE_EXPRESSIONS.entries()) {
      const definition = structuredClone(TEST_DEFINITION);
      (definition.pages[0].elements[1] as { visibleIf: string }).visibleIf = expression;
      (definition.pages[0].elements[2] as Record<string, unknown>).requiredIf = expression;
      const headers = { ...sessionHeaders(context.admin), 'content-type': 'application/json' };
      const created = await send({
        target: 'POST /api/surveys',
        method: 'POST',
        path: '/api/surveys',
        headers,
        body: Buffer.from(JSON.stringify({ slug: `expression-${index}`, title: `Expression ${index}` })),
      });
      const surveyId = (created.body as { id: string }).id;
      const version = await send({
        target: 'POST /api/surveys/:id/versions (expression)',
        method: 'POST',
        path: `/api/surveys/${surveyId}/versions`,
        headers,
        body: Buffer.from(JSON.stringify({ definition, changelog: 'hostile expression' })),
      });
      sent += 2;
      if (version.status !== 201) continue;
      const published = await send({
        target: 'POST /api/surveys/:id/versions/:n/publish (expression)',
        method: 'POST',
        path: `/api/surveys/${surveyId}/versions/1/publish`,
        headers,
      });
      sent++;
      if (published.status !== 200) continue;
      const campaign = await context.admin.post('/api/campaigns').send({
        surveyId,
        version: 1,
        name: `Expression ${index}`,
        networkIds: [(await networksByCode(context.admin)).CA.id],
      });
      expect(campaign.status).toBe(201);
      const links = (await context.admin.get(`/api/campaigns/${campaign.body.id}/links`)).body as Array<{
        url: string;
      }>;
      expressionTokens.push(...links.map((link) => tokenOf(link.url)));
    }
    context.expressionTokens = expressionTokens;

    // 2. Cases found by earlier runs, kept as fixed regressions.
    const admin = sessionHeaders(context.admin);
    const asJson = { ...admin, 'content-type': 'application/json' };
    const fresh = context.respondTokens[4];
    const known: HostileRequest[] = [
      {
        target: 'known: NUL in a tally filter',
        method: 'GET',
        path: `/api/surveys/${context.surveyIds[0]}/tallies?role=%00`,
        headers: admin,
      },
      {
        target: 'known: NUL in a tally filter',
        method: 'GET',
        path: `/api/campaigns/${context.campaignIds[0]}/tallies?country=%00&role=%00`,
        headers: admin,
      },
      {
        target: 'known: NUL in a charter query',
        method: 'GET',
        path: `/api/charters/${context.charterIds[0]}/diff?from=%00&to=1`,
        headers: admin,
      },
      {
        target: 'known: NUL in an answer',
        method: 'PUT',
        path: `/api/respond/${fresh}`,
        headers: asJson,
        body: Buffer.from('{"data":{"roles_why":"a\\u0000b"}}'),
      },
      {
        target: 'known: NUL in an answer',
        method: 'POST',
        path: `/api/respond/${fresh}/complete`,
        headers: asJson,
        body: Buffer.from('{"data":{"roles_clear":"no","roles_why":"\\u0000","satisfaction":1}}'),
      },
      {
        target: 'known: NUL in a title',
        method: 'POST',
        path: '/api/surveys',
        headers: asJson,
        body: Buffer.from('{"slug":"nul-title","title":"a\\u0000b"}'),
      },
      {
        target: 'known: NUL in a clause',
        method: 'POST',
        path: '/api/charters',
        headers: asJson,
        body: Buffer.from('{"slug":"nul-clause","title":"t","clauses":[{"heading":"h\\u0000","body":"b\\u0000"}]}'),
      },
      {
        target: 'known: 100,000 levels deep',
        method: 'POST',
        path: `/api/respond/${fresh}/complete`,
        headers: asJson,
        body: Buffer.from(`{"data":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`),
      },
      {
        target: 'known: 10,000 levels deep',
        method: 'POST',
        path: '/api/surveys',
        headers: asJson,
        body: Buffer.from(`{"slug":"deep","title":"x","extra":${'['.repeat(10_000)}${']'.repeat(10_000)}}`),
      },
    ];
    for (const request of known) await send(request);
    sent += known.length;

    // 3. The barrage.
    // Generated in batches: a whole run's bodies (some near 1 MB) would not fit in memory at once.
    const arbitrary = hostileRequest(context);
    for (let batch = 0; sent < TOTAL; batch++) {
      const requests = fc.sample(arbitrary, { numRuns: Math.min(BATCH, TOTAL - sent), seed: SEED + batch });
      await forEachConcurrently(requests, CONCURRENCY, async (request) => {
        await send(request);
      });
      sent += requests.length;
    }

    // Still up and serving: health, and an ordinary completion on a fresh link.
    const health = await call(`${origin}/api/health`);
    expect([health.status, health.body]).toEqual([200, { status: 'ok', db: 'up' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);

    const report = findings.slice(0, 20).map(
      ({ request, outcome }) =>
        `${request.method} ${request.path.slice(0, 200)} [${JSON.stringify(request.headers)}] ` +
        `body ${Buffer.from(request.body ?? [])
          .toString('utf8')
          .slice(0, 300)} → ${outcome.status} ${JSON.stringify(outcome.body ?? outcome.error)}`,
    );
    expect({ count: findings.length, first: report }).toEqual({ count: 0, first: [] });

    // Stored data: every row that existed before is unchanged (sandbox objects excepted).
    const after = await snapshot();
    const sandboxVersions = await dataSourceOf(testApp).query<Array<{ id: string }>>(
      'SELECT id::text AS id FROM survey_versions WHERE survey_id = $1',
      [context.sandboxSurveyId],
    );
    for (const row of sandboxVersions) sandboxSurveyVersions.add(row.id);
    const sandboxIds = new Set([context.sandboxSurveyId, context.sandboxCharterId, ...sandboxSurveyVersions]);
    for (const table of SNAPSHOT_TABLES) {
      const changed: string[] = [];
      for (const [id, row] of before.get(table) ?? []) {
        if (!sandboxIds.has(id) && after.get(table)?.get(id) !== row)
          changed.push(`${id}: ${row} → ${after.get(table)?.get(id)}`);
      }
      expect([table, changed]).toEqual([table, []]);
    }

    warnings.mockRestore();
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    const summary = [...outcomes.entries()].sort().map(([key, count]) => `  ${key}: ${count}`);
    summary.push(...[...slowest.entries()].sort().map(([target, ms]) => `  slowest ${target}: ${ms.toFixed(0)} ms`));
    process.stdout.write(
      `hostile input: ${sent} requests (seed ${SEED}); heap ${(heapBefore / 1e6).toFixed(0)} MB → ` +
        `${(heapAfter / 1e6).toFixed(0)} MB; ${warnings.mock.calls.length} console warnings\n${summary.join('\n')}\n`,
    );
    expect(heapAfter).toBeLessThan(Math.max(heapBefore * 3, heapBefore + 200e6));
  });
});

/** One arbitrary over every hostile request, weighted across the four API areas. */
function hostileRequest(context: Context): fc.Arbitrary<HostileRequest> {
  const json = (value: unknown): string => JSON.stringify(value);
  const text = field(fc.string({ maxLength: 40 }));
  const int = field(fc.integer({ min: -5, max: 5 }));
  const bool = field(fc.boolean());
  const uuidOf = (ids: readonly string[]): fc.Arbitrary<string> => field(fc.oneof(fc.constantFrom(...ids), fc.uuid()));
  const token = segment([...context.respondTokens, ...context.expressionTokens]);
  const surveyId = segment(context.surveyIds);
  const campaignId = segment(context.campaignIds);
  const charterId = segment(context.charterIds);
  const writableSurvey = segment([context.sandboxSurveyId]);
  const writableCharter = segment([context.sandboxCharterId]);
  const nothing = segment([]);
  const number = segment(['1', '2', '3']);

  const answers = fc.oneof(
    hostileJson,
    objectOf({
      roles_clear: field(fc.constantFrom('yes', 'no', 'partly')),
      roles_why: text,
      satisfaction: field(fc.integer({ min: 0, max: 6 })),
      priorities: field(fc.subarray(['training', 'exercises', 'equipment'])),
    }),
  );
  const element = objectOf({
    type: field(
      fc.constantFrom(
        'radiogroup',
        'checkbox',
        'text',
        'rating',
        'comment',
        'html',
        'expression',
        'matrix',
        'panel',
        'nonsense',
      ),
    ),
    name: field(fc.constantFrom('q1', 'q2', '__proto__', 'constructor', "q' OR 1=1")),
    title: text,
    visibleIf: fc.oneof(fc.constantFrom(...HOSTILE_EXPRESSIONS).map(json), hostileJson),
    choices: field(fc.array(fc.string({ maxLength: 5 }), { maxLength: 4 })),
    html: field(
      fc.constantFrom(
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '<a href="javascript:alert(1)">x</a>',
      ),
    ),
    isRequired: bool,
  });
  const definition = fc.oneof(
    hostileJson,
    objectOf({
      title: text,
      pages: fc.oneof(
        hostileJson,
        fc.array(element, { maxLength: 4 }).map((elements) => `[{"name":"p1","elements":[${elements.join(',')}]}]`),
      ),
    }),
  );
  const clause = objectOf({
    id: field(fc.constantFrom('purpose', 'members', 'new-1', 'x'.repeat(65), '../x')),
    heading: text,
    body: text,
  });
  const clauses = fc.oneof(
    hostileJson,
    fc.array(clause, { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
  );
  const charterQuery = queryOf(
    ['from', 'to', 'revision', 'against', 'format'],
    ['1', '2', 'md', 'html', 'docx', 'pdf'],
  );
  const tallyQuery = queryOf(
    ['groupBy', 'network', 'includePartial', 'country', 'role', 'versions', 'labels'],
    ['network', 'country', 'role', 'true', 'false', 'en', '1,2'],
  );

  type Route = [
    target: string,
    method: HostileRequest['method'],
    path: fc.Arbitrary<string>,
    body: fc.Arbitrary<string> | null,
    weight: number,
  ];
  const path = (parts: TemplateStringsArray, ...slots: Array<fc.Arbitrary<string>>): fc.Arbitrary<string> =>
    fc.tuple(...slots).map((values) => parts.reduce((built, part, index) => built + part + (values[index] ?? ''), ''));
  const routes: Route[] = [
    // Respondent
    ['GET /api/respond/:token', 'GET', path`/api/respond/${token}`, null, 3],
    ['PUT /api/respond/:token', 'PUT', path`/api/respond/${token}`, objectOf({ data: answers }), 8],
    [
      'POST /api/respond/:token/complete',
      'POST',
      path`/api/respond/${token}/complete`,
      objectOf({
        data: answers,
        respondent: fc.oneof(
          hostileJson,
          objectOf({ country: text, role: text, language: field(fc.constantFrom('en', 'fr', 'xx')) }),
        ),
      }),
      14,
    ],
    // Surveys
    [
      'POST /api/surveys',
      'POST',
      fc.constant('/api/surveys'),
      objectOf({ slug: field(fc.constantFrom('ok-slug', 'UPPER', 'a'.repeat(200))), title: text }),
      3,
    ],
    ['GET /api/surveys/:id', 'GET', path`/api/surveys/${surveyId}`, null, 2],
    [
      'POST /api/surveys/:id/versions',
      'POST',
      path`/api/surveys/${writableSurvey}/versions`,
      objectOf({ definition, changelog: text }),
      8,
    ],
    [
      'PUT /api/surveys/:id/versions/:n',
      'PUT',
      path`/api/surveys/${surveyId}/versions/${number}`,
      objectOf({ definition, changelog: text }),
      6,
    ],
    [
      'POST /api/surveys/:id/versions/:n/publish',
      'POST',
      path`/api/surveys/${nothing}/versions/${number}/publish`,
      null,
      1,
    ],
    ['GET /api/surveys/:id/versions/:n', 'GET', path`/api/surveys/${surveyId}/versions/${number}`, null, 2],
    [
      'GET /api/surveys/:id/versions/:a/diff/:b',
      'GET',
      path`/api/surveys/${surveyId}/versions/${number}/diff/${number}`,
      null,
      2,
    ],
    ['GET /api/surveys/:id/tallies', 'GET', path`/api/surveys/${surveyId}/tallies${tallyQuery}`, null, 2],
    // Campaigns
    [
      'POST /api/campaigns',
      'POST',
      fc.constant('/api/campaigns'),
      objectOf({
        surveyId: uuidOf(context.surveyIds),
        version: int,
        name: text,
        networkIds: field(fc.array(fc.constantFrom(...context.networkIds), { maxLength: 2 })),
        opensAt: field(fc.constantFrom('2099-01-01T00:00:00Z', 'not a date', '0000-00-00')),
        closesAt: field(fc.constantFrom('1999-01-01T00:00:00Z', '2099-13-45')),
        anonymous: bool,
        allowEdits: bool,
      }),
      4,
    ],
    [
      'GET /api/campaigns/:id/*',
      'GET',
      path`/api/campaigns/${campaignId}${fc.constantFrom('', '/links', '/links.csv', '/progress', '/open-links')}`,
      null,
      3,
    ],
    ['GET /api/campaigns/:id/tallies', 'GET', path`/api/campaigns/${campaignId}/tallies${tallyQuery}`, null, 4],
    [
      'GET /api/campaigns/:id/responses.*',
      'GET',
      path`/api/campaigns/${campaignId}/responses${fc.constantFrom('.csv', '.json', '.xlsx')}${tallyQuery}`,
      null,
      2,
    ],
    [
      'GET /api/campaigns/:id/answers/:question',
      'GET',
      path`/api/campaigns/${campaignId}/answers/${segment(['roles_why', 'roles_clear'])}${tallyQuery}`,
      null,
      2,
    ],
    [
      'POST /api/campaigns/:id/open-links',
      'POST',
      path`/api/campaigns/${campaignId}/open-links`,
      objectOf({ networkId: uuidOf(context.networkIds), maxResponses: int }),
      2,
    ],
    ['POST /api/campaigns/:id/close', 'POST', path`/api/campaigns/${nothing}/close`, null, 1],
    ['POST /api/invitations/:id/revoke', 'POST', path`/api/invitations/${nothing}/revoke`, null, 1],
    // Charter
    [
      'POST /api/charters',
      'POST',
      fc.constant('/api/charters'),
      objectOf({ slug: field(fc.constantFrom('c-slug', 'Bad Slug')), title: text, clauses }),
      3,
    ],
    [
      'GET /api/charters/:id/*',
      'GET',
      path`/api/charters/${charterId}${fc.constantFrom('', '/revisions', '/revisions/1', '/revisions/0', '/amendments', '/comments', '/evidence')}`,
      null,
      3,
    ],
    [
      'GET /api/charters/:id/diff|blame|export',
      'GET',
      path`/api/charters/${charterId}/${fc.constantFrom('diff', 'blame', 'export')}${charterQuery}`,
      null,
      5,
    ],
    [
      'GET /api/charters/:id/clauses/:clauseId/history',
      'GET',
      path`/api/charters/${charterId}/clauses/${segment(['purpose', 'members'])}/history`,
      null,
      2,
    ],
    [
      'POST /api/charters/:id/revisions',
      'POST',
      path`/api/charters/${writableCharter}/revisions`,
      objectOf({
        baseRevision: int,
        clauses,
        message: text,
        evidence: field(fc.array(fc.object({ maxDepth: 1 }), { maxLength: 2 })),
      }),
      8,
    ],
    [
      'POST /api/charters/:id/import',
      'POST',
      path`/api/charters/${writableCharter}/import`,
      objectOf({ baseRevision: int, markdown: text, message: text }),
      2,
    ],
    [
      'POST /api/charters/:id/comments',
      'POST',
      path`/api/charters/${writableCharter}/comments`,
      objectOf({ clauseId: text, body: text, revision: int, quote: text }),
      2,
    ],
    [
      'POST /api/charters/:id/amendments',
      'POST',
      path`/api/charters/${writableCharter}/amendments`,
      objectOf({ baseRevision: int, clauseId: text, heading: text, body: text, rationale: text }),
      2,
    ],
  ];

  const auth = fc.oneof(
    { weight: 18, arbitrary: fc.constant(sessionHeaders(context.admin)) },
    { weight: 1, arbitrary: fc.constant<Record<string, string>>({}) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Record<string, string>>(
        { authorization: "Bearer ' OR '1'='1" },
        { authorization: 'Basic YWRtaW46YWRtaW4=' },
        { cookie: `concord_session=${'x'.repeat(4_000)}`, 'x-csrf-token': 'x' },
        { cookie: 'concord_session=%E0%A4%A; csrf_token=__proto__', 'x-csrf-token': '__proto__' },
      ),
    },
  );
  const idempotencyKey = fc.option(
    fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom("' OR 1=1", 'k'.repeat(300), ' ')),
    { freq: 2 },
  );

  return fc.oneof(
    ...routes.map(([target, method, pathArbitrary, body, weight]) => ({
      weight,
      arbitrary: fc
        .tuple(pathArbitrary, body ?? fc.constant(null), envelopeChoice, auth, idempotencyKey)
        .map(([built, bodyText, [choice, variant], authHeaders, key]): HostileRequest => {
          const headers: Record<string, string> = { ...authHeaders };
          if (key !== null) headers['idempotency-key'] = key.replace(/[^\x20-\x7e]/g, '?');
          if (bodyText === null) return { target, method, path: built, headers };
          const wrapped = envelope(bodyText, choice, variant);
          return { target, method, path: built, headers: { ...headers, ...wrapped.headers }, body: wrapped.body };
        }),
    })),
  );
}
