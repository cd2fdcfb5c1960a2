import { DataSource } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';
import { CODEBOOK_COLUMNS, openWorkbook, RESPONSE_COLUMNS } from '../support/exports';

/** One English page, p1, with these questions. */
const onePage = (elements: unknown[]) => ({ locale: 'en', pages: [{ name: 'p1', elements }] });

/** The single-choice question q_radio, with its none and other items. */
const radio = (title: string, choices: unknown[]) => ({
  type: 'radiogroup',
  name: 'q_radio',
  title,
  showNoneItem: true,
  showOtherItem: true,
  choices,
});

/**
 * A fixture campaign with every question type and eight complete responses (plus one partial),
 * whose tallies are worked out by hand below.
 */
const V1 = onePage([
  radio('Pick one', [
    { value: 'a', text: { default: 'Alpha', fr: 'Alpha FR' } },
    { value: 'b', text: { default: 'Beta', fr: 'Bêta' } },
    { value: 'c', text: 'Gamma' },
  ]),
  { type: 'dropdown', name: 'q_drop', choices: ['x', 'y'] },
  { type: 'boolean', name: 'q_bool' },
  {
    type: 'imagepicker',
    name: 'q_img',
    choices: [
      { value: 'cat', imageLink: 'https://example.org/c.png' },
      { value: 'dog', imageLink: 'https://example.org/d.png' },
    ],
  },
  { type: 'checkbox', name: 'q_check', showNoneItem: true, choices: ['r', 'g', 'b'] },
  { type: 'tagbox', name: 'q_tag', choices: ['t1', 't2'] },
  { type: 'rating', name: 'q_rating', rateMin: 1, rateMax: 5 },
  { type: 'text', name: 'q_num', inputType: 'number' },
  { type: 'ranking', name: 'q_rank', choices: ['p', 'q', 'r'] },
  { type: 'matrix', name: 'q_matrix', rows: ['r1', 'r2'], columns: ['c1', 'c2'] },
  {
    type: 'matrixdropdown',
    name: 'q_md',
    rows: ['m1', 'm2'],
    columns: [
      { name: 'score', cellType: 'rating', rateMin: 1, rateMax: 5 },
      { name: 'pick', cellType: 'dropdown', choices: ['u', 'v'] },
      { name: 'note', cellType: 'text' },
    ],
  },
  {
    type: 'matrixdynamic',
    name: 'q_mdyn',
    columns: [
      { name: 'amount', cellType: 'text', inputType: 'number' },
      { name: 'kind', cellType: 'dropdown', choices: ['k1', 'k2'] },
    ],
  },
  {
    type: 'paneldynamic',
    name: 'q_panel',
    templateElements: [
      { type: 'text', name: 'topic' },
      { type: 'dropdown', name: 'prio', choices: ['hi', 'lo'] },
    ],
  },
  { type: 'text', name: 'q_text' },
  { type: 'comment', name: 'q_comment' },
]);

/** Version 2: q_radio reworded with choice c replaced by d, q_drop dropped, q_new added. */
const V2 = onePage([
  radio('Pick exactly one', ['a', 'b', 'd']),
  { type: 'boolean', name: 'q_bool' },
  { type: 'boolean', name: 'q_new' },
]);

interface Fixture {
  surveyId: string;
  campaignId: string;
  campaign2Id: string;
  n1: { id: string; code: string };
  n2: { id: string; code: string };
}

let testApp: TestApp;
let admin: StaffSession;
let committee: StaffSession;
let db: DataSource;
let fx: Fixture;

