import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

/**
 * Free-text coding against the contract: themes per survey across versions, each coder's codings,
 * merge and rename keeping codings, the coding list's filters, and agreement on a fixture whose
 * kappas are worked out by hand below.
 */
const V1 = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'comment', name: 'why', title: 'Why?' },
        { type: 'text', name: 'contact', inputType: 'email', title: 'E-mail' },
        { type: 'radiogroup', name: 'pick', title: 'Pick', showOtherItem: true, choices: ['a', 'b'] },
      ],
    },
  ],
};
/** Version 2 asks `why` again and adds `later`: themes belong to the survey, across versions. */
const V2 = {
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'comment', name: 'why', title: 'Why, in a few words?' },
        { type: 'comment', name: 'later', title: 'Anything later?' },
      ],
    },
  ],
};

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let testApp: TestApp;
let db: DataSource;
let admin: StaffSession;
let coderA: StaffSession & { id: string };
let coderB: StaffSession & { id: string };
let committee: StaffSession & { id: string };
let surveyId: string;
let campaignId: string;
let campaign2Id: string;
let n1: { id: string; name: string };
let n2: { id: string; name: string };
/** Response ids of campaign 1 by label: W1…W10 answer `why`, P1 is partial, E1 left `why` empty. */
const r: Record<string, string> = {};

/**
 * Who answered (in the fixture's network n1 or n2), and when a complete response was completed:
 * `minute` past 10:00 UTC on 10 January 2025.
 */
interface Profile {
  network: 'n1' | 'n2';
  country: string;
  role: string;
  language: string;
  minute: number;
}

