import type { ParticipantDto } from '@concord/shared';
import {
  addMembers,
  campaignLinks,
  completeByLink,
  createCampaign,
  dataSourceOf,
  type NetworkRow,
  type PublishedSurvey,
  surveyDesk,
  tokenOf,
  VALID_ANSWERS,
} from '../support/campaign-fixtures';
import { startSmtp } from '../support/smtp-server';
import { createStaff, type StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

interface OutboxPage {
  delivery: 'smtp' | 'manual';
  counts: { pending: number; sent: number; failed: number };
  total: number;
  page: number;
  pageSize: number;
  items: Array<{
    to: string;
    kind: string;
    subject: string;
    status: string;
    attempts: number;
    lastError: string | null;
    language: string;
  }>;
}

const member = (name: string, email: string, country: string, language: 'en' | 'fr' | 'ru' | 'ar') => ({
  name,
  email,
  country,
  role: 'national team',
  language,
});

describe('e-mail invitations and reminders through SMTP', () => {
  const rejected = new Set(['refused@example.org']);
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession & { email: string };
  let survey: PublishedSurvey;
  let networks: Record<string, NetworkRow>;

  const outbox = async (campaignId: string, query = ''): Promise<OutboxPage> => {
    const response = await secretariat.get(`/api/campaigns/${campaignId}/outbox${query}`);
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
    return response.body as OutboxPage;
  };

  /** Waits until the worker has dealt with every message (none left pending). */
  async function settled(campaignId: string): Promise<OutboxPage> {
    for (let attempt = 0; attempt < 100; attempt++) {
      const page = await outbox(campaignId);
      if (page.counts.pending === 0) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Messages still pending: ${JSON.stringify((await outbox(campaignId)).counts)}`);
  }

  const newCampaign = async (name: string, codes: string[]): Promise<string> =>
    (
      await createCampaign(
        secretariat,
        survey,
        name,
        codes.map((code) => networks[code].id),
      )
    ).campaignId;

  beforeAll(async () => {
    smtp = await startSmtp(rejected);
    testApp = await createTestApp({
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      mailFrom: 'Concord <concord@example.org>',
      mailRatePerSecond: 50,
      mailMaxAttempts: 3,
      mailRetryBaseMs: 100,
      seedDemo: false,
    });
    ({ admin, secretariat, survey, networks } = await surveyDesk(testApp, 'mail-test'));
    await addMembers(secretariat, networks.CA.id, [
      member('Aziz Karimov', 'aziz.karimov@example.org', 'Uzbekistan', 'ru'),
      member('Bolot Asanov', 'bolot.asanov@example.org', 'Kyrgyzstan', 'ru'),
    ]);
    await addMembers(secretariat, networks.AAF.id, [
      member('Amina Benali', 'amina.benali@example.org', 'Morocco', 'fr'),
    ]);
    await addMembers(secretariat, networks.ME.id, [member('Refused Address', 'refused@example.org', 'Jordan', 'ar')]);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  it('sends each member an invitation in their language with a working personal link, once', async () => {
    const id = await newCampaign('Mail test', ['CA', 'AAF']);
    const queued = await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({});
    expect([queued.status, queued.body]).toEqual([200, { queued: 3 }]);
    const page = await settled(id);
    expect(page.counts).toEqual({ pending: 0, sent: 3, failed: 0 });
    expect(page.delivery).toBe('smtp');

    const mails = smtp.received.filter((mail) => mail.subject.endsWith('Mail test'));
    expect(mails.map((mail) => [mail.to, mail.subject, mail.language]).sort()).toEqual([
      [['amina.benali@example.org'], 'Questionnaire : Mail test', 'fr'],
      [['aziz.karimov@example.org'], 'Анкета: Mail test', 'ru'],
      [['bolot.asanov@example.org'], 'Анкета: Mail test', 'ru'],
    ]);
    const links = await campaignLinks(secretariat, id);
    for (const mail of mails) {
      const link = links.find((candidate) => candidate.email === mail.to[0])!;
      expect(mail.text).toContain(`\n${link.url}\n`);
      const token = /\/r\/([\w-]{43})/.exec(mail.text)![1];
      expect((await testApp.http().get(`/api/respond/${token}`)).status).toBe(200);
    }
    // The stored messages hold no working link.
    const dump = JSON.stringify(await dataSourceOf(testApp).query('SELECT * FROM outbox WHERE campaign_id = $1', [id]));
    for (const link of links) expect(dump).not.toContain(tokenOf(link.url));

    const again = await secretariat.post(`/api/campaigns/${id}/invitations/send`);
    expect([again.status, again.body]).toEqual([200, { queued: 0 }]);
    const events = (await admin.get(`/api/audit?subject=campaign:${id}`)).body as Array<{
      action: string;
      payload: unknown;
    }>;
    expect(events.map((event) => [event.action, event.payload])[0]).toEqual([
      'campaign.invitations_queued',
      { queued: 3, networkIds: [networks.CA.id, networks.AAF.id] },
    ]);
  });

  it('reminds only members who have not completed, only in the networks asked for, and not twice within the cooldown', async () => {
    const id = await newCampaign('Reminder test', ['CA', 'AAF']);
    const links = await campaignLinks(secretariat, id);
    const aziz = links.find((link) => link.email === 'aziz.karimov@example.org')!;
    expect((await completeByLink(testApp, aziz.url)).status).toBe(201);

    const caOnly = await secretariat.post(`/api/campaigns/${id}/reminders`).send({ networkIds: [networks.CA.id] });
    expect([caOnly.status, caOnly.body]).toEqual([200, { queued: 1 }]);
    await settled(id);
    // Bolot was reminded a moment ago: the 72-hour cooldown holds him back, Amina gets her first.
    const preview = await secretariat.post(`/api/campaigns/${id}/reminders/preview`).send({});
    expect([preview.status, preview.body]).toEqual([200, { recipients: 1, coolingDown: 1, cooldownHours: 72 }]);
    const all = await secretariat.post(`/api/campaigns/${id}/reminders`).send({ expectedRecipients: 1 });
    expect([all.status, all.body]).toEqual([200, { queued: 1 }]);
    const page = await settled(id);
    expect(page.items.map((item) => [item.kind, item.to, item.status])).toEqual([
      ['reminder', 'bolot.asanov@example.org', 'sent'],
      ['reminder', 'amina.benali@example.org', 'sent'],
    ]);
    // Once the cooldown has passed (the reminder is dated back 72 hours), Bolot is due again.
    await dataSourceOf(testApp).query(
      `UPDATE outbox SET created_at = now() - interval '72 hours' WHERE campaign_id = $1 AND recipient = $2`,
      [id, 'bolot.asanov@example.org'],
    );
    const stale = await secretariat.post(`/api/campaigns/${id}/reminders`).send({ expectedRecipients: 2 });
    expect([stale.status, stale.body]).toEqual([
      409,
      errorBody(409, 'reminder_count_changed', '1 members would get a reminder now, not the 2 confirmed; check again', {
        recipients: 1,
      }),
    ]);
    const again = await secretariat.post(`/api/campaigns/${id}/reminders`).send({ expectedRecipients: 1 });
    expect([again.status, again.body]).toEqual([200, { queued: 1 }]);
    await settled(id);
    const mails = smtp.received.filter((mail) => mail.subject.endsWith('Reminder test'));
    expect(mails.map((mail) => [mail.to[0], mail.subject]).sort()).toEqual([
      ['amina.benali@example.org', 'Rappel : Reminder test'],
      ['bolot.asanov@example.org', 'Напоминание: Reminder test'],
      ['bolot.asanov@example.org', 'Напоминание: Reminder test'],
    ]);
    expect(mails.some((mail) => mail.to.includes('aziz.karimov@example.org'))).toBe(false);
  });

  it('follows each member exactly through invited, sent, opened, started, completed and reminded', async () => {
    const id = await newCampaign('Participants test', ['CA', 'AAF']);
    const participants = async (query = ''): Promise<ParticipantDto[]> => {
      const response = await secretariat.get(`/api/campaigns/${id}/participants${query}`);
      expect(response.status).toBe(200);
      return response.body as ParticipantDto[];
    };
    const statuses = async () =>
      (await participants()).map((row) => [row.email, row.networkCode, row.status, row.reminders]);

    expect(await statuses()).toEqual([
      ['amina.benali@example.org', 'AAF', 'invited', 0],
      ['bolot.asanov@example.org', 'CA', 'invited', 0],
      ['aziz.karimov@example.org', 'CA', 'invited', 0],
    ]);
    expect((await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({})).body).toEqual({ queued: 3 });
    await settled(id);
    expect(await statuses()).toEqual([
      ['amina.benali@example.org', 'AAF', 'sent', 0],
      ['bolot.asanov@example.org', 'CA', 'sent', 0],
      ['aziz.karimov@example.org', 'CA', 'sent', 0],
    ]);
    const links = await campaignLinks(secretariat, id);
    const token = (email: string) => tokenOf(links.find((link) => link.email === email)!.url);
    expect((await testApp.http().get(`/api/respond/${token('amina.benali@example.org')}`)).status).toBe(200);
    expect((await testApp.http().get(`/api/respond/${token('bolot.asanov@example.org')}`)).status).toBe(200);
    const saved = await testApp
      .http()
      .put(`/api/respond/${token('bolot.asanov@example.org')}`)
      .send({ data: { roles_clear: 'yes' } });
    expect(saved.status).toBe(200);
    const completed = await testApp
      .http()
      .post(`/api/respond/${token('aziz.karimov@example.org')}/complete`)
      .send({ data: VALID_ANSWERS });
    expect(completed.status).toBe(201);
    expect(await statuses()).toEqual([
      ['amina.benali@example.org', 'AAF', 'opened', 0],
      ['bolot.asanov@example.org', 'CA', 'started', 0],
      ['aziz.karimov@example.org', 'CA', 'completed', 0],
    ]);

    const preview = await secretariat.post(`/api/campaigns/${id}/reminders/preview`).send({});
    expect(preview.body).toEqual({ recipients: 2, coolingDown: 0, cooldownHours: 72 });
    const reminded = await secretariat.post(`/api/campaigns/${id}/reminders`).send({ expectedRecipients: 2 });
    expect(reminded.body).toEqual({ queued: 2 });
    await settled(id);
    const rows = await participants();
    expect(rows.map((row) => [row.email, row.status, row.reminders])).toEqual([
      ['amina.benali@example.org', 'opened', 1],
      ['bolot.asanov@example.org', 'started', 1],
      ['aziz.karimov@example.org', 'completed', 0],
    ]);
    const [amina, bolot, aziz] = rows;
    expect(amina).toMatchObject({
      networkName: 'African Atlantic Façade',
      sentAt: expect.any(String),
      openedAt: expect.any(String),
      startedAt: null,
      completedAt: null,
      remindedAt: expect.any(String),
    });
    expect(bolot).toMatchObject({ startedAt: expect.any(String), completedAt: null });
    expect(aziz).toMatchObject({ startedAt: expect.any(String), completedAt: expect.any(String), remindedAt: null });
    // Within the cooldown nobody is reminded again.
    expect((await secretariat.post(`/api/campaigns/${id}/reminders/preview`).send({})).body).toEqual({
      recipients: 0,
      coolingDown: 2,
      cooldownHours: 72,
    });
    expect((await secretariat.post(`/api/campaigns/${id}/reminders`).send({})).body).toEqual({ queued: 0 });

    expect((await participants('?status=started')).map((row) => row.email)).toEqual(['bolot.asanov@example.org']);
    expect((await participants(`?networkId=${networks.AAF.id}`)).map((row) => row.email)).toEqual([
      'amina.benali@example.org',
    ]);
    const csv = await secretariat.get(`/api/campaigns/${id}/participants.csv?status=completed`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.text).toBe(
      'invitationId,memberId,name,email,networkCode,networkName,country,language,status,sentAt,openedAt,' +
        'startedAt,completedAt,remindedAt,reminders\r\n' +
        [
          links.find((link) => link.email === 'aziz.karimov@example.org')!.invitationId,
          links.find((link) => link.email === 'aziz.karimov@example.org')!.memberId,
          'Aziz Karimov',
          'aziz.karimov@example.org',
          'CA',
          'Central Asia',
          'Uzbekistan',
          'ru',
          'completed',
          aziz.sentAt,
          aziz.openedAt,
          aziz.startedAt,
          aziz.completedAt,
          '',
          '0',
        ].join(',') +
        '\r\n',
    );
  });

  it('sends a test invitation to the acting user, whose link shows the questionnaire but takes no answer', async () => {
    const id = await newCampaign('Test send', ['AAF']);
    const sent = await secretariat.post(`/api/campaigns/${id}/test-invitation`).send({ language: 'fr' });
    expect([sent.status, sent.body]).toEqual([201, { queued: 1, to: secretariat.email }]);
    const page = await settled(id);
    expect(page.items.map((item) => [item.kind, item.to, item.status, item.subject])).toEqual([
      ['test', secretariat.email, 'sent', '[Test] Questionnaire : Test send'],
    ]);
    const mail = smtp.received.find((candidate) => candidate.subject === '[Test] Questionnaire : Test send');
    expect(mail?.to).toEqual([secretariat.email]);
    const link = /http:\/\/localhost:3000\/r\/([\w-]{43})/.exec(mail?.text ?? '');
    expect(link).not.toBeNull();
    const view = await testApp.http().get(`/api/respond/${link![1]}`);
    expect([view.status, view.body.kind]).toEqual([200, 'open']);
    const answer = await testApp.http().post(`/api/respond/${link![1]}/complete`).send({ data: VALID_ANSWERS });
    expect(answer.status).toBe(409);
    // Nobody was invited by it: the participants and the progress count members only.
    const participants = await secretariat.get(`/api/campaigns/${id}/participants`);
    expect((participants.body as Array<{ status: string }>).map((row) => row.status)).toEqual(['invited']);
    const again = await secretariat.post(`/api/campaigns/${id}/test-invitation`).send({});
    expect(again.status).toBe(201);
    const testLinks = await dataSourceOf(testApp).query(
      `SELECT count(*)::int AS n FROM invitations WHERE campaign_id = $1 AND kind = 'open'`,
      [id],
    );
    expect(testLinks).toEqual([{ n: 1 }]);
  });

  it('retries a refused recipient with backoff, then marks it failed with the error', async () => {
    const id = await newCampaign('Refusal test', ['ME']);
    const queued = await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({});
    expect(queued.body).toEqual({ queued: 1 });
    const page = await settled(id);
    expect(page.counts).toEqual({ pending: 0, sent: 0, failed: 1 });
    expect(page.items).toEqual([
      expect.objectContaining({
        to: 'refused@example.org',
        status: 'failed',
        attempts: 3,
        lastError: expect.stringContaining('550'),
      }),
    ]);
    expect(smtp.rcptAttempts.filter((address) => address === 'refused@example.org')).toHaveLength(3);
    // A failed invitation counts as not sent: sending again queues it anew.
    const retry = await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({});
    expect(retry.body).toEqual({ queued: 1 });
  });

  it('rejects bad input with exact 4xx bodies and changes nothing', async () => {
    const id = await newCampaign('Bad input', ['CA']);
    const db = dataSourceOf(testApp);
    const snapshot = async () => ({
      outbox: await db.query('SELECT count(*)::int AS n FROM outbox'),
      audit: await db.query('SELECT count(*)::int AS n FROM audit_events WHERE subject = $1', [`campaign:${id}`]),
    });
    const before = await snapshot();
    const invalid = (field: string, message: string) => ({ message, details: [{ field, messages: [message] }] });
    const cases: Array<[string, unknown, Record<string, unknown>]> = [
      ['invitations/send', { networkIds: ['nope'] }, invalid('networkIds', 'each of networkIds must be a UUID')],
      ['reminders', { networkIds: [] }, invalid('networkIds', 'networkIds must name at least one network')],
      [
        'reminders',
        { networkIds: [networks.CA.id, networks.CA.id] },
        invalid('networkIds', 'networkIds must not repeat a network'),
      ],
      ['invitations/send', { surprise: 1 }, invalid('surprise', 'property surprise should not exist')],
      [
        'invitations/send',
        { networkIds: [networks.ME.id] },
        { message: `networkIds ${networks.ME.id} are not among this campaign's networks` },
      ],
      ['reminders', { expectedRecipients: -1 }, invalid('expectedRecipients', 'expectedRecipients must be 0 or more')],
      [
        'reminders/preview',
        { networkIds: [networks.ME.id] },
        { message: `networkIds ${networks.ME.id} are not among this campaign's networks` },
      ],
      ['test-invitation', { language: 'de' }, invalid('language', 'language must be one of: en, fr, ru, ar')],
    ];
    for (const [path, body, expected] of cases) {
      const response = await secretariat.post(`/api/campaigns/${id}/${path}`).send(body as object);
      expect([response.status, response.body]).toEqual([
        400,
        { statusCode: 400, error: 'Bad Request', code: 'bad_request', ...expected },
      ]);
    }
    const unknown = await secretariat.post('/api/campaigns/00000000-0000-4000-8000-000000000000/reminders').send({});
    expect([unknown.status, unknown.body]).toEqual([
      404,
      errorBody(404, 'campaign_not_found', 'Campaign 00000000-0000-4000-8000-000000000000 not found'),
    ]);
    const badId = await secretariat.get('/api/campaigns/nope/outbox');
    expect([badId.status, badId.body]).toEqual([400, errorBody(400, 'bad_request', 'id must be a UUID')]);
    const badStatus = await secretariat.get(`/api/campaigns/${id}/outbox?status=lost`);
    expect([badStatus.status, badStatus.body]).toEqual([
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        ...invalid('status', 'status must be one of: pending, sent, failed'),
      },
    ]);
    const badFilter = await secretariat.get(`/api/campaigns/${id}/participants?status=lost&networkId=x`);
    expect([badFilter.status, badFilter.body.details]).toEqual([
      400,
      [
        {
          field: 'status',
          messages: ['status must be one of: invited, sent, opened, started, completed'],
        },
        { field: 'networkId', messages: ['networkId must be a UUID'] },
      ],
    ]);
    const badPage = await secretariat.get(`/api/campaigns/${id}/outbox?pageSize=0`);
    expect([badPage.status, badPage.body]).toEqual([
      400,
      {
        statusCode: 400,
        error: 'Bad Request',
        code: 'bad_request',
        ...invalid('pageSize', 'pageSize must be from 1 to 500'),
      },
    ]);
    expect((await secretariat.post(`/api/campaigns/${id}/close`)).status).toBe(200);
    const afterClose = await snapshot();
    for (const path of ['invitations/send', 'reminders', 'test-invitation']) {
      const closed = await secretariat.post(`/api/campaigns/${id}/${path}`).send({});
      expect([closed.status, closed.body]).toEqual([
        409,
        errorBody(409, 'campaign_closed', `Campaign ${id} is closed`),
      ]);
    }
    const committee = await createStaff(testApp, admin, 'committee');
    expect((await committee.post(`/api/campaigns/${id}/reminders`).send({})).status).toBe(403);
    expect((await testApp.http().get(`/api/campaigns/${id}/outbox`)).status).toBe(401);
    // Only the close itself was recorded.
    expect(afterClose).toEqual({ ...before, audit: [{ n: before.audit[0].n + 1 }] });
    expect(await snapshot()).toEqual(afterClose);
  });
});

