import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createCampaign, publishSurvey, WHY_AND_PICK_DEFINITION } from '../support/campaign-fixtures';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';
import { newClauseCitation } from '../support/evidence-expectations';

/**
 * Themes and quotes as Charter evidence: a clause or an amendment cites the tally of the themes
 * coded in a free-text question (frozen by the server, beside now), and up to five quoted answers,
 * each with its network and role only; quotes from a group under the small-cell size (3 here),
 * or that are no answer to the question among the cited responses, are refused.
 *
 * Fixture: network A 4 responses, B 3, C 1, D 2 — C and D are suppressed (together 3); A2 answers
 * only the "other" text of `pick`; A2 and A3 come from observers.
 */
let testApp: TestApp;
let admin: StaffSession;
let committee: StaffSession & { id: string };
let coder: StaffSession & { id: string };
let campaignId: string;
let charterId: string;
let networks: Array<{ id: string; code: string; name: string }>;
const r: Record<string, string> = {};
const theme: Record<string, string> = {};

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  committee = await createStaff(testApp, admin, 'committee');
  coder = await createStaff(testApp, admin, 'secretariat');
  networks = ((await admin.get('/api/networks')).body as typeof networks).slice(0, 4);
  const survey = await publishSurvey(admin, 'evidence-themes', WHY_AND_PICK_DEFINITION);
  const surveyId = survey.surveyId;
  let versionId: string;
  ({ campaignId, versionId } = await createCampaign(
    admin,
    survey,
    'Evidence themes',
    networks.map((network) => network.id),
  ));
  const rows: Array<[string, number, string, Record<string, unknown>]> = [
    ['A1', 0, 'National Focal Point', { why: 'The mandate is unclear.', pick: 'a' }],
    ['A2', 0, 'observer', { pick: 'other', 'pick-Comment': 'Money' }],
    ['A3', 0, 'observer', { why: 'We need more training.' }],
    ['A4', 0, 'national team', { why: 'Unclear mandate, again.' }],
    ['B1', 1, 'National Focal Point', { why: 'Training first.' }],
    ['B2', 1, 'national team', { why: 'Who decides?' }],
    ['B3', 1, 'national team', { why: 'Mandate and training.' }],
    ['C1', 2, 'National Focal Point', { why: 'Alone here.' }],
    ['D1', 3, 'National Focal Point', { why: 'Mandate.' }],
    ['D2', 3, 'national team', { why: 'Training.' }],
  ];
  for (const [index, [label, network, role, data]] of rows.entries()) {
    r[label] = randomUUID();
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
       VALUES ($1, $2, $3, $4, 'Morocco', $5, 'en', $6, 'complete', $7)`,
      [r[label], campaignId, versionId, networks[network]?.id, role, data, new Date(Date.UTC(2025, 0, 10, 10, index))],
    );
  }
  for (const [label, name] of [
    ['mandate', 'Unclear mandate'],
    ['training', 'Training'],
  ]) {
    const created = await coder.post(`/api/surveys/${surveyId}/themes`).send({ question: 'why', name });
    theme[label] = (created.body as { id: string }).id;
  }
  const codings: Array<[string, string[]]> = [
    ['A1', ['mandate']],
    ['A3', ['training']],
    ['A4', ['mandate']],
    ['B1', ['training']],
    ['B2', []],
    ['B3', ['mandate', 'training']],
    ['D1', ['mandate']],
  ];
  for (const [label, themes] of codings) {
    const res = await coder
      .put(`/api/campaigns/${campaignId}/responses/${r[label]}/codes`)
      .send({ question: 'why', themeIds: themes.map((name) => theme[name]) });
    expect(res.status).toBe(200);
  }
  const charter = await committee.post('/api/charters').send({
    slug: 'evidence-themes',
    title: 'Charter',
    clauses: [{ id: 'roles', heading: 'Roles', body: 'The Secretariat coordinates.' }],
  });
  charterId = (charter.body as { id: string }).id;
});

afterAll(() => testApp.close());

async function cite(body: Record<string, unknown>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await committee
    .post(`/api/charters/${charterId}/evidence`)
    .send({ campaignId, question: 'why', ...body });
  return { status: res.status, body: res.body as Record<string, unknown> };
}

async function citationCount(): Promise<number> {
  return ((await committee.get(`/api/charters/${charterId}/evidence`)).body as unknown[]).length;
}

describe('a clause cites a theme tally and quotes', () => {
  let citedId: string;

  it('freezes the theme tally the server runs, and the quotes with network and role only (201)', async () => {
    const sent = { source: 'themes', clauseId: 'roles', quotes: [r.A1, r.B3], note: 'Mandate and training' };
    const cited = await cite(sent);
    expect(cited.status).toBe(201);
    const tally = await committee.get(`/api/campaigns/${campaignId}/themes/tallies?question=why`);
    const question = (tally.body as { questions: unknown[] }).questions[0];
    // Worked by hand: 9 complete responses; 7 coded answers; mandate A1 A4 B3 D1, training A3 B1 B3.
    expect(question).toMatchObject({
      name: 'why',
      answered: 7,
      choices: [
        { value: theme.mandate, count: 4 },
        { value: theme.training, count: 3 },
      ],
    });
    expect(cited.body).toEqual(
      newClauseCitation(
        { asOf: cited.body.asOf, responses: 10, question },
        {
          ...sent,
          campaignId,
          question: 'why',
          quotes: [
            {
              responseId: r.A1,
              text: 'The mandate is unclear.',
              network: networks[0]?.name,
              role: 'National Focal Point',
            },
            { responseId: r.B3, text: 'Mandate and training.', network: networks[1]?.name, role: 'national team' },
          ],
          createdBy: { id: committee.id, name: 'Test committee' },
        },
      ),
    );
    citedId = cited.body.id as string;
  });

  it('lists the citation beside the theme tally now and each quote now, unchanged', async () => {
    const listed = await committee.get(`/api/charters/${charterId}/evidence?clauseId=roles`);
    expect(listed.status).toBe(200);
    const [citation] = listed.body as Array<Record<string, unknown> & { snapshot: Record<string, unknown> }>;
    expect(citation).toMatchObject({
      id: citedId,
      changed: false,
      quotesNow: [
        { responseId: r.A1, state: 'unchanged' },
        { responseId: r.B3, state: 'unchanged' },
      ],
    });
    expect(citation?.current).toEqual({ ...citation?.snapshot, asOf: expect.any(String) });
  });

  it('after a new coding the theme figures change; the snapshot stays', async () => {
    expect(
      (
        await coder
          .put(`/api/campaigns/${campaignId}/responses/${r.B2}/codes`)
          .send({ question: 'why', themeIds: [theme.mandate] })
      ).status,
    ).toBe(200);
    const listed = await committee.get(`/api/charters/${charterId}/evidence?clauseId=roles`);
    const [citation] = listed.body as Array<{
      changed: boolean;
      snapshot: { question: { choices: unknown[] } };
      current: { question: { choices: unknown[] } };
    }>;
    expect(citation?.changed).toBe(true);
    expect(citation?.snapshot.question.choices).toEqual([
      { value: theme.mandate, label: 'Unclear mandate', count: 4, share: 4 / 7 },
      { value: theme.training, label: 'Training', count: 3, share: 3 / 7 },
    ]);
    // B2, coded "no theme" before, now carries the mandate: still 7 coded answers, 5 with the mandate.
    expect(citation?.current.question.choices).toEqual([
      { value: theme.mandate, label: 'Unclear mandate', count: 5, share: 5 / 7 },
      { value: theme.training, label: 'Training', count: 3, share: 3 / 7 },
    ]);
  });

  it('an amendment cites one coder’s themes, grouped by network, and the "other" text of a choice question', async () => {
    const proposed = await committee.post(`/api/charters/${charterId}/amendments`).send({
      baseRevision: 1,
      clauseId: 'roles',
      heading: 'Roles',
      body: 'The Secretariat coordinates and explains the mandate.',
      rationale: 'Members find the mandate unclear.',
    });
    expect(proposed.status).toBe(201);
    const amendmentId = (proposed.body as { id: string }).id;
    const cited = await cite({ source: 'themes', coder: coder.id, groupBy: 'network', amendmentId });
    expect(cited.status).toBe(201);
    expect(cited.body).toMatchObject({ amendmentId, source: 'themes', coder: coder.id, quotes: [] });
    const groups = (cited.body.snapshot as { question: { groups: Record<string, { suppressed: boolean }> } }).question
      .groups;
    expect(Object.fromEntries(Object.entries(groups).map(([code, group]) => [code, group.suppressed]))).toEqual({
      [networks[0]?.code ?? '']: false,
      [networks[1]?.code ?? '']: false,
      [networks[2]?.code ?? '']: true,
      [networks[3]?.code ?? '']: true,
    });
    const other = await cite({ question: 'pick-Comment', source: 'themes', quotes: [r.A2], amendmentId });
    expect(other.status).toBe(201);
    expect(other.body.quotes).toEqual([
      { responseId: r.A2, text: 'Money', network: networks[0]?.name, role: 'observer' },
    ]);
  });
});

describe('refusals', () => {
  it.each([
    ['C (1 answer)', 'C1'],
    ['D (2 answers, suppressed beside C)', 'D1'],
  ])('a quote from network %s: 422, nothing stored', async (_name, label) => {
    const count = await citationCount();
    const refused = await cite({ source: 'themes', clauseId: 'roles', quotes: [r.A1, r[label]] });
    expect(refused).toEqual({
      status: 422,
      body: errorBody(
        422,
        'charter_evidence_quote_suppressed',
        `Under the small-cell size (its network, or all the cited responses): ${r[label]}`,
        { responseIds: [r[label]] },
      ),
    });
    expect(await citationCount()).toBe(count);
  });

  it('a quote when the cited responses together are under the small-cell size (observers: 2): 422', async () => {
    const refused = await cite({ clauseId: 'roles', filters: { role: ['observer'] }, quotes: [r.A3] });
    expect(refused).toEqual({
      status: 422,
      body: errorBody(
        422,
        'charter_evidence_quote_suppressed',
        `Under the small-cell size (its network, or all the cited responses): ${r.A3}`,
        { responseIds: [r.A3] },
      ),
    });
  });

  it('a quote that is no answer to the question, does not exist, or is outside the filters: 422 naming each', async () => {
    const unknown = randomUUID();
    const refused = await cite({
      clauseId: 'roles',
      filters: { network: [networks[0]?.code ?? ''] },
      quotes: [r.A2, unknown, r.B1, r.A1],
    });
    expect(refused).toEqual({
      status: 422,
      body: errorBody(
        422,
        'charter_evidence_quote_invalid',
        `Not an answer to "why" among the cited responses: ${r.A2}, ${unknown}, ${r.B1}`,
        { responseIds: [r.A2, unknown, r.B1] },
      ),
    });
  });

  it('themes of a question with no free text: 422', async () => {
    const refused = await cite({ question: 'pick', source: 'themes', clauseId: 'roles' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'coding_question_invalid' });
  });

  it.each([
    [
      'six quotes',
      { quotes: ['A1', 'A3', 'A4', 'B1', 'B2', 'B3'] },
      'quotes must contain no more than 5 elements',
      'quotes',
    ],
    ['a quote twice', { quotes: ['A1', 'A1'] }, "All quotes's elements must be unique", 'quotes'],
    ['a quote that is not an id', { quotes: ['x'] }, 'each value in quotes must be a UUID', 'quotes'],
    ['an unknown source', { source: 'words' }, 'source must be one of the following values: answers, themes', 'source'],
    [
      'a coder on answer evidence',
      { coder: randomUUID() },
      'coder applies to theme evidence (source "themes") only',
      null,
    ],
    [
      'theme evidence of a survey',
      { campaignId: undefined, surveyId: randomUUID(), source: 'themes' },
      'theme evidence and quotes need a campaignId (themes are coded per campaign)',
      null,
    ],
  ])('%s: 400 naming the problem, nothing stored', async (_name, body, message, field) => {
    const count = await citationCount();
    const fields = { ...body } as Record<string, unknown>;
    if (Array.isArray(fields.quotes)) fields.quotes = (fields.quotes as string[]).map((label) => r[label] ?? label);
    const refused = await cite({ clauseId: 'roles', ...fields });
    expect(refused).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        message,
        ...(field === null ? {} : { details: [{ field, messages: [message] }] }),
      },
    });
    expect(await citationCount()).toBe(count);
  });
});
