import * as OTPAuth from 'otpauth';
import { DataSource } from 'typeorm';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, TestClock, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

// Codes are computed here with the same library at the test clock's time: the server reads the
// time from its clock provider, which the test moves, so no code depends on when the test runs.
const START = new Date('2026-03-02T09:00:10.000Z');
const STEP_MS = 30_000;
const RECOVERY_CODE = /^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/;

const TOTP_REQUIRED = errorBody(
  401,
  'totp_required',
  'This account uses two-factor sign-in: send the code from your authenticator app as totp',
  { totpRequired: true },
);
const TOTP_INVALID = errorBody(401, 'totp_invalid', 'The code is wrong, expired or already used', {
  totpRequired: true,
});
const WRONG_CODE = 'code is not the current code of your authenticator app';
const WRONG_CODE_BODY = errorBody(400, 'bad_request', WRONG_CODE, [{ field: 'code', messages: [WRONG_CODE] }]);
const ENROLMENT_REQUIRED = {
  statusCode: 403,
  error: 'Forbidden',
  code: 'totp_enrolment_required',
  message:
    'Your role requires two-factor sign-in: set it up (POST /api/auth/totp/setup, then /enable) before anything else',
};

interface AuditEvent {
  action: string;
  subject: string | null;
  actorEmail: string | null;
  payload: Record<string, unknown>;
}

function codeAt(secret: string, at: Date): string {
  return new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({ timestamp: at.getTime() });
}