async function insertResponse(
  campaign: string,
  versionId: string,
  profile: Profile,
  data: Record<string, unknown>,
  status: 'complete' | 'partial' = 'complete',
): Promise<string> {
  const id = randomUUID();
  const at = status === 'complete' ? new Date(Date.UTC(2025, 0, 10, 10, profile.minute)).toISOString() : null;
  const networkId = { n1, n2 }[profile.network].id;
  await db.query(
    `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, campaign, versionId, networkId, profile.country, profile.role, profile.language, data, status, at],
  );
  return id;
}

const WHY_TEXTS: Array<[string, 'n1' | 'n2', string, string, string]> = [
  ['The mandate of the secretariat is unclear', 'n1', 'Morocco', 'National Focal Point', 'en'],
  [
    'Le mandat du Secrétariat n’est pas clair et les équipes manquent de formation',
    'n1',
    'Senegal',
    'national team',
    'fr',
  ],
  ['Fine as it is', 'n1', 'Morocco', 'national team', 'en'],
  ['More training for national teams', 'n2', 'Georgia', 'National Focal Point', 'en'],
  ['Funding rules are opaque', 'n2', 'Georgia', 'national team', 'en'],
  ['Roles of NFPs overlap', 'n2', 'Armenia', 'observer', 'en'],
  ['Unclear mandate and too little training', 'n1', 'Morocco', 'observer', 'en'],
  ['No comment', 'n2', 'Armenia', 'national team', 'en'],
  ['Secretariat should report twice a year', 'n1', 'Senegal', 'observer', 'fr'],
  ['Больше учений', 'n2', 'Georgia', 'observer', 'ru'],
];

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  coderA = await createStaff(testApp, admin, 'secretariat', 'coder-a@example.org');
  coderB = await createStaff(testApp, admin, 'secretariat', 'coder-b@example.org');
  committee = await createStaff(testApp, admin, 'committee', 'reader@example.org');
  const networks = (await admin.get('/api/networks')).body as Array<{ id: string; name: string }>;
  [n1, n2] = networks as [typeof n1, typeof n2];
  const survey = await admin.post('/api/surveys').send({ slug: 'coding-fixture', title: 'Coding fixture' });
  surveyId = survey.body.id;
  for (const definition of [V1, V2]) {
    const created = await admin.post(`/api/surveys/${surveyId}/versions`).send({ definition, changelog: 'fixture' });
    expect(created.status).toBe(201);
    expect((await admin.post(`/api/surveys/${surveyId}/versions/${created.body.version}/publish`)).status).toBe(200);
  }
  const c1 = await admin
    .post('/api/campaigns')
    .send({ surveyId, version: 1, name: 'Coding v1', networkIds: [n1.id, n2.id] });
  const c2 = await admin
    .post('/api/campaigns')
    .send({ surveyId, version: 2, name: 'Coding v2', networkIds: [n1.id, n2.id] });
  expect([c1.status, c2.status]).toEqual([201, 201]);
  campaignId = c1.body.id;
  campaign2Id = c2.body.id;
  const v1 = c1.body.surveyVersionId as string;
  for (const [index, [text, network, country, role, language]] of WHY_TEXTS.entries()) {
    const data: Record<string, unknown> = { why: text, contact: `person${index}@example.org` };
    if (index === 2) Object.assign(data, { pick: 'other', 'pick-Comment': 'Something else entirely' });
    r[`W${index + 1}`] = await insertResponse(
      campaignId,
      v1,
      { network, country, role, language, minute: index },
      data,
    );
  }
  const unprofiled = { network: 'n1', country: 'Morocco', role: 'x', language: 'en' } as const;
  r.P1 = await insertResponse(campaignId, v1, { ...unprofiled, minute: 30 }, { why: 'draft' }, 'partial');
  r.E1 = await insertResponse(campaignId, v1, { ...unprofiled, minute: 31 }, { why: '   ' });
});

afterAll(() => testApp.close());

async function createTheme(
  session: StaffSession,
  body: Record<string, unknown>,
): Promise<{ id: string; [key: string]: unknown }> {
  const response = await session.post(`/api/surveys/${surveyId}/themes`).send(body);
  if (response.status !== 201) throw new Error(`create theme: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Saves a coder's themes for one answer: by default the `why` answer of campaign 1's response `label`. */
async function code(
  session: StaffSession,
  label: string,
  themeIds: string[],
  question = 'why',
  campaign = campaignId,
  responses = r,
): Promise<void> {
  const response = await session
    .put(`/api/campaigns/${campaign}/responses/${responses[label]}/codes`)
    .send({ question, themeIds });
  if (response.status !== 200) throw new Error(`code ${label}: ${response.status} ${JSON.stringify(response.body)}`);
}

async function myCodings(session: StaffSession, question = 'why'): Promise<Record<string, string[]>> {
  const page = await session.get(
    `/api/campaigns/${campaignId}/coding/answers?question=${question}&status=coded&pageSize=500`,
  );
  expect(page.status).toBe(200);
  const labels = new Map(Object.entries(r).map(([label, id]) => [id, label]));
  return Object.fromEntries(
    (page.body.answers as Array<{ responseId: string; themeIds: string[] }>).map((answer) => [
      labels.get(answer.responseId),
      answer.themeIds,
    ]),
  );
}

describe('themes', () => {
  let mandate: { id: string; [key: string]: unknown };

  it('creates a theme of a free-text question: 201 with the whole theme', async () => {
    const response = await coderA
      .post(`/api/surveys/${surveyId}/themes`)
      .send({ question: 'why', name: '  Unclear mandate ', description: 'The role is not defined' });
    expect(response.status).toBe(201);
    mandate = response.body;
    expect(response.body).toEqual({
      id: expect.stringMatching(UUID),
      surveyId,
      question: 'why',
      name: 'Unclear mandate',
      description: 'The role is not defined',
      parentId: null,
      position: 1,
      mergedIntoId: null,
      codedAnswers: 0,
      createdAt: expect.stringMatching(ISO),
      updatedAt: expect.stringMatching(ISO),
    });
  });

  it('nests a theme under a parent, numbers themes in order, and accepts questions of any version and "other" text', async () => {
    const child = await createTheme(coderA, { question: 'why', name: 'Secretariat mandate', parentId: mandate.id });
    expect(child).toMatchObject({ parentId: mandate.id, position: 2 });
    expect(await createTheme(coderA, { question: 'later', name: 'Later' })).toMatchObject({
      question: 'later',
      position: 1,
    });
    expect(await createTheme(coderA, { question: 'pick-Comment', name: 'Other' })).toMatchObject({
      question: 'pick-Comment',
      position: 1,
    });
  });

  it('lists themes per question for coders and the committee', async () => {
    const listed = await committee.get(`/api/surveys/${surveyId}/themes?question=why`);
    expect(listed.status).toBe(200);
    expect(listed.body.map((theme: { name: string }) => theme.name)).toEqual([
      'Unclear mandate',
      'Secretariat mandate',
    ]);
    const all = await coderA.get(`/api/surveys/${surveyId}/themes`);
    expect(all.body.map((theme: { question: string; name: string }) => `${theme.question}:${theme.name}`)).toEqual([
      'later:Later',
      'pick-Comment:Other',
      'why:Unclear mandate',
      'why:Secretariat mandate',
    ]);
  });

  it('refuses bad input with a 4xx that names the problem, and stores nothing', async () => {
    const before = (await coderA.get(`/api/surveys/${surveyId}/themes`)).body.length;
    const cases: Array<[Record<string, unknown>, number, string, unknown?]> = [
      [
        { question: 'why', name: 'UNCLEAR   mandate' },
        409,
        'Question why already has a theme named "Unclear mandate"',
        { themeId: mandate.id },
      ],
      [
        { question: 'contact', name: 'E-mail' },
        422,
        'contact is not a free-text question of this questionnaire; its free-text questions are: why, pick-Comment, later',
      ],
      [{ question: 'why', name: '' }, 400, 'name must be 1 to 120 characters long'],
      [{ question: 'why' }, 400, 'name must be 1 to 120 characters long; name must be a string'],
      [{ question: 'why', name: 'X', parentId: 'nope' }, 400, 'parentId must be a UUID'],
      [{ question: 'why', name: 'X', colour: 'red' }, 400, 'property colour should not exist'],
      [
        { question: 'why', name: 'X', parentId: randomUUID() },
        422,
        expect.stringMatching(/^parentId [0-9a-f-]{36} is not a theme of this survey$/),
      ],
    ];
    for (const [body, status, message, details] of cases) {
      const response = await coderA.post(`/api/surveys/${surveyId}/themes`).send(body);
      expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
      expect(response.body.error).toBe({ 400: 'Bad Request', 409: 'Conflict', 422: 'Unprocessable Entity' }[status]);
      if (details !== undefined) expect(response.body.details).toEqual(details);
    }
    const later = (await coderA.get(`/api/surveys/${surveyId}/themes?question=later`)).body[0];
    const wrongQuestion = await coderA
      .post(`/api/surveys/${surveyId}/themes`)
      .send({ question: 'why', name: 'X', parentId: later.id });
    expect(wrongQuestion.status).toBe(422);
    expect(wrongQuestion.body.message).toBe('The parent theme belongs to question later, not why');
    const unknownSurvey = await coderA.post(`/api/surveys/${randomUUID()}/themes`).send({ question: 'why', name: 'X' });
    expect(unknownSurvey.body).toEqual(errorBody(404, 'survey_not_found', 'No survey has this id'));
    const byCommittee = await committee.post(`/api/surveys/${surveyId}/themes`).send({ question: 'why', name: 'X' });
    expect(byCommittee.body).toEqual(
      errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat'),
    );
    expect((await coderA.get(`/api/surveys/${surveyId}/themes`)).body).toHaveLength(before);
  });

  it('refuses a parent that would make a cycle', async () => {
    const [top, child] = (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body;
    const response = await coderA.patch(`/api/surveys/${surveyId}/themes/${top.id}`).send({ parentId: child.id });
    expect(response.body).toEqual(
      errorBody(422, 'theme_invalid_parent', 'A theme cannot be placed under itself or one of its own sub-themes'),
    );
  });
});

describe('coding answers', () => {
  let training: string;
  let mandate: string;
  let funding: string;

  beforeAll(async () => {
    const themes = (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body as Array<{
      id: string;
      name: string;
    }>;
    mandate = themes.find((theme) => theme.name === 'Unclear mandate')?.id ?? '';
    training = (await createTheme(coderA, { question: 'why', name: 'Training' })).id;
    funding = (await createTheme(coderA, { question: 'why', name: 'Funding' })).id;
  });

  it("lists the answers with network, country and role, never who wrote them, and the coder's progress", async () => {
    const page = await coderA.get(`/api/campaigns/${campaignId}/coding/answers?question=why&pageSize=2`);
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      question: 'why',
      total: 10,
      page: 1,
      pageSize: 2,
      progress: { total: 10, coded: 0, suggested: 0 },
      answers: [
        {
          responseId: r.W1,
          text: 'The mandate of the secretariat is unclear',
          networkId: n1.id,
          network: n1.name,
          country: 'Morocco',
          role: 'National Focal Point',
          language: 'en',
          themeIds: [],
          suggestedThemeIds: [],
          codedAt: null,
        },
        {
          responseId: r.W2,
          text: 'Le mandat du Secrétariat n’est pas clair et les équipes manquent de formation',
          networkId: n1.id,
          network: n1.name,
          country: 'Senegal',
          role: 'national team',
          language: 'fr',
          themeIds: [],
          suggestedThemeIds: [],
          codedAt: null,
        },
      ],
    });
    expect(JSON.stringify(page.body)).not.toContain('@example.org');
  });

  it('saves each coder\'s own coding, audited, and counts "no theme" as coded', async () => {
    const saved = await coderA
      .put(`/api/campaigns/${campaignId}/responses/${r.W1}/codes`)
      .send({ question: 'why', themeIds: [mandate] });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({
      responseId: r.W1,
      question: 'why',
      themeIds: [mandate],
      suggestedThemeIds: [],
      codedAt: expect.stringMatching(ISO),
    });
    await code(coderA, 'W2', [training, mandate]);
    await code(coderA, 'W3', []);
    await code(coderB, 'W1', [training]);
    expect(await myCodings(coderA)).toEqual({ W1: [mandate], W2: [mandate, training], W3: [] });
    expect(await myCodings(coderB)).toEqual({ W1: [training] });
    const progress = (await coderA.get(`/api/campaigns/${campaignId}/coding/answers?question=why&pageSize=1`)).body
      .progress;
    expect(progress).toEqual({ total: 10, coded: 3, suggested: 0 });
    const audit = (await admin.get(`/api/audit?subject=campaign:${campaignId}&action=coding.answer_coded`))
      .body as Array<{
      actorEmail: string;
      payload: unknown;
    }>;
    expect(audit.map((event) => [event.actorEmail, event.payload]).reverse()).toEqual([
      ['coder-a@example.org', { responseId: r.W1, question: 'why', themeIds: [mandate] }],
      ['coder-a@example.org', { responseId: r.W2, question: 'why', themeIds: [training, mandate] }],
      ['coder-a@example.org', { responseId: r.W3, question: 'why', themeIds: [] }],
      ['coder-b@example.org', { responseId: r.W1, question: 'why', themeIds: [training] }],
    ]);
  });

  it('filters by status, network, country, role, language, theme and words (accents ignored), and pages after a cursor', async () => {
    const ids = async (query: string) => {
      const response = await coderA.get(`/api/campaigns/${campaignId}/coding/answers?question=why&${query}`);
      expect(response.status).toBe(200);
      const labels = new Map(Object.entries(r).map(([label, id]) => [id, label]));
      return (response.body.answers as Array<{ responseId: string }>).map((answer) => labels.get(answer.responseId));
    };
    expect(await ids('status=uncoded&pageSize=3')).toEqual(['W4', 'W5', 'W6']);
    expect(await ids('status=coded')).toEqual(['W1', 'W2', 'W3']);
    expect(await ids(`network=${n2.id}`)).toEqual(['W4', 'W5', 'W6', 'W8', 'W10']);
    expect(await ids('country=Senegal')).toEqual(['W2', 'W9']);
    expect(await ids('role=observer&language=en')).toEqual(['W6', 'W7']);
    expect(await ids(`theme=${mandate}`)).toEqual(['W1', 'W2']);
    expect(await ids('q=SECRETARIAT')).toEqual(['W1', 'W2', 'W9']);
    expect(await ids('q=equipes%20mandat')).toEqual(['W2']);
    expect(await ids(`status=uncoded&after=${r.W5}&pageSize=2`)).toEqual(['W6', 'W7']);
    expect(await ids(`after=${r.W10}`)).toEqual([]);
  });

  it('gives every coder the same fixed sample', async () => {
    const sample = async (session: StaffSession, size: number) =>
      (
        (await session.get(`/api/campaigns/${campaignId}/coding/answers?question=why&sample=${size}`)).body
          .answers as Array<{
          responseId: string;
        }>
      ).map((answer) => answer.responseId);
    const forA = await sample(coderA, 4);
    expect(forA).toHaveLength(4);
    expect(await sample(coderB, 4)).toEqual(forA);
    const bigger = await sample(coderA, 6);
    expect(forA.every((id) => bigger.includes(id))).toBe(true);
  });

  it('refuses bad queries and codings with a 4xx that names the problem, and changes nothing', async () => {
    const before = await myCodings(coderA);
    const base = `/api/campaigns/${campaignId}`;
    const badQueries: Array<[string, number, string]> = [
      ['coding/answers', 400, 'question must be 1 to 200 characters long; question must be given once'],
      ['coding/answers?question=why&status=done', 400, 'status must be one of all, uncoded, coded, suggested'],
      ['coding/answers?question=why&pageSize=0', 400, 'pageSize must be an integer from 1 to 500'],
      ['coding/answers?question=why&sample=x', 400, 'sample must be an integer from 1 to 10000'],
      ['coding/answers?question=why&network=CA', 400, 'network must be network ids separated by commas'],
      [
        'coding/answers?question=why&question=later',
        400,
        'question must be 1 to 200 characters long; question must be given once',
      ],
      [`coding/answers?question=why&after=${r.P1}`, 404, `after: response ${r.P1} has no answer to why`],
      [
        'coding/answers?question=later',
        422,
        'later is not a free-text question of this questionnaire; its free-text questions are: why, pick-Comment',
      ],
    ];
    for (const [path, status, message] of badQueries) {
      const response = await coderA.get(`${base}/${path}`);
      expect({ path, status: response.status, message: response.body.message }).toEqual({ path, status, message });
    }
    const later = (await coderA.get(`/api/surveys/${surveyId}/themes?question=later`)).body[0].id as string;
    const unknownTheme = randomUUID();
    const badCodings: Array<[string, Record<string, unknown>, number, string, unknown?]> = [
      [r.W4, { question: 'why', themeIds: [training, training] }, 400, `themeIds must not repeat ${training}`],
      [r.W4, { question: 'why', themeIds: 'x' }, 400, 'themeIds must be an array of ids'],
      [r.W4, { question: 'why', themeIds: [training, 'x'] }, 400, 'themeIds[1] must be a UUID'],
      [r.W4, { question: 'why' }, 400, 'themeIds must be an array of ids'],
      [
        r.W4,
        { question: 'contact', themeIds: [] },
        422,
        'contact is not a free-text question of this questionnaire; its free-text questions are: why, pick-Comment',
      ],
      [r.P1, { question: 'why', themeIds: [] }, 404, `Response ${r.P1} has no answer to why in this campaign`],
      [r.E1, { question: 'why', themeIds: [] }, 404, `Response ${r.E1} has no answer to why in this campaign`],
      [
        randomUUID(),
        { question: 'pick-Comment', themeIds: [] },
        404,
        expect.stringMatching(/has no answer to pick-Comment in this campaign$/),
      ],
      [
        r.W4,
        { question: 'why', themeIds: [training, later, unknownTheme] },
        422,
        `theme ${later} is a theme of question later, not why; theme ${unknownTheme} is not a theme of this survey`,
        [
          { themeId: later, message: 'a theme of question later, not why' },
          { themeId: unknownTheme, message: 'not a theme of this survey' },
        ],
      ],
    ];
    for (const [responseId, body, status, message, details] of badCodings) {
      const response = await coderA.put(`${base}/responses/${responseId}/codes`).send(body);
      expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
      if (details !== undefined) expect(response.body.details).toEqual(details);
    }
    const otherCampaign = await coderA
      .put(`/api/campaigns/${randomUUID()}/responses/${r.W4}/codes`)
      .send({ question: 'why', themeIds: [] });
    expect(otherCampaign.status).toBe(404);
    expect(otherCampaign.body.error).toBe('Not Found');
    const byCommittee = await committee.put(`${base}/responses/${r.W4}/codes`).send({ question: 'why', themeIds: [] });
    expect(byCommittee.status).toBe(403);
    expect((await committee.get(`${base}/coding/answers?question=why`)).status).toBe(403);
    expect(await myCodings(coderA)).toEqual(before);
  });

  it('clears a coding, audited', async () => {
    await code(coderA, 'W5', [funding]);
    const cleared = await coderA.delete(`/api/campaigns/${campaignId}/responses/${r.W5}/codes?question=why`);
    expect(cleared.status).toBe(204);
    expect(Object.keys(await myCodings(coderA))).toEqual(['W1', 'W2', 'W3']);
    const events = (await admin.get(`/api/audit?subject=campaign:${campaignId}&action=coding.answer_uncoded`)).body;
    expect(events.map((event: { payload: unknown }) => event.payload)).toEqual([{ responseId: r.W5, question: 'why' }]);
  });

  it("shows the overview: free-text questions of the pinned version, their answers and the user's progress", async () => {
    const overview = await coderA.get(`/api/campaigns/${campaignId}/coding`);
    expect(overview.body).toEqual({
      campaign: { id: campaignId, name: 'Coding v1', surveyId, version: 1, status: 'open' },
      questions: [
        { name: 'why', question: 'why', source: 'comment', title: 'Why?', answers: 10, codedByMe: 3 },
        { name: 'pick-Comment', question: 'pick', source: 'other', title: 'Pick (other)', answers: 1, codedByMe: 0 },
      ],
    });
    const campaigns = (await committee.get('/api/coding/campaigns')).body;
    expect(campaigns).toEqual([
      { id: campaign2Id, name: 'Coding v2', surveyId, version: 2, status: 'open' },
      { id: campaignId, name: 'Coding v1', surveyId, version: 1, status: 'open' },
    ]);
  });
});

describe('rename and merge keep the codings', () => {
  let themes: Record<string, string>;

  beforeAll(async () => {
    const list = (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body as Array<{
      id: string;
      name: string;
    }>;
    themes = Object.fromEntries(list.map((theme) => [theme.name, theme.id]));
  });

  it('renames a theme: same id, same codings, audited', async () => {
    const renamed = await coderA
      .patch(`/api/surveys/${surveyId}/themes/${themes['Unclear mandate']}`)
      .send({ name: 'Mandate unclear', description: null });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      id: themes['Unclear mandate'],
      name: 'Mandate unclear',
      description: null,
      codedAnswers: 2,
    });
    expect((await myCodings(coderA)).W1).toEqual([themes['Unclear mandate']]);
    const events = (await admin.get(`/api/audit?subject=survey:${surveyId}&action=coding.theme_updated`)).body;
    expect(events[0].payload).toEqual({
      themeId: themes['Unclear mandate'],
      question: 'why',
      before: { name: 'Unclear mandate', description: 'The role is not defined', parentId: null, position: 1 },
      changes: { name: 'Mandate unclear', description: null },
    });
    const empty = await coderA.patch(`/api/surveys/${surveyId}/themes/${themes.Training}`).send({});
    expect(empty.body.message).toBe('Give at least one of name, description, parentId, position');
  });

  it('merges Training into Mandate: codings move once, children move, the old id still codes into the target', async () => {
    const mandate = themes['Unclear mandate'];
    const training = themes.Training;
    await code(coderB, 'W2', [training]);
    const merged = await coderA.post(`/api/surveys/${surveyId}/themes/${training}/merge`).send({ intoId: mandate });
    expect(merged.status).toBe(200);
    // A: W2 had both (one coding moved, kept once); B: W1 and W2 had Training. Two answers, W1 and W2.
    expect(merged.body.movedCodings).toBe(3);
    expect(merged.body.theme).toMatchObject({ id: mandate, name: 'Mandate unclear', codedAnswers: 2 });
    expect(await myCodings(coderA)).toEqual({ W1: [mandate], W2: [mandate], W3: [] });
    expect(await myCodings(coderB)).toEqual({ W1: [mandate], W2: [mandate] });
    const all = (await coderA.get(`/api/surveys/${surveyId}/themes?question=why&includeMerged=true`)).body as Array<{
      id: string;
      mergedIntoId: string | null;
    }>;
    expect(all.find((theme) => theme.id === training)?.mergedIntoId).toBe(mandate);
    expect(
      (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body.map((t: { id: string }) => t.id),
    ).not.toContain(training);
    await code(coderA, 'W4', [training]);
    expect((await myCodings(coderA)).W4).toEqual([mandate]);
    const again = await coderA.patch(`/api/surveys/${surveyId}/themes/${training}`).send({ name: 'Back' });
    expect(again.body).toEqual(
      errorBody(404, 'theme_not_found', `Theme "Training" was merged into theme ${mandate}`, { mergedIntoId: mandate }),
    );
    const event = (await admin.get(`/api/audit?subject=survey:${surveyId}&action=coding.theme_merged`)).body[0];
    expect(event.payload).toEqual({
      themeId: training,
      name: 'Training',
      intoId: mandate,
      intoName: 'Mandate unclear',
      question: 'why',
      movedCodings: 3,
    });
  });

  it("moves a merged theme's sub-themes under the target, even when the target was one of them", async () => {
    const parent = await createTheme(coderA, { question: 'why', name: 'Governance' });
    const child = await createTheme(coderA, { question: 'why', name: 'Reporting', parentId: parent.id });
    const grandchild = await createTheme(coderA, { question: 'why', name: 'Annual report', parentId: child.id });
    await code(coderA, 'W9', [parent.id]);
    const merged = await coderA
      .post(`/api/surveys/${surveyId}/themes/${parent.id}/merge`)
      .send({ intoId: grandchild.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      movedCodings: 1,
      theme: { id: grandchild.id, parentId: null, codedAnswers: 1 },
    });
    const list = (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body as Array<{
      id: string;
      parentId: string | null;
    }>;
    expect(list.find((theme) => theme.id === child.id)?.parentId).toBe(grandchild.id);
  });

  it('refuses merges that make no sense, and deletes only unused themes', async () => {
    const mandate = themes['Unclear mandate'];
    const later = (await coderA.get(`/api/surveys/${surveyId}/themes?question=later`)).body[0].id;
    const cases: Array<[string, Record<string, unknown>, number, string]> = [
      [mandate, { intoId: mandate }, 422, 'A theme cannot be merged into itself'],
      [mandate, { intoId: later }, 422, 'Themes of different questions cannot be merged (why, later)'],
      [mandate, { intoId: 'x' }, 400, 'intoId must be a UUID'],
      [themes.Training, { intoId: mandate }, 404, `Theme "Training" was merged into theme ${mandate}`],
    ];
    for (const [from, body, status, message] of cases) {
      const response = await coderA.post(`/api/surveys/${surveyId}/themes/${from}/merge`).send(body);
      expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
    }
    const used = await coderA.delete(`/api/surveys/${surveyId}/themes/${mandate}`);
    expect(used.body).toEqual(
      errorBody(
        409,
        'theme_in_use',
        'Theme "Mandate unclear" codes answers; merge it into another theme instead of deleting it',
      ),
    );
    const unused = await createTheme(coderA, { question: 'why', name: 'Unused' });
    expect((await coderA.delete(`/api/surveys/${surveyId}/themes/${unused.id}`)).status).toBe(204);
    expect((await coderA.delete(`/api/surveys/${surveyId}/themes/${unused.id}`)).status).toBe(404);
  });
});

describe('agreement', () => {
  /**
   * Both coders code W1–W8 (A also W9, B has W10 only as an unreviewed suggestion; neither counts):
   *   answer:  1     2       3   4    5    6    7       8
   *   A:       T1    T1,T2   –   T2   T1   T3   T1      –
   *   B:       T1    T1      –   T2   T2   T3   T1,T3   –
   * T1: both 3, A only 1, B only 0, neither 4 → n=8, agree 7, yes 4/3, e = 4·3+4·5 = 32, κ = (56−32)/(64−32) = 3/4
   * T2: both 1, A only 1, B only 1, neither 5 → agree 6, yes 2/2, e = 4+36 = 40, κ = (48−40)/(64−40) = 1/3
   * T3: both 1, A only 0, B only 1, neither 6 → agree 7, yes 1/2, e = 2+42 = 44, κ = (56−44)/(64−44) = 3/5
   * pooled: both 5, A only 2, B only 2, neither 15 → n=24, agree 20, yes 7/7, e = 49+289 = 338,
   *         κ = (480−338)/(576−338) = 142/238 = 71/119; agreement 20/24 = 5/6
   */
  let t1: string;
  let t2: string;
  let t3: string;
  let first: StaffSession & { id: string };
  let second: StaffSession & { id: string };

  beforeAll(async () => {
    first = await createStaff(testApp, admin, 'secretariat', 'first-coder@example.org');
    second = await createStaff(testApp, admin, 'secretariat', 'second-coder@example.org');
    t1 = (await createTheme(first, { question: 'why', name: 'T1' })).id;
    t2 = (await createTheme(first, { question: 'why', name: 'T2' })).id;
    t3 = (await createTheme(first, { question: 'why', name: 'T3' })).id;
    await createTheme(first, { question: 'why', name: 'T4 (never used)' });
    const a: Record<string, string[]> = {
      W1: [t1],
      W2: [t1, t2],
      W3: [],
      W4: [t2],
      W5: [t1],
      W6: [t3],
      W7: [t1],
      W8: [],
      W9: [t1],
    };
    const b: Record<string, string[]> = {
      W1: [t1],
      W2: [t1],
      W3: [],
      W4: [t2],
      W5: [t2],
      W6: [t3],
      W7: [t1, t3],
      W8: [],
    };
    for (const [label, ids] of Object.entries(a)) await code(first, label, ids);
    for (const [label, ids] of Object.entries(b)) await code(second, label, ids);
    const applied = await second
      .post(`/api/campaigns/${campaignId}/themes/suggest/apply`)
      .send({ question: 'why', answerIds: [r.W10], themeId: t1 });
    expect(applied.status).toBe(200);
  });

  it("computes Cohen's kappa per theme and pooled, exactly as worked by hand, with the differing answers side by side", async () => {
    const response = await coderA.get(
      `/api/campaigns/${campaignId}/themes/agreement?question=why&coders=${first.id},${second.id}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      question: 'why',
      coders: [
        { id: first.id, name: 'Test secretariat' },
        { id: second.id, name: 'Test secretariat' },
      ],
      items: 8,
      kappa: 71 / 119,
      agreement: 5 / 6,
      themes: [
        { themeId: t1, name: 'T1', kappa: 3 / 4, agreement: 7 / 8, byFirst: 4, bySecond: 3, byBoth: 3 },
        { themeId: t2, name: 'T2', kappa: 1 / 3, agreement: 6 / 8, byFirst: 2, bySecond: 2, byBoth: 1 },
        { themeId: t3, name: 'T3', kappa: 3 / 5, agreement: 7 / 8, byFirst: 1, bySecond: 2, byBoth: 1 },
      ],
      differences: [
        {
          responseId: r.W2,
          text: WHY_TEXTS[1]?.[0],
          network: n1.name,
          country: 'Senegal',
          role: 'national team',
          first: [t1, t2],
          second: [t1],
        },
        {
          responseId: r.W5,
          text: 'Funding rules are opaque',
          network: n2.name,
          country: 'Georgia',
          role: 'national team',
          first: [t1],
          second: [t2],
        },
        {
          responseId: r.W7,
          text: 'Unclear mandate and too little training',
          network: n1.name,
          country: 'Morocco',
          role: 'observer',
          first: [t1],
          second: [t1, t3],
        },
      ],
    });
  });

  it('gives the committee the figures without the answers', async () => {
    const response = await committee.get(
      `/api/campaigns/${campaignId}/themes/agreement?question=why&coders=${first.id},${second.id}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.kappa).toBe(71 / 119);
    expect(response.body).not.toHaveProperty('differences');
  });

  it('lists the coders of a question', async () => {
    const coders = (await committee.get(`/api/campaigns/${campaignId}/themes/coders?question=why`)).body as Array<{
      id: string;
      coded: number;
    }>;
    expect(coders.map((coder) => [coder.id, coder.coded]).sort()).toEqual(
      [
        [coderA.id, 5],
        [coderB.id, 2],
        [first.id, 9],
        [second.id, 9],
      ].sort(),
    );
  });

  it('refuses bad coder pairs with a 4xx that names the problem', async () => {
    const base = `/api/campaigns/${campaignId}/themes/agreement?question=why`;
    const nobody = randomUUID();
    const cases: Array<[string, number, string]> = [
      [`${base}&coders=${first.id}`, 400, 'coders must be two user ids separated by a comma'],
      [`${base}&coders=${first.id},${first.id}`, 400, 'coders must name two different users'],
      [`${base}&coders=${first.id},${nobody}`, 422, `coders: ${nobody} coded no answer to why in this campaign`],
      [
        `/api/campaigns/${campaignId}/themes/agreement?coders=${first.id},${second.id}`,
        400,
        'question must be 1 to 200 characters long; question must be given once',
      ],
    ];
    for (const [path, status, message] of cases) {
      const response = await coderA.get(path);
      expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
    }
  });
});

describe('suggestions', () => {
  const TEXTS = [
    'More training courses for national teams',
    'Training of trainers and more courses',
    'Organise training courses every year',
    'Regular training courses in French',
    'Funding of projects is unclear and the budget late',
    'Project funding should come with a clear budget',
    'Budget rules for project funding are opaque',
    'ok',
  ];
  const ids: string[] = [];

  beforeAll(async () => {
    const versionId = (await admin.get(`/api/campaigns/${campaign2Id}`)).body.surveyVersionId as string;
    for (const [index, text] of TEXTS.entries()) {
      ids.push(
        await insertResponse(
          campaign2Id,
          versionId,
          { network: 'n1', country: 'Morocco', role: 'observer', language: 'en', minute: index },
          { why: text },
        ),
      );
    }
  });

  it('clusters the answers into labelled suggestions with examples, computed here', async () => {
    const response = await coderA
      .post(`/api/campaigns/${campaign2Id}/themes/suggest`)
      .send({ question: 'why', count: 2 });
    expect(response.status).toBe(200);
    expect(response.body.answers).toBe(8);
    expect(response.body.unclustered).toBe(1);
    const groups = response.body.suggestions.map((suggestion: { answerIds: string[] }) =>
      [...suggestion.answerIds].sort(),
    );
    expect(groups).toEqual([[...ids.slice(0, 4)].sort(), [...ids.slice(4, 7)].sort()]);
    const [training, funding] = response.body.suggestions;
    expect(training.terms.slice(0, 2).sort()).toEqual(['courses', 'training']);
    expect(training.label).toBe(training.terms.slice(0, 3).join(', '));
    expect(funding.terms.slice(0, 3).sort()).toEqual(['budget', 'funding', 'project']);
    expect(training.examples).toHaveLength(3);
    for (const example of training.examples) expect(TEXTS[ids.indexOf(example.responseId)]).toBe(example.text);
  });

  it('applies a suggestion as a new theme: its answers are coded, marked for review until confirmed', async () => {
    const suggestion = (
      await coderA.post(`/api/campaigns/${campaign2Id}/themes/suggest`).send({ question: 'why', count: 2 })
    ).body.suggestions[0];
    const applied = await coderA
      .post(`/api/campaigns/${campaign2Id}/themes/suggest/apply`)
      .send({ question: 'why', answerIds: suggestion.answerIds, name: 'Training courses' });
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({
      theme: expect.objectContaining({ name: 'Training courses', question: 'why', surveyId, codedAnswers: 4 }),
      coded: 4,
    });
    const themeId = applied.body.theme.id as string;
    const review = await coderA.get(`/api/campaigns/${campaign2Id}/coding/answers?question=why&status=suggested`);
    expect(review.body.total).toBe(4);
    expect(review.body.progress).toEqual({ total: 8, coded: 4, suggested: 4 });
    expect(review.body.answers[0]).toMatchObject({ themeIds: [themeId], suggestedThemeIds: [themeId] });
    const first = review.body.answers[0].responseId as string;
    await coderA
      .put(`/api/campaigns/${campaign2Id}/responses/${first}/codes`)
      .send({ question: 'why', themeIds: [themeId] });
    const after = await coderA.get(`/api/campaigns/${campaign2Id}/coding/answers?question=why&status=suggested`);
    expect(after.body.progress).toEqual({ total: 8, coded: 4, suggested: 3 });
    const again = await coderA
      .post(`/api/campaigns/${campaign2Id}/themes/suggest/apply`)
      .send({ question: 'why', answerIds: suggestion.answerIds, themeId });
    expect(again.body.coded).toBe(0);
    const onlyUncoded = await coderA
      .post(`/api/campaigns/${campaign2Id}/themes/suggest`)
      .send({ question: 'why', onlyUncoded: true });
    expect(onlyUncoded.body.answers).toBe(4);
    const event = (await admin.get(`/api/audit?subject=campaign:${campaign2Id}&action=coding.suggestion_applied`)).body;
    expect(
      event.map((e: { payload: { coded: number; themeId: string } }) => [e.payload.themeId, e.payload.coded]),
    ).toEqual([
      [themeId, 0],
      [themeId, 4],
    ]);
  });

  it('refuses bad suggestion requests with a 4xx that names the problem, and codes nothing', async () => {
    const base = `/api/campaigns/${campaign2Id}/themes/suggest`;
    const missing = randomUUID();
    const cases: Array<[string, Record<string, unknown>, number, string, unknown?]> = [
      [base, { question: 'why', count: 0 }, 400, 'count must be an integer from 1 to 30'],
      [base, { question: 'why', onlyUncoded: 'yes' }, 400, 'onlyUncoded must be true or false'],
      [
        base,
        { question: 'contact' },
        422,
        'contact is not a free-text question of this questionnaire; its free-text questions are: why, later',
      ],
      [
        `${base}/apply`,
        { question: 'why', answerIds: [ids[0]] },
        400,
        'Give either themeId (an existing theme) or name (a new theme), not both',
      ],
      [`${base}/apply`, { question: 'why', answerIds: [], name: 'X' }, 400, 'answerIds must hold at least 1 id'],
      [
        `${base}/apply`,
        { question: 'why', answerIds: [ids[0], missing], name: 'X' },
        422,
        `Response ${missing} has no answer to why in this campaign`,
        { missing: [missing] },
      ],
      [
        `${base}/apply`,
        { question: 'why', answerIds: [ids[0]], name: 'training COURSES' },
        409,
        'Question why already has a theme named "Training courses"',
      ],
    ];
    const before = (await coderA.get(`/api/campaigns/${campaign2Id}/coding/answers?question=why`)).body.progress;
    for (const [path, body, status, message, details] of cases) {
      const response = await coderA.post(path).send(body);
      expect({ status: response.status, message: response.body.message }).toEqual({ status, message });
      if (details !== undefined) expect(response.body.details).toEqual(details);
    }
    expect((await committee.post(base).send({ question: 'why' })).status).toBe(403);
    expect((await coderA.get(`/api/campaigns/${campaign2Id}/coding/answers?question=why`)).body.progress).toEqual(
      before,
    );
    expect(
      (await coderA.get(`/api/surveys/${surveyId}/themes?question=why`)).body.map((t: { name: string }) => t.name),
    ).not.toContain('X');
  });
});

describe('concurrency', () => {
  it('keeps codings consistent when coders save while a theme is merged', async () => {
    const doomed = await createTheme(coderA, { question: 'why', name: 'Doomed' });
    const keeper = await createTheme(coderA, { question: 'why', name: 'Keeper' });
    const labels = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6', 'W7', 'W8'];
    const saves = labels.flatMap((label) =>
      [coderA, coderB].map((session) =>
        session
          .put(`/api/campaigns/${campaignId}/responses/${r[label]}/codes`)
          .send({ question: 'why', themeIds: [doomed.id] }),
      ),
    );
    const merge = coderA.post(`/api/surveys/${surveyId}/themes/${doomed.id}/merge`).send({ intoId: keeper.id });
    const responses = await Promise.all([...saves.slice(0, 8), merge, ...saves.slice(8)]);
    expect(responses.map((response) => response.status)).toEqual(responses.map(() => 200));
    const pointingAtMerged = await db.query(
      `SELECT count(*)::int AS n FROM coding_answer_themes a JOIN coding_themes t ON t.id = a.theme_id
        WHERE t.merged_into_id IS NOT NULL`,
    );
    expect(pointingAtMerged).toEqual([{ n: 0 }]);
    const a = await myCodings(coderA);
    for (const label of labels) expect(a[label]).toEqual([keeper.id]);
  });
});

describe('theme tallies', () => {
  /**
   * A campaign of its own (version 2), question `later`; minimum cell size 3. Responses:
   *   L1–L4 network n1, Morocco (L1 observer, others national team); L5–L7 network n2, Georgia;
   *   L7 leaves `later` empty; PL is a partial response of n1.
   * Reviewed codings:   X: L1 A · L2 A,B · L3 none · L5 B · PL A      Y: L1 A · L3 A · L4 B · L6 none
   * and Y's unconfirmed suggestion of A on L5, which counts for nobody.
   * Any coder, complete responses: coded L1 A, L2 A+B, L3 A, L4 B, L5 B, L6 none → answered 6 of 7,
   *   A 3 (1/2), B 3 (1/2), C 0. By network: n1 answered 4 of 4, A 3, B 2; n2 answered 2 of 3, A 0, B 1.
   * Coder X only: coded L1, L2, L3, L5 → answered 4, A 2, B 2.
   */
  const L: Record<string, string> = {};
  let campaign3Id: string;
  let earlier: unknown[] = [];
  let themeA: string;
  let themeB: string;
  let themeC: string;
  let n2Code: string;
  let n1Code: string;
  let coderX: StaffSession & { id: string };
  let coderY: StaffSession & { id: string };

  function codeLater(session: StaffSession, label: string, themeIds: string[]): Promise<void> {
    return code(session, label, themeIds, 'later', campaign3Id, L);
  }

  function themeTallies(session: StaffSession, query: string): Promise<import('supertest').Response> {
    return session.get(`/api/campaigns/${campaign3Id}/themes/tallies?${query}`);
  }

  beforeAll(async () => {
    coderX = await createStaff(testApp, admin, 'secretariat', 'coder-x@example.org');
    coderY = await createStaff(testApp, admin, 'secretariat', 'coder-y@example.org');
    const networks = (await admin.get('/api/networks')).body as Array<{ id: string; code: string }>;
    n1Code = networks.find((network) => network.id === n1.id)?.code ?? '';
    n2Code = networks.find((network) => network.id === n2.id)?.code ?? '';
    const created = await admin
      .post('/api/campaigns')
      .send({ surveyId, version: 2, name: 'Coding themes', networkIds: [n1.id, n2.id] });
    expect(created.status).toBe(201);
    campaign3Id = created.body.id;
    const campaign = created.body as { surveyVersionId: string };
    const existing = (await admin.get(`/api/surveys/${surveyId}/themes?question=later`)).body as Array<{
      id: string;
      name: string;
    }>;
    // Themes other tests of this file made for `later` stay in the list, unused here.
    earlier = existing.map((theme) => ({ value: theme.id, label: theme.name, count: 0, share: 0 }));
    const rows: Array<[string, 'n1' | 'n2', string, string, string | null]> = [
      ['L1', 'n1', 'Morocco', 'observer', 'Meet more often'],
      ['L2', 'n1', 'Morocco', 'national team', 'Meet more and publish a budget'],
      ['L3', 'n1', 'Morocco', 'national team', 'Nothing to add'],
      ['L4', 'n1', 'Morocco', 'national team', 'Publish the budget'],
      ['L5', 'n2', 'Georgia', 'national team', 'A public budget'],
      ['L6', 'n2', 'Georgia', 'national team', 'No'],
      ['L7', 'n2', 'Georgia', 'national team', null],
    ];
    for (const [index, [label, network, country, role, later]] of rows.entries()) {
      L[label] = await insertResponse(
        campaign3Id,
        campaign.surveyVersionId,
        { network, country, role, language: 'en', minute: 40 + index },
        later === null ? { why: 'x' } : { why: 'x', later },
      );
    }
    L.PL = await insertResponse(
      campaign3Id,
      campaign.surveyVersionId,
      { network: 'n1', country: 'Morocco', role: 'observer', language: 'en', minute: 50 },
      { later: 'Meet twice a year' },
      'partial',
    );
    themeA = (await createTheme(coderX, { question: 'later', name: 'Meetings' })).id;
    themeB = (await createTheme(coderX, { question: 'later', name: 'Budget' })).id;
    themeC = (await createTheme(coderX, { question: 'later', name: 'Never used' })).id;
    const x: Record<string, string[]> = { L1: [themeA], L2: [themeA, themeB], L3: [], L5: [themeB] };
    const y: Record<string, string[]> = { L1: [themeA], L3: [themeA], L4: [themeB], L6: [] };
    for (const [label, ids] of Object.entries(x)) await codeLater(coderX, label, ids);
    for (const [label, ids] of Object.entries(y)) await codeLater(coderY, label, ids);
    const applied = await coderY
      .post(`/api/campaigns/${campaign3Id}/themes/suggest/apply`)
      .send({ question: 'later', answerIds: [L.L5], themeId: themeA });
    expect(applied.status).toBe(200);
  });

  /** The survey's themes of `later` in order: those made by earlier tests, never used here, then ours. */
  const choices = (a: number, b: number, answered: number): unknown[] => [
    ...earlier,
    { value: themeA, label: 'Meetings', count: a, share: a / answered },
    { value: themeB, label: 'Budget', count: b, share: b / answered },
    { value: themeC, label: 'Never used', count: 0, share: 0 },
  ];

  it('counts reviewed themes of any coder as the choices of the question, exactly as worked by hand', async () => {
    const response = await themeTallies(coderA, 'question=later');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ responses: 7, suppressed: false, groupBy: null, minCellSize: 3 });
    expect(response.body.questions).toHaveLength(1);
    expect(response.body.questions[0]).toMatchObject({
      name: 'later',
      type: 'themes',
      kind: 'multi',
      title: 'Anything later?',
      answered: 6,
      skipped: 1,
      choices: choices(3, 3, 6),
    });
  });

  it('groups by network and counts one coder when asked', async () => {
    const grouped = await themeTallies(coderA, 'question=later&groupBy=network');
    expect(grouped.status).toBe(200);
    const groups = grouped.body.questions[0].groups as Record<string, { responses: number; answered: number }>;
    expect(Object.keys(groups).sort()).toEqual([n1Code, n2Code].sort());
    expect(groups[n1Code]).toMatchObject({ responses: 4, suppressed: false, answered: 4, choices: choices(3, 2, 4) });
    expect(groups[n2Code]).toMatchObject({ responses: 3, suppressed: false, answered: 2, choices: choices(0, 1, 2) });
    const one = await themeTallies(coderA, `question=later&coder=${coderX.id}`);
    expect(one.status).toBe(200);
    expect(one.body.questions[0]).toMatchObject({ answered: 4, choices: choices(2, 2, 4) });
  });

  it('applies the tally filters: country, partial responses, and the small-cell rule', async () => {
    const georgia = await themeTallies(coderA, 'question=later&country=Georgia');
    expect(georgia.body).toMatchObject({ responses: 3, suppressed: false });
    expect(georgia.body.questions[0]).toMatchObject({ answered: 2, choices: choices(0, 1, 2) });
    const partial = await themeTallies(coderA, 'question=later&includePartial=true');
    expect(partial.body).toMatchObject({ responses: 8 });
    expect(partial.body.questions[0]).toMatchObject({ answered: 6, skipped: 2, choices: choices(3, 3, 6) });
    // One observer among the complete responses: under the minimum cell size, no figures at all.
    const small = await themeTallies(coderA, 'question=later&role=observer');
    expect(small.status).toBe(200);
    expect([small.body.responses, small.body.suppressed]).toEqual([null, true]);
    expect(small.body.questions[0].choices).toBeUndefined();
  });

  it('gives the committee the theme tallies', async () => {
    const response = await themeTallies(committee, 'question=later');
    expect(response.status).toBe(200);
    expect(response.body.questions[0].answered).toBe(6);
  });

  it('refuses bad queries with a 4xx that names the problem', async () => {
    const cases: Array<[string, number, string]> = [
      ['', 400, 'question is required'],
      ['question=later&coder=someone', 400, 'coder must be a user id (UUID)'],
      ['question=contact', 422, 'contact is not a free-text question of this questionnaire'],
      ['question=later&groupBy=planet', 400, 'groupBy'],
    ];
    for (const [query, status, message] of cases) {
      const response = await themeTallies(coderA, query);
      expect({ query, status: response.status }).toEqual({ query, status });
      expect(response.body.message).toContain(message);
    }
    const unknown = await coderA.get(`/api/campaigns/${randomUUID()}/themes/tallies?question=later`);
    expect(unknown.status).toBe(404);
  });
});
