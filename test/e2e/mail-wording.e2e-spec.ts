import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import {
  addMembers,
  campaignLinks,
  createCampaign,
  dataSourceOf,
  type NetworkRow,
  type PublishedSurvey,
  surveyDesk,
} from '../support/campaign-fixtures';
import { renderMessage, withLink } from '../../server/src/mail/mail-templates';
import { DEFAULT_MAIL_WORDING } from '../../server/src/mail/mail-wording';
import { createStaff, type StaffSession } from '../support/staff-session';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

interface WordingBody {
  placeholders: string[];
  templates: Array<{
    kind: string;
    language: string;
    subject: string;
    body: string;
    custom: boolean;
    updatedAt: string | null;
  }>;
}

const KNOWN_IN_BODY = 'known: {{name}}, {{campaign}}, {{network}}, {{deadline}}, {{link}}';

const FRENCH_INVITATION = {
  subject: '{{network}} : consultation « {{campaign}} »',
  body: 'Madame, Monsieur {{name}},\n\nMerci de répondre ici :\n{{link}}\n\n{{deadline}}\nLe Secrétariat',
};

describe('mail wording per campaign', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let secretariat: StaffSession;
  let committee: StaffSession;
  let survey: PublishedSurvey;
  let networks: Record<string, NetworkRow>;
  let db: DataSource;

  const newCampaign = async (name: string): Promise<string> =>
    (await createCampaign(secretariat, survey, name, [networks.AAF.id], { closesAt: '2099-03-01T00:00:00.000Z' }))
      .campaignId;

  /** The e-mails as exported for sending by hand: recipient → subject and body with the link filled in. */
  async function exported(id: string): Promise<Map<string, { subject: string; body: string; link: string }>> {
    const csv = await secretariat.get(`/api/campaigns/${id}/outbox.csv`);
    expect(csv.status).toBe(200);
    const rows = parse<{ to: string; subject: string; link: string; body: string }>(csv.text, { columns: true });
    return new Map(rows.map((row) => [row.to, { subject: row.subject, body: row.body, link: row.link }]));
  }

  const snapshot = async (id: string) => ({
    wording: (await secretariat.get(`/api/campaigns/${id}/mail-wording`)).body as WordingBody,
    rows: await db.query('SELECT kind, language, subject, body FROM campaign_mail_wordings ORDER BY 1, 2'),
    audit: await db.query('SELECT count(*)::int AS n FROM audit_events WHERE subject = $1', [`campaign:${id}`]),
  });

  beforeAll(async () => {
    testApp = await createTestApp({ seedDemo: false });
    ({ admin, secretariat, survey, networks } = await surveyDesk(testApp, 'mail-wording'));
    committee = await createStaff(testApp, admin, 'committee');
    await addMembers(secretariat, networks.AAF.id, [
      { name: 'Amina Benali', email: 'amina.benali@example.org', country: 'Morocco', role: 'observer', language: 'fr' },
      { name: 'John Smith', email: 'john.smith@example.org', country: 'Ghana', role: 'observer', language: 'en' },
    ]);
    db = dataSourceOf(testApp);
  });
  afterAll(() => testApp.close());

  it('shows the default wording of every kind and language until the campaign sets its own', async () => {
    const id = await newCampaign('Defaults');
    const response = await secretariat.get(`/api/campaigns/${id}/mail-wording`);
    expect(response.status).toBe(200);
    const body = response.body as WordingBody;
    expect(body.placeholders).toEqual(['name', 'campaign', 'network', 'deadline', 'link']);
    expect(
      body.templates.map((template) => `${template.kind}/${template.language}/${String(template.custom)}`),
    ).toEqual([
      'invitation/en/false',
      'invitation/fr/false',
      'invitation/ru/false',
      'invitation/ar/false',
      'reminder/en/false',
      'reminder/fr/false',
      'reminder/ru/false',
      'reminder/ar/false',
    ]);
    expect(body.templates[0]).toEqual({
      kind: 'invitation',
      language: 'en',
      subject: 'Questionnaire: {{campaign}}',
      // The default wording itself; its exact text is pinned by the mail template unit tests.
      body: DEFAULT_MAIL_WORDING.en.invitation.body,
      custom: false,
      updatedAt: null,
    });
  });

  it("writes invitations and test e-mails with the campaign's own wording in that language, the default in others, audited", async () => {
    const id = await newCampaign('Own words');
    const set = await secretariat.put(`/api/campaigns/${id}/mail-wording/invitation/fr`).send(FRENCH_INVITATION);
    expect(set.status).toBe(200);
    const french = (set.body as WordingBody).templates.find(
      (template) => template.kind === 'invitation' && template.language === 'fr',
    );
    expect(french).toEqual({
      kind: 'invitation',
      language: 'fr',
      ...FRENCH_INVITATION,
      custom: true,
      updatedAt: expect.any(String),
    });
    expect((set.body as WordingBody).templates.filter((template) => template.custom)).toHaveLength(1);

    const audited = await admin.get(`/api/audit?subject=campaign:${id}&action=campaign.mail_wording_set`);
    expect(audited.body.map((event: { payload: unknown }) => event.payload)).toEqual([
      { kind: 'invitation', language: 'fr', ...FRENCH_INVITATION },
    ]);

    expect((await secretariat.post(`/api/campaigns/${id}/invitations/send`).send({})).body).toEqual({ queued: 2 });
    const links = new Map((await campaignLinks(secretariat, id)).map((link) => [link.email, link.url]));
    const mails = await exported(id);
    expect(mails.get('amina.benali@example.org')).toEqual({
      subject: 'African Atlantic Façade : consultation « Own words »',
      body: `Madame, Monsieur Amina Benali,\n\nMerci de répondre ici :\n${links.get('amina.benali@example.org')}\n\nMerci de répondre avant le 1 mars 2099.\nLe Secrétariat`,
      link: links.get('amina.benali@example.org'),
    });
    expect(mails.get('john.smith@example.org')).toEqual({
      subject: 'Questionnaire: Own words',
      body: withLink(
        renderMessage('invitation', 'en', {
          memberName: 'John Smith',
          campaignName: 'Own words',
          networkName: 'African Atlantic Façade',
          closesAt: new Date('2099-03-01T00:00:00.000Z'),
        }).body,
        links.get('john.smith@example.org') ?? '',
      ),
      link: links.get('john.smith@example.org'),
    });

    const test = await secretariat.post(`/api/campaigns/${id}/test-invitation`).send({ language: 'fr' });
    expect(test.status).toBe(201);
    const [testMail] = await db.query<Array<{ subject: string; body: string }>>(
      `SELECT subject, body FROM outbox WHERE campaign_id = $1 AND kind = 'test'`,
      [id],
    );
    expect(testMail?.subject).toBe('[Test] African Atlantic Façade : consultation « Own words »');
    expect(testMail?.body).toMatch(/^Madame, Monsieur Test secretariat,\n\nMerci de répondre ici :\n\{\{link\}\}\n/);
  });

  it('reminds with the own reminder wording; a reset goes back to the default and is audited once', async () => {
    const id = await newCampaign('Reminded');
    const own = { subject: 'Still open: {{campaign}}', body: '{{name}}, {{link}} {{deadline}}' };
    expect((await secretariat.put(`/api/campaigns/${id}/mail-wording/reminder/en`).send(own)).status).toBe(200);
    expect((await secretariat.post(`/api/campaigns/${id}/reminders`).send({})).body).toEqual({ queued: 2 });
    const links = new Map((await campaignLinks(secretariat, id)).map((link) => [link.email, link.url]));
    const mails = await exported(id);
    expect(mails.get('john.smith@example.org')?.subject).toBe('Still open: Reminded');
    expect(mails.get('john.smith@example.org')?.body).toBe(
      `John Smith, ${links.get('john.smith@example.org')} Please answer by March 1, 2099.`,
    );
    expect(mails.get('amina.benali@example.org')?.subject).toBe('Rappel : Reminded');

    const reset = await secretariat.delete(`/api/campaigns/${id}/mail-wording/reminder/en`);
    expect(reset.status).toBe(200);
    const english = (reset.body as WordingBody).templates.find(
      (template) => template.kind === 'reminder' && template.language === 'en',
    );
    expect(english).toEqual(
      expect.objectContaining({ subject: 'Reminder: {{campaign}}', custom: false, updatedAt: null }),
    );
    // Nothing left to reset: no change and no second event.
    expect((await secretariat.delete(`/api/campaigns/${id}/mail-wording/reminder/en`)).status).toBe(200);
    const audited = await admin.get(`/api/audit?subject=campaign:${id}&action=campaign.mail_wording_reset`);
    expect(audited.body.map((event: { payload: unknown }) => event.payload)).toEqual([
      { kind: 'reminder', language: 'en' },
    ]);
    // Messages already queued keep the wording they were written with.
    expect((await exported(id)).get('john.smith@example.org')?.subject).toBe('Still open: Reminded');
  });

  it('refuses unknown placeholders, a body without the link and malformed input with a 400 naming the problem, storing nothing', async () => {
    const id = await newCampaign('Refusals');
    expect(
      (await secretariat.put(`/api/campaigns/${id}/mail-wording/invitation/en`).send(FRENCH_INVITATION)).status,
    ).toBe(200);
    const before = await snapshot(id);
    const path = `/api/campaigns/${id}/mail-wording/invitation/en`;
    const invalid = (field: string, message: string) =>
      errorBody(400, 'bad_request', message, [{ field, messages: [message] }]);
    const cases: Array<[string, unknown, unknown]> = [
      [
        path,
        { subject: 'Hello', body: 'Dear {{first_name}}, {{link}}' },
        invalid('body', `body has an unknown placeholder {{first_name}}; ${KNOWN_IN_BODY}`),
      ],
      [
        path,
        { subject: 'Hello', body: 'Dear {{name}}, please answer.' },
        invalid('body', "body must contain {{link}}, where the member's personal link goes"),
      ],
      [
        path,
        { subject: 'Answer at {{link}}', body: '{{link}}' },
        invalid('subject', 'subject must not contain {{link}}: the personal link goes in the body'),
      ],
      [
        path,
        { subject: 'By {{date}}', body: '{{link}}' },
        invalid(
          'subject',
          'subject has an unknown placeholder {{date}}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}',
        ),
      ],
      [path, { subject: 'Two\nlines', body: '{{link}}' }, invalid('subject', 'subject must be one line')],
      [path, { subject: '   ', body: '{{link}}' }, invalid('subject', 'subject must not be blank')],
      [
        path,
        { subject: 'x'.repeat(201), body: '{{link}}' },
        invalid('subject', 'subject must be at most 200 characters'),
      ],
      [
        path,
        { subject: 'Hello', body: '{{link}}', sender: 'me' },
        invalid('sender', 'property sender should not exist'),
      ],
      [
        `/api/campaigns/${id}/mail-wording/test/en`,
        { subject: 'Hello', body: '{{link}}' },
        errorBody(400, 'bad_request', 'kind must be one of: invitation, reminder'),
      ],
      [
        `/api/campaigns/${id}/mail-wording/invitation/de`,
        { subject: 'Hello', body: '{{link}}' },
        errorBody(400, 'bad_request', 'language must be one of: en, fr, ru, ar'),
      ],
      [
        '/api/campaigns/00000000-0000-4000-8000-000000000000/mail-wording/invitation/en',
        { subject: 'Hello', body: '{{link}}' },
        errorBody(404, 'campaign_not_found', 'Campaign 00000000-0000-4000-8000-000000000000 not found'),
      ],
    ];
    for (const [target, input, expected] of cases) {
      const response = await secretariat.put(target).send(input as object);
      expect([target, input, response.body]).toEqual([target, input, expected]);
    }
    const both = await secretariat.put(path).send({ subject: '{{who}}', body: '{{what}}' });
    expect(both.status).toBe(400);
    expect(both.body.details).toEqual([
      {
        field: 'subject',
        messages: [
          'subject has an unknown placeholder {{who}}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}',
        ],
      },
      {
        field: 'body',
        messages: [
          `body has an unknown placeholder {{what}}; ${KNOWN_IN_BODY}`,
          "body must contain {{link}}, where the member's personal link goes",
        ],
      },
    ]);
    expect((await committee.put(path).send({ subject: 'Hello', body: '{{link}}' })).status).toBe(403);
    expect((await committee.delete(path)).status).toBe(403);
    expect((await committee.get(`/api/campaigns/${id}/mail-wording`)).status).toBe(403);
    expect((await testApp.http().put(path).send({ subject: 'Hello', body: '{{link}}' })).status).toBe(401);
    expect((await secretariat.delete(`/api/campaigns/${id}/mail-wording/invitation/xx`)).body.message).toBe(
      'language must be one of: en, fr, ru, ar',
    );
    expect(await snapshot(id)).toEqual(before);
  });
});
