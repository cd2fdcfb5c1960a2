import request from 'supertest';
import { startOidcProvider, signInAtProvider, type TestOidcProvider } from '../support/oidc-provider';
import { enabledUserBody, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

// Single sign-on through a real OpenID Connect provider (oidc-provider, in a child process on a
// free port): Concord discovers it, sends the browser there, and the test fills the provider's
// own login and consent forms over HTTP, as a browser would.
const REDIRECT_URL = 'http://localhost:3000/api/auth/oidc/callback';
const CLIENT_SECRET = 'a-client-secret-for-the-test-provider';
const ROLE_MAP = {
  'concord-admin': 'admin',
  'concord-secretariat': 'secretariat',
  'concord-drafting': 'committee',
} as const;

interface AuditEvent {
  action: string;
  subject: string | null;
  actorEmail: string | null;
  payload: Record<string, unknown>;
}

describe('single sign-on with OpenID Connect', () => {
  let provider: TestOidcProvider;
  let testApp: TestApp;
  let admin: StaffSession;

  beforeAll(async () => {
    provider = await startOidcProvider({
      clientId: 'concord',
      clientSecret: CLIENT_SECRET,
      redirectUri: REDIRECT_URL,
      accounts: {
        amina: {
          email: 'Amina@Example.org',
          email_verified: true,
          name: 'Amina Diallo',
          roles: ['staff', 'concord-drafting'],
        },
        chief: {
          email: ADMIN_EMAIL,
          email_verified: true,
          name: 'The Chief',
          roles: ['concord-drafting', 'concord-admin'],
        },
        demoted: { email: ADMIN_EMAIL, email_verified: true, name: 'The Chief', roles: ['concord-drafting'] },
        mallory: { email: 'mallory@example.org', email_verified: true, name: 'Mallory', roles: ['contractors'] },
        anonymous: { name: 'No Address', roles: ['concord-secretariat'] },
        bruno: { email: 'bruno@example.org', email_verified: true, name: 'Bruno Costa', roles: 'concord-secretariat' },
      },
    });
    testApp = await createTestApp({
      oidc: {
        issuer: provider.issuer,
        clientId: 'concord',
        clientSecret: CLIENT_SECRET,
        redirectUrl: REDIRECT_URL,
        roleClaim: 'roles',
        roleMap: { ...ROLE_MAP },
        name: 'Test Identity',
      },
    });
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await testApp?.close();
    await provider?.stop();
  });

  async function auditEvents(query: string): Promise<AuditEvent[]> {
    const response = await admin.get(`/api/audit?${query}`);
    expect(response.status).toBe(200);
    return response.body as AuditEvent[];
  }

  /** Starts at Concord, signs in at the provider as `login`, and comes back to Concord's callback. */
  async function ssoSignIn(login: string, returnTo = '/campaigns') {
    const agent = request.agent(testApp.app.getHttpServer());
    const start = await agent.get(`/api/auth/oidc/login?returnTo=${encodeURIComponent(returnTo)}`);
    expect(start.status).toBe(302);
    const authorization = new URL(start.headers.location);
    const back = await signInAtProvider(authorization.href, login);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT_URL);
    const callbackPath = `${back.pathname}${back.search}`;
    const callback = await agent.get(callbackPath);
    return { agent, start, authorization, callback, callbackPath };
  }

  it('tells the sign-in page that single sign-on is offered, and under which name', async () => {
    const response = await testApp.http().get('/api/auth/oidc');
    expect([response.status, response.body]).toEqual([200, { enabled: true, name: 'Test Identity' }]);
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const start = await testApp.http().get('/api/auth/oidc/login');
    expect(start.status).toBe(302);
    const url = new URL(start.headers.location);
    expect(`${url.origin}${url.pathname}`).toBe(`${provider.issuer}/auth`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toEqual({
      client_id: 'concord',
      response_type: 'code',
      redirect_uri: REDIRECT_URL,
      scope: 'openid email profile roles',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[\w-]{43}$/),
      nonce: expect.stringMatching(/^[\w-]{43}$/),
    });
    const flowCookie = String(start.headers['set-cookie']);
    expect(flowCookie).toMatch(
      /^concord_oidc=v1\.[^;]+; Max-Age=600; Path=\/api\/auth\/oidc; Expires=[^;]+; HttpOnly; SameSite=Lax$/,
    );
    // Nothing in the cookie gives the verifier away.
    expect(flowCookie).not.toContain(params.state);
  });

  it('creates a new user from the claims with the mapped role and signs them in', async () => {
    const { agent, callback } = await ssoSignIn('amina');
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/campaigns');
    expect(String(callback.headers['set-cookie'])).toMatch(
      /concord_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax/,
    );
    const me = await agent.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual(enabledUserBody('amina@example.org', 'Amina Diallo', 'committee'));
    // The session is a full one: a committee member reads networks, and may not manage users.
    expect((await agent.get('/api/networks')).status).toBe(200);
    expect((await agent.get('/api/users')).status).toBe(403);
    const userId = (me.body as { id: string }).id;

    const created = await auditEvents(`subject=user:${userId}&action=auth.oidc_user_created`);
    expect(created.map((event) => event.payload)).toEqual([
      { email: 'amina@example.org', role: 'committee', oidcSubject: `${provider.issuer} amina` },
    ]);
    const logins = await auditEvents(`subject=user:${userId}&action=auth.oidc_login`);
    expect(logins.map((event) => [event.actorEmail, event.payload])).toEqual([
      ['amina@example.org', { sessionId: expect.any(String), issuer: provider.issuer, role: 'committee' }],
    ]);

    // The same person again is the same user, not a second one.
    const again = await ssoSignIn('amina');
    expect(again.callback.status).toBe(303);
    expect((await again.agent.get('/api/auth/me')).body.id).toBe(userId);
    const users = (await admin.get('/api/users')).body as Array<{ email: string }>;
    expect(users.filter((user) => user.email === 'amina@example.org')).toHaveLength(1);
  });

  it('matches an existing account by e-mail; the widest mapped role wins', async () => {
    const { agent, callback } = await ssoSignIn('chief', '/users');
    expect([callback.status, callback.headers.location]).toEqual([303, '/users']);
    const me = await agent.get('/api/auth/me');
    expect(me.body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin', name: 'Administrator' });
    expect((await agent.get('/api/users')).status).toBe(200);
    const bruno = await ssoSignIn('bruno');
    expect((await bruno.agent.get('/api/auth/me')).body).toMatchObject({
      email: 'bruno@example.org',
      role: 'secretariat',
    });
  });

  it('never demotes the last administrator, whatever the provider says', async () => {
    const { agent, callback } = await ssoSignIn('demoted');
    expect(callback.status).toBe(303);
    expect((await agent.get('/api/auth/me')).body).toMatchObject({ email: ADMIN_EMAIL, role: 'admin' });
  });

  it('refuses a person whose roles map to no Concord role, and creates no account', async () => {
    const { agent, callback } = await ssoSignIn('mallory');
    expect([callback.status, callback.headers.location]).toEqual([303, '/login?sso_error=role_unmapped']);
    expect(String(callback.headers['set-cookie'])).not.toContain('concord_session=');
    expect((await agent.get('/api/auth/me')).status).toBe(401);
    const users = (await admin.get('/api/users')).body as Array<{ email: string }>;
    expect(users.map((user) => user.email)).not.toContain('mallory@example.org');
    const refused = await auditEvents('action=auth.oidc_login_refused');
    expect(refused[0]).toMatchObject({
      actorEmail: null,
      subject: null,
      payload: { reason: 'role_unmapped', sub: 'mallory', email: 'mallory@example.org', claim: ['contractors'] },
    });
  });

  it('refuses a person without an e-mail address', async () => {
    const { callback } = await ssoSignIn('anonymous');
    expect([callback.status, callback.headers.location]).toEqual([303, '/login?sso_error=no_email']);
  });

  it('refuses a disabled account', async () => {
    const users = (await admin.get('/api/users')).body as Array<{ id: string; email: string }>;
    const amina = users.find((user) => user.email === 'amina@example.org');
    expect((await admin.patch(`/api/users/${amina?.id}`).send({ disabled: true })).status).toBe(200);
    const { callback } = await ssoSignIn('amina');
    expect([callback.status, callback.headers.location]).toEqual([303, '/login?sso_error=disabled']);
    expect((await admin.patch(`/api/users/${amina?.id}`).send({ disabled: false })).status).toBe(200);
  });

  it('a callback works once, only with the browser that started it, and only with its own state', async () => {
    const first = await ssoSignIn('bruno');
    expect(first.callback.status).toBe(303);
    // Replayed: the flow cookie is gone.
    const replay = await first.agent.get(first.callbackPath);
    expect([replay.status, replay.headers.location]).toEqual([303, '/login?sso_error=state']);
    // Another browser (no flow cookie) with a fresh code.
    const agent = request.agent(testApp.app.getHttpServer());
    const start = await agent.get('/api/auth/oidc/login');
    const back = await signInAtProvider(start.headers.location, 'bruno');
    const stranger = await testApp.http().get(`${back.pathname}${back.search}`);
    expect([stranger.status, stranger.headers.location]).toEqual([303, '/login?sso_error=state']);
    // The right browser, but the state altered: the provider's answer is not accepted.
    const altered = new URLSearchParams(back.search);
    altered.set('state', 'not-the-state-we-sent');
    const forged = await agent.get(`${back.pathname}?${altered.toString()}`);
    expect([forged.status, forged.headers.location]).toEqual([303, '/login?sso_error=provider']);
  });

  it('only returns to paths on this site', async () => {
    const { callback } = await ssoSignIn('bruno', '//evil.example/steal');
    expect([callback.status, callback.headers.location]).toEqual([303, '/']);
  });

  it('answers 404 when single sign-on is not configured', async () => {
    const plain = await createTestApp();
    try {
      expect((await plain.http().get('/api/auth/oidc')).body).toEqual({ enabled: false, name: null });
      const start = await plain.http().get('/api/auth/oidc/login');
      expect([start.status, start.body]).toEqual([
        404,
        errorBody(404, 'oidc_not_configured', 'Single sign-on is not configured on this server (OIDC_ISSUER)'),
      ]);
      expect((await plain.http().get('/api/auth/oidc/callback?code=x&state=y')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});
