import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { factIdentity } from '../../server/src/analysis/fact-identity';
import type { FactCountRow } from '../../server/src/analysis/tally';
import { parseTallyQuery } from '../../server/src/analysis/tally-query';
import { TallyEngineService } from '../../server/src/analysis/tally-engine.service';
import { TallyService } from '../../server/src/analysis/tally.service';
import type { AppConfig } from '../../server/src/config/app-config';
import { APP_CONFIG } from '../../server/src/config/config.module';
import { createSurvey, addDraftVersion, networksByCode } from '../support/campaign-fixtures';
import { signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';

/**
 * The in-memory tally engine against the SQL scan it replaces, which stays the reference: for
 * random responses (valid answers and odd JSON alike: decimals PostgreSQL keeps as written, nulls
 * in arrays, objects where a value belongs, repeated panel answers), random edits and deletions,
 * and random filters, every fact count of the engine equals the scan's. Then the catch-up across
 * transactions that commit out of order.
 */
const CHOICES = ['a', 'b', 'c'];
const DEFINITION = {
  title: 'Engine',
  pages: [
    {
      name: 'p1',
      elements: [
        { type: 'radiogroup', name: 'q_radio', choices: CHOICES, showOtherItem: true },
        { type: 'checkbox', name: 'q_check', choices: CHOICES },
        { type: 'ranking', name: 'q_rank', choices: CHOICES },
        { type: 'matrix', name: 'q_matrix', rows: ['r1', 'r2'], columns: ['c1', 'c2'] },
        {
          type: 'matrixdropdown',
          name: 'q_md',
          rows: ['r1', 'r2'],
          choices: CHOICES,
          columns: [
            { name: 'col1', cellType: 'dropdown' },
            { name: 'col2', cellType: 'checkbox' },
            { name: 'col3', cellType: 'text' },
          ],
        },
        {
          type: 'matrixdynamic',
          name: 'q_mdyn',
          choices: CHOICES,
          columns: [
            { name: 'col1', cellType: 'dropdown' },
            { name: 'col2', cellType: 'text', inputType: 'number' },
          ],
        },
        {
          type: 'paneldynamic',
          name: 'q_panel',
          templateElements: [
            { type: 'radiogroup', name: 'p_choice', choices: CHOICES },
            { type: 'text', name: 'p_text' },
          ],
        },
        { type: 'text', name: 'q_num', inputType: 'number' },
        { type: 'boolean', name: 'q_bool' },
        { type: 'rating', name: 'q_rating', rateMin: 1, rateMax: 5 },
        { type: 'comment', name: 'q_text' },
      ],
    },
  ],
};

let testApp: TestApp;
let admin: StaffSession;
let db: DataSource;
let tallies: TallyService;
let networkIds: string[];
let campaignId: string;
let versionId: string;
let surveyId: string;
let versionNumber: number;

/**
 * JSON text as a client might have stored it, with numbers spelled as PostgreSQL keeps them. No two
 * numbers are equal in value but spelled differently (2 and 2.0): SQL groups jsonb by value and
 * keeps either spelling, while clients write JSON numbers one way only.
 */
const scalarText = fc.constantFrom(
  '"a"',
  '"b"',
  '"c"',
  '"other"',
  '""',
  '"1.50"',
  '1',
  '2',
  '1.50',
  '12345678901234567',
  '-3',
  'true',
  'false',
  'null',
);
const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarText,
    scalarText,
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('r1', 'r2', 'c1', 'col1', 'col2', 'col3', 'p_choice', 'p_text', '10', 'x'),
          tie('value'),
        ),
        {
          maxLength: 3,
        },
      )
      .map((pairs) => `{${pairs.map(([key, value]) => `"${key}":${value}`).join(',')}}`),
  ),
})).value;

const KEYS = [
  'q_radio',
  'q_check',
  'q_rank',
  'q_matrix',
  'q_md',
  'q_mdyn',
  'q_panel',
  'q_num',
  'q_bool',
  'q_rating',
  'q_text',
  'gone',
];
const dataText = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), jsonText), { maxLength: 8 })
  .map((pairs) => `{${pairs.map(([key, value]) => `"${key}":${value}`).join(',')}}`);

