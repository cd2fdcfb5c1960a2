import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { asBinary } from '../support/binary-body';
import { describeSavSyntax, lines, runPspp } from '../support/pspp';
import { createCampaign, publishSurvey } from '../support/campaign-fixtures';
import { signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';
import { openWorkbook, RESPONSE_COLUMNS } from '../support/exports';

/**
 * Response exports (CSV, JSON, XLSX, SPSS) of a small campaign whose questions are named like the
 * respondent's own fields (`country`, `network`), with exact expected bodies.
 */
const DEFINITION = {
  locale: 'en',
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'country',
          title: 'Which country do you work in?',
          showRefuseItem: true,
          showDontKnowItem: true,
          choices: [
            { value: 'ma', text: { default: 'Morocco', fr: 'Maroc' } },
            { value: 'sn', text: { default: 'Senegal', fr: 'Sénégal' } },
          ],
        },
        { type: 'checkbox', name: 'network', title: 'Networks you work with', choices: ['aaf', 'ca'] },
        { type: 'rating', name: 'satisfaction', title: 'Satisfaction', rateMin: 1, rateMax: 5 },
        { type: 'text', name: 'budget', title: 'Budget (EUR)', inputType: 'number' },
        { type: 'comment', name: 'remarks', title: 'Remarks' },
      ],
    },
  ],
};

const ID = (n: number): string => `00000000-0000-4000-8000-00000000000${n}`;
const LONG = 'é'.repeat(150);

let testApp: TestApp;
let admin: StaffSession;
let campaignId: string;
let n1: string;
let n2: string;

beforeAll(async () => {
  testApp = await createTestApp();
  const db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  const networks = (await admin.get('/api/networks')).body as Array<{ id: string; code: string }>;
  const [first, second] = networks;
  if (first === undefined || second === undefined) throw new Error('the seed has fewer than two networks');
  [n1, n2] = [first.code, second.code];
  const survey = await publishSurvey(admin, 'export-fixture', DEFINITION);
  let versionId: string;
  ({ campaignId, versionId } = await createCampaign(admin, survey, 'Export fixture', [first.id, second.id]));
  const insert = async (
    n: number,
    networkId: string,
    profile: [string, string, string, string | null],
    data: Record<string, unknown>,
    status = 'complete',
  ): Promise<void> => {
    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::timestamptz, coalesce($10::timestamptz, '2025-01-13T09:00:00Z'))`,
      [ID(n), campaignId, versionId, networkId, ...profile.slice(0, 3), data, status, profile[3]],
    );
  };
  await insert(1, first.id, ['Morocco', 'nfp', 'en', '2025-01-10T10:00:00Z'], {
    country: 'ma',
    network: ['aaf', 'ca'],
    satisfaction: 5,
    budget: 1250.5,
    remarks: 'Two\nlines, "quoted"',
  });
  await insert(2, first.id, ['Senegal', 'team', 'fr', '2025-01-11T10:00:00Z'], {
    country: 'refused',
    network: ['ca'],
    satisfaction: 2,
    remarks: '=cmd',
  });
  await insert(3, second.id, ['Uzbekistan', 'nfp', 'ru', '2025-01-12T10:00:00Z'], {
    country: 'sn',
    satisfaction: 4,
    budget: 0,
    remarks: LONG,
  });
  await insert(4, second.id, ['Kazakhstan', 'observer', 'ru', null], { country: 'ma' }, 'partial');
});

afterAll(async () => {
  await testApp?.close();
});

function download(path: string): Promise<Response> {
  return asBinary(admin.get(path));
}

/** The response ids a CSV starts its records with (answers may hold line breaks, so lines are not records). */
function responseIds(csv: string): string[] {
  return csv.match(/^[0-9a-f-]{36}(?=,)/gm) ?? [];
}

const HEADER = `${RESPONSE_COLUMNS.join(',')},country,network/aaf,network/ca,satisfaction,budget,remarks`;

describe('CSV', () => {
  it('every complete response, respondent fields prefixed, questions keep their names', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="responses-${campaignId}.csv"`);
    expect((res.body as Buffer).toString('utf8')).toBe(
      '\uFEFF' +
        [
          HEADER,
          `${ID(1)},${n1},Morocco,nfp,en,1,complete,2025-01-10T10:00:00.000Z,ma,1,1,5,1250.5,"Two\nlines, ""quoted"""`,
          `${ID(2)},${n1},Senegal,team,fr,1,complete,2025-01-11T10:00:00.000Z,refused,0,1,2,,'=cmd`,
          `${ID(3)},${n2},Uzbekistan,nfp,ru,1,complete,2025-01-12T10:00:00.000Z,sn,,,4,0,${LONG}`,
          '',
        ].join('\r\n'),
    );
  });

  it.each([
    [`network=N1`, [1, 2]],
    ['country=Uzbekistan', [3]],
    ['role=nfp', [1, 3]],
    ['language=fr', [2]],
    ['from=2025-01-11&to=2025-01-11', [2]],
    ['answer[country]=ma,sn', [1, 3]],
    ['answer[network]=aaf', [1]],
    ['includePartial=true', [1, 2, 3, 4]],
    ['includePartial=true&country=Kazakhstan', [4]],
    ['version=2', []],
  ])('takes the tally filters: %s', async (query, expected) => {
    const res = await download(`/api/campaigns/${campaignId}/responses.csv?${query.replace('N1', n1)}`);
    expect(res.status).toBe(200);
    const ids = responseIds((res.body as Buffer).toString('utf8'));
    expect(ids).toEqual(expected.map(ID));
  });
});

