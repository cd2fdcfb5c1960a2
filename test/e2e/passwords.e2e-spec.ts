import { startSmtp, type TestSmtpServer, waitForMail } from '../support/smtp-server';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, TestClock, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

const HOUR_MS = 60 * 60 * 1000;
const TOKEN_REVOKED = errorBody(401, 'unauthenticated', 'Invalid or revoked API token');
const SESSION_ENDED = errorBody(401, 'unauthenticated', 'Your session has ended; sign in again');
const RESET_LINK_INVALID = 'This password reset link is invalid, already used or expired; ask for a new one';
const INVALID_RESET_BODY = errorBody(400, 'bad_request', RESET_LINK_INVALID, [
  { field: 'token', messages: [RESET_LINK_INVALID] },
]);

interface AuditEvent {
  action: string;
  subject: string | null;
  actorEmail: string | null;
  payload: Record<string, unknown>;
}

describe('passwords and API tokens', () => {
  let testApp: TestApp;
  let smtp: TestSmtpServer;
  const clock = new TestClock();
  let admin: StaffSession;

  beforeAll(async () => {
    smtp = await startSmtp();
    testApp = await createTestApp(
      { smtpUrl: smtp.url, mailFrom: 'Concord <concord@example.org>', publicUrl: 'https://concord.example.org' },
      undefined,
      { clock },
    );
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.close();
    await smtp?.close();
  });

  async function auditEvents(query: string): Promise<AuditEvent[]> {
    const response = await admin.get(`/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body as AuditEvent[];
  }

  async function createToken(session: StaffSession, name: string): Promise<{ id: string; token: string }> {
    const response = await session.post('/api/auth/tokens').send({ name });
    expect(response.status).toBe(201);
    return response.body as { id: string; token: string };
  }

  const withToken = (token: string) => testApp.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);

  describe('changing your own password', () => {
    it('answers 204, ends your other sessions, keeps this one and your API tokens', async () => {
      const user = await createStaff(testApp, admin, 'secretariat');
      const otherSession = await signIn(testApp, user.email, 'Password-for-secretariat-123');
      const token = await createToken(user, 'script');
      const response = await user
        .post('/api/auth/password')
        .send({ currentPassword: 'Password-for-secretariat-123', newPassword: 'A-brand-new-password-1' });
      expect([response.status, response.text]).toEqual([204, '']);
      expect((await user.get('/api/auth/me')).status).toBe(200);
      const ended = await otherSession.get('/api/auth/me');
      expect([ended.status, ended.body]).toEqual([401, SESSION_ENDED]);
      expect((await withToken(token.token)).status).toBe(200);
      const oldLogin = await testApp
        .http()
        .post('/api/auth/login')
        .send({ email: user.email, password: 'Password-for-secretariat-123' });
      expect(oldLogin.status).toBe(401);
      await signIn(testApp, user.email, 'A-brand-new-password-1');
      const [event] = await auditEvents(`subject=user:${user.id}&action=auth.password_changed`);
      expect(event).toMatchObject({
        actorEmail: user.email,
        payload: { via: 'session', sessionsEnded: 1 },
      });
    });

    it('answers 400 naming currentPassword when it is wrong, changes nothing and audits the attempt', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const response = await user
        .post('/api/auth/password')
        .send({ currentPassword: 'not-my-password', newPassword: 'A-brand-new-password-1' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        errorBody(400, 'bad_request', 'currentPassword is not your current password', [
          { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
        ]),
      );
      await signIn(testApp, user.email, 'Password-for-committee-123');
      expect((await user.get('/api/auth/me')).status).toBe(200);
      const events = await auditEvents(`subject=user:${user.id}&action=auth.password_change_failed`);
      expect(events).toHaveLength(1);
    });

    it('answers 400 naming newPassword when it is too short', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const response = await user
        .post('/api/auth/password')
        .send({ currentPassword: 'Password-for-committee-123', newPassword: 'short' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        errorBody(400, 'bad_request', 'newPassword must be 12 to 1024 characters long', [
          { field: 'newPassword', messages: ['newPassword must be 12 to 1024 characters long'] },
        ]),
      );
    });

    it('answers 401 without a session and 403 without the CSRF header', async () => {
      const body = { currentPassword: 'whatever-password', newPassword: 'A-brand-new-password-1' };
      const anonymous = await testApp.http().post('/api/auth/password').send(body);
      expect(anonymous.status).toBe(401);
      const user = await createStaff(testApp, admin, 'committee');
      const noCsrf = await user.agent.post('/api/auth/password').send(body);
      expect(noCsrf.status).toBe(403);
    });
  });

  describe("an admin's reset, disable and enable", () => {
    it('a token made before an admin reset answers 401 after it, and stays 401 after disable and enable', async () => {
      const user = await createStaff(testApp, admin, 'secretariat');
      const token = await createToken(user, 'nightly export');
      expect((await withToken(token.token)).status).toBe(200);

      const reset = await admin.patch(`/api/users/${user.id}`).send({ password: 'Reset-by-the-admin-1' });
      expect(reset.status).toBe(200);
      const afterReset = await withToken(token.token);
      expect([afterReset.status, afterReset.body]).toEqual([401, TOKEN_REVOKED]);
      const session = await user.get('/api/auth/me');
      expect([session.status, session.body]).toEqual([401, SESSION_ENDED]);

      expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
      expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: false })).status).toBe(200);
      const afterEnable = await withToken(token.token);
      expect([afterEnable.status, afterEnable.body]).toEqual([401, TOKEN_REVOKED]);
      expect((await admin.get(`/api/users/${user.id}/tokens`)).body).toEqual([]);
      await signIn(testApp, user.email, 'Reset-by-the-admin-1');

      // Newest first: the enable, then the disable, then the reset.
      const events = await auditEvents(`subject=user:${user.id}&action=user.updated`);
      expect(events.map((each) => each.payload)).toEqual([
        {
          before: { name: 'Test secretariat', role: 'secretariat', disabled: true },
          after: { name: 'Test secretariat', role: 'secretariat', disabled: false },
          passwordReset: false,
          sessionsEnded: 0,
          tokensRevoked: 0,
        },
        {
          before: { name: 'Test secretariat', role: 'secretariat', disabled: false },
          after: { name: 'Test secretariat', role: 'secretariat', disabled: true },
          passwordReset: false,
          sessionsEnded: 0,
          tokensRevoked: 0,
        },
        {
          before: { name: 'Test secretariat', role: 'secretariat', disabled: false },
          after: { name: 'Test secretariat', role: 'secretariat', disabled: false },
          passwordReset: true,
          sessionsEnded: 1,
          tokensRevoked: 1,
        },
      ]);
      expect(events.map((each) => each.actorEmail)).toEqual([ADMIN_EMAIL, ADMIN_EMAIL, ADMIN_EMAIL]);
    });

    it('disabling revokes every token for good', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const token = await createToken(user, 'reader');
      expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: true })).status).toBe(200);
      expect((await admin.patch(`/api/users/${user.id}`).send({ disabled: false })).status).toBe(200);
      const response = await withToken(token.token);
      expect([response.status, response.body]).toEqual([401, TOKEN_REVOKED]);
    });
  });

  describe("an admin lists and revokes another user's tokens", () => {
    it('lists them without the secret, revokes one (204) and it answers 401 at once', async () => {
      const user = await createStaff(testApp, admin, 'secretariat');
      const first = await createToken(user, 'first');
      const second = await createToken(user, 'second');
      const list = await admin.get(`/api/users/${user.id}/tokens`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        { id: second.id, name: 'second', createdAt: expect.any(String), lastUsedAt: null },
        { id: first.id, name: 'first', createdAt: expect.any(String), lastUsedAt: null },
      ]);

      const revoked = await admin.delete(`/api/users/${user.id}/tokens/${first.id}`);
      expect([revoked.status, revoked.text]).toEqual([204, '']);
      expect((await withToken(first.token)).status).toBe(401);
      expect((await withToken(second.token)).status).toBe(200);
      const again = await admin.delete(`/api/users/${user.id}/tokens/${first.id}`);
      expect([again.status, again.body]).toEqual([404, errorBody(404, 'not_found', `API token ${first.id} not found`)]);
      const [event] = await auditEvents(`subject=user:${user.id}&action=auth.token_revoked`);
      expect(event).toMatchObject({ actorEmail: ADMIN_EMAIL, payload: { tokenId: first.id } });
    });

    it("does not revoke a token through another user's path", async () => {
      const owner = await createStaff(testApp, admin, 'secretariat');
      const other = await createStaff(testApp, admin, 'committee');
      const token = await createToken(owner, 'mine');
      const response = await admin.delete(`/api/users/${other.id}/tokens/${token.id}`);
      expect(response.status).toBe(404);
      expect((await withToken(token.token)).status).toBe(200);
    });

    it('answers 403 to non-admins, 404 for an unknown user and 400 for a malformed id', async () => {
      const user = await createStaff(testApp, admin, 'secretariat');
      const forbidden = await user.get(`/api/users/${user.id}/tokens`);
      expect([forbidden.status, forbidden.body]).toEqual([
        403,
        errorBody(403, 'forbidden', 'This action needs one of the roles: admin'),
      ]);
      const unknownId = '00000000-0000-4000-8000-000000000000';
      const unknown = await admin.get(`/api/users/${unknownId}/tokens`);
      expect([unknown.status, unknown.body]).toEqual([404, errorBody(404, 'not_found', `User ${unknownId} not found`)]);
      const malformed = await admin.delete(`/api/users/${user.id}/tokens/not-a-uuid`);
      expect([malformed.status, malformed.body]).toEqual([
        400,
        errorBody(400, 'bad_request', 'tokenId must be a UUID'),
      ]);
    });
  });

  describe('forgotten password by e-mail', () => {
    const resetLink = /^https:\/\/concord\.example\.org\/reset-password#token=([\w-]+)$/m;

    async function requestLink(email: string): Promise<string> {
      const before = smtp.received.length;
      const response = await testApp.http().post('/api/auth/password-reset').send({ email });
      expect([response.status, response.text]).toEqual([202, '']);
      const mail = await waitForMail(
        smtp,
        (candidate) => smtp.received.indexOf(candidate) >= before && candidate.to.includes(email),
      );
      expect(mail.subject).toBe('Reset your Concord password');
      const match = resetLink.exec(mail.text);
      if (match === null) throw new Error(`No reset link in: ${mail.text}`);
      return match[1];
    }

    const confirm = (token: string, newPassword: string) =>
      testApp.http().post('/api/auth/password-reset/confirm').send({ token, newPassword });

    it('answers 202 with the same empty body for an unknown address, and sends nothing', async () => {
      const before = smtp.received.length;
      const response = await testApp.http().post('/api/auth/password-reset').send({ email: 'nobody@example.org' });
      expect([response.status, response.text]).toEqual([202, '']);
      // A known address sent just after is delivered; nothing went to the unknown one meanwhile.
      const user = await createStaff(testApp, admin, 'committee');
      await requestLink(user.email);
      expect(smtp.received.slice(before).flatMap((mail) => mail.to)).toEqual([user.email]);
    });

    it('sets a new password with the link (204), ends every session, and the link works once', async () => {
      const user = await createStaff(testApp, admin, 'secretariat');
      const token = await createToken(user, 'kept');
      const secret = await requestLink(user.email);
      const response = await confirm(secret, 'Chosen-after-reset-1');
      expect([response.status, response.text]).toEqual([204, '']);
      const session = await user.get('/api/auth/me');
      expect([session.status, session.body]).toEqual([401, SESSION_ENDED]);
      // The contract ends sessions on this path; API tokens stay.
      expect((await withToken(token.token)).status).toBe(200);
      await signIn(testApp, user.email, 'Chosen-after-reset-1');

      const reused = await confirm(secret, 'Another-password-12');
      expect([reused.status, reused.body]).toEqual([400, INVALID_RESET_BODY]);
      await signIn(testApp, user.email, 'Chosen-after-reset-1');

      const actions = (await auditEvents(`subject=user:${user.id}`)).map((event) => event.action);
      expect(actions.slice(0, 5)).toEqual([
        'auth.login',
        'auth.login',
        'auth.password_reset_completed',
        'auth.password_reset_requested',
        'auth.token_created',
      ]);
    });

    it('refuses a link after one hour, on the test clock', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const secret = await requestLink(user.email);
      clock.advance(HOUR_MS + 1);
      const response = await confirm(secret, 'Too-late-password-1');
      expect([response.status, response.body]).toEqual([400, INVALID_RESET_BODY]);
      await signIn(testApp, user.email, 'Password-for-committee-123');
    });

    it('accepts a link just before the hour is up', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const secret = await requestLink(user.email);
      clock.advance(HOUR_MS - 1_000);
      expect((await confirm(secret, 'Just-in-time-password-1')).status).toBe(204);
    });

    it('a newer link replaces the older one', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      const older = await requestLink(user.email);
      const newer = await requestLink(user.email);
      expect((await confirm(older, 'Older-link-password-1')).body).toEqual(INVALID_RESET_BODY);
      expect((await confirm(newer, 'Newer-link-password-1')).status).toBe(204);
    });

    it('answers 400 for an unknown token and a short password, naming the field', async () => {
      const unknown = await confirm('made-up-token', 'Long-enough-password-1');
      expect([unknown.status, unknown.body]).toEqual([400, INVALID_RESET_BODY]);
      const short = await confirm('made-up-token', 'short');
      expect([short.status, short.body]).toEqual([
        400,
        errorBody(400, 'bad_request', 'newPassword must be 12 to 1024 characters long', [
          { field: 'newPassword', messages: ['newPassword must be 12 to 1024 characters long'] },
        ]),
      ]);
      const badEmail = await testApp.http().post('/api/auth/password-reset').send({ email: 'not-an-email' });
      expect([badEmail.status, badEmail.body.message]).toEqual([400, 'email must be an e-mail address']);
    });
  });

  describe('failed sign-ins', () => {
    it('are audited with the address tried and the reason', async () => {
      const user = await createStaff(testApp, admin, 'committee');
      await testApp.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password-1' });
      await testApp.http().post('/api/auth/login').send({ email: 'Ghost@Example.org', password: 'whatever-1' });
      const events = await auditEvents('action=auth.login_failed&limit=2');
      expect(events.map(({ subject, actorEmail, payload }) => ({ subject, actorEmail, payload }))).toEqual([
        { subject: null, actorEmail: null, payload: { email: 'ghost@example.org', reason: 'unknown_email' } },
        { subject: `user:${user.id}`, actorEmail: null, payload: { email: user.email, reason: 'wrong_password' } },
      ]);
    });
  });
});