async function insertResponse(
  campaignId: string,
  versionId: string,
  networkId: string,
  profile: { country: string; role: string; language: string; at: string | null },
  data: Record<string, unknown>,
  status: 'complete' | 'partial' = 'complete',
): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, campaignId, versionId, networkId, profile.country, profile.role, profile.language, data, status, profile.at],
  );
  return id;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  committee = await createStaff(testApp, admin, 'committee');
  const networks = (await admin.get('/api/networks')).body as Array<{ id: string; code: string }>;
  const [n1, n2] = networks;
  const survey = await admin.post('/api/surveys').send({ slug: 'analysis-fixture', title: 'Analysis fixture' });
  expect(survey.status).toBe(201);
  const surveyId = (survey.body as { id: string }).id;
  for (const definition of [V1, V2]) {
    const created = await admin.post(`/api/surveys/${surveyId}/versions`).send({ definition, changelog: 'fixture' });
    expect(created.status).toBe(201);
    const { version } = created.body as { version: number };
    expect((await admin.post(`/api/surveys/${surveyId}/versions/${version}/publish`)).status).toBe(200);
  }
  const campaign = await admin
    .post('/api/campaigns')
    .send({ surveyId, version: 1, name: 'Fixture v1', networkIds: [n1.id, n2.id] });
  expect(campaign.status).toBe(201);
  const campaign2 = await admin
    .post('/api/campaigns')
    .send({ surveyId, version: 2, name: 'Fixture v2', networkIds: [n1.id, n2.id] });
  expect(campaign2.status).toBe(201);
  fx = { surveyId, campaignId: campaign.body.id, campaign2Id: campaign2.body.id, n1, n2 };
  const v1 = (campaign.body as { surveyVersionId: string }).surveyVersionId;
  const v2 = (campaign2.body as { surveyVersionId: string }).surveyVersionId;
  const c = fx.campaignId;
  const p = (country: string, role: string, language: string, at: string | null) => ({ country, role, language, at });
  ids.R1 = await insertResponse(c, v1, n1.id, p('Morocco', 'nfp', 'en', '2025-01-10T10:00:00Z'), {
    q_radio: 'a',
    q_drop: 'x',
    q_bool: true,
    q_img: 'cat',
    q_check: ['r', 'g'],
    q_tag: ['t1'],
    q_rating: 5,
    q_num: 10,
    q_rank: ['p', 'q', 'r'],
    q_matrix: { r1: 'c1', r2: 'c2' },
    q_md: { m1: { score: 4, pick: 'u', note: 'fine' }, m2: { score: 2 } },
    q_mdyn: [
      { amount: 10, kind: 'k1' },
      { amount: 20, kind: 'k2' },
    ],
    q_panel: [
      { topic: 'Budget', prio: 'hi' },
      { topic: 'Training', prio: 'lo' },
    ],
    q_text: 'Hello',
    q_comment: 'Long comment',
  });
  ids.R2 = await insertResponse(c, v1, n1.id, p('Morocco', 'nfp', 'fr', '2025-01-11T10:00:00Z'), {
    q_radio: 'a',
    q_drop: 'y',
    q_bool: false,
    q_img: 'dog',
    q_check: ['r'],
    q_tag: ['t1', 't2'],
    q_rating: 4,
    q_num: 0,
    q_rank: ['q', 'p', 'r'],
    q_matrix: { r1: 'c1' },
    q_md: { m1: { score: 5, pick: 'v' } },
    q_panel: [{ topic: '=cmd', prio: 'hi' }],
    q_text: '=SUM(A1)',
  });
  ids.R3 = await insertResponse(c, v1, n1.id, p('Senegal', 'team', 'fr', '2025-01-12T10:00:00Z'), {
    q_radio: 'b',
    q_drop: 'x',
    q_bool: true,
    q_img: 'cat',
    q_check: ['g', 'b'],
    q_rating: 3,
    q_num: 3,
    q_rank: ['p', 'r', 'q'],
    q_matrix: { r1: 'c2', r2: 'c2' },
    q_mdyn: [{ amount: 30, kind: 'k1' }],
    q_text: 'world peace',
  });
  ids.R4 = await insertResponse(c, v1, n1.id, p('Senegal', 'team', 'en', '2025-01-13T10:00:00Z'), {
    q_radio: 'other',
    'q_radio-Comment': 'Something else',
    q_drop: 'x',
    q_bool: true,
    q_check: ['none'],
    q_rating: 4,
    q_rank: ['r', 'p', 'q'],
  });
  ids.R5 = await insertResponse(c, v1, n1.id, p('Senegal', 'observer', 'en', '2025-01-20T10:00:00Z'), {
    q_radio: 'none',
    q_bool: false,
    q_check: ['r', 'g', 'b'],
    q_rating: 1,
    q_num: 7,
  });
  ids.R6 = await insertResponse(c, v1, n2.id, p('Uzbekistan', 'nfp', 'ru', '2025-01-15T10:00:00Z'), {
    q_radio: 'a',
    q_drop: 'y',
    q_bool: true,
    q_check: ['r'],
    q_tag: ['t2'],
    q_rating: 2,
    q_num: 12,
    q_rank: ['p', 'q', 'r'],
    q_matrix: { r2: 'c1' },
    q_md: { m2: { pick: 'u', score: 3 } },
    q_panel: [{ prio: 'lo' }],
    q_text: 'hello again',
  });
  ids.R7 = await insertResponse(c, v1, n2.id, p('Uzbekistan', 'team', 'ru', '2025-01-16T10:00:00Z'), {
    q_radio: 'b',
    q_drop: 'x',
    q_bool: true,
    q_check: ['b'],
    q_rating: 5,
    q_comment: 'Another',
  });
  ids.R8 = await insertResponse(c, v1, n2.id, p('Kazakhstan', 'team', 'en', '2025-01-21T10:00:00Z'), {
    q_drop: 'x',
    q_bool: false,
    q_rating: 5,
    q_num: 2,
  });
  ids.P9 = await insertResponse(c, v1, n2.id, p('Kazakhstan', 'nfp', 'ru', null), { q_radio: 'a' }, 'partial');
  const c2 = fx.campaign2Id;
  await insertResponse(c2, v2, n1.id, p('Morocco', 'nfp', 'en', '2025-02-01T10:00:00Z'), {
    q_radio: 'd',
    q_bool: true,
    q_new: true,
  });
  await insertResponse(c2, v2, n2.id, p('Uzbekistan', 'nfp', 'ru', '2025-02-02T10:00:00Z'), {
    q_radio: 'a',
    q_bool: false,
  });
  await insertResponse(c2, v2, n2.id, p('Uzbekistan', 'team', 'ru', '2025-02-03T10:00:00Z'), {
    q_radio: 'd',
    q_new: false,
  });
});

