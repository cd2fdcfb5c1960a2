import { DataSource } from 'typeorm';
import { useAppWithAdmin } from '../support/app-with-admin';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { cookieValue, createStaff, enabledUserBody, signIn } from '../support/staff-session';
import { errorBody } from '../support/api-error';

describe('staff authentication', () => {
  const rig = useAppWithAdmin();

  describe('login', () => {
    it('answers 200 with the user and sets an httpOnly session cookie and a readable csrf cookie', async () => {
      const response = await rig.testApp
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ user: enabledUserBody(ADMIN_EMAIL, 'Administrator', 'admin') });
      const cookies = response.headers['set-cookie'] as unknown as string[];
      const session = cookies.find((cookie) => cookie.startsWith('concord_session='));
      const csrf = cookies.find((cookie) => cookie.startsWith('csrf_token='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(csrf).not.toMatch(/HttpOnly/);
    });

    it('answers 401 with the same message for an unknown e-mail and a wrong password', async () => {
      const unknown = await rig.testApp
        .http()
        .post('/api/auth/login')
        .send({ email: 'nobody@example.org', password: 'whatever-password' });
      const wrong = await rig.testApp
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: 'wrong-password-123' });
      const expected = errorBody(401, 'invalid_credentials', 'Invalid email or password');
      expect([unknown.status, unknown.body]).toEqual([401, expected]);
      expect([wrong.status, wrong.body]).toEqual([401, expected]);
    });

    it('answers 400 naming the field when the e-mail is malformed', async () => {
      const response = await rig.testApp.http().post('/api/auth/login').send({ email: 'not-an-email', password: 'x' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        errorBody(400, 'bad_request', 'email must be an e-mail address', [
          { field: 'email', messages: ['email must be an e-mail address'] },
        ]),
      );
    });

    it('throttles repeated attempts for one e-mail with 429, and other accounts can still sign in', async () => {
      const target = { email: 'victim@example.org', password: 'guess-password' };
      for (let attempt = 1; attempt <= 10; attempt++) {
        const response = await rig.testApp.http().post('/api/auth/login').send(target);
        expect(response.status).toBe(401);
      }
      const blocked = await rig.testApp.http().post('/api/auth/login').send(target);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({
        statusCode: 429,
        error: 'Too Many Requests',
        code: 'rate_limited',
        message: expect.stringMatching(/^Too many sign-in attempts; try again in \d+ seconds$/),
      });
      expect(blocked.headers['retry-after-login']).toMatch(/^\d+$/);
      expect(blocked.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      const other = await rig.testApp
        .http()
        .post('/api/auth/login')
        .send({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
      expect(other.status).toBe(200);
    });
  });

  describe('me and logout', () => {
    it('me answers 401 without credentials', async () => {
      const response = await rig.testApp.http().get('/api/auth/me');
      expect(response.status).toBe(401);
      expect(response.body).toEqual(
        errorBody(401, 'unauthenticated', 'Sign in first: this needs a staff session or an API token'),
      );
    });

    it('me answers the signed-in user; after logout the same cookie is 401', async () => {
      const session = await signIn(rig.testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
      const me = await session.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
      const logout = await session.post('/api/auth/logout');
      expect(logout.status).toBe(204);
      const after = await session.get('/api/auth/me');
      expect(after.status).toBe(401);
      expect(after.body.message).toBe('Sign in first: this needs a staff session or an API token');
    });

    it('an expired session is 401; one used after ten minutes is extended to twelve hours; a disabled user is 401', async () => {
      const db = rig.testApp.app.get(DataSource);
      const staff = await createStaff(rig.testApp, rig.admin, 'committee');
      const expiry = async (): Promise<number> => {
        const [row] = await db.query<Array<{ ms: string }>>(
          `SELECT (extract(epoch FROM expires_at) * 1000)::bigint AS ms FROM sessions WHERE user_id = $1`,
          [staff.id],
        );
        return Number(row?.ms);
      };
      // Used within ten minutes of its start: not extended (no write per request).
      const first = await expiry();
      expect((await staff.get('/api/auth/me')).status).toBe(200);
      expect(await expiry()).toBe(first);
      // Eleven hours left: the next request extends it to twelve hours from now.
      await db.query(`UPDATE sessions SET expires_at = now() + interval '11 hours' WHERE user_id = $1`, [staff.id]);
      const before = Date.now();
      const me = await staff.get('/api/auth/me');
      expect([me.status, me.body.email, me.body.role]).toEqual([200, staff.email, 'committee']);
      const extended = await expiry();
      expect(extended).toBeGreaterThanOrEqual(before + 12 * 3_600_000 - 1_000);
      expect(extended).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000 + 1_000);
      // Disabled behind the API's back (the API also ends the sessions): the session no longer works.
      await db.query('UPDATE users SET disabled = true WHERE id = $1', [staff.id]);
      const disabled = await staff.get('/api/auth/me');
      expect([disabled.status, disabled.body]).toEqual([
        401,
        errorBody(401, 'unauthenticated', 'Your session has ended; sign in again'),
      ]);
      await db.query('UPDATE users SET disabled = false WHERE id = $1', [staff.id]);
      expect((await staff.get('/api/auth/me')).status).toBe(200);
      await db.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [staff.id]);
      const expired = await staff.get('/api/auth/me');
      expect([expired.status, expired.body]).toEqual([
        401,
        errorBody(401, 'unauthenticated', 'Your session has ended; sign in again'),
      ]);
    });

    it('logout without the CSRF header is 403 and the session survives', async () => {
      const session = await signIn(rig.testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
      const response = await session.agent.post('/api/auth/logout');
      expect(response.status).toBe(403);
      expect(response.body).toEqual(
        errorBody(
          403,
          'csrf_invalid',
          "Missing or invalid CSRF token: send the csrf_token cookie's value in the x-csrf-token header",
        ),
      );
      expect((await session.get('/api/auth/me')).status).toBe(200);
    });

    it('a CSRF header that differs from the session token is 403', async () => {
      const session = await signIn(rig.testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
      const response = await session.agent.post('/api/auth/logout').set('x-csrf-token', 'forged-token');
      expect(response.status).toBe(403);
    });
  });

  describe('roles', () => {
    it('answers 401 without credentials and 403 for the wrong role, exactly', async () => {
      const committee = await createStaff(rig.testApp, rig.admin, 'committee');
      const secretariat = await createStaff(rig.testApp, rig.admin, 'secretariat');
      const anonymous = await rig.testApp.http().get('/api/users');
      expect(anonymous.status).toBe(401);
      for (const staff of [committee, secretariat]) {
        const response = await staff.get('/api/users');
        expect(response.status).toBe(403);
        expect(response.body).toEqual(errorBody(403, 'forbidden', 'This action needs one of the roles: admin'));
        expect((await staff.get('/api/audit')).status).toBe(403);
        expect((await staff.get('/api/networks')).status).toBe(200);
      }
      expect((await rig.admin.get('/api/users')).status).toBe(200);
    });
  });

  describe('API tokens', () => {
    it('creates a token shown once, authenticates with it without CSRF, and revocation ends it', async () => {
      const secretariat = await createStaff(rig.testApp, rig.admin, 'secretariat');
      const created = await secretariat.post('/api/auth/tokens').send({ name: 'export script' });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'export script',
        token: expect.stringMatching(/^cnc_[\w-]{43}$/),
      });
      const token = created.body.token as string;

      const me = await rig.testApp.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect([me.status, me.body.email]).toEqual([200, secretariat.email]);
      const noCsrfNeeded = await rig.testApp
        .http()
        .post('/api/auth/tokens')
        .set('Authorization', `Bearer ${token}`)
        .send({ name: 'second' });
      expect(noCsrfNeeded.status).toBe(201);

      const listed = await secretariat.get('/api/auth/tokens');
      expect(listed.body.map((entry: { name: string }) => entry.name).sort()).toEqual(['export script', 'second']);
      expect(JSON.stringify(listed.body)).not.toContain(token);

      const revoked = await secretariat.delete(`/api/auth/tokens/${created.body.id}`);
      expect(revoked.status).toBe(204);
      const after = await rig.testApp.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect(after.status).toBe(401);
      expect(after.body).toEqual(errorBody(401, 'unauthenticated', 'Invalid or revoked API token'));
    });

    it('records when a token was last used (at most once a minute) and refuses the token of a disabled user', async () => {
      const db = rig.testApp.app.get(DataSource);
      const staff = await createStaff(rig.testApp, rig.admin, 'secretariat');
      const created = await staff.post('/api/auth/tokens').send({ name: 'nightly export' });
      const token = created.body.token as string;
      const lastUsed = async (): Promise<string | null> => {
        const [row] = await db.query<Array<{ at: string | null }>>(
          'SELECT last_used_at::text AS at FROM api_tokens WHERE id = $1',
          [created.body.id],
        );
        return row?.at ?? null;
      };
      expect(await lastUsed()).toBeNull();
      const me = () => rig.testApp.http().get('/api/auth/me').set('Authorization', `Bearer ${token}`);
      expect([(await me()).status, (await me()).body.email]).toEqual([200, staff.email]);
      const touched = await lastUsed();
      expect(touched).not.toBeNull();
      expect((await me()).status).toBe(200);
      expect(await lastUsed()).toBe(touched);
      await db.query(`UPDATE api_tokens SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [
        created.body.id,
      ]);
      const stale = await lastUsed();
      expect((await me()).status).toBe(200);
      expect(await lastUsed()).not.toBe(stale);

      await db.query('UPDATE users SET disabled = true WHERE id = $1', [staff.id]);
      const refused = await me();
      expect([refused.status, refused.body]).toEqual([
        401,
        errorBody(401, 'unauthenticated', 'Invalid or revoked API token'),
      ]);
    });

    it('revoking another user’s token is 404 and the token keeps working', async () => {
      const owner = await createStaff(rig.testApp, rig.admin, 'committee');
      const created = await owner.post('/api/auth/tokens').send({ name: 'mine' });
      const response = await rig.admin.delete(`/api/auth/tokens/${created.body.id}`);
      expect(response.status).toBe(404);
      expect(response.body.message).toBe(`API token ${created.body.id} not found`);
      const me = await rig.testApp.http().get('/api/auth/me').set('Authorization', `Bearer ${created.body.token}`);
      expect(me.status).toBe(200);
    });

    it('rejects a token name that is missing or too long with 400', async () => {
      const empty = await rig.admin.post('/api/auth/tokens').send({});
      expect(empty.status).toBe(400);
      expect(empty.body.message).toBe('name must be longer than or equal to 1 characters; name must be a string');
      const long = await rig.admin.post('/api/auth/tokens').send({ name: 'x'.repeat(101) });
      expect(long.status).toBe(400);
      expect(long.body.message).toBe('name must be shorter than or equal to 100 characters');
    });

    it('a malformed token id is 400 naming the parameter', async () => {
      const response = await rig.admin.delete('/api/auth/tokens/not-a-uuid');
      expect(response.status).toBe(400);
      expect(response.body).toEqual(errorBody(400, 'bad_request', 'id must be a UUID'));
    });
  });

  it('exposes the csrf cookie value through cookieValue (helper sanity)', () => {
    expect(cookieValue(['a=1; Path=/', 'csrf_token=abc%3D; Path=/'], 'csrf_token')).toBe('abc=');
  });
});
