import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { asBinary } from '../support/binary-body';
import { addDraftVersion, createSurvey, dataSourceOf, signInAdmin } from '../support/campaign-fixtures';
import { createStaff, type StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DEFINITION = {
  title: { default: 'Network survey', fr: 'Enquête réseau' },
  pages: [
    {
      name: 'intro',
      title: 'About you',
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          title: { default: 'Is the Charter clear?', fr: 'La Charte est-elle claire ?' },
          choices: [
            { value: 'yes', text: { default: 'Yes', fr: 'Oui' } },
            { value: 'no', text: 'No' },
          ],
        },
        { type: 'comment', name: 'q2', title: 'Why & how? <b>Say</b>' },
      ],
    },
  ],
};

type Row = [string, string, string, string];

async function sheetRows(file: Buffer): Promise<Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const rows: Row[] = [];
  workbook.worksheets[0].eachRow((row) => {
    rows.push([1, 2, 3, 4].map((index) => row.getCell(index).text) as Row);
  });
  return rows;
}

async function workbookOf(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('fr');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('translation files (XLSX and XLIFF 2.0)', () => {
  let testApp: TestApp;
  let secretariat: StaffSession;
  let committee: StaffSession;
  let surveyId: string;
  let version: number;
  const path = (file: string, at = version) => `/api/surveys/${surveyId}/versions/${at}/translations/${file}`;
  const download = (file: string, at = version) => asBinary(secretariat.get(path(file, at)));
  /** Uploads an XLIFF file for this language, sent as the given type. */
  const uploadXliff = (locale: string, xml: string, contentType = 'application/xliff+xml') =>
    secretariat
      .put(path(`${locale}.xliff`))
      .set('Content-Type', contentType)
      .send(xml);
  const definitionNow = async () =>
    ((await secretariat.get(`/api/surveys/${surveyId}/versions/${version}`)).body as { definition: unknown })
      .definition;

  beforeAll(async () => {
    testApp = await createTestApp();
    const admin = await signInAdmin(testApp);
    secretariat = await createStaff(testApp, admin, 'secretariat');
    committee = await createStaff(testApp, admin, 'committee');
    surveyId = await createSurvey(secretariat, 'translations');
    version = await addDraftVersion(secretariat, surveyId, DEFINITION);
  });
  afterAll(() => testApp.close());

  it('round-trips a workbook: export, fill, import, export again gives the filled file', async () => {
    const exported = await download('fr.xlsx');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="translations-v${version}-fr.xlsx"`);
    const rows = await sheetRows(exported.body as Buffer);
    expect(rows).toEqual([
      ['key', 'source', 'translation', 'status'],
      ['survey.title', 'Network survey', 'Enquête réseau', 'done'],
      ['page:intro.title', 'About you', '', 'missing'],
      ['q1.title', 'Is the Charter clear?', 'La Charte est-elle claire ?', 'done'],
      ['q1.choices.yes', 'Yes', 'Oui', 'done'],
      ['q1.choices.no', 'No', '', 'missing'],
      ['q2.title', 'Why & how? <b>Say</b>', '', 'missing'],
    ]);
    const filled: Row[] = rows.map(([key, source, translation, status]) => {
      const fill: Record<string, string> = {
        'page:intro.title': 'À votre sujet',
        'q1.choices.no': 'Non',
        'q2.title': 'Pourquoi et comment ? <b>Dites-le</b>',
      };
      return fill[key] === undefined ? [key, source, translation, status] : [key, source, fill[key], 'done'];
    });
    const imported = await secretariat
      .put(path('fr.xlsx'))
      .set('Content-Type', XLSX)
      .send(await workbookOf(filled));
    expect([imported.status, imported.body]).toEqual([200, { updated: 3, unknownKeys: [], staleSources: [] }]);
    expect(await sheetRows((await download('fr.xlsx')).body as Buffer)).toEqual(filled);
    // Importing the same file again changes nothing and records nothing.
    const audit = async () =>
      dataSourceOf(testApp).query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'survey_version.translations_imported'`,
      );
    const before = await audit();
    const again = await secretariat
      .put(path('fr.xlsx'))
      .set('Content-Type', XLSX)
      .send(await workbookOf(filled));
    expect(again.body).toEqual({ updated: 0, unknownKeys: [], staleSources: [] });
    expect(await audit()).toEqual(before);
  });

  it('round-trips XLIFF 2.0 for a new locale', async () => {
    const exported = await secretariat.get(path('ar.xliff'));
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toBe('application/xliff+xml');
    const xliff = exported.text;
    expect(xliff).toContain(
      '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar">',
    );
    expect(xliff).toContain(
      [
        '    <unit id="u6" name="q2.title">',
        '      <notes><note category="status">missing</note></notes>',
        '      <segment state="initial">',
        '        <source>Why &amp; how? &lt;b&gt;Say&lt;/b&gt;</source>',
        '      </segment>',
        '    </unit>',
      ].join('\n'),
    );
    const arabic: Record<string, string> = {
      'survey.title': 'استطلاع الشبكة',
      'page:intro.title': 'معلومات عنك',
      'q1.title': 'هل الميثاق واضح؟',
      'q1.choices.yes': 'نعم',
      'q1.choices.no': 'لا',
      'q2.title': 'لماذا وكيف؟ <b>أخبرنا</b>',
    };
    // A translator's tool fills the targets and marks the units translated.
    let filled = xliff;
    for (const [key, text] of Object.entries(arabic)) {
      const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      filled = filled.replace(
        new RegExp(`(name="${key.replace(/[.[\]]/g, '\\$&')}">[\\s\\S]*?</source>)`),
        `$1\n        <target>${escaped}</target>`,
      );
    }
    filled = filled.replace(/<note category="status">missing<\/note>/g, '<note category="status">done</note>');
    filled = filled.replace(/state="initial"/g, 'state="translated"');
    const imported = await uploadXliff('ar', filled);
    expect([imported.status, imported.body]).toEqual([200, { updated: 6, unknownKeys: [], staleSources: [] }]);
    expect((await secretariat.get(path('ar.xliff'))).text).toBe(filled);
  });

  it('reports unknown keys and changed sources exactly, and takes neither', async () => {
    const rows: Row[] = [
      ['key', 'source', 'translation', 'status'],
      ['q1.title', 'Is the Charter clear enough?', 'La Charte est-elle assez claire ?', 'done'],
      ['q9.title', 'A removed question', 'Une question retirée', 'done'],
      ['q1.choices.maybe', 'Maybe', 'Peut-être', 'done'],
    ];
    const before = await definitionNow();
    const imported = await secretariat
      .put(path('fr.xlsx'))
      .set('Content-Type', XLSX)
      .send(await workbookOf(rows));
    expect([imported.status, imported.body]).toEqual([
      200,
      {
        updated: 0,
        unknownKeys: ['q9.title', 'q1.choices.maybe'],
        staleSources: [{ key: 'q1.title', exported: 'Is the Charter clear enough?', current: 'Is the Charter clear?' }],
      },
    ]);
    expect(await definitionNow()).toEqual(before);
  });

  it('refuses bad requests with exact bodies and changes nothing', async () => {
    const before = await definitionNow();
    const cases: Array<[string, Response, number, string]> = [
      [
        'bad file name',
        await secretariat.get(path('fr.csv')),
        400,
        'The file must be <locale>.xlsx or <locale>.xliff, got "fr.csv"',
      ],
      [
        'bad locale',
        await secretariat.get(path('FR!.xlsx')),
        400,
        'locale must be a language code such as fr or pt-br, got "FR!"',
      ],
      [
        'own language',
        await secretariat.get(path('en.xliff')),
        400,
        "en is the questionnaire's own language; choose a language to translate into",
      ],
      ['unknown version', await secretariat.get(path('fr.xlsx', 99)), 404, 'This survey has no version 99'],
      [
        'not a workbook',
        await secretariat.put(path('fr.xlsx')).set('Content-Type', XLSX).send(Buffer.from('not a zip')),
        422,
        'The file is not an XLSX workbook',
      ],
      [
        'wrong columns',
        await secretariat
          .put(path('fr.xlsx'))
          .set('Content-Type', XLSX)
          .send(await workbookOf([['id', 'text', 'fr', 'x']])),
        422,
        'The first sheet must start with the columns key, source, translation; found id, text, fr',
      ],
      [
        'JSON instead of a file',
        await secretariat.put(path('fr.xlsx')).send({ rows: [] }),
        415,
        `Send the workbook as the request body with Content-Type ${XLSX}`,
      ],
      [
        'XLIFF with a DOCTYPE',
        await uploadXliff(
          'fr',
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>',
        ),
        422,
        'The XLIFF file must not declare a DOCTYPE',
      ],
      [
        'XLIFF 1.2',
        await uploadXliff(
          'fr',
          '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"></xliff>',
          'application/xml',
        ),
        422,
        'The file is not XLIFF 2.0 (no xliff root element)',
      ],
      [
        'XLIFF for another language',
        await uploadXliff(
          'fr',
          '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"/>',
        ),
        422,
        'The file translates into "ru", not "fr"',
      ],
      [
        'broken XML',
        await uploadXliff('fr', '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"><file>'),
        422,
        'The XLIFF file is not well-formed XML: 1:73: unclosed tag: file',
      ],
    ];
    for (const [name, response, status, message] of cases) {
      expect([name, response.status, response.body.message]).toEqual([name, status, message]);
      expect(Object.keys(response.body as object).sort()).toEqual(['code', 'error', 'message', 'statusCode']);
    }
    expect((await committee.get(path('fr.xlsx'))).status).toBe(200);
    expect(
      (
        await committee
          .put(path('fr.xlsx'))
          .set('Content-Type', XLSX)
          .send(await workbookOf([['key', 'source', 'translation', 'status']]))
      ).status,
    ).toBe(403);
    expect(await definitionNow()).toEqual(before);
  });

  it('answers 409 on a published version', async () => {
    const rows = await sheetRows((await download('fr.xlsx')).body as Buffer);
    expect((await secretariat.post(`/api/surveys/${surveyId}/versions/${version}/publish`)).status).toBe(200);
    const refused = await secretariat
      .put(path('fr.xlsx'))
      .set('Content-Type', XLSX)
      .send(await workbookOf(rows));
    expect([refused.status, refused.body]).toEqual([
      409,
      errorBody(409, 'version_frozen', `Version ${version} is published and can no longer be changed`),
    ]);
  });
});
