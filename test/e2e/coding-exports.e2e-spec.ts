import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { asBinary } from '../support/binary-body';
import { describeSavSyntax, lines, runPspp } from '../support/pspp';
import { createCampaign, publishSurvey, WHY_AND_PICK_DEFINITION } from '../support/campaign-fixtures';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';
import { openWorkbook, RESPONSE_COLUMNS } from '../support/exports';

/**
 * A column per theme in the response exports (CSV, JSON, XLSX, SPSS and the codebook): 1 when the
 * answer's reviewed coding carries the theme, 0 when it was coded without it, empty when nobody
 * coded it; any coder's codings, or one coder's with `coder=`. Exact bodies, worked out by hand.
 */
const ID = (n: number): string => `00000000-0000-4000-8000-00000000000${n}`;

let testApp: TestApp;
let admin: StaffSession;
let coderA: StaffSession & { id: string };
let coderB: StaffSession & { id: string };
let campaignId: string;
let n1: string;
let n2: string;
const theme: Record<string, string> = {};

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  coderA = await createStaff(testApp, admin, 'secretariat', 'export-coder-a@example.org');
  coderB = await createStaff(testApp, admin, 'secretariat', 'export-coder-b@example.org');
  const networks = (await admin.get('/api/networks')).body as Array<{ id: string; code: string }>;
  const [first, second] = networks;
  if (first === undefined || second === undefined) throw new Error('the seed has fewer than two networks');
  [n1, n2] = [first.code, second.code];
  const survey = await publishSurvey(admin, 'theme-export', WHY_AND_PICK_DEFINITION);
  const surveyId = survey.surveyId;
  let versionId: string;
  ({ campaignId, versionId } = await createCampaign(admin, survey, 'Theme export', [first.id, second.id]));
  const insert = async (n: number, networkId: string, data: Record<string, unknown>): Promise<void> => {
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
       VALUES ($1, $2, $3, $4, 'Morocco', 'nfp', 'en', $5, 'complete', $6)`,
      [ID(n), campaignId, versionId, networkId, data, `2025-01-1${n}T10:00:00Z`],
    );
  };
  await insert(1, first.id, { why: 'Unclear mandate and no training', pick: 'a' });
  await insert(2, first.id, { why: 'Fine as it is', pick: 'b' });
  await insert(3, second.id, { why: 'Нет денег', pick: 'other', 'pick-Comment': 'Money' });
  await insert(4, second.id, { why: 'More exercises' });
  for (const [label, question, name] of [
    ['mandate', 'why', 'Unclear mandate'],
    ['training', 'why', 'Training & exercises'],
    ['money', 'why', 'Деньги'],
    ['funding', 'pick-Comment', 'Funding'],
  ] as const) {
    const created = await admin.post(`/api/surveys/${surveyId}/themes`).send({ question, name });
    expect(created.status).toBe(201);
    theme[label] = (created.body as { id: string }).id;
  }
  const code = async (session: StaffSession, n: number, question: string, themeIds: string[]): Promise<void> => {
    const res = await session.put(`/api/campaigns/${campaignId}/responses/${ID(n)}/codes`).send({ question, themeIds });
    expect(res.status).toBe(200);
  };
  await code(coderA, 1, 'why', [theme.mandate, theme.training]);
  await code(coderA, 2, 'why', []);
  await code(coderA, 3, 'why', [theme.money]);
  await code(coderA, 3, 'pick-Comment', [theme.funding]);
  await code(coderB, 1, 'why', [theme.training]);
  // Coder B's coding of answer 4 holds a suggestion nobody confirmed: not reviewed, not exported.
  await code(coderB, 4, 'why', [theme.mandate]);
  await db.query(
    `UPDATE coding_answer_themes SET suggested = true
      WHERE coding_id = (SELECT id FROM coding_answer_codings WHERE response_id = $1 AND coder_id = $2)`,
    [ID(4), coderB.id],
  );
});

afterAll(async () => {
  await testApp?.close();
});

function download(path: string): Promise<Response> {
  return asBinary(admin.get(path));
}

const HEADER =
  `${RESPONSE_COLUMNS.join(',')},why,why__theme_unclear_mandate,why__theme_training_exercises,why__theme_3,` +
  'pick,pick/other_text,pick-Comment__theme_funding';

describe('CSV', () => {
  it('a column per theme after its question: any coder’s reviewed codings, empty when not coded', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.csv`);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).toString('utf8')).toBe(
      '\uFEFF' +
        [
          HEADER,
          `${ID(1)},${n1},Morocco,nfp,en,1,complete,2025-01-11T10:00:00.000Z,Unclear mandate and no training,1,1,0,a,,`,
          `${ID(2)},${n1},Morocco,nfp,en,1,complete,2025-01-12T10:00:00.000Z,Fine as it is,0,0,0,b,,`,
          `${ID(3)},${n2},Morocco,nfp,en,1,complete,2025-01-13T10:00:00.000Z,Нет денег,0,0,1,other,Money,1`,
          `${ID(4)},${n2},Morocco,nfp,en,1,complete,2025-01-14T10:00:00.000Z,More exercises,,,,,,`,
          '',
        ].join('\r\n'),
    );
  });

  it('one coder’s codings with coder=, under the same filters', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.csv?coder=${coderB.id}&network=${n1}`);
    expect(res.status).toBe(200);
    expect((res.body as Buffer).toString('utf8')).toBe(
      '\uFEFF' +
        [
          HEADER,
          `${ID(1)},${n1},Morocco,nfp,en,1,complete,2025-01-11T10:00:00.000Z,Unclear mandate and no training,0,1,0,a,,`,
          `${ID(2)},${n1},Morocco,nfp,en,1,complete,2025-01-12T10:00:00.000Z,Fine as it is,,,,b,,`,
          '',
        ].join('\r\n'),
    );
  });

  it('refuses a coder that is not a user id: 400 naming it', async () => {
    const res = await admin.get(`/api/campaigns/${campaignId}/responses.csv?coder=bob`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(400, 'bad_request', 'coder must be a user id (UUID)'));
  });

  it('lists the theme columns in the codebook', async () => {
    const res = await admin.get(`/api/campaigns/${campaignId}/codebook.csv`);
    expect(res.status).toBe(200);
    const choices = '"1=coded with this theme; 0=coded, not with this theme"';
    expect(res.text.split('\r\n').slice(9, 16)).toEqual([
      'why,why,Why?,comment,answer,,1',
      `why__theme_unclear_mandate,why,Why?: theme Unclear mandate,theme,theme,${choices},1`,
      `why__theme_training_exercises,why,Why?: theme Training & exercises,theme,theme,${choices},1`,
      `why__theme_3,why,Why?: theme Деньги,theme,theme,${choices},1`,
      'pick,pick,Pick,radiogroup,answer,a=a; b=b; other=Other,1',
      'pick/other_text,pick,Pick: other (text),radiogroup,other_text,,1',
      `pick-Comment__theme_funding,pick,Pick (other): theme Funding,theme,theme,${choices},1`,
    ]);
  });
});

describe('JSON and XLSX', () => {
  it('JSON carries the same cells', async () => {
    const res = await admin.get(`/api/campaigns/${campaignId}/responses.json?network=${n2}`);
    expect(res.status).toBe(200);
    const themes = (row: Record<string, unknown>): unknown[] =>
      Object.entries(row)
        .filter(([key]) => key.includes('__theme_'))
        .map(([, value]) => value);
    expect((res.body as Array<Record<string, unknown>>).map(themes)).toEqual([
      [0, 0, 1, 1],
      [null, null, null, null],
    ]);
  });

  it('XLSX has the theme columns in the header, numbers in the cells, and the codebook rows', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.xlsx`);
    expect(res.status).toBe(200);
    const workbook = await openWorkbook(res.body);
    const sheet = workbook.getWorksheet('Responses');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect((sheet?.getRow(2).values as unknown[]).slice(10, 13)).toEqual([1, 1, 0]);
    expect((sheet?.getRow(4).values as unknown[]).slice(10, 16)).toEqual([0, 0, 1, 'other', 'Money', 1]);
    const codebook = workbook.getWorksheet('Codebook');
    expect(codebook?.getRow(16).getCell(1).value).toBe('pick-Comment__theme_funding');
  });
});

