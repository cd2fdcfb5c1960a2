import { RetentionService } from '../../server/src/privacy';
import {
  campaignToNewMembers,
  completeByLink,
  dataSourceOf,
  makeMembers,
  type PublishedSurvey,
  surveyDesk,
} from '../support/campaign-fixtures';
import type { StaffSession } from '../support/staff-session';
import { createTestApp, TestClock, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

const ANSWERS = [
  { roles_clear: 'no', roles_why: 'Nobody told us', satisfaction: 2, priorities: ['training'] },
  { roles_clear: 'yes', satisfaction: 5, priorities: ['exercises'] },
  { roles_clear: 'partly', satisfaction: 4 },
];

describe('data protection: erase and export a member, retention of respondent identities', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession;
  let survey: PublishedSurvey;
  let networkId: string;
  const clock = new TestClock(new Date('2026-01-01T00:00:00Z'));
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    dataSourceOf(testApp).query<T[]>(query, parameters);

  /** A campaign to this file's members, each of whom completes with ANSWERS[i]. */
  async function answeredCampaign(
    prefix: string,
  ): Promise<{ id: string; members: Array<{ memberId: string; email: string }> }> {
    const { campaignId, links } = await campaignToNewMembers(
      secretariat,
      survey,
      networkId,
      makeMembers(prefix, 3, 'Philippines'),
      `Campaign ${prefix}`,
    );
    for (const [index, link] of links.entries()) {
      expect((await completeByLink(testApp, link.url, ANSWERS[index])).status).toBe(201);
    }
    return { id: campaignId, members: links.map((link) => ({ memberId: link.memberId, email: link.email })) };
  }

  /** Every row of the tables a member's data lives in, to show what else changed (nothing). */
  const snapshot = async () => ({
    members: await sql('SELECT * FROM network_members ORDER BY id'),
    invitations: await sql('SELECT * FROM invitations ORDER BY id'),
    responses: await sql('SELECT * FROM responses ORDER BY id'),
    outbox: await sql('SELECT * FROM outbox ORDER BY id'),
    campaigns: await sql('SELECT * FROM campaigns ORDER BY id'),
  });

  const tallies = async (campaignId: string) => {
    const response = await secretariat.get(`/api/campaigns/${campaignId}/tallies`);
    expect(response.status).toBe(200);
    const { asOf: _asOf, ...tally } = response.body as { asOf: string };
    return tally;
  };

  const verified = async (campaignId: string) => {
    const response = await secretariat.get(`/api/campaigns/${campaignId}/tallies/verify`);
    return [response.status, response.body.ok];
  };

  beforeAll(async () => {
    testApp = await createTestApp({}, undefined, { clock });
    const desk = await surveyDesk(testApp, 'privacy-test');
    ({ admin, secretariat, survey } = desk);
    networkId = desk.networks.SEA.id;
  });
  afterAll(() => testApp.close());

  it('exports everything held on a member as JSON, audited; 404 for an unknown member', async () => {
    const campaign = await answeredCampaign('exp');
    expect((await secretariat.post(`/api/campaigns/${campaign.id}/invitations/send`).send({})).body).toEqual({
      queued: 3,
    });
    const [first] = campaign.members;
    const response = await admin.get(`/api/members/${first.memberId}/export`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.member).toEqual({
      id: first.memberId,
      networkId,
      networkCode: 'SEA',
      name: 'exp member 1',
      email: 'exp-1@example.org',
      country: 'Philippines',
      role: 'National Focal Point',
      language: 'en',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(body.invitations).toEqual([
      {
        id: expect.any(String),
        campaignId: campaign.id,
        campaignName: 'Campaign exp',
        createdAt: expect.any(String),
        openedAt: null,
        revokedAt: null,
      },
    ]);
    expect(body.responses).toHaveLength(1);
    expect(body.responses[0]).toMatchObject({
      campaignId: campaign.id,
      invitationId: body.invitations[0].id,
      status: 'complete',
      data: ANSWERS[0],
      revisions: [],
    });
    expect(body.mail.map((mail: { recipient: string; kind: string }) => [mail.recipient, mail.kind])).toEqual([
      ['exp-1@example.org', 'invitation'],
    ]);
    // The completion event names the response; the upsert of the members names nobody in particular.
    expect(body.audit.map((event: { action: string }) => event.action)).toEqual(['response.completed']);
    const events = await sql<{ action: string; payload: unknown }>(
      `SELECT action, payload FROM audit_events WHERE subject = $1`,
      [`member:${first.memberId}`],
    );
    expect(events).toEqual([{ action: 'member.exported', payload: { invitations: 1, responses: 1 } }]);

    const unknown = await admin.get('/api/members/00000000-0000-4000-8000-000000000000/export');
    expect([unknown.status, unknown.body]).toEqual([
      404,
      errorBody(404, 'member_not_found', 'No member has the id 00000000-0000-4000-8000-000000000000'),
    ]);
    expect((await secretariat.get(`/api/members/${first.memberId}/export`)).status).toBe(403);
  });

  it('erases a member keeping their responses without identity: tallies unchanged and exact, nothing else touched', async () => {
    const campaign = await answeredCampaign('anon');
    await secretariat.post(`/api/campaigns/${campaign.id}/invitations/send`).send({});
    const [first] = campaign.members;
    const before = await snapshot();
    const talliesBefore = await tallies(campaign.id);
    const [invitation] = await sql<{ id: string }>('SELECT id FROM invitations WHERE member_id = $1', [first.memberId]);
    const [response] = await sql<{ id: string }>('SELECT id FROM responses WHERE invitation_id = $1', [invitation.id]);

    const erased = await admin.post(`/api/members/${first.memberId}/erase`).send({ responses: 'anonymise' });
    expect([erased.status, erased.body]).toEqual([
      200,
      { memberId: first.memberId, invitations: 1, messages: 1, responses: 1, mode: 'anonymise' },
    ]);
    const after = await snapshot();
    expect(after.members).toEqual(before.members.filter((row) => (row as { id: string }).id !== first.memberId));
    expect(after.invitations).toEqual(before.invitations.filter((row) => (row as { id: string }).id !== invitation.id));
    expect(after.outbox).toEqual(
      before.outbox.filter((row) => (row as { invitation_id: string }).invitation_id !== invitation.id),
    );
    expect(after.campaigns).toEqual(before.campaigns);
    expect(after.responses).toEqual(
      before.responses.map((row) =>
        (row as { id: string }).id === response.id
          ? // Written again: the tally engine's transaction stamp moves on with the row.
            { ...(row as object), invitation_id: null, change_xid: expect.any(String) }
          : row,
      ),
    );
    expect(JSON.stringify(after)).not.toContain('anon-1@example.org');
    expect(await tallies(campaign.id)).toEqual(talliesBefore);
    expect(await verified(campaign.id)).toEqual([200, true]);
    const [event] = await sql<{ actor_email: string; payload: unknown }>(
      `SELECT actor_email, payload FROM audit_events WHERE action = 'member.erased' AND subject = $1`,
      [`member:${first.memberId}`],
    );
    expect(event).toEqual({
      actor_email: 'admin@example.org',
      payload: { networkId, memberId: first.memberId, invitations: 1, messages: 1, responses: 1, mode: 'anonymise' },
    });

    const again = await admin.post(`/api/members/${first.memberId}/erase`).send({ responses: 'anonymise' });
    expect([again.status, again.body.code]).toEqual([404, 'member_not_found']);
  });

  it('erases a member deleting their responses: the stored tallies drop by exactly that response', async () => {
    const campaign = await answeredCampaign('del');
    const first = campaign.members[0];
    const before = await snapshot();
    const erased = await admin.post(`/api/members/${first.memberId}/erase`).send({ responses: 'delete' });
    expect([erased.status, erased.body]).toEqual([
      200,
      { memberId: first.memberId, invitations: 1, messages: 0, responses: 1, mode: 'delete' },
    ]);
    const after = await snapshot();
    expect(after.responses).toHaveLength(before.responses.length - 1);
    expect(after.members).toHaveLength(before.members.length - 1);
    expect(await verified(campaign.id)).toEqual([200, true]);
    const roles = await sql<{ value: string; n: number }>(
      `SELECT data->>'roles_clear' AS value, count(*)::int AS n FROM responses WHERE campaign_id = $1
       GROUP BY 1 ORDER BY 1`,
      [campaign.id],
    );
    expect(roles).toEqual([
      { value: 'partly', n: 1 },
      { value: 'yes', n: 1 },
    ]);
  });

  it('answers 400 naming the field for a bad choice, 400 for a malformed id, 404 unknown, 403 for the secretariat', async () => {
    const [member] = await sql<{ id: string }>('SELECT id FROM network_members ORDER BY email LIMIT 1');
    const before = await snapshot();
    const bad = await admin.post(`/api/members/${member.id}/erase`).send({ responses: 'forget' });
    expect([bad.status, bad.body]).toEqual([
      400,
      errorBody(400, 'bad_request', 'responses must be one of: anonymise, delete', [
        { field: 'responses', messages: ['responses must be one of: anonymise, delete'] },
      ]),
    ]);
    expect((await admin.post(`/api/members/${member.id}/erase`).send({})).status).toBe(400);
    expect((await admin.post('/api/members/not-a-uuid/erase').send({ responses: 'delete' })).status).toBe(400);
    const unknown = await admin
      .post('/api/members/00000000-0000-4000-8000-000000000000/erase')
      .send({ responses: 'delete' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'member_not_found']);
    const forbidden = await secretariat.post(`/api/members/${member.id}/erase`).send({ responses: 'delete' });
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'forbidden']);
    expect(await snapshot()).toEqual(before);
  });

  it('removes respondent identities the set number of days after closing, once, audited', async () => {
    const campaign = await answeredCampaign('ret');
    const other = await answeredCampaign('keep');
    const invalid = [
      [{ retentionDays: -1 }, 'retentionDays must be at least 0'],
      [{ retentionDays: 1.5 }, 'retentionDays must be a whole number of days or null'],
      [{ retentionDays: 3651 }, 'retentionDays must be at most 3650'],
      [
        { retentionDays: 'soon' },
        'retentionDays must be at most 3650; retentionDays must be at least 0; retentionDays must be a whole number of days or null',
      ],
    ] as const;
    for (const [body, message] of invalid) {
      const response = await secretariat.put(`/api/campaigns/${campaign.id}/retention`).send(body);
      expect([response.status, response.body.message]).toEqual([400, message]);
    }
    const unknown = await secretariat
      .put('/api/campaigns/00000000-0000-4000-8000-000000000000/retention')
      .send({ retentionDays: 3 });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'campaign_not_found']);
    const set = await secretariat.put(`/api/campaigns/${campaign.id}/retention`).send({ retentionDays: 30 });
    expect([set.status, set.body.retentionDays, set.body.identitiesRemovedAt]).toEqual([200, 30, null]);
    await secretariat.put(`/api/campaigns/${other.id}/retention`).send({ retentionDays: 30 });
    expect((await secretariat.post(`/api/campaigns/${campaign.id}/close`)).status).toBe(200);
    const [{ closed_at: closedAt }] = await sql<{ closed_at: Date }>('SELECT closed_at FROM campaigns WHERE id = $1', [
      campaign.id,
    ]);
    const retention = testApp.app.get(RetentionService);
    const before = await snapshot();
    const talliesBefore = await tallies(campaign.id);

    clock.set(new Date(closedAt.getTime() + 30 * 86_400_000 - 1_000));
    expect(await retention.runDue()).toEqual({ campaigns: [] });
    expect(await snapshot()).toEqual(before);

    clock.set(new Date(closedAt.getTime() + 30 * 86_400_000));
    // Anything inserting a row that references the campaign (a response, a tally rollup) holds a
    // key-share lock on its row meanwhile; the job must not pass a due campaign by for that.
    const holder = dataSourceOf(testApp).createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    await holder.query('SELECT id FROM campaigns WHERE id = $1 FOR KEY SHARE', [campaign.id]);
    const run = await retention.runDue().finally(async () => {
      await holder.rollbackTransaction();
      await holder.release();
    });
    expect(run).toEqual({ campaigns: [{ campaignId: campaign.id, responses: 3 }] });
    const after = await snapshot();
    const detached = (rows: unknown[]) =>
      rows.map((row) => {
        const response = row as { campaign_id: string };
        return response.campaign_id === campaign.id
          ? { ...response, invitation_id: null, change_xid: expect.any(String) }
          : response;
      });
    expect(after.responses).toEqual(detached(before.responses));
    expect([after.members, after.invitations, after.outbox]).toEqual([
      before.members,
      before.invitations,
      before.outbox,
    ]);
    expect(
      after.campaigns.map((row) => (row as { id: string; identities_removed_at: Date | null }).identities_removed_at),
    ).toEqual(
      before.campaigns.map((row) =>
        (row as { id: string }).id === campaign.id
          ? clock.now()
          : (row as { identities_removed_at: null }).identities_removed_at,
      ),
    );
    expect(await tallies(campaign.id)).toEqual(talliesBefore);
    expect(await verified(campaign.id)).toEqual([200, true]);
    expect(await retention.runDue()).toEqual({ campaigns: [] });
    const events = await sql<{ action: string; payload: unknown }>(
      `SELECT action, payload FROM audit_events WHERE subject = $1 AND action LIKE 'campaign.%' ORDER BY at, action`,
      [`campaign:${campaign.id}`],
    );
    expect(events.filter((event) => event.action !== 'campaign.created')).toEqual([
      { action: 'campaign.retention_set', payload: { from: null, to: 30 } },
      { action: 'campaign.closed', payload: expect.anything() },
      {
        action: 'campaign.identities_removed',
        payload: { responses: 3, retentionDays: 30, closedAt: closedAt.toISOString() },
      },
    ]);
    const campaignDto = await secretariat.get(`/api/campaigns/${campaign.id}`);
    expect(campaignDto.body.identitiesRemovedAt).toBe(clock.now().toISOString());
  });
});
