import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { networksByCode } from '../support/campaign-fixtures';
import { signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';

/**
 * Done-when property: for random multi-version campaigns (partials, edits, several networks,
 * countries and roles) and random filter combinations, every tally and free-text page equals a
 * plain computation over the responses written to responses.json by this test.
 */
const DEFINITION = {
  pages: [
    {
      name: 'p',
      elements: [
        { type: 'radiogroup', name: 'colour', choices: ['red', 'green', 'blue'] },
        { type: 'checkbox', name: 'tools', choices: ['saw', 'drill', 'tape'] },
        { type: 'text', name: 'note' },
      ],
    },
  ],
};
const COUNTRIES = ['Morocco', 'Senegal', 'Chile'];
const ROLES = ['nfp', 'team'];
const LANGUAGES = ['en', 'fr'];

interface Stored {
  id: string;
  surveyId: string;
  version: number;
  network: string;
  country: string;
  role: string;
  language: string;
  status: 'complete' | 'partial';
  at: string;
  data: { colour?: string; tools?: string[]; note?: string };
}

let testApp: TestApp;
let admin: StaffSession;
let db: DataSource;
let networkCodes: string[] = [];
const campaignOf = new Map<number, string>();
let file = '';

const answersArb = fc.record(
  {
    colour: fc.constantFrom('red', 'green', 'blue'),
    tools: fc.subarray(['saw', 'drill', 'tape'], { minLength: 1 }),
    note: fc.constantFrom('alpha', 'beta', 'gamma note'),
  },
  { requiredKeys: [] },
);

let surveyId: string;

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  const networks = Object.values(await networksByCode(admin)).slice(0, 3);
  networkCodes = networks.map((network) => network.code);
  const survey = await admin.post('/api/surveys').send({ slug: 'filters-property', title: 'Filters property' });
  surveyId = survey.body.id as string;
  for (const version of [1, 2]) {
    await admin.post(`/api/surveys/${surveyId}/versions`).send({ definition: DEFINITION, changelog: `v${version}` });
    expect((await admin.post(`/api/surveys/${surveyId}/versions/${version}/publish`)).status).toBe(200);
  }
  const campaign = await admin
    .post('/api/campaigns')
    .send({ surveyId, version: 1, name: 'Property v1', networkIds: networks.map((network) => network.id) });
  expect(campaign.status).toBe(201);
  campaignOf.set(1, campaign.body.id);
  const versionId = campaign.body.surveyVersionId as string;
  const [sample] = fc.sample(
    fc.array(
      fc.record({
        network: fc.integer({ min: 0, max: networks.length - 1 }),
        country: fc.constantFrom(...COUNTRIES),
        role: fc.constantFrom(...ROLES),
        language: fc.constantFrom(...LANGUAGES),
        partial: fc.boolean(),
        day: fc.integer({ min: 1, max: 28 }),
        data: answersArb,
        edit: fc.option(answersArb, { nil: undefined }),
      }),
      { minLength: 40, maxLength: 60 },
    ),
    { numRuns: 1, seed: 42 },
  );
  const stored: Stored[] = [];
  for (const seed of sample ?? []) {
    const network = networks[seed.network];
    if (network === undefined) continue;
    const id = randomUUID();
    const at = `2025-03-${String(seed.day).padStart(2, '0')}T12:00:00.000Z`;
    const status = seed.partial ? 'partial' : 'complete';
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        campaign.body.id,
        versionId,
        network.id,
        seed.country,
        seed.role,
        seed.language,
        seed.data,
        status,
        seed.partial ? null : at,
        at,
      ],
    );
    let data = seed.data;
    if (seed.edit !== undefined && !seed.partial) {
      await db.query(`UPDATE responses SET data = $2 WHERE id = $1`, [id, seed.edit]);
      data = seed.edit;
    }
    stored.push({
      id,
      surveyId,
      version: 1,
      network: network.code,
      country: seed.country,
      role: seed.role,
      language: seed.language,
      status,
      at,
      data,
    });
  }
  file = join(mkdtempSync(join(tmpdir(), 'concord-tally-')), 'responses.json');
  writeFileSync(file, JSON.stringify(stored));
});

afterAll(async () => {
  await testApp?.close();
});

const filterArb = fc.record(
  {
    network: fc.subarray([0, 1, 2], { minLength: 1 }),
    country: fc.subarray(COUNTRIES, { minLength: 1 }),
    role: fc.subarray(ROLES, { minLength: 1 }),
    language: fc.subarray(LANGUAGES, { minLength: 1 }),
    from: fc.integer({ min: 1, max: 28 }),
    to: fc.integer({ min: 1, max: 28 }),
    colour: fc.subarray(['red', 'green', 'blue'], { minLength: 1 }),
    tools: fc.subarray(['saw', 'drill', 'tape'], { minLength: 1 }),
    includePartial: fc.boolean(),
  },
  { requiredKeys: ['includePartial'] },
);
type Filter = typeof filterArb extends fc.Arbitrary<infer T> ? T : never;

const day = (n: number): string => `2025-03-${String(n).padStart(2, '0')}`;