describe('JSON', () => {
  it('labels in a chosen locale, with the same filters', async () => {
    const res = await admin.get(
      `/api/campaigns/${campaignId}/responses.json?labels=fr&includePartial=true&network=${n2}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        response_id: ID(3),
        response_network: n2,
        response_country: 'Uzbekistan',
        response_role: 'nfp',
        response_language: 'ru',
        response_version: 1,
        response_status: 'complete',
        response_completed_at: '2025-01-12T10:00:00.000Z',
        country: 'Sénégal',
        'network/aaf': null,
        'network/ca': null,
        // With labels, a rating's value is its label.
        satisfaction: '4',
        budget: 0,
        remarks: LONG,
      },
      {
        response_id: ID(4),
        response_network: n2,
        response_country: 'Kazakhstan',
        response_role: 'observer',
        response_language: 'ru',
        response_version: 1,
        response_status: 'partial',
        response_completed_at: null,
        country: 'Maroc',
        'network/aaf': null,
        'network/ca': null,
        satisfaction: null,
        budget: null,
        remarks: null,
      },
    ]);
  });
});

describe('XLSX', () => {
  it('a bold, frozen header row and completion times as dates', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.xlsx`);
    expect(res.status).toBe(200);
    const workbook = await openWorkbook(res.body);
    const sheet = workbook.getWorksheet('Responses');
    if (sheet === undefined) throw new Error('no Responses sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    expect(sheet.getRow(1).getCell(1).font).toEqual({ bold: true });
    expect(sheet.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1 })]);
    expect(sheet.rowCount).toBe(4);
    const completed = sheet.getRow(2).getCell(8);
    expect(completed.value).toEqual(new Date('2025-01-10T10:00:00.000Z'));
    expect(completed.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(sheet.getRow(3).getCell(14).value).toBe("'=cmd");
    expect(sheet.getRow(2).getCell(13).value).toBe(1250.5);
    const codebook = workbook.getWorksheet('Codebook');
    expect(codebook?.getRow(1).getCell(1).font).toEqual({ bold: true });
    expect(codebook?.getRow(11).values).toEqual([
      undefined,
      'network/aaf',
      'network',
      'Networks you work with: aaf',
      'checkbox',
      'selected',
      '1=selected; 0=not selected',
      '1',
    ]);
  });
});

