import { randomUUID } from 'node:crypto';
import {
  addMembers,
  type CampaignLink,
  campaignLinks,
  completeByLink,
  createCampaign,
  makeMembers,
  networksByCode,
  publishSurvey,
} from '../support/campaign-fixtures';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';
import { newClauseCitation } from '../support/evidence-expectations';

/**
 * The evidence loop: the committee reads the numbers (never who answered), and a citation holds
 * the numbers the server computed for its query, beside the same query now.
 */
describe('evidence loop', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let committee: StaffSession & { id: string };
  let secretariat: StaffSession;
  let surveyId: string;
  let campaignId: string;
  let networkId: string;
  let links: CampaignLink[];
  let charterId: string;

  const answers = [
    { roles_clear: 'yes', satisfaction: 5, priorities: ['training'] },
    { roles_clear: 'yes', satisfaction: 4, priorities: ['training', 'exercises'] },
    { roles_clear: 'partly', satisfaction: 3 },
    { roles_clear: 'no', roles_why: 'Nobody told us who decides.', satisfaction: 2, priorities: ['equipment'] },
  ];
  /** The roles_clear figures of `answers`. */
  const ROLES_CLEAR_OF_ANSWERS = {
    answered: 4,
    choices: [
      { value: 'yes', count: 2 },
      { value: 'partly', count: 1 },
      { value: 'no', count: 1 },
    ],
  };
  const later = [
    { roles_clear: 'no', roles_why: 'Unclear mandates.', satisfaction: 1 },
    { roles_clear: 'no', roles_why: 'Too many meetings.', satisfaction: 2 },
  ];

  async function complete(link: CampaignLink, data: Record<string, unknown>): Promise<void> {
    const response = await completeByLink(testApp, link.url, data);
    if (response.status !== 201) throw new Error(`complete: ${response.status} ${JSON.stringify(response.body)}`);
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    committee = await createStaff(testApp, admin, 'committee');
    secretariat = await createStaff(testApp, admin, 'secretariat');
    const survey = await publishSurvey(secretariat, 'evidence-loop');
    surveyId = survey.surveyId;
    const network = (await networksByCode(secretariat)).CA;
    networkId = network.id;
    await addMembers(secretariat, network.id, makeMembers('loop', 6, 'Uzbekistan'));
    ({ campaignId } = await createCampaign(secretariat, survey, 'Loop', [network.id]));
    links = await campaignLinks(secretariat, campaignId);
    for (const [index, data] of answers.entries()) await complete(links[index], data);
    const charter = await committee.post('/api/charters').send({
      slug: 'evidence-loop',
      title: 'Charter',
      clauses: [{ id: 'roles', heading: 'Roles', body: 'The Secretariat coordinates.' }],
    });
    charterId = charter.body.id as string;
  });
  afterAll(() => testApp.close());

  describe('committee reads analysis', () => {
    it('reads campaign and survey tallies (200) with the same figures the secretariat sees', async () => {
      const mine = await committee.get(`/api/campaigns/${campaignId}/tallies?groupBy=network`);
      const theirs = await secretariat.get(`/api/campaigns/${campaignId}/tallies?groupBy=network`);
      expect(mine.status).toBe(200);
      // asOf is the moment each read's snapshot was taken, so only its order is shared.
      const { asOf: myAsOf, ...myFigures } = mine.body as { asOf: string };
      const { asOf: theirAsOf, ...theirFigures } = theirs.body as { asOf: string };
      expect(myFigures).toEqual(theirFigures);
      expect(Date.parse(theirAsOf)).toBeGreaterThanOrEqual(Date.parse(myAsOf));
      expect(mine.body.responses).toBe(4);
      const rolesClear = (mine.body.questions as Array<{ name: string }>).find((q) => q.name === 'roles_clear');
      expect(rolesClear).toMatchObject(ROLES_CLEAR_OF_ANSWERS);
      const survey = await committee.get(`/api/surveys/${surveyId}/tallies`);
      expect(survey.status).toBe(200);
      expect([survey.body.responses, survey.body.versions]).toEqual([4, [1]]);
    });

    it('reads free text (200) with network, country and role but no member identity', async () => {
      const page = await committee.get(`/api/campaigns/${campaignId}/answers/roles_why`);
      expect(page.status).toBe(200);
      expect(page.body.answers).toEqual([
        {
          responseId: expect.any(String),
          text: 'Nobody told us who decides.',
          networkId,
          network: 'Central Asia',
          country: 'Uzbekistan',
          role: expect.any(String),
          language: 'en',
          completedAt: expect.any(String),
        },
      ]);
      const text = JSON.stringify(page.body);
      for (const link of links) {
        expect(text).not.toContain(link.email);
        expect(text).not.toContain(link.name);
        expect(text).not.toContain(link.memberId);
      }
    });

    it('reads the campaign list and progress that lead to the analysis (200)', async () => {
      const list = await committee.get('/api/campaigns');
      expect(list.status).toBe(200);
      expect((list.body as Array<{ id: string }>).map((campaign) => campaign.id)).toEqual([campaignId]);
      const progress = await committee.get(`/api/campaigns/${campaignId}/progress`);
      expect(progress.status).toBe(200);
      expect(progress.body.total).toEqual({ invited: 6, opened: 0, started: 4, completed: 4 });
    });

    it.each([
      ['GET', '/responses.csv'],
      ['GET', '/responses.xlsx'],
      ['GET', '/responses.json'],
      ['GET', '/links'],
      ['GET', '/links.csv'],
      ['GET', '/participants'],
      ['GET', '/outbox'],
      ['GET', '/open-links'],
    ])('refuses %s campaigns/:id%s to the committee (403)', async (_method, suffix) => {
      const response = await committee.get(`/api/campaigns/${campaignId}${suffix}`);
      expect(response.status).toBe(403);
      expect(response.body).toEqual(
        errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat'),
      );
    });

    it('refuses network members to the committee (403)', async () => {
      const response = await committee.get(`/api/networks/${networkId}/members`);
      expect(response.body).toEqual(
        errorBody(403, 'forbidden', 'This action needs one of the roles: admin, secretariat'),
      );
    });
  });

  describe('server-computed evidence', () => {
    const query = { groupBy: 'role', filters: { network: ['CA'] } } as const;
    let citedId: string;
    let citedTally: { responses: number; question: unknown };

    it('freezes the tally the server runs for the query (201), equal to the tally at that moment', async () => {
      const before = Date.now();
      const sent = {
        campaignId,
        question: 'roles_clear',
        clauseId: 'roles',
        note: 'Half find the roles clear',
        ...query,
      };
      const cited = await committee.post(`/api/charters/${charterId}/evidence`).send(sent);
      expect(cited.status).toBe(201);
      const tally = await committee.get(`/api/campaigns/${campaignId}/tallies?groupBy=role&network=CA`);
      const question = (tally.body.questions as Array<{ name: string }>).find((q) => q.name === 'roles_clear');
      citedTally = { responses: tally.body.responses as number, question };
      expect(cited.body).toEqual(
        newClauseCitation(
          { asOf: cited.body.asOf, responses: 4, question },
          {
            ...sent,
            filters: { includePartial: false, network: ['CA'] },
            createdBy: { id: committee.id, name: 'Test committee' },
          },
        ),
      );
      expect(question).toMatchObject(ROLES_CLEAR_OF_ANSWERS);
      const asOf = Date.parse(cited.body.asOf as string);
      expect(asOf).toBeGreaterThanOrEqual(before - 1000);
      expect(asOf).toBeLessThanOrEqual(Date.now());
      citedId = cited.body.id as string;
    });

    it('lists the citation beside the same tally now, unchanged while no response arrives', async () => {
      const listed = await committee.get(`/api/charters/${charterId}/evidence`);
      expect(listed.status).toBe(200);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({ id: citedId, changed: false });
      expect(listed.body[0].current).toEqual({ ...listed.body[0].snapshot, asOf: expect.any(String) });
    });

    it('after more responses, changed is true and current equals the new tally; the snapshot stays', async () => {
      await complete(links[4], later[0]);
      await complete(links[5], later[1]);
      const listed = await secretariat.get(`/api/charters/${charterId}/evidence?clauseId=roles`);
      expect(listed.status).toBe(200);
      const [citation] = listed.body as Array<Record<string, unknown>>;
      const tally = await committee.get(`/api/campaigns/${campaignId}/tallies?groupBy=role&network=CA`);
      const question = (tally.body.questions as Array<{ name: string }>).find((q) => q.name === 'roles_clear');
      expect(citation.changed).toBe(true);
      expect(citation.current).toEqual({
        asOf: expect.any(String),
        responses: 6,
        suppressed: false,
        minCellSize: 3,
        question,
      });
      expect(question).toMatchObject({
        answered: 6,
        choices: [
          { value: 'yes', count: 2 },
          { value: 'partly', count: 1 },
          { value: 'no', count: 3 },
        ],
      });
      expect(citation.snapshot).toEqual({
        asOf: citation.asOf,
        responses: 4,
        suppressed: false,
        minCellSize: 3,
        question: citedTally.question,
      });
    });

    it('cites a survey across its versions, weighted by network', async () => {
      const cited = await committee.post(`/api/charters/${charterId}/evidence`).send({
        surveyId,
        question: 'satisfaction',
        weighting: 'regional',
        revision: 1,
      });
      expect(cited.status).toBe(201);
      const tally = await committee.get(`/api/surveys/${surveyId}/tallies?weighting=regional`);
      const question = (tally.body.questions as Array<{ name: string }>).find((q) => q.name === 'satisfaction');
      expect(cited.body.snapshot).toEqual({
        asOf: cited.body.asOf,
        responses: 6,
        suppressed: false,
        minCellSize: 3,
        question,
      });
      expect([cited.body.weighting, cited.body.revision, cited.body.surveyId]).toEqual(['regional', 1, surveyId]);
    });

    it('computes the evidence of a new revision too', async () => {
      const saved = await committee.post(`/api/charters/${charterId}/revisions`).send({
        baseRevision: 1,
        message: 'Roles are unclear to many',
        clauses: [{ id: 'roles', heading: 'Roles', body: 'The Secretariat coordinates and explains roles.' }],
        evidence: [{ campaignId, question: 'roles_clear', clauseId: 'roles' }],
      });
      expect(saved.body).toEqual({ number: 2 });
      const listed = await committee.get(`/api/charters/${charterId}/evidence?revision=2`);
      expect(listed.body).toHaveLength(1);
      expect(listed.body[0]).toMatchObject({ responses: 6, changed: false, groupBy: null, weighting: 'pooled' });
      expect(listed.body[0].snapshot.question.choices).toMatchObject([
        { value: 'yes', count: 2 },
        { value: 'partly', count: 1 },
        { value: 'no', count: 3 },
      ]);
    });

    async function citationCount(): Promise<number> {
      return ((await committee.get(`/api/charters/${charterId}/evidence`)).body as unknown[]).length;
    }

    it('refuses a snapshot sent by the client (400), and stores nothing', async () => {
      const count = await citationCount();
      const response = await committee.post(`/api/charters/${charterId}/evidence`).send({
        campaignId,
        question: 'roles_clear',
        clauseId: 'roles',
        snapshot: { responses: 1000 },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject(errorBody(400, 'bad_request', 'property snapshot should not exist'));
      const inRevision = await committee.post(`/api/charters/${charterId}/revisions`).send({
        baseRevision: 2,
        message: 'x',
        clauses: [{ id: 'roles', heading: 'Roles', body: 'Changed.' }],
        evidence: [{ campaignId, question: 'roles_clear', snapshot: { responses: 1000 } }],
      });
      expect(inRevision.status).toBe(400);
      expect(inRevision.body.message).toBe('property snapshot should not exist');
      expect(await citationCount()).toBe(count);
    });

    it('answers 404 for an unknown campaign or survey, 422 for a question the source does not ask', async () => {
      const count = await citationCount();
      const unknownCampaign = randomUUID();
      const noCampaign = await committee
        .post(`/api/charters/${charterId}/evidence`)
        .send({ campaignId: unknownCampaign, question: 'roles_clear', clauseId: 'roles' });
      expect(noCampaign.body).toEqual(errorBody(404, 'campaign_not_found', 'Campaign not found'));
      const noSurvey = await committee
        .post(`/api/charters/${charterId}/evidence`)
        .send({ surveyId: randomUUID(), question: 'roles_clear', clauseId: 'roles' });
      expect(noSurvey.body).toEqual(errorBody(404, 'survey_not_found', 'Survey not found'));
      const notAsked = await committee
        .post(`/api/charters/${charterId}/evidence`)
        .send({ campaignId, question: 'budget', clauseId: 'roles' });
      expect(notAsked.body).toEqual(
        errorBody(
          422,
          'charter_evidence_question_not_asked',
          `Campaign ${campaignId} does not ask a question named "budget"`,
          { question: 'budget' },
        ),
      );
      expect(await citationCount()).toBe(count);
    });

    it('names a bad grouping, filter or source in a 400', async () => {
      const send = (body: Record<string, unknown>) =>
        committee
          .post(`/api/charters/${charterId}/evidence`)
          .send({ question: 'roles_clear', clauseId: 'roles', ...body });
      expect((await send({ campaignId, groupBy: 'planet' })).body.message).toBe(
        'groupBy must be one of the following values: network, country, role',
      );
      expect((await send({ campaignId, filters: { colour: ['red'] } })).body).toEqual(
        errorBody(400, 'bad_request', 'filters.colour is not a tally filter'),
      );
      expect((await send({ campaignId, filters: { network: 'CA' } })).body.message).toBe(
        'filters.network must be a non-empty list of strings',
      );
      expect((await send({ campaignId, filters: { network: ['XX'] } })).body.message).toBe(
        'network: unknown network "XX"',
      );
      expect((await send({})).body.message).toBe('evidence needs a campaignId or a surveyId');
      expect((await send({ campaignId, surveyId })).body.message).toBe(
        'evidence names a campaignId or a surveyId, not both',
      );
    });
  });
});