const responseArb = fc.record({
  data: dataText,
  network: fc.nat(1),
  country: fc.constantFrom('Morocco', 'Chile', null),
  role: fc.constantFrom('nfp', 'team'),
  partial: fc.boolean(),
  day: fc.integer({ min: 1, max: 20 }),
});
type ResponseSeed = typeof responseArb extends fc.Arbitrary<infer T> ? T : never;

const filterParts = {
  groupBy: fc.constantFrom('network', 'country', 'role'),
  includePartial: fc.constantFrom('true', 'false'),
  from: fc.integer({ min: 1, max: 20 }).map((day) => `2025-03-${String(day).padStart(2, '0')}`),
  to: fc.integer({ min: 1, max: 20 }).map((day) => `2025-03-${String(day).padStart(2, '0')}T12:00:00Z`),
  country: fc.constantFrom('Morocco', 'Chile,Morocco'),
  'answer[q_radio]': fc.constantFrom('a', 'a,b', 'other', '1.50', 'true'),
  'answer[q_check]': fc.constantFrom('a', 'b,c', '["a", "b"]', '2'),
  'answer[q_num]': fc.constantFrom('1', '1.50', '12345678901234567', '"a"'),
};
type FilterKey = keyof typeof filterParts;
/** A few filters at a time (always a grouping and the partial switch), so that most views hold responses. */
const filterArb = fc
  .tuple(
    filterParts.groupBy,
    filterParts.includePartial,
    fc
      .subarray(Object.keys(filterParts).slice(2) as FilterKey[], { maxLength: 2 })
      .chain((keys) => fc.tuple(...keys.map((key) => filterParts[key].map((value) => [key, value] as const)))),
  )
  .map(([groupBy, includePartial, pairs]) => {
    const filter: Record<string, string> = { groupBy, includePartial };
    for (const [key, value] of pairs) filter[key] = value;
    // A range that ends before it starts is a 400; keep its start only.
    if (filter.from !== undefined && filter.to !== undefined && filter.to.slice(0, 10) < filter.from) delete filter.to;
    return filter;
  });