describe('SPSS', () => {
  it('PSPP opens the file: variable labels, value labels, missing values and every value', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.sav?labels=fr`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-spss-sav');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="responses-${campaignId}.sav"`);
    const { output, written } = runPspp((dir) => describeSavSyntax(dir, 'responses.sav'), {
      'responses.sav': res.body as Buffer,
    });
    expect(output).not.toMatch(/warning|error/i);
    const networkWidth = Math.max(n1.length, n2.length);
    expect(output).toContain(
      [
        'Table: Variables',
        'Name,Position,Label,Measurement Level,Role,Width,Alignment,Print Format,Write Format,Missing Values',
        'response_id,1,Response id,Nominal,Input,36,Left,A36,A36,',
        `response_network,2,Regional network (code),Nominal,Input,${networkWidth},Left,A${networkWidth},A${networkWidth},`,
        'response_country,3,Country,Nominal,Input,10,Left,A10,A10,',
        'response_role,4,Role in the network,Nominal,Input,4,Left,A4,A4,',
        'response_language,5,Language answered in,Nominal,Input,2,Left,A2,A2,',
        'response_version,6,Questionnaire version,Scale,Input,10,Right,F10.0,F10.0,',
        'response_status,7,Status (complete or partial),Nominal,Input,8,Left,A8,A8,',
        'response_completed_at,8,Completed at (UTC),Scale,Input,10,Right,DATETIME20.0,DATETIME20.0,',
        'country,9,Which country do you work in?,Nominal,Input,10,Right,F10.0,F10.0,3; 4',
        'network_aaf,10,Networks you work with: aaf,Nominal,Input,10,Right,F10.0,F10.0,',
        'network_ca,11,Networks you work with: ca,Nominal,Input,10,Right,F10.0,F10.0,',
        'satisfaction,12,Satisfaction,Ordinal,Input,10,Right,F10.0,F10.0,',
        'budget,13,Budget (EUR),Scale,Input,10,Right,F11.1,F11.1,',
        'remarks,14,Remarks,Nominal,Input,40,Left,A300,A300,',
      ].join('\n'),
    );
    expect(output).toContain(
      [
        'Table: Value Labels',
        'Variable Value,,Label',
        'Which country do you work in?,1,Maroc',
        ',2,Sénégal',
        ',3[a],Refuse to answer',
        ",4[a],Don't know",
        'Networks you work with: aaf,0,not selected',
        ',1,selected',
        'Networks you work with: ca,0,not selected',
        ',1,selected',
        'Satisfaction,1,1',
        ',2,2',
        ',3,3',
        ',4,4',
        ',5,5',
        'Footnote: a. User-missing value',
      ].join('\n'),
    );
    expect(lines(written['values.csv']).join('\n')).toBe(
      [
        HEADER.replace(/\//g, '_'),
        `${ID(1)},${n1},Morocco,nfp,en,1,complete,01/10/2025 10:00:00,1,1,1,5,1250.5,"Two\nlines, ""quoted"""`,
        `${ID(2)},${n1},Senegal,team,fr,1,complete,01/11/2025 10:00:00,3,0,1,2, ,=cmd`,
        `${ID(3)},${n2},Uzbekistan,nfp,ru,1,complete,01/12/2025 10:00:00,2, , ,4,0,${LONG}`,
      ].join('\n'),
    );
    expect(lines(written['labels.csv']).join('\n')).toContain(
      `${ID(1)},${n1},Morocco,nfp,en,1,complete,01/10/2025 10:00:00,Maroc,selected,selected,5,1250.5,"Two\nlines, ""quoted"""`,
    );
  });

  it('takes the same filters', async () => {
    const res = await download(`/api/campaigns/${campaignId}/responses.sav?includePartial=true&answer[country]=ma`);
    expect(res.status).toBe(200);
    const { written } = runPspp((dir) => describeSavSyntax(dir, 'r.sav'), { 'r.sav': res.body as Buffer });
    expect(responseIds(written['values.csv'] ?? '')).toEqual([ID(1), ID(4)]);
  });
});

describe('bad requests', () => {
  it.each([
    ['csv', 'groupBy=network', 'groupBy does not apply to response exports'],
    ['sav', 'weighting=regional', 'weighting does not apply to response exports'],
    ['json', 'minCellSize=5', 'minCellSize does not apply to response exports'],
    ['xlsx', 'from=yesterday', 'from must be an ISO 8601 date or date-time'],
    ['sav', 'colour=red', 'Unknown query parameter: colour'],
    ['sav', 'labels=<x>', 'labels must be a locale code such as en, fr, ru or ar, or default'],
    ['csv', 'network=XX', 'network: unknown network "XX"'],
    ['csv', 'answer[remarks]=x', 'answer[remarks]: no choice question of that name'],
  ])('%s?%s → 400 naming the parameter', async (format, query, message) => {
    const res = await admin.get(`/api/campaigns/${campaignId}/responses.${format}?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(errorBody(400, 'bad_request', message));
  });

  it('unknown campaign → 404; no login → 401', async () => {
    const res = await admin.get(`/api/campaigns/${ID(9)}/responses.sav`);
    expect(res.body).toEqual(errorBody(404, 'campaign_not_found', 'Campaign not found'));
    expect((await testApp.http().get(`/api/campaigns/${campaignId}/responses.sav`)).status).toBe(401);
  });
});
