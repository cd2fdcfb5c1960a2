import { signInAdmin } from '../support/campaign-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';
import { createStaff, type StaffSession } from '../support/staff-session';
import { errorBody } from '../support/api-error';

interface NetworkRow {
  id: string;
  code: string;
  memberCount: number;
}

describe('network members', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession;
  let centralAsia: NetworkRow;
  let middleEast: NetworkRow;
  /** Members present before this file's own (the demo data), left out of the exact lists below. */
  let seeded: Set<string>;
  let seededCount: { CA: number; ME: number };
  const ownMembers = async (networkId: string) =>
    ((await secretariat.get(`/api/networks/${networkId}/members`)).body as Array<{ id: string }>).filter(
      (member) => !seeded.has(member.id),
    );

  const memberCount = async (networkId: string): Promise<number> => {
    const rows = (await admin.get('/api/networks')).body as NetworkRow[];
    return rows.find((network) => network.id === networkId)!.memberCount;
  };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signInAdmin(testApp);
    secretariat = await createStaff(testApp, admin, 'secretariat');
    const networks = (await admin.get('/api/networks')).body as NetworkRow[];
    centralAsia = networks.find((network) => network.code === 'CA')!;
    middleEast = networks.find((network) => network.code === 'ME')!;
    seededCount = { CA: centralAsia.memberCount, ME: middleEast.memberCount };
    seeded = new Set();
    for (const network of networks) {
      const members = (await secretariat.get(`/api/networks/${network.id}/members`)).body as Array<{ id: string }>;
      for (const member of members) seeded.add(member.id);
    }
  });
  afterAll(() => testApp.close());

  it('upserts by e-mail: 201 {created, updated}, and lists the members', async () => {
    const first = await secretariat.post(`/api/networks/${centralAsia.id}/members`).send([
      {
        name: 'Aziz Karimov',
        email: 'Aziz@Example.org',
        country: 'Uzbekistan',
        role: 'National Focal Point',
        language: 'ru',
      },
      {
        name: 'Bolot Asanov',
        email: 'bolot@example.org',
        country: 'Kyrgyzstan',
        role: 'national team',
        language: 'ru',
      },
    ]);
    expect([first.status, first.body]).toEqual([201, { created: 2, updated: 0 }]);

    const second = await secretariat.post(`/api/networks/${centralAsia.id}/members`).send([
      { name: 'Aziz Karimov', email: 'aziz@example.org', country: 'Uzbekistan', role: 'secretariat', language: 'en' },
      { name: 'Saule Nurlanova', email: 'saule@example.org', country: 'Kazakhstan', role: 'observer', language: 'ru' },
    ]);
    expect([second.status, second.body]).toEqual([201, { created: 1, updated: 1 }]);

    const listed = await secretariat.get(`/api/networks/${centralAsia.id}/members`);
    expect(listed.status).toBe(200);
    expect(await ownMembers(centralAsia.id)).toEqual([
      {
        id: expect.any(String),
        networkId: centralAsia.id,
        name: 'Saule Nurlanova',
        email: 'saule@example.org',
        country: 'Kazakhstan',
        role: 'observer',
        language: 'ru',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      {
        id: expect.any(String),
        networkId: centralAsia.id,
        name: 'Bolot Asanov',
        email: 'bolot@example.org',
        country: 'Kyrgyzstan',
        role: 'national team',
        language: 'ru',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
      {
        id: expect.any(String),
        networkId: centralAsia.id,
        name: 'Aziz Karimov',
        email: 'aziz@example.org',
        country: 'Uzbekistan',
        role: 'secretariat',
        language: 'en',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    ]);
    expect(await memberCount(centralAsia.id)).toBe(seededCount.CA + 3);
  });

  it('imports CSV: good lines kept, bad lines reported with their line numbers', async () => {
    const csv = [
      'name,email,country,role,language',
      'Rania Haddad,rania@example.org,Jordan,National Focal Point,ar',
      'Broken,not-an-email,Jordan,observer,ar',
      '"Haddad, Omar",omar@example.org,Jordan,national team,en',
      'Wrong Language,wl@example.org,Jordan,observer,de',
      'Too,few',
      'Bolot Asanov,bolot@example.org,Kyrgyzstan,national team,ru',
    ].join('\n');
    const response = await secretariat
      .post(`/api/networks/${middleEast.id}/members/import`)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      created: 2,
      updated: 1,
      errors: [
        { line: 3, message: 'email "not-an-email" is not an e-mail address' },
        { line: 5, message: 'language "de" must be one of: en, fr, ru, ar' },
        { line: 6, message: 'expected 5 fields, found 2' },
      ],
    });
    const listed = (await ownMembers(middleEast.id)) as unknown as Array<{ email: string; name: string }>;
    expect(listed.map((member) => [member.name, member.email])).toEqual([
      ['Haddad, Omar', 'omar@example.org'],
      ['Rania Haddad', 'rania@example.org'],
      ['Bolot Asanov', 'bolot@example.org'],
    ]);
    // E-mail is unique across networks: the upsert moved Bolot to this network.
    expect(await memberCount(centralAsia.id)).toBe(seededCount.CA + 2);
    expect(await memberCount(middleEast.id)).toBe(seededCount.ME + 3);
  });

  it('rejects bad input with exact 4xx bodies and changes nothing', async () => {
    const before = (await secretariat.get(`/api/networks/${centralAsia.id}/members`)).body as unknown[];
    const invalid = await secretariat.post(`/api/networks/${centralAsia.id}/members`).send([
      { name: 'New Person', email: 'new@example.org', country: 'Mongolia', role: 'observer', language: 'en' },
      { name: '', email: 'x', country: 'Mongolia', role: 'observer', language: 'xx', extra: true },
    ]);
    const problems = [
      '[1] has unknown field(s): extra',
      '[1].name is empty',
      '[1].email "x" is not an e-mail address',
      '[1].language "xx" must be one of: en, fr, ru, ar',
    ];
    expect(invalid.status).toBe(400);
    expect(invalid.body).toEqual(errorBody(400, 'bad_request', problems.join('; '), problems));
    const notArray = await secretariat.post(`/api/networks/${centralAsia.id}/members`).send({ name: 'x' });
    expect(notArray.body).toEqual(
      errorBody(400, 'bad_request', 'The body must be an array of members {name,email,country,role,language}', [
        'The body must be an array of members {name,email,country,role,language}',
      ]),
    );
    const duplicate = await secretariat.post(`/api/networks/${centralAsia.id}/members`).send([
      { name: 'A', email: 'dup@example.org', country: 'Mongolia', role: 'observer', language: 'en' },
      { name: 'B', email: 'DUP@example.org', country: 'Mongolia', role: 'observer', language: 'en' },
    ]);
    expect([duplicate.status, duplicate.body.message]).toEqual([
      400,
      'The same e-mail address appears more than once in the list',
    ]);
    const badHeader = await secretariat
      .post(`/api/networks/${centralAsia.id}/members/import`)
      .set('Content-Type', 'text/csv')
      .send('name,mail\nx,y');
    expect([badHeader.status, badHeader.body]).toEqual([
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        message:
          'The CSV header lacks the column(s): email, country, role, language (expected name,email,country,role,language)',
      },
    ]);
    // Quoting the parser cannot read refuses the whole file (nothing is imported), naming the line.
    const unclosedQuote = await secretariat
      .post(`/api/networks/${centralAsia.id}/members/import`)
      .set('Content-Type', 'text/csv')
      .send(
        'name,email,country,role,language\nOk Person,ok@example.org,Mongolia,observer,en\n"Open,o@example.org,Mongolia,observer,en\n',
      );
    expect([unclosedQuote.status, unclosedQuote.body]).toEqual([
      400,
      errorBody(400, 'bad_request', 'The CSV could not be read at line 3: a quoted field is never closed'),
    ]);
    const jsonToImport = await secretariat.post(`/api/networks/${centralAsia.id}/members/import`).send([]);
    expect([jsonToImport.status, jsonToImport.body.message]).toEqual([
      400,
      'Send the member list as text/csv with the header name,email,country,role,language',
    ]);
    const unknownNetwork = await secretariat
      .post('/api/networks/00000000-0000-4000-8000-000000000000/members')
      .send([{ name: 'A', email: 'nowhere@example.org', country: 'Mongolia', role: 'observer', language: 'en' }]);
    expect([unknownNetwork.status, unknownNetwork.body]).toEqual([
      404,
      errorBody(404, 'network_not_found', 'Network 00000000-0000-4000-8000-000000000000 not found'),
    ]);
    const badId = await secretariat.get('/api/networks/not-a-uuid/members');
    expect([badId.status, badId.body]).toEqual([400, errorBody(400, 'bad_request', 'id must be a UUID')]);
    expect((await secretariat.get(`/api/networks/${centralAsia.id}/members`)).body).toEqual(before);
  });

  it('is for the secretariat and admins only', async () => {
    const committee = await createStaff(testApp, admin, 'committee');
    const response = await committee.get(`/api/networks/${centralAsia.id}/members`);
    expect([response.status, response.body]).toEqual([
      403,
      errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat'),
    ]);
    expect((await testApp.http().get(`/api/networks/${centralAsia.id}/members`)).status).toBe(401);
  });

  it('audits member changes', async () => {
    const events = (await admin.get(`/api/audit?subject=network:${centralAsia.id}`)).body as Array<{
      action: string;
      payload: unknown;
    }>;
    expect(events.map((event) => [event.action, event.payload])).toEqual([
      ['members.upserted', { created: 1, updated: 1 }],
      ['members.upserted', { created: 2, updated: 0 }],
    ]);
  });
});