describe('SPSS', () => {
  it('PSPP reads a nominal variable per theme with value labels, system-missing when not coded', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.sav`);
    expect(res.status).toBe(200);
    const { output, written } = runPspp((dir) => describeSavSyntax(dir, 'themes.sav'), {
      'themes.sav': res.body as Buffer,
    });
    expect(output).not.toMatch(/warning|error/i);
    expect(output).toContain(
      [
        'why__theme_unclear_mandate,10,Why?: theme Unclear mandate,Nominal,Input,10,Right,F10.0,F10.0',
        'why__theme_training_exercises,11,Why?: theme Training & exercises,Nominal,Input,10,Right,F10.0,F10.0',
        'why__theme_3,12,Why?: theme Деньги,Nominal,Input,10,Right,F10.0,F10.0',
      ].join('\n'),
    );
    expect(output).toContain(
      'pick_Comment__theme_funding,15,Pick (other): theme Funding,Nominal,Input,10,Right,F10.0,F10.0',
    );
    expect(output).toContain(
      ['Why?: theme Unclear mandate,0,"coded, not with this theme"', ',1,coded with this theme'].join('\n'),
    );
    expect(output).toContain(
      [
        'Table: Data List',
        HEADER.replace(/[/-]/g, '_'),
        `${ID(1)},${n1},Morocco,nfp,en,1,complete,11-JAN-2025 10:00:00,Unclear mandate and no training,1,1,0,1,,.`,
        `${ID(2)},${n1},Morocco,nfp,en,1,complete,12-JAN-2025 10:00:00,Fine as it is,0,0,0,2,,.`,
        `${ID(3)},${n2},Morocco,nfp,en,1,complete,13-JAN-2025 10:00:00,Нет денег,0,0,1,3,Money,1`,
        `${ID(4)},${n2},Morocco,nfp,en,1,complete,14-JAN-2025 10:00:00,More exercises,.,.,.,.,,.`,
      ].join('\n'),
    );
    expect(lines(written['labels.csv'])[1]).toBe(
      `${ID(1)},${n1},Morocco,nfp,en,1,complete,01/11/2025 10:00:00,Unclear mandate and no training,` +
        'coded with this theme,coded with this theme,"coded, not with this theme",a,, ',
    );
  });
});