afterAll(async () => {
  await testApp?.close();
});

type Q = Record<string, unknown> & { name: string };
function question(body: { questions: Q[] }, name: string): Q {
  const found = body.questions.find((q) => q.name === name);
  if (found === undefined) throw new Error(`no question ${name}`);
  return found;
}
function counts(q: Q): Record<string, number> {
  return Object.fromEntries((q.choices as Array<{ value: string; count: number }>).map((c) => [c.value, c.count]));
}

describe('campaign tallies, pooled', () => {
  let body: { responses: number; suppressed: boolean; source: string; questions: Q[] };
  beforeAll(async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies`);
    expect(res.status).toBe(200);
    body = res.body;
  });

  it('counts complete responses only, from the rollup', () => {
    expect(body.responses).toBe(8);
    expect(body.suppressed).toBe(false);
    expect(body.source).toBe('rollup');
  });

  it('single choice: count and share per choice, none and other included, answered and skipped', () => {
    const q = question(body, 'q_radio');
    expect(q).toMatchObject({ type: 'radiogroup', kind: 'choice', title: 'Pick one', answered: 7, skipped: 1 });
    expect(q.choices).toEqual([
      { value: 'a', label: 'Alpha', count: 3, share: 3 / 7 },
      { value: 'b', label: 'Beta', count: 2, share: 2 / 7 },
      { value: 'c', label: 'Gamma', count: 0, share: 0 },
      { value: 'none', label: 'None', count: 1, share: 1 / 7 },
      { value: 'other', label: 'Other', count: 1, share: 1 / 7 },
    ]);
    expect(counts(question(body, 'q_drop'))).toEqual({ x: 5, y: 2 });
    expect(question(body, 'q_drop')).toMatchObject({ answered: 7, skipped: 1 });
    expect(counts(question(body, 'q_bool'))).toEqual({ true: 5, false: 3 });
    expect(question(body, 'q_img')).toMatchObject({ answered: 3, skipped: 5 });
    expect(counts(question(body, 'q_img'))).toEqual({ cat: 2, dog: 1 });
  });

  it('multiple choice: per option, share of respondents', () => {
    const q = question(body, 'q_check');
    expect(q).toMatchObject({ answered: 7, skipped: 1 });
    expect(q.choices).toEqual([
      { value: 'r', label: 'r', count: 4, share: 4 / 7 },
      { value: 'g', label: 'g', count: 3, share: 3 / 7 },
      { value: 'b', label: 'b', count: 3, share: 3 / 7 },
      { value: 'none', label: 'None', count: 1, share: 1 / 7 },
    ]);
    expect(counts(question(body, 'q_tag'))).toEqual({ t1: 2, t2: 2 });
    expect(question(body, 'q_tag')).toMatchObject({ answered: 3 });
  });

  it('rating and numeric text: distribution, mean, median', () => {
    const rating = question(body, 'q_rating');
    expect(rating).toMatchObject({ kind: 'numeric', answered: 8, mean: 3.625, median: 4, min: 1, max: 5 });
    expect(counts(rating)).toEqual({ 1: 1, 2: 1, 3: 1, 4: 2, 5: 3 });
    const num = question(body, 'q_num');
    expect(num).toMatchObject({ answered: 6, skipped: 2, mean: 34 / 6, median: 5, min: 0, max: 12 });
    expect((num.choices as Array<{ value: string }>).map((c) => c.value)).toEqual(['0', '2', '3', '7', '10', '12']);
  });

  it('ranking: mean rank and first places', () => {
    expect(question(body, 'q_rank').items).toEqual([
      { value: 'p', label: 'p', meanRank: 1.4, firstPlace: 3, n: 5 },
      { value: 'q', label: 'q', meanRank: 2.2, firstPlace: 1, n: 5 },
      { value: 'r', label: 'r', meanRank: 2.4, firstPlace: 1, n: 5 },
    ]);
  });

  it('matrix: counts per row and column', () => {
    const q = question(body, 'q_matrix');
    expect(q.answered).toBe(4);
    expect(q.rows).toEqual([
      {
        row: 'r1',
        rowLabel: 'r1',
        answered: 3,
        choices: [
          { value: 'c1', label: 'c1', count: 2, share: 2 / 3 },
          { value: 'c2', label: 'c2', count: 1, share: 1 / 3 },
        ],
      },
      {
        row: 'r2',
        rowLabel: 'r2',
        answered: 3,
        choices: [
          { value: 'c1', label: 'c1', count: 1, share: 1 / 3 },
          { value: 'c2', label: 'c2', count: 2, share: 2 / 3 },
        ],
      },
    ]);
  });

  it('matrix dropdown and dynamic: choice counts or mean per cell', () => {
    const md = question(body, 'q_md');
    expect(md.answered).toBe(3);
    const cells = md.rows as Array<Record<string, unknown>>;
    const cell = (row: string, column: string) => cells.find((c) => c.row === row && c.column === column);
    expect(cell('m1', 'score')).toMatchObject({ answered: 2, mean: 4.5, median: 4.5 });
    expect(cell('m2', 'score')).toMatchObject({ answered: 2, mean: 2.5, median: 2.5 });
    expect(cell('m1', 'pick')).toMatchObject({
      answered: 2,
      choices: [
        { value: 'u', label: 'u', count: 1, share: 0.5 },
        { value: 'v', label: 'v', count: 1, share: 0.5 },
      ],
    });
    expect(cell('m2', 'pick')).toMatchObject({
      answered: 1,
      choices: [
        { value: 'u', label: 'u', count: 1, share: 1 },
        { value: 'v', label: 'v', count: 0, share: 0 },
      ],
    });
    expect(cell('m1', 'note')).toEqual({ row: 'm1', rowLabel: 'm1', column: 'note', columnLabel: 'note', answered: 1 });
    expect(cell('m2', 'note')).toEqual({ row: 'm2', rowLabel: 'm2', column: 'note', columnLabel: 'note', answered: 0 });
    const dyn = question(body, 'q_mdyn');
    expect(dyn.answered).toBe(2);
    const dynCells = dyn.rows as Array<Record<string, unknown>>;
    expect(dynCells.find((c) => c.column === 'amount')).toMatchObject({ answered: 3, mean: 20, median: 20 });
    expect(dynCells.find((c) => c.column === 'kind')).toMatchObject({
      answered: 3,
      choices: [
        { value: 'k1', label: 'k1', count: 2, share: 2 / 3 },
        { value: 'k2', label: 'k2', count: 1, share: 1 / 3 },
      ],
    });
  });

  it('dynamic panels: nested questions over all panels', () => {
    expect(question(body, 'q_panel.topic')).toEqual({
      name: 'q_panel.topic',
      type: 'text',
      kind: 'text',
      title: 'topic',
      panel: 'q_panel',
      answered: 3,
      skipped: 5,
    });
    const prio = question(body, 'q_panel.prio');
    expect(prio).toMatchObject({ answered: 4, skipped: 5 });
    expect(counts(prio)).toEqual({ hi: 2, lo: 2 });
  });

  it('text and comment: answered counts only', () => {
    expect(question(body, 'q_text')).toEqual({
      name: 'q_text',
      type: 'text',
      kind: 'text',
      title: 'q_text',
      answered: 4,
      skipped: 4,
    });
    expect(question(body, 'q_comment')).toMatchObject({ answered: 2, skipped: 6 });
  });
});

describe('grouping, weighting and suppression', () => {
  it('groups by network with labels; both networks reach the threshold', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?groupBy=network`);
    expect(res.status).toBe(200);
    const rating = question(res.body, 'q_rating');
    const groups = rating.groups as Record<string, Record<string, unknown>>;
    expect(Object.keys(groups).sort()).toEqual([fx.n1.code, fx.n2.code].sort());
    expect(groups[fx.n1.code]).toMatchObject({ responses: 5, suppressed: false, answered: 5, mean: 3.4, median: 4 });
    expect(groups[fx.n2.code]).toMatchObject({ responses: 3, suppressed: false, answered: 3, mean: 4, median: 5 });
    expect(res.body.groupLabels[fx.n1.code]).toEqual(expect.any(String));
  });

  it('groups by role: the group below 3 is hidden, with the next smallest so it cannot be worked out', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?groupBy=role`);
    const groups = question(res.body, 'q_radio').groups as Record<string, Record<string, unknown>>;
    // observer (1 response) alone would be pooled minus nfp minus team: nfp (3) is hidden with it.
    expect(groups.observer).toEqual({ suppressed: true });
    expect(groups.nfp).toEqual({ suppressed: true });
    expect(groups.team).toMatchObject({ suppressed: false });
    expect(groups.team).toMatchObject({ responses: 4, answered: 3 });
    expect(counts(groups.team as Q)).toEqual({ a: 0, b: 2, c: 0, none: 0, other: 1 });
  });

  it('groups by country', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?groupBy=country`);
    const groups = question(res.body, 'q_bool').groups as Record<string, Record<string, unknown>>;
    expect(Object.keys(groups)).toEqual(['Kazakhstan', 'Morocco', 'Senegal', 'Uzbekistan']);
    expect(groups.Senegal).toMatchObject({ responses: 3, answered: 3 });
    expect(groups.Kazakhstan).toEqual({ suppressed: true });
    // Kazakhstan (1), Morocco (2) and Uzbekistan (2) are hidden together: 5 responses, never one group.
    expect(groups.Morocco).toEqual({ suppressed: true });
    expect(groups.Uzbekistan).toEqual({ suppressed: true });
  });

  it('regional weighting: every network counts equally, beside the pooled figures', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?weighting=regional`);
    expect(res.body.weighting).toBe('regional');
    const radio = question(res.body, 'q_radio');
    expect(radio.weighted).toEqual({
      networks: 2,
      choices: [
        { value: 'a', share: 0.45 },
        { value: 'b', share: 0.35 },
        { value: 'c', share: 0 },
        { value: 'none', share: 0.1 },
        { value: 'other', share: 0.1 },
      ],
    });
    expect(counts(radio)).toEqual({ a: 3, b: 2, c: 0, none: 1, other: 1 });
    expect(question(res.body, 'q_rating').weighted).toEqual({ networks: 2, choices: expect.any(Array), mean: 3.7 });
    expect((question(res.body, 'q_rank').weighted as { items: unknown }).items).toEqual([
      { value: 'p', meanRank: 1.25 },
      { value: 'q', meanRank: 2.125 },
      { value: 'r', meanRank: 2.625 },
    ]);
  });

  it('a campaign threshold raises suppression; it cannot go below 3', async () => {
    const bad = await admin.put(`/api/campaigns/${fx.campaignId}/analysis-settings`).send({ minCellSize: 2 });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual(
      errorBody(400, 'bad_request', 'minCellSize must not be less than 3', [
        { field: 'minCellSize', messages: ['minCellSize must not be less than 3'] },
      ]),
    );
    expect((await admin.get(`/api/campaigns/${fx.campaignId}/analysis-settings`)).body).toEqual({
      campaignId: fx.campaignId,
      minCellSize: 3,
    });
    const forbidden = await committee.put(`/api/campaigns/${fx.campaignId}/analysis-settings`).send({ minCellSize: 6 });
    expect(forbidden.status).toBe(403);
    const set = await admin.put(`/api/campaigns/${fx.campaignId}/analysis-settings`).send({ minCellSize: 6 });
    expect(set.status).toBe(200);
    const audited = await admin.get(
      `/api/audit?subject=campaign:${fx.campaignId}&action=campaign.min_cell_size_changed`,
    );
    expect(audited.body.map((event: { payload: unknown }) => event.payload)).toEqual([{ from: 3, to: 6 }]);
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?groupBy=network`);
    expect(res.body.minCellSize).toBe(6);
    const groups = question(res.body, 'q_bool').groups as Record<string, unknown>;
    expect(groups[fx.n1.code]).toEqual({ suppressed: true });
    expect(groups[fx.n2.code]).toEqual({ suppressed: true });
    await admin.put(`/api/campaigns/${fx.campaignId}/analysis-settings`).send({ minCellSize: 3 });
  });
});