describe('two-factor sign-in (TOTP)', () => {
  let testApp: TestApp;
  const clock = new TestClock(START);
  let admin: StaffSession;

  beforeAll(async () => {
    testApp = await createTestApp({}, undefined, { clock });
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.close();
  });

  const login = (body: Record<string, string>) => testApp.http().post('/api/auth/login').send(body);

  async function auditEvents(query: string): Promise<AuditEvent[]> {
    const response = await admin.get(`/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body as AuditEvent[];
  }

  /** Sets up and confirms TOTP for the session's user; answers the secret and the recovery codes. */
  async function enrol(session: StaffSession): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await session.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const secret = (setup.body as { secret: string }).secret;
    const enabled = await session.post('/api/auth/totp/enable').send({ code: codeAt(secret, clock.now()) });
    expect(enabled.status).toBe(200);
    return { secret, recoveryCodes: (enabled.body as { recoveryCodes: string[] }).recoveryCodes };
  }

  it('sets up with a secret, its otpauth URL and an SVG QR code; a first code confirms it', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'secretariat', 'two-factor-setup@example.org');
    expect((await user.get('/api/auth/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });

    const setup = await user.post('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const body = setup.body as { secret: string; otpauthUrl: string; qrCode: string };
    expect(Object.keys(body).sort()).toEqual(['otpauthUrl', 'qrCode', 'secret']);
    expect(body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(body.otpauthUrl).toBe(
      `otpauth://totp/Concord:two-factor-setup%40example.org?issuer=Concord&secret=${body.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(body.qrCode.split(',')[1], 'base64').toString('utf8')).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    // Not on until confirmed: signing in still needs only the password.
    expect((await login({ email: user.email, password: 'Password-for-secretariat-123' })).status).toBe(200);

    const wrong = await user
      .post('/api/auth/totp/enable')
      .send({ code: codeAt(body.secret, new Date(START.getTime() - 5 * STEP_MS)) });
    expect([wrong.status, wrong.body]).toEqual([400, WRONG_CODE_BODY]);

    const enabled = await user.post('/api/auth/totp/enable').send({ code: codeAt(body.secret, clock.now()) });
    expect(enabled.status).toBe(200);
    const recoveryCodes = (enabled.body as { recoveryCodes: string[] }).recoveryCodes;
    expect(Object.keys(enabled.body as object)).toEqual(['recoveryCodes']);
    expect(recoveryCodes).toHaveLength(10);
    for (const code of recoveryCodes) expect(code).toMatch(RECOVERY_CODE);
    expect(new Set(recoveryCodes).size).toBe(10);

    expect((await user.get('/api/auth/totp')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    const again = await user.post('/api/auth/totp/setup');
    expect([again.status, again.body]).toEqual([
      409,
      errorBody(409, 'totp_already_enabled', 'Two-factor sign-in is already on; turn it off first'),
    ]);

    // The secret is stored sealed and never answered again; recovery codes are argon2 hashes.
    const dataSource = testApp.app.get(DataSource);
    const [row] = await dataSource.query<Array<{ totp_secret: string; totp_pending_secret: string | null }>>(
      'SELECT totp_secret, totp_pending_secret FROM users WHERE email = $1',
      [user.email],
    );
    expect(row.totp_secret).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(row.totp_secret).not.toContain(body.secret);
    expect(row.totp_pending_secret).toBeNull();
    const hashes = await dataSource.query<Array<{ code_hash: string }>>(
      'SELECT code_hash FROM totp_recovery_codes c JOIN users u ON u.id = c.user_id WHERE u.email = $1',
      [user.email],
    );
    expect(hashes).toHaveLength(10);
    for (const { code_hash } of hashes) expect(code_hash).toMatch(/^\$argon2id\$/);
    const users = await admin.get('/api/users');
    for (const listed of users.body as object[]) {
      expect(Object.keys(listed).sort()).toEqual(['createdAt', 'disabled', 'email', 'id', 'name', 'role']);
    }
    expect(JSON.stringify((await user.get('/api/auth/totp')).body)).not.toContain(body.secret);

    const events = await auditEvents(`subject=user:${user.id}`);
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(['auth.totp_setup_started', 'auth.totp_failed', 'auth.totp_enabled']),
    );
    expect(events.find((event) => event.action === 'auth.totp_failed')?.payload).toEqual({ during: 'enable' });
  });

  it('then needs the code at sign-in: 401 totpRequired without it, 401 for a wrong or replayed code, 200 with it', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'committee', 'two-factor-login@example.org');
    const { secret } = await enrol(user);
    const password = 'Password-for-committee-123';

    const missing = await login({ email: user.email, password });
    expect([missing.status, missing.body]).toEqual([401, TOTP_REQUIRED]);
    expect(missing.headers['set-cookie']).toBeUndefined();
    // A wrong password still says only that, whatever the code.
    const wrongPassword = await login({ email: user.email, password: 'not-it', totp: codeAt(secret, clock.now()) });
    expect([wrongPassword.status, wrongPassword.body.code]).toEqual([401, 'invalid_credentials']);

    // The code that confirmed the set-up was used: the same step's code does not work twice.
    const replayed = await login({ email: user.email, password, totp: codeAt(secret, clock.now()) });
    expect([replayed.status, replayed.body]).toEqual([401, TOTP_INVALID]);
    expect(replayed.headers['set-cookie']).toBeUndefined();

    clock.advance(STEP_MS);
    const tooOld = await login({
      email: user.email,
      password,
      totp: codeAt(secret, new Date(clock.now().getTime() - 2 * STEP_MS)),
    });
    expect([tooOld.status, tooOld.body]).toEqual([401, TOTP_INVALID]);
    const signedIn = await login({ email: user.email, password, totp: codeAt(secret, clock.now()) });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toEqual({ user: expect.objectContaining({ email: user.email, role: 'committee' }) });
    expect(String(signedIn.headers['set-cookie'])).toContain('concord_session=');

    // One step of drift either way is accepted (RFC 6238 5.2): the previous step's code, typed late.
    clock.advance(2 * STEP_MS);
    const late = await login({
      email: user.email,
      password,
      totp: codeAt(secret, new Date(clock.now().getTime() - STEP_MS)).replace(/^(\d{3})/, '$1 '),
    });
    expect(late.status).toBe(200);

    const logins = (await auditEvents(`subject=user:${user.id}&action=auth.login`)).map((event) => event.payload);
    expect(logins[0]).toEqual({ sessionId: expect.any(String), secondFactor: 'totp' });
    const failures = await auditEvents(`subject=user:${user.id}&action=auth.totp_failed`);
    expect(failures.map((event) => [event.actorEmail, event.payload])).toEqual([
      [null, { during: 'sign_in' }],
      [null, { during: 'sign_in' }],
    ]);
  });

  it('accepts each recovery code once, in any case and without dashes', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'secretariat', 'two-factor-recovery@example.org');
    const { recoveryCodes } = await enrol(user);
    const password = 'Password-for-secretariat-123';

    const typed = recoveryCodes[3].toUpperCase().replace(/-/g, ' ');
    const first = await login({ email: user.email, password, totp: typed });
    expect(first.status).toBe(200);
    const second = await login({ email: user.email, password, totp: recoveryCodes[3] });
    expect([second.status, second.body]).toEqual([401, TOTP_INVALID]);
    const other = await login({ email: user.email, password, totp: recoveryCodes[7] });
    expect(other.status).toBe(200);
    expect((await user.get('/api/auth/totp')).body).toEqual({ enabled: true, required: false, recoveryCodesLeft: 8 });

    const used = await auditEvents(`subject=user:${user.id}&action=auth.totp_recovery_code_used`);
    expect(used.map((event) => [event.actorEmail, event.payload])).toEqual([
      [user.email, { recoveryCodesLeft: 8 }],
      [user.email, { recoveryCodesLeft: 9 }],
    ]);
    const logins = await auditEvents(`subject=user:${user.id}&action=auth.login`);
    expect(logins[0].payload).toEqual({ sessionId: expect.any(String), secondFactor: 'recovery_code' });
  });

  it('turns off only with the password or a current code; then the password alone signs in again', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'secretariat', 'two-factor-disable@example.org');
    const { secret } = await enrol(user);
    clock.advance(STEP_MS);

    const nothing = await user.post('/api/auth/totp/disable').send({});
    const needProof = 'Send your password or a current code to turn two-factor sign-in off';
    expect([nothing.status, nothing.body]).toEqual([
      400,
      errorBody(400, 'bad_request', needProof, [{ field: 'password', messages: [needProof] }]),
    ]);
    const wrongPassword = await user.post('/api/auth/totp/disable').send({ password: 'not-my-password' });
    const notPassword = 'password is not your current password';
    expect([wrongPassword.status, wrongPassword.body]).toEqual([
      400,
      errorBody(400, 'bad_request', notPassword, [{ field: 'password', messages: [notPassword] }]),
    ]);
    const wrongCode = await user
      .post('/api/auth/totp/disable')
      .send({ code: '000000' === codeAt(secret, clock.now()) ? '111111' : '000000' });
    expect([wrongCode.status, wrongCode.body]).toEqual([400, WRONG_CODE_BODY]);

    const off = await user.post('/api/auth/totp/disable').send({ code: codeAt(secret, clock.now()) });
    expect([off.status, off.text]).toEqual([204, '']);
    expect((await user.get('/api/auth/totp')).body).toEqual({ enabled: false, required: false, recoveryCodesLeft: 0 });
    const again = await user.post('/api/auth/totp/disable').send({ password: 'Password-for-secretariat-123' });
    expect([again.status, again.body]).toEqual([
      409,
      errorBody(409, 'totp_not_enabled', 'Two-factor sign-in is not on'),
    ]);
    expect((await login({ email: user.email, password: 'Password-for-secretariat-123' })).status).toBe(200);
    const disabled = await auditEvents(`subject=user:${user.id}&action=auth.totp_disabled`);
    expect(disabled.map((event) => event.payload)).toEqual([{ via: 'session', by: 'code' }]);
  });

  it('an admin can turn it off for a user who lost their phone; others get 403', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'committee', 'two-factor-lost@example.org');
    await enrol(user);
    const forbidden = await user.delete(`/api/users/${user.id}/totp`);
    expect(forbidden.status).toBe(403);
    const done = await admin.delete(`/api/users/${user.id}/totp`);
    expect([done.status, done.text]).toEqual([204, '']);
    expect((await login({ email: user.email, password: 'Password-for-committee-123' })).status).toBe(200);
    const twice = await admin.delete(`/api/users/${user.id}/totp`);
    expect([twice.status, twice.body.code]).toEqual([409, 'totp_not_enabled']);
    const events = await auditEvents(`subject=user:${user.id}&action=auth.totp_disabled`);
    expect(events.map((event) => [event.actorEmail, event.payload])).toEqual([[ADMIN_EMAIL, { by: 'admin' }]]);
  });

  it('throttles wrong codes at sign-in like wrong passwords', async () => {
    clock.set(START);
    const user = await createStaff(testApp, admin, 'committee', 'two-factor-throttle@example.org');
    const { secret } = await enrol(user);
    const password = 'Password-for-committee-123';
    const wrong = codeAt(secret, new Date(START.getTime() + 10 * STEP_MS));
    // createStaff signed in once within this minute.
    for (let attempt = 2; attempt <= 10; attempt++) {
      expect((await login({ email: user.email, password, totp: wrong })).status).toBe(401);
    }
    const blocked = await login({
      email: user.email,
      password,
      totp: codeAt(secret, new Date(clock.now().getTime() + STEP_MS)),
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('rate_limited');
    expect(blocked.headers['retry-after']).toMatch(/^[1-9]\d*$/);
  });

  describe('a policy requiring it for chosen roles', () => {
    afterAll(async () => {
      await admin.put('/api/auth/totp/policy').send({ requiredRoles: [] });
    });

    it('only admins read and set it; unknown roles answer 400', async () => {
      expect((await admin.get('/api/auth/totp/policy')).body).toEqual({ requiredRoles: [] });
      const staff = await createStaff(testApp, admin, 'secretariat');
      expect((await staff.get('/api/auth/totp/policy')).status).toBe(403);
      expect((await staff.put('/api/auth/totp/policy').send({ requiredRoles: [] })).status).toBe(403);
      const bad = await admin.put('/api/auth/totp/policy').send({ requiredRoles: ['committee', 'chair'] });
      const message = 'requiredRoles must hold only admin, secretariat, committee';
      expect([bad.status, bad.body]).toEqual([
        400,
        errorBody(400, 'bad_request', message, [{ field: 'requiredRoles', messages: [message] }]),
      ]);
      const set = await admin
        .put('/api/auth/totp/policy')
        .send({ requiredRoles: ['secretariat', 'committee', 'committee'] });
      expect([set.status, set.body]).toEqual([200, { requiredRoles: ['committee', 'secretariat'] }]);
      expect((await admin.get('/api/auth/totp/policy')).body).toEqual({ requiredRoles: ['committee', 'secretariat'] });
      await admin.put('/api/auth/totp/policy').send({ requiredRoles: [] });
      const changed = await auditEvents('action=auth.totp_policy_changed');
      expect(changed.slice(0, 2).map((event) => event.payload)).toEqual([
        { requiredRoles: [] },
        { requiredRoles: ['committee', 'secretariat'] },
      ]);
    });

    it('makes users of those roles set it up at their next sign-in before anything else works', async () => {
      clock.set(START);
      const member = await createStaff(testApp, admin, 'committee', 'two-factor-required@example.org');
      const other = await createStaff(testApp, admin, 'secretariat', 'two-factor-not-required@example.org');
      expect((await admin.put('/api/auth/totp/policy').send({ requiredRoles: ['committee'] })).status).toBe(200);

      const session = await signIn(testApp, member.email, 'Password-for-committee-123');
      const response = await login({ email: member.email, password: 'Password-for-committee-123' });
      expect(response.body).toEqual({
        user: expect.objectContaining({ email: member.email }),
        totpEnrolmentRequired: true,
      });
      const blocked = await session.get('/api/networks');
      expect([blocked.status, blocked.body]).toEqual([403, ENROLMENT_REQUIRED]);
      expect((await session.post('/api/auth/tokens').send({ name: 'x' })).body).toEqual(ENROLMENT_REQUIRED);
      expect((await session.get('/api/auth/me')).status).toBe(200);
      expect((await session.get('/api/auth/totp')).body).toEqual({
        enabled: false,
        required: true,
        recoveryCodesLeft: 0,
      });
      // Other roles are untouched.
      expect((await other.get('/api/networks')).status).toBe(200);

      await enrol(session);
      expect((await session.get('/api/networks')).status).toBe(200);
      clock.advance(STEP_MS);
      const next = await login({ email: member.email, password: 'Password-for-committee-123' });
      expect([next.status, next.body]).toEqual([401, TOTP_REQUIRED]);
    });
  });
});