async function insert(seed: ResponseSeed): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status,
                            completed_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'en', $7::jsonb, $8, $9, $10)`,
    [
      id,
      campaignId,
      versionId,
      networkIds[seed.network],
      seed.country,
      seed.role,
      seed.data,
      seed.partial ? 'partial' : 'complete',
      seed.partial ? null : `2025-03-${String(seed.day).padStart(2, '0')}T10:00:00.123456Z`,
      `2025-03-${String(seed.day).padStart(2, '0')}T11:00:00Z`,
    ],
  );
  return id;
}

function sorted(rows: readonly FactCountRow[]): string[] {
  return rows.map((row) => JSON.stringify([row.network, row.grp, ...factIdentity(row), Number(row.n)])).sort();
}

async function compare(raw: Record<string, string>): Promise<number> {
  const resolved = await tallies.resolve(parseTallyQuery(raw), [campaignId], [versionId], campaignId);
  const engine = await tallies.engineRows(campaignId, resolved);
  const scan = await tallies.countRows(resolved, true);
  expect([raw, sorted(engine.rows)]).toEqual([raw, sorted(scan.rows)]);
  return scan.rows.length;
}

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.app.get(DataSource);
  tallies = testApp.app.get(TallyService);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  networkIds = Object.values(await networksByCode(admin))
    .slice(0, 2)
    .map((network) => network.id);
  surveyId = await createSurvey(admin, 'engine-check');
  const version = await addDraftVersion(admin, surveyId, DEFINITION);
  versionNumber = version;
  expect((await admin.post(`/api/surveys/${surveyId}/versions/${version}/publish`)).status).toBe(200);
  const created = await admin.post('/api/campaigns').send({ surveyId, version, name: 'Engine', networkIds });
  expect(created.status).toBe(201);
  campaignId = created.body.id;
  versionId = created.body.surveyVersionId;
});

afterAll(async () => {
  await testApp?.close();
});

describe('the tally engine counts exactly as the SQL scan', () => {
  it('for random responses, edits, deletions and filters', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(responseArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(20), fc.option(dataText, { nil: null })), { maxLength: 4 }),
        fc.array(filterArb, { minLength: 1, maxLength: 3 }),
        async (seeds, changes, filters) => {
          const ids: string[] = [];
          for (const seed of seeds) ids.push(await insert(seed));
          // The engine loads (or catches up) here; the changes below come through the catch-up.
          await compare(filters[0]);
          for (const [pick, data] of changes) {
            const id = ids[pick % ids.length];
            if (data === null) await db.query(`DELETE FROM responses WHERE id = $1`, [id]);
            else
              await db.query(
                `UPDATE responses SET data = $2::jsonb, status = 'complete', completed_at = now() WHERE id = $1`,
                [id, data],
              );
          }
          for (const filter of filters) nonEmpty += (await compare(filter)) > 0 ? 1 : 0;
        },
      ),
      { numRuns: 40 },
    );
    // The filters are not all so narrow that nothing is compared.
    expect(nonEmpty).toBeGreaterThan(10);
  });
});

describe('catching up', () => {
  it('counts a transaction that began before an earlier read and committed after it', async () => {
    const seed: ResponseSeed = {
      data: '{"q_radio":"a"}',
      network: 0,
      country: 'Chile',
      role: 'nfp',
      partial: false,
      day: 5,
    };
    const count = async (): Promise<number> => {
      const resolved = await tallies.resolve(
        parseTallyQuery({ includePartial: 'true' }),
        [campaignId],
        [versionId],
        campaignId,
      );
      const { rows } = await tallies.engineRows(campaignId, resolved);
      return rows.filter((row) => row.measure === 'r').reduce((sum, row) => sum + Number(row.n), 0);
    };
    const before = await count();
    const slowId = randomUUID();
    const slow = db.createQueryRunner();
    await slow.connect();
    try {
      await slow.startTransaction();
      // The slow transaction takes its xid first...
      await slow.query(
        `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
         VALUES ($1, $2, $3, $4, 'Chile', 'nfp', 'en', '{"q_radio": "b"}', 'complete', now())`,
        [slowId, campaignId, versionId, networkIds[0]],
      );
      // ...a later one commits, and the engine catches up past it...
      await insert(seed);
      expect(await count()).toBe(before + 1);
      // ...then the slow one commits: the next read counts it too.
      await slow.commitTransaction();
    } finally {
      await slow.release();
    }
    expect(await count()).toBe(before + 2);
    // And a deletion by another connection is seen (by id: the random responses above may hold the same answer).
    await db.query(`DELETE FROM responses WHERE id = $1`, [slowId]);
    expect(await count()).toBe(before + 1);
  });
});

describe('catching up under a long transaction', () => {
  it('reads only what the previous snapshot could not see, though an open transaction holds back every xmin', async () => {
    const engines = testApp.app.get(TallyEngineService);
    const responses = async (): Promise<number> => {
      const resolved = await tallies.resolve(parseTallyQuery({}), [campaignId], [versionId], campaignId);
      const { rows } = await tallies.engineRows(campaignId, resolved);
      return rows.filter((row) => row.measure === 'r').reduce((sum, row) => sum + Number(row.n), 0);
    };
    const before = await responses();
    // Catch-ups run on reads and every second in the background: count what they read in all.
    const readBefore = engines.catchUpRows(campaignId) ?? 0;
    const read = (): number => (engines.catchUpRows(campaignId) ?? 0) - readBefore;
    const old = db.createQueryRunner();
    await old.connect();
    try {
      // A transaction that has taken an xid and stays open (a slow writer, a long import) is the
      // oldest one in progress for every later snapshot: their xmin stays at its xid.
      await old.startTransaction();
      await old.query('SELECT pg_current_xact_id()');
      const seed: ResponseSeed = {
        data: '{"q_radio":"c"}',
        network: 1,
        country: 'Chile',
        role: 'nfp',
        partial: false,
        day: 7,
      };
      await insert(seed);
      await insert(seed);
      await insert(seed);
      expect(await responses()).toBe(before + 3);
      expect(read()).toBe(3);
      expect(await responses()).toBe(before + 3);
      expect(read()).toBe(3);
      await insert(seed);
      expect(await responses()).toBe(before + 4);
      expect(read()).toBe(4);
    } finally {
      await old.rollbackTransaction();
      await old.release();
    }
  });
});

describe('pruning tombstones', () => {
  it('deletes only the tombstones below the given xid, and engines stay exact across it', async () => {
    const engines = testApp.app.get(TallyEngineService);
    const responses = async (): Promise<number> => {
      const resolved = await tallies.resolve(parseTallyQuery({}), [campaignId], [versionId], campaignId);
      const { rows } = await tallies.engineRows(campaignId, resolved);
      return rows.filter((row) => row.measure === 'r').reduce((sum, row) => sum + Number(row.n), 0);
    };
    const tombstones = async (ids: string[]): Promise<string[]> =>
      (
        await db.query<Array<{ id: string }>>(
          'SELECT response_id::text AS id FROM analysis_response_tombstones WHERE response_id = ANY($1::uuid[]) ORDER BY 1',
          [ids],
        )
      ).map((row) => row.id);
    const seed: ResponseSeed = {
      data: '{"q_radio":"a"}',
      network: 0,
      country: null,
      role: 'nfp',
      partial: false,
      day: 9,
    };
    const first = await insert(seed);
    const second = await insert(seed);
    const before = await responses();
    await db.query('DELETE FROM responses WHERE id = $1', [first]);
    expect(await responses()).toBe(before - 1);
    const [{ xmin }] = await db.query<Array<{ xmin: string }>>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
    );
    await db.query('DELETE FROM responses WHERE id = $1', [second]);
    // The first deletion committed before that xmin; the second came after it and stays.
    expect(await tombstones([first, second])).toEqual([first, second].sort());
    expect(await engines.pruneTombstonesBelow(xmin)).toBeGreaterThanOrEqual(1);
    expect(await tombstones([first, second])).toEqual([second]);
    expect(await responses()).toBe(before - 2);
    // The first mark is never due: tombstones wait a whole keep time after a mark.
    expect(await engines.pruneTombstones()).toBe(0);
    expect(await tombstones([second])).toEqual([second]);
  });
});

describe('a large campaign', () => {
  it('is scanned on its first filtered read while its engine loads in the background, then read from the engine', async () => {
    const created = await admin
      .post('/api/campaigns')
      .send({ surveyId, version: versionNumber, name: 'Engine, large', networkIds });
    expect(created.status).toBe(201);
    const large = created.body.id as string;
    // One more response than a campaign whose engine loads before its first read may hold.
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status,
                              completed_at, updated_at)
       SELECT gen_random_uuid(), $1, $2, $3, 'Chile', 'nfp', 'en',
              jsonb_build_object('q_radio', (ARRAY['a', 'b', 'c'])[1 + i % 3]), 'complete', now(), now()
         FROM generate_series(1, 20001) AS i`,
      [large, versionId, networkIds[0]],
    );
    const read = () => admin.get(`/api/campaigns/${large}/tallies?answer[q_radio]=a`);
    const first = await read();
    expect([first.status, first.body.source, first.body.responses]).toEqual([200, 'scan', 6667]);
    await testApp.app.get(TallyEngineService).settled(large);
    const second = await read();
    expect([second.status, second.body.source]).toEqual([200, 'engine']);
    const figures = (body: Record<string, unknown>) => ({ ...body, asOf: null, source: null });
    expect(figures(second.body)).toEqual(figures(first.body));

    // Past the memory cap, reading one campaign drops the engine read least recently.
    const engines = testApp.app.get(TallyEngineService);
    const config = testApp.app.get<AppConfig>(APP_CONFIG);
    const readSmall = async (): Promise<void> => {
      const resolved = await tallies.resolve(parseTallyQuery({}), [campaignId], [versionId], campaignId);
      await tallies.engineRows(campaignId, resolved);
    };
    await readSmall();
    expect([engines.isLoaded(campaignId), engines.isLoaded(large)]).toEqual([true, true]);
    const cap = config.tallyEngineMemoryMb;
    config.tallyEngineMemoryMb = 1;
    try {
      // A background catch-up under way keeps an engine for that moment: read again until it ends.
      for (let attempt = 0; attempt < 20 && engines.isLoaded(large); attempt++) await readSmall();
      expect([engines.isLoaded(campaignId), engines.isLoaded(large)]).toEqual([true, false]);
      const again = await read();
      expect([again.status, again.body.responses]).toEqual([200, 6667]);
      expect(figures(again.body)).toEqual(figures(first.body));
    } finally {
      config.tallyEngineMemoryMb = cap;
    }
  });
});