describe('filters', () => {
  it('network (by code) and country from the rollup', async () => {
    const res = await committee.get(`/api/campaigns/${fx.campaignId}/tallies?network=${fx.n1.code}`);
    expect(res.status).toBe(200);
    expect(res.body.responses).toBe(5);
    expect(res.body.source).toBe('rollup');
    expect(counts(question(res.body, 'q_radio'))).toEqual({ a: 2, b: 1, c: 0, none: 1, other: 1 });
    const senegal = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?country=Senegal`);
    expect(senegal.body.responses).toBe(3);
    expect(counts(question(senegal.body, 'q_bool'))).toEqual({ true: 2, false: 1 });
  });

  it('a filter leaving fewer than 3 responses shows nothing', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?language=ru`);
    // Two respondents answered in Russian: saying so would itself be a figure about a small group.
    expect(res.body.responses).toBeNull();
    expect(res.body.suppressed).toBe(true);
    expect(question(res.body, 'q_radio')).toEqual({
      name: 'q_radio',
      type: 'radiogroup',
      kind: 'choice',
      title: 'Pick one',
      answered: 0,
      skipped: 0,
      suppressed: true,
    });
  });

  it('answer filters scan the responses: single and multiple choice', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?answer[q_bool]=true`);
    expect(res.status).toBe(200);
    expect(res.body.source).toBe('engine');
    expect(res.body.responses).toBe(5);
    expect(counts(question(res.body, 'q_radio'))).toEqual({ a: 2, b: 2, c: 0, none: 0, other: 1 });
    const multi = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?answer[q_check]=r`);
    expect(multi.body.responses).toBe(4);
    expect(counts(question(multi.body, 'q_drop'))).toEqual({ x: 1, y: 2 });
    expect(question(multi.body, 'q_drop').answered).toBe(3);
  });

  it('date range', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?from=2025-01-12&to=2025-01-16`);
    expect(res.body.responses).toBe(4);
    expect(counts(question(res.body, 'q_bool'))).toEqual({ true: 4, false: 0 });
  });

  it('partial responses on request', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?includePartial=true`);
    expect(res.body.responses).toBe(9);
    expect(question(res.body, 'q_radio')).toMatchObject({ answered: 8, skipped: 1 });
    expect(counts(question(res.body, 'q_radio')).a).toBe(4);
  });

  it('a version the campaign did not use gives nothing', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?version=2`);
    expect(res.body).toMatchObject({ responses: null, suppressed: true });
  });

  it('scan and rollup agree on the same set', async () => {
    const rollup = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?groupBy=network&weighting=regional`);
    const scan = await admin.get(
      `/api/campaigns/${fx.campaignId}/tallies?groupBy=network&weighting=regional&from=2000-01-01`,
    );
    expect(scan.body.source).toBe('engine');
    expect(scan.body.questions).toEqual(rollup.body.questions);
  });

  it.each(['country', 'role', 'none'])('scan and rollup agree grouped by %s', async (groupBy) => {
    const grouping = groupBy === 'none' ? '' : `groupBy=${groupBy}&`;
    const rollup = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?${grouping}minCellSize=1`);
    const scan = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?${grouping}minCellSize=1&to=2100-01-01`);
    expect(rollup.body.source).toBe('rollup');
    expect(scan.body.source).toBe('engine');
    expect(scan.body.responses).toBe(rollup.body.responses);
    expect(scan.body.questions).toEqual(rollup.body.questions);
  });
});