describe('the outbox without SMTP', () => {
  let testApp: TestApp;
  let secretariat: StaffSession;
  let survey: PublishedSurvey;
  let networks: Record<string, NetworkRow>;

  beforeAll(async () => {
    testApp = await createTestApp({ seedDemo: false });
    ({ secretariat, survey, networks } = await surveyDesk(testApp, 'outbox-test'));
    await addMembers(secretariat, networks.GCC.id, [
      member('Fatima Al Mansoori', 'fatima.almansoori@example.org', 'United Arab Emirates', 'ar'),
      member('Omar Al Suwaidi', 'omar.alsuwaidi@example.org', 'United Arab Emirates', 'ar'),
      member('John Smith', 'john.smith@example.org', 'Oman', 'en'),
    ]);
  });
  afterAll(() => testApp.close());

  it('keeps every message pending, lists them paged, and exports them with their links for sending by hand', async () => {
    const { campaignId: id } = await createCampaign(secretariat, survey, 'Manual', [networks.GCC.id], {
      closesAt: '2099-03-01T00:00:00.000Z',
    });
    expect((await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({})).body).toEqual({ queued: 3 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const first = await secretariat.get(`/api/campaigns/${id}/outbox?pageSize=2`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      delivery: 'manual',
      counts: { pending: 3, sent: 0, failed: 0 },
      total: 3,
      page: 1,
      pageSize: 2,
      items: [
        expect.objectContaining({ to: 'fatima.almansoori@example.org', subject: 'استبيان: Manual', status: 'pending' }),
        {
          id: expect.any(String),
          invitationId: expect.any(String),
          kind: 'invitation',
          to: 'john.smith@example.org',
          language: 'en',
          subject: 'Questionnaire: Manual',
          status: 'pending',
          attempts: 0,
          lastError: null,
          nextAttemptAt: expect.any(String),
          sentAt: null,
          createdAt: expect.any(String),
        },
      ],
    });
    const second = await secretariat.get(`/api/campaigns/${id}/outbox?pageSize=2&page=2`);
    expect((second.body as OutboxPage).items.map((item) => item.to)).toEqual(['omar.alsuwaidi@example.org']);

    const csv = await secretariat.get(`/api/campaigns/${id}/outbox.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const links = await campaignLinks(secretariat, id);
    const john = links.find((link) => link.email === 'john.smith@example.org')!;
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('to,subject,link,body');
    expect(
      lines.filter((line) =>
        line.startsWith(`john.smith@example.org,Questionnaire: Manual,${john.url},"Dear John Smith,\n`),
      ),
    ).toHaveLength(1);
    expect(csv.text).toContain(`Your personal link:\n${john.url}\n`);
    expect(csv.text).toContain('Please answer by March 1, 2099.');
    expect((await testApp.http().get(`/api/respond/${tokenOf(john.url)}`)).status).toBe(200);
  });

  it('reminds in anonymous campaigns too, skipping completed members while responses name nobody', async () => {
    const { campaignId: id } = await createCampaign(secretariat, survey, 'Anonymous', [networks.GCC.id], {
      anonymous: true,
    });
    const links = await campaignLinks(secretariat, id);
    const fatima = links.find((link) => link.email === 'fatima.almansoori@example.org')!;
    expect((await completeByLink(testApp, fatima.url)).status).toBe(201);
    const reminders = await secretariat.post(`/api/campaigns/${id}/reminders`).send({});
    expect(reminders.body).toEqual({ queued: 2 });
    const page = (await secretariat.get(`/api/campaigns/${id}/outbox`)).body as OutboxPage;
    expect(page.items.map((item) => [item.to, item.subject])).toEqual([
      ['john.smith@example.org', 'Reminder: Anonymous'],
      ['omar.alsuwaidi@example.org', 'تذكير: Anonymous'],
    ]);
    // A pending reminder is not queued twice.
    expect((await secretariat.post(`/api/campaigns/${id}/reminders`).send({})).body).toEqual({ queued: 0 });
    const responses = await dataSourceOf(testApp).query('SELECT invitation_id FROM responses WHERE campaign_id = $1', [
      id,
    ]);
    expect(responses).toEqual([{ invitation_id: null }]);
  });
});