function selected(responses: readonly Stored[], filter: Filter): Stored[] {
  const [from, to] =
    filter.from !== undefined && filter.to !== undefined
      ? [Math.min(filter.from, filter.to), Math.max(filter.from, filter.to)]
      : [filter.from, filter.to];
  return responses.filter((response) => {
    if (!filter.includePartial && response.status !== 'complete') return false;
    if (filter.network !== undefined && !filter.network.map((i) => networkCodes[i]).includes(response.network))
      return false;
    if (filter.country !== undefined && !filter.country.includes(response.country)) return false;
    if (filter.role !== undefined && !filter.role.includes(response.role)) return false;
    if (filter.language !== undefined && !filter.language.includes(response.language)) return false;
    const date = response.at.slice(0, 10);
    if (from !== undefined && date < day(from)) return false;
    if (to !== undefined && date > day(to)) return false;
    if (filter.colour !== undefined && !filter.colour.includes(response.data.colour ?? '')) return false;
    if (filter.tools !== undefined && !(response.data.tools ?? []).some((tool) => filter.tools?.includes(tool)))
      return false;
    return true;
  });
}

function queryOf(filter: Filter): string {
  const parts: string[] = [`includePartial=${filter.includePartial}`];
  if (filter.network !== undefined) parts.push(`network=${filter.network.map((i) => networkCodes[i]).join(',')}`);
  for (const key of ['country', 'role', 'language'] as const) {
    const values = filter[key];
    if (values !== undefined) parts.push(`${key}=${values.join(',')}`);
  }
  if (filter.from !== undefined && filter.to !== undefined) {
    parts.push(`from=${day(Math.min(filter.from, filter.to))}`, `to=${day(Math.max(filter.from, filter.to))}`);
  } else {
    if (filter.from !== undefined) parts.push(`from=${day(filter.from)}`);
    if (filter.to !== undefined) parts.push(`to=${day(filter.to)}`);
  }
  if (filter.colour !== undefined) parts.push(`answer[colour]=${filter.colour.join(',')}`);
  if (filter.tools !== undefined) parts.push(`answer[tools]=${filter.tools.join(',')}`);
  return parts.join('&');
}

describe('filters: tallies and free text equal a plain computation over responses.json', () => {
  it('holds for random filter combinations', async () => {
    const responses = JSON.parse(readFileSync(file, 'utf8')) as Stored[];
    const campaignId = campaignOf.get(1) as string;
    await fc.assert(
      fc.asyncProperty(filterArb, async (filter) => {
        const expected = selected(responses, filter);
        const query = queryOf(filter);
        const tallies = await admin.get(`/api/campaigns/${campaignId}/tallies?${query}`);
        expect([query, tallies.status]).toEqual([query, 200]);
        const text = await admin.get(`/api/campaigns/${campaignId}/answers/note?${query}&pageSize=500`);
        expect([query, text.status]).toEqual([query, 200]);
        // The survey's tally (across its campaigns, here one) reads the same source (the rollup, or the
        // campaigns' engines summed when a filter needs them) and gives the same figures.
        const survey = await admin.get(`/api/surveys/${surveyId}/tallies?${query}`);
        expect([query, survey.status, survey.body.source]).toEqual([query, 200, tallies.body.source]);
        expect([query, survey.body.responses, survey.body.suppressed]).toEqual([
          query,
          tallies.body.responses,
          tallies.body.suppressed,
        ]);
        const choicesOf = (body: {
          questions: Array<{ name: string; choices?: Array<{ value: string; count: number | null }> }>;
        }) =>
          body.questions.map((question) => [
            question.name,
            (question.choices ?? []).map((choice) => [choice.value, choice.count]),
          ]);
        expect([query, choicesOf(survey.body)]).toEqual([query, choicesOf(tallies.body)]);
        if (expected.length < 3) {
          expect([
            query,
            tallies.body.responses,
            tallies.body.suppressed,
            text.body.suppressed,
            text.body.answers,
          ]).toEqual([query, null, true, true, []]);
          return;
        }
        expect([query, tallies.body.responses, tallies.body.suppressed]).toEqual([query, expected.length, false]);
        const colour = (
          tallies.body.questions as Array<{
            name: string;
            answered: number;
            choices: Array<{ value: string; count: number }>;
          }>
        ).find((question) => question.name === 'colour');
        const counted = Object.fromEntries((colour?.choices ?? []).map((choice) => [choice.value, choice.count]));
        const truth = Object.fromEntries(
          ['red', 'green', 'blue'].map((value) => [
            value,
            expected.filter((response) => response.data.colour === value).length,
          ]),
        );
        expect([query, counted]).toEqual([query, truth]);
        const tools = (
          tallies.body.questions as Array<{ name: string; choices: Array<{ value: string; count: number }> }>
        ).find((question) => question.name === 'tools');
        expect([
          query,
          Object.fromEntries((tools?.choices ?? []).map((choice) => [choice.value, choice.count])),
        ]).toEqual([
          query,
          Object.fromEntries(
            ['saw', 'drill', 'tape'].map((value) => [
              value,
              expected.filter((response) => response.data.tools?.includes(value)).length,
            ]),
          ),
        ]);
        const notes = expected
          .map((response) => response.data.note)
          .filter((note): note is string => note !== undefined);
        expect([
          query,
          text.body.total,
          [...(text.body.answers as Array<{ text: string }>).map((answer) => answer.text)].sort(),
        ]).toEqual([query, notes.length, [...notes].sort()]);
      }),
      { numRuns: 25 },
    );
  });
});
