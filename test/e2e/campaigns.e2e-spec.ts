import {
  addDraftVersion,
  addMembers,
  campaignLinks,
  completeByLink,
  createCampaign,
  createSurvey,
  dataSourceOf,
  makeMembers,
  type NetworkRow,
  type PublishedSurvey,
  surveyDesk,
  TEST_DEFINITION,
  tokenOf,
} from '../support/campaign-fixtures';
import { createStaff, type StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

describe('campaigns and links', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession;
  let survey: PublishedSurvey;
  let networks: Record<string, NetworkRow>;
  /** Members each network had before this file added its own (the demo data); they are invited too. */
  let seeded: { CA: number; ME: number };
  let demoCampaigns: unknown[];
  const ownLinks = async (campaignId: string) =>
    (await campaignLinks(secretariat, campaignId)).filter((link) => /^(ca|me)-\d+@example\.org$/.test(link.email));

  const newCampaign = async (name: string, networkIds: string[], extra: Record<string, unknown> = {}) =>
    (await createCampaign(secretariat, survey, name, networkIds, extra)).campaignId;

  const campaignCount = async (): Promise<number> =>
    Number((await dataSourceOf(testApp).query<Array<{ n: string }>>('SELECT count(*) AS n FROM campaigns'))[0].n);

  beforeAll(async () => {
    testApp = await createTestApp();
    ({ admin, secretariat, survey, networks } = await surveyDesk(testApp, 'campaign-test'));
    seeded = { CA: networks.CA.memberCount, ME: networks.ME.memberCount };
    demoCampaigns = (await secretariat.get('/api/campaigns')).body as unknown[];
    await addMembers(secretariat, networks.CA.id, makeMembers('ca', 3, 'Uzbekistan', 'ru'));
    await addMembers(secretariat, networks.ME.id, makeMembers('me', 2, 'Jordan', 'ar'));
  });
  afterAll(() => testApp.close());

  it('creates a campaign with one personal invitation per member of its networks', async () => {
    const response = await secretariat.post('/api/campaigns').send({
      surveyId: survey.surveyId,
      version: survey.version,
      name: 'Charter review',
      networkIds: [networks.CA.id, networks.ME.id],
      closesAt: '2099-01-01T00:00:00.000Z',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      name: 'Charter review',
      surveyId: survey.surveyId,
      surveyVersionId: expect.any(String),
      version: survey.version,
      networkIds: [networks.CA.id, networks.ME.id],
      opensAt: null,
      closesAt: '2099-01-01T00:00:00.000Z',
      anonymous: false,
      allowEdits: false,
      status: 'open',
      closedAt: null,
      createdAt: expect.any(String),
      retentionDays: null,
      identitiesRemovedAt: null,
      invited: 5 + seeded.CA + seeded.ME,
      completed: 0,
      responseRate: 0,
    });
    const fetched = await secretariat.get(`/api/campaigns/${response.body.id}`);
    expect(fetched.body).toEqual(response.body);
    const listed = await secretariat.get('/api/campaigns');
    expect(listed.body).toEqual([response.body, ...demoCampaigns]);
  });

  it('sends only a published version: 409 for a draft, 404 for an unknown survey, and stores nothing', async () => {
    const before = await campaignCount();
    const draftSurvey = await createSurvey(secretariat, 'draft-only');
    const draft = await addDraftVersion(secretariat, draftSurvey);
    const response = await secretariat
      .post('/api/campaigns')
      .send({ surveyId: draftSurvey, version: draft, name: 'x', networkIds: [networks.CA.id] });
    expect(response.status).toBe(409);
    expect(response.body).toEqual(
      errorBody(409, 'version_not_published', `Version ${draft} of this survey is not published`),
    );
    const unknown = await secretariat.post('/api/campaigns').send({
      surveyId: '00000000-0000-4000-8000-000000000000',
      version: 1,
      name: 'x',
      networkIds: [networks.CA.id],
    });
    expect(unknown.status).toBe(404);
    expect(await campaignCount()).toBe(before);
  });

  it('rejects bad input with 400 naming the field, and stores nothing', async () => {
    const before = await campaignCount();
    const base = { surveyId: survey.surveyId, version: survey.version, name: 'x', networkIds: [networks.CA.id] };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...base, networkIds: [] }, 'networkIds must name at least one network'],
      [{ ...base, networkIds: ['nope'] }, 'each of networkIds must be a UUID'],
      [{ ...base, version: 1.5 }, 'version must be a whole number'],
      [{ ...base, opensAt: 'tomorrow' }, 'opensAt must be an ISO 8601 date-time'],
      [{ ...base, surprise: true }, 'property surprise should not exist'],
      [
        { ...base, opensAt: '2099-02-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' },
        'closesAt must be later than opensAt',
      ],
      [{ ...base, closesAt: '2001-01-01T00:00:00Z' }, 'closesAt must be in the future'],
    ];
    for (const [body, message] of cases) {
      const response = await secretariat.post('/api/campaigns').send(body);
      expect([response.status, response.body.message]).toEqual([400, message]);
    }
    const unknownNetwork = await secretariat
      .post('/api/campaigns')
      .send({ ...base, networkIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknownNetwork.status, unknownNetwork.body]).toEqual([
      404,
      errorBody(404, 'network_not_found', 'Unknown network(s): 00000000-0000-4000-8000-000000000000'),
    ]);
    expect(await campaignCount()).toBe(before);
  });

  it('lists links as JSON and CSV, stable across calls, with tokens not stored in the database', async () => {
    const id = await newCampaign('Links', [networks.ME.id]);
    const allLinks = await campaignLinks(secretariat, id);
    const links = await ownLinks(id);
    expect(allLinks).toHaveLength(2 + seeded.ME);
    expect(links).toEqual(
      [1, 2].map((n) => ({
        invitationId: expect.any(String),
        memberId: expect.any(String),
        name: `me member ${n}`,
        email: `me-${n}@example.org`,
        networkId: networks.ME.id,
        networkCode: 'ME',
        networkName: 'Middle East',
        country: 'Jordan',
        url: expect.stringMatching(/^http:\/\/localhost:3000\/r\/[\w-]{43}$/),
        revoked: false,
      })),
    );
    expect(await campaignLinks(secretariat, id)).toEqual(allLinks);
    const dump = JSON.stringify(await dataSourceOf(testApp).query('SELECT * FROM invitations'));
    for (const link of allLinks) expect(dump).not.toContain(tokenOf(link.url));

    const csv = await secretariat.get(`/api/campaigns/${id}/links.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toBe(
      'invitationId,memberId,name,email,networkCode,networkName,country,url,revoked\r\n' +
        allLinks
          .map((link) =>
            [
              link.invitationId,
              link.memberId,
              link.name,
              link.email,
              'ME',
              'Middle East',
              link.country,
              link.url,
              'false',
            ].join(','),
          )
          .join('\r\n') +
        '\r\n',
    );
  });

  it('creates open links for a network of the campaign only', async () => {
    const id = await newCampaign('Open', [networks.ME.id]);
    const open = await secretariat
      .post(`/api/campaigns/${id}/open-links`)
      .send({ networkId: networks.ME.id, maxResponses: 10 });
    expect(open.status).toBe(201);
    expect(open.body).toEqual({
      id: expect.any(String),
      networkId: networks.ME.id,
      maxResponses: 10,
      url: expect.stringMatching(/^http:\/\/localhost:3000\/r\/[\w-]{43}$/),
    });
    const wrong = await secretariat.post(`/api/campaigns/${id}/open-links`).send({ networkId: networks.CA.id });
    expect([wrong.status, wrong.body]).toEqual([
      400,
      errorBody(400, 'bad_request', `networkId ${networks.CA.id} is not one of this campaign's networks`),
    ]);
    const badQuota = await secretariat
      .post(`/api/campaigns/${id}/open-links`)
      .send({ networkId: networks.ME.id, maxResponses: 0 });
    expect([badQuota.status, badQuota.body.message]).toEqual([400, 'maxResponses must not be less than 1']);
    const listed = await secretariat.get(`/api/campaigns/${id}/open-links`);
    expect(listed.body).toEqual([{ ...open.body, responses: 0, revoked: false }]);
  });

  it('revokes a link, after which it answers 404 like an unknown one', async () => {
    const id = await newCampaign('Revoke', [networks.ME.id]);
    const [link] = await ownLinks(id);
    expect((await testApp.http().get(`/api/respond/${tokenOf(link.url)}`)).status).toBe(200);
    const revoked = await secretariat.post(`/api/invitations/${link.invitationId}/revoke`);
    expect([revoked.status, revoked.body]).toEqual([200, { id: link.invitationId, revokedAt: expect.any(String) }]);
    const after = await testApp.http().get(`/api/respond/${tokenOf(link.url)}`);
    const unknown = await testApp.http().get(`/api/respond/${'x'.repeat(43)}`);
    expect(after.status).toBe(404);
    expect(after.body).toEqual(unknown.body);
    expect((await ownLinks(id))[0].revoked).toBe(true);
    const missing = await secretariat.post('/api/invitations/00000000-0000-4000-8000-000000000000/revoke');
    expect([missing.status, missing.body.message]).toEqual([
      404,
      'Invitation 00000000-0000-4000-8000-000000000000 not found',
    ]);
  });

  it('reports progress per network exactly, and closes', async () => {
    const id = await newCampaign('Progress', [networks.CA.id, networks.ME.id]);
    const links = await ownLinks(id);
    const ca = links.filter((link) => link.networkId === networks.CA.id);
    const me = links.filter((link) => link.networkId === networks.ME.id);
    // CA: 3 (+ demo) invited, 2 opened, 2 started, 1 completed. ME: 2 (+ demo) invited, 1 opened, 0 started.
    await testApp.http().get(`/api/respond/${tokenOf(ca[0].url)}`);
    await testApp.http().get(`/api/respond/${tokenOf(ca[1].url)}`);
    await testApp.http().get(`/api/respond/${tokenOf(me[0].url)}`);
    expect(
      (
        await testApp
          .http()
          .put(`/api/respond/${tokenOf(ca[0].url)}`)
          .send({ data: { roles_clear: 'yes' } })
      ).status,
    ).toBe(200);
    expect((await completeByLink(testApp, ca[1].url)).status).toBe(201);
    const progress = await secretariat.get(`/api/campaigns/${id}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.body).toEqual({
      total: { invited: 5 + seeded.CA + seeded.ME, opened: 3, started: 2, completed: 1 },
      networks: [
        {
          networkId: networks.CA.id,
          invited: 3 + seeded.CA,
          opened: 2,
          started: 2,
          completed: 1,
          rate: Math.round((1 / (3 + seeded.CA)) * 10_000) / 10_000,
        },
        { networkId: networks.ME.id, invited: 2 + seeded.ME, opened: 1, started: 0, completed: 0, rate: 0 },
      ],
    });
    const closed = await secretariat.post(`/api/campaigns/${id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ id, status: 'closed', closedAt: expect.any(String) });
    const again = await secretariat.post(`/api/campaigns/${id}/close`);
    expect([again.status, again.body]).toEqual([
      409,
      errorBody(409, 'campaign_closed', `Campaign ${id} is already closed`),
    ]);
    const events = (await admin.get(`/api/audit?subject=campaign:${id}`)).body as Array<{ action: string }>;
    expect(events.map((event) => event.action)).toEqual(['campaign.closed', 'response.completed', 'campaign.created']);
  });

  it('shows response rates on the list and copies a campaign onto a newer published version', async () => {
    const id = await newCampaign('Rates', [networks.ME.id], { anonymous: true });
    const links = await ownLinks(id);
    expect((await completeByLink(testApp, links[0].url)).status).toBe(201);
    const listed = (await secretariat.get('/api/campaigns')).body as Array<Record<string, unknown>>;
    const invited = 2 + seeded.ME;
    expect(listed.find((campaign) => campaign.id === id)).toMatchObject({
      invited,
      completed: 1,
      responseRate: Math.round((1 / invited) * 10_000) / 10_000,
    });

    const copyBody = { version: survey.version + 1, name: 'Rates, second round' };
    const notYet = await secretariat.post(`/api/campaigns/${id}/copy`).send(copyBody);
    expect([notYet.status, notYet.body]).toEqual([
      404,
      errorBody(404, 'survey_version_not_found', `This survey has no version ${survey.version + 1}`),
    ]);
    const draft = await secretariat
      .post(`/api/surveys/${survey.surveyId}/versions`)
      .send({ definition: TEST_DEFINITION, changelog: 'second round' });
    expect(draft.status).toBe(201);
    const unpublished = await secretariat.post(`/api/campaigns/${id}/copy`).send(copyBody);
    expect([unpublished.status, unpublished.body.message]).toEqual([
      409,
      `Version ${survey.version + 1} of this survey is not published`,
    ]);
    expect(
      (await secretariat.post(`/api/surveys/${survey.surveyId}/versions/${survey.version + 1}/publish`)).status,
    ).toBe(200);
    const same = await secretariat.post(`/api/campaigns/${id}/copy`).send({ version: survey.version });
    expect([same.status, same.body]).toEqual([
      400,
      errorBody(
        400,
        'bad_request',
        `version must be newer than version ${survey.version}, which this campaign already uses`,
      ),
    ]);
    const bad = await secretariat.post(`/api/campaigns/${id}/copy`).send({ version: 'two' });
    expect([bad.status, bad.body.details]).toEqual([
      400,
      [{ field: 'version', messages: ['version must be at least 1', 'version must be a whole number'] }],
    ]);
    const before = (await secretariat.get('/api/campaigns')).body as unknown[];
    expect(before).toHaveLength(listed.length);

    const copied = await secretariat.post(`/api/campaigns/${id}/copy`).send(copyBody);
    expect(copied.status).toBe(201);
    expect(copied.body).toMatchObject({
      name: 'Rates, second round',
      surveyId: survey.surveyId,
      version: survey.version + 1,
      networkIds: [networks.ME.id],
      anonymous: true,
      status: 'open',
      invited,
      completed: 0,
      responseRate: 0,
    });
    const newLinks = await campaignLinks(secretariat, copied.body.id);
    expect(newLinks).toHaveLength(invited);
    expect(newLinks.map((link) => link.url)).not.toContain(links[0].url);
    const audit = await dataSourceOf(testApp).query(
      `SELECT action, payload FROM audit_events WHERE subject = $1 ORDER BY seq`,
      [`campaign:${copied.body.id}`],
    );
    // One event in the transaction that created it, naming the campaign it copies.
    expect(audit).toEqual([
      {
        action: 'campaign.created',
        payload: {
          name: 'Rates, second round',
          surveyVersionId: copied.body.surveyVersionId,
          networkIds: [networks.ME.id],
          invited,
          copiedFrom: { campaignId: id, version: survey.version },
        },
      },
    ]);
  });

  it('lets the committee read campaigns and progress, and keeps links and changes for the secretariat and admins', async () => {
    const committee = await createStaff(testApp, admin, 'committee');
    const list = await committee.get('/api/campaigns');
    const secretariatList = await secretariat.get('/api/campaigns');
    expect([list.status, list.body]).toEqual([200, secretariatList.body]);
    const links = await committee.get(`/api/campaigns/${(list.body as Array<{ id: string }>)[0]?.id}/links`);
    expect([links.status, links.body]).toEqual([
      403,
      errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat'),
    ]);
    const missing = await secretariat.get('/api/campaigns/00000000-0000-4000-8000-000000000000/progress');
    expect([missing.status, missing.body.message]).toEqual([
      404,
      'Campaign 00000000-0000-4000-8000-000000000000 not found',
    ]);
  });
});