describe('the rollup follows changes', () => {
  it('an edited then deleted response is counted again, then no longer', async () => {
    await db.query(`UPDATE responses SET data = data || '{"q_drop": "y"}'::jsonb WHERE id = $1`, [ids.R8]);
    let res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies`);
    expect(counts(question(res.body, 'q_drop'))).toEqual({ x: 4, y: 3 });
    await db.query(`UPDATE responses SET data = data || '{"q_drop": "x"}'::jsonb WHERE id = $1`, [ids.R8]);
    const extra = await insertResponse(
      fx.campaignId,
      (await db.query(`SELECT survey_version_id FROM campaigns WHERE id = $1`, [fx.campaignId]))[0].survey_version_id,
      fx.n2.id,
      { country: 'Kazakhstan', role: 'team', language: 'en', at: '2025-01-22T00:00:00Z' },
      { q_drop: 'y' },
    );
    res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies`);
    expect(res.body.responses).toBe(9);
    expect(counts(question(res.body, 'q_drop'))).toEqual({ x: 5, y: 3 });
    await db.query(`DELETE FROM responses WHERE id = $1`, [extra]);
    res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies`);
    expect(res.body.responses).toBe(8);
    expect(counts(question(res.body, 'q_drop'))).toEqual({ x: 5, y: 2 });
  });
});

describe('reads', () => {
  it('count changes still queued, and say as of when', async () => {
    const before = Date.now();
    const versionId = (await db.query(`SELECT survey_version_id FROM campaigns WHERE id = $1`, [fx.campaignId]))[0]
      .survey_version_id as string;
    const extra = await insertResponse(
      fx.campaignId,
      versionId,
      fx.n2.id,
      { country: 'Kazakhstan', role: 'team', language: 'en', at: '2025-01-22T00:00:00Z' },
      { q_drop: 'y' },
    );
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies`);
    expect([res.body.responses, counts(question(res.body, 'q_drop'))]).toEqual([9, { x: 5, y: 3 }]);
    const asOf = Date.parse(res.body.asOf as string);
    expect(asOf).toBeGreaterThanOrEqual(before - 1_000);
    expect(asOf).toBeLessThanOrEqual(Date.now());
    await db.query(`DELETE FROM responses WHERE id = $1`, [extra]);
    // A date range reads the responses themselves: the deleted one is gone from them too.
    const after = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?from=2000-01-01`);
    expect([
      after.body.source,
      after.body.responses,
      counts(question(after.body, 'q_drop')),
      typeof after.body.asOf,
    ]).toEqual(['engine', 8, { x: 5, y: 2 }, 'string']);
  });
});

describe('survey tallies across versions', () => {
  it('merges by question name, with versions, choice versions and rewording', async () => {
    const res = await admin.get(`/api/surveys/${fx.surveyId}/tallies?versions=1,2`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ responses: 11, versions: [1, 2] });
    const radio = question(res.body, 'q_radio');
    expect(radio).toMatchObject({
      versions: [1, 2],
      reworded: true,
      title: 'Pick exactly one',
      titles: [
        { version: 1, title: 'Pick one' },
        { version: 2, title: 'Pick exactly one' },
      ],
      answered: 10,
    });
    expect(
      (radio.choices as Array<{ value: string; count: number; versions: number[] }>).map((c) => [
        c.value,
        c.count,
        c.versions,
      ]),
    ).toEqual([
      ['a', 4, [1, 2]],
      ['b', 2, [1, 2]],
      ['d', 2, [2]],
      ['none', 1, [1, 2]],
      ['other', 1, [1, 2]],
      ['c', 0, [1]],
    ]);
    expect(question(res.body, 'q_bool')).toMatchObject({ versions: [1, 2], reworded: false, answered: 10 });
    expect(counts(question(res.body, 'q_bool'))).toEqual({ true: 6, false: 4 });
    expect(question(res.body, 'q_drop').versions).toEqual([1]);
    expect(question(res.body, 'q_new')).toMatchObject({ versions: [2], answered: 2 });
  });

  it('one version alone', async () => {
    const res = await admin.get(`/api/surveys/${fx.surveyId}/tallies?versions=2`);
    expect(res.body.responses).toBe(3);
    expect(counts(question(res.body, 'q_radio'))).toEqual({ a: 1, b: 0, d: 2, none: 0, other: 0 });
  });
});

describe('free-text answers', () => {
  it('pages and searches, with network, country and role', async () => {
    const res = await committee.get(`/api/campaigns/${fx.campaignId}/answers/q_text?q=hello`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ question: 'q_text', total: 2, page: 1, pageSize: 50, suppressed: false });
    expect(
      res.body.answers.map((a: { text: string; country: string; role: string }) => [a.text, a.country, a.role]),
    ).toEqual([
      ['Hello', 'Morocco', 'nfp'],
      ['hello again', 'Uzbekistan', 'nfp'],
    ]);
    // Each answer names its network by id and by name.
    const names = new Map(
      ((await admin.get('/api/networks')).body as Array<{ id: string; name: string }>).map((n) => [n.id, n.name]),
    );
    expect(res.body.answers.map((a: { networkId: string; network: string }) => [a.networkId, a.network])).toEqual([
      [fx.n1.id, names.get(fx.n1.id)],
      [fx.n2.id, names.get(fx.n2.id)],
    ]);
    expect([names.get(fx.n1.id), names.get(fx.n2.id)].every((name) => typeof name === 'string' && name !== '')).toBe(
      true,
    );
    expect(Object.keys(res.body.answers[0]).sort()).toEqual([
      'completedAt',
      'country',
      'language',
      'network',
      'networkId',
      'responseId',
      'role',
      'text',
    ]);
    const paged = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_text?page=2&pageSize=3`);
    expect(paged.body.total).toBe(4);
    expect(paged.body.answers.map((a: { text: string }) => a.text)).toEqual(['hello again']);
  });

  it('nested panel text and other text', async () => {
    const topics = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_panel.topic`);
    expect(topics.body.answers.map((a: { text: string }) => a.text)).toEqual(['Budget', 'Training', '=cmd']);
    const other = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_radio-Comment`);
    expect(other.body.answers.map((a: { text: string }) => a.text)).toEqual(['Something else']);
  });

  it('applies answer and date filters like the tallies', async () => {
    const texts = (body: { answers: Array<{ text: string }> }) => body.answers.map((a) => a.text);
    const byAnswer = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_text?answer[q_bool]=true`);
    expect([byAnswer.status, byAnswer.body.total, texts(byAnswer.body)]).toEqual([
      200,
      3,
      ['Hello', 'world peace', 'hello again'],
    ]);
    const byDate = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_text?from=2025-01-12&to=2025-01-16`);
    expect([byDate.body.total, texts(byDate.body)]).toEqual([2, ['world peace', 'hello again']]);
    const tooFew = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_text?answer[q_radio]=b`);
    expect(tooFew.body).toEqual({ question: 'q_text', total: 0, page: 1, pageSize: 50, suppressed: true, answers: [] });
  });

  it('suppressed under the threshold', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_text?language=ru`);
    expect(res.body).toEqual({ question: 'q_text', total: 0, page: 1, pageSize: 50, suppressed: true, answers: [] });
  });

  it('refuses choice questions and unknown ones', async () => {
    const choice = await admin.get(`/api/campaigns/${fx.campaignId}/answers/q_radio`);
    expect(choice.body).toEqual(
      errorBody(400, 'bad_request', 'q_radio is not a free-text question; its answers are in the tallies'),
    );
    const unknown = await admin.get(`/api/campaigns/${fx.campaignId}/answers/nope`);
    expect(unknown.body).toEqual(
      errorBody(404, 'analysis_question_not_found', "This campaign's questionnaire has no question nope"),
    );
  });
});

describe('exports', () => {
  it('CSV: BOM, a column per choice and per matrix row, formulas defused', async () => {
    const res = await admin
      .get(`/api/campaigns/${fx.campaignId}/responses.csv`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines.length).toBe(8 + 2);
    const header = lines[0].split(',');
    expect(header.slice(0, 8)).toEqual(RESPONSE_COLUMNS);
    expect(header).toEqual(
      expect.arrayContaining([
        'q_radio',
        'q_radio/other_text',
        'q_check/r',
        'q_check/none',
        'q_rank/p',
        'q_matrix/r1',
        'q_md/m1/score',
        'q_mdyn/amount',
        'q_panel.topic',
      ]),
    );
    const r2 = lines.find((line) => line.startsWith(ids.R2)) as string;
    const cells = r2.split(',');
    const at = (key: string) => cells[header.indexOf(key)];
    expect(at('q_text')).toBe("'=SUM(A1)");
    expect(at('q_check/r')).toBe('1');
    expect(at('q_check/g')).toBe('0');
    expect(at('q_rank/q')).toBe('1');
    expect(at('q_panel.topic')).toBe("'=cmd");
    expect(at('response_network')).toBe(fx.n1.code);
  });

  it('labels in a chosen locale; JSON export', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/responses.json?labels=fr`);
    expect(res.status).toBe(200);
    const rows = res.body as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(8);
    const r3 = rows.find((row) => row.response_id === ids.R3) as Record<string, unknown>;
    expect(r3.q_radio).toBe('Bêta');
    expect(r3.q_mdyn_amount).toBeUndefined();
    expect(r3['q_mdyn/amount']).toBe('30');
    const raw = (await admin.get(`/api/campaigns/${fx.campaignId}/responses.json`)).body as Array<
      Record<string, unknown>
    >;
    expect((raw.find((row) => row.response_id === ids.R3) as Record<string, unknown>).q_radio).toBe('b');
  });

  it('XLSX with a codebook sheet', async () => {
    const res = await admin
      .get(`/api/campaigns/${fx.campaignId}/responses.xlsx`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    const workbook = await openWorkbook(res.body);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Responses', 'Codebook']);
    expect(workbook.getWorksheet('Responses')?.rowCount).toBe(9);
    const codebook = workbook.getWorksheet('Codebook');
    // ExcelJS gives a row's values from index 1, so the first is always undefined.
    expect(codebook?.getRow(1).values).toEqual([undefined, ...CODEBOOK_COLUMNS]);
  });

  it('codebook CSV describes every column', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/codebook.csv`);
    expect(res.status).toBe(200);
    const lines = res.text.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('column,question,title,type,holds,choices,versions');
    expect(lines).toContain(
      'q_radio,q_radio,Pick one,radiogroup,answer,a=Alpha; b=Beta; c=Gamma; none=None; other=Other,1',
    );
    expect(lines).toContain('q_check/g,q_check,q_check: g,checkbox,selected,1=selected; 0=not selected,1');
  });

  it('tallies as CSV', async () => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies.csv`);
    expect(res.status).toBe(200);
    const lines = res.text.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'question,title,type,group,row,column,value,label,count,share,answered,mean,median,mean_rank,first_place,suppressed',
    );
    expect(lines).toContain(`q_radio,Pick one,radiogroup,,,,a,Alpha,3,${3 / 7},7,,,,,`);
  });
});

describe('bad requests', () => {
  const cases: Array<[string, string]> = [
    ['groupBy=nation', 'groupBy must be one of: network, country, role'],
    ['weighting=heavy', 'weighting must be one of: pooled, regional'],
    ['includePartial=yes', 'includePartial must be true or false'],
    ['from=yesterday', 'from must be an ISO 8601 date or date-time'],
    ['from=2025-02-01&to=2025-01-01', 'from must not be after to'],
    ['version=0', 'version must be a list of positive integers'],
    ['language=de', 'language must be among: en, fr, ru, ar'],
    ['network=XX', 'network: unknown network "XX"'],
    ['answer[q_text]=x', 'answer[q_text]: no choice question of that name'],
    ['colour=red', 'Unknown query parameter: colour'],
    ['groupBy=network&groupBy=role', 'groupBy must be given once'],
  ];
  it.each(cases)('%s → 400', async (query, message) => {
    const res = await admin.get(`/api/campaigns/${fx.campaignId}/tallies?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(400, 'bad_request', message));
  });

  it('unknown campaign, malformed id, unknown survey version, bad labels', async () => {
    expect((await admin.get(`/api/campaigns/${randomUUID()}/tallies`)).body).toEqual(
      errorBody(404, 'campaign_not_found', 'Campaign not found'),
    );
    expect((await admin.get('/api/campaigns/nope/tallies')).body).toEqual(
      errorBody(400, 'bad_request', 'id must be a UUID'),
    );
    expect((await admin.get(`/api/surveys/${fx.surveyId}/tallies?versions=7`)).body).toEqual(
      errorBody(404, 'analysis_version_not_found', 'This survey has no published version 7'),
    );
    expect((await admin.get(`/api/surveys/${fx.surveyId}/tallies?versions=a`)).body).toEqual(
      errorBody(400, 'bad_request', 'versions must be a list of positive integers'),
    );
    expect((await admin.get(`/api/campaigns/${fx.campaignId}/responses.csv?labels=<x>`)).body).toEqual(
      errorBody(400, 'bad_request', 'labels must be a locale code such as en, fr, ru or ar, or default'),
    );
  });

  it('needs a staff login', async () => {
    expect((await testApp.http().get(`/api/campaigns/${fx.campaignId}/tallies`)).status).toBe(401);
  });
});
