import { Client } from 'pg';
import { useAppWithAdmin } from '../support/app-with-admin';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp } from '../support/test-app';
import { createStaff, enabledUserBody, signIn } from '../support/staff-session';
import { errorBody } from '../support/api-error';

describe('users and the audit chain', () => {
  const rig = useAppWithAdmin();

  async function sql(text: string, values: unknown[] = []): Promise<void> {
    const client = new Client({ connectionString: rig.testApp.database.url });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }

  /** The admin's request to create a staff user. */
  const addUser = (email: string, name: string, role: string, password: string) =>
    rig.admin.post('/api/users').send({ email, name, role, password });

  describe('users', () => {
    it('creates a user (201) and lists it; the e-mail is stored lower-cased', async () => {
      const created = await addUser('Analyst@Example.org', 'Dilnoza Karimova', 'secretariat', 'a-long-password-1');
      expect(created.status).toBe(201);
      expect(created.body).toEqual(enabledUserBody('analyst@example.org', 'Dilnoza Karimova', 'secretariat'));
      const list = await rig.admin.get('/api/users');
      expect(list.body.map((user: { email: string }) => user.email)).toEqual([ADMIN_EMAIL, 'analyst@example.org']);
    });

    it('answers 409 for an e-mail that exists, and changes nothing', async () => {
      const before = await rig.admin.get('/api/users');
      const response = await addUser('ANALYST@example.org', 'Someone Else', 'admin', 'another-password-1');
      expect(response.status).toBe(409);
      expect(response.body).toEqual(
        errorBody(409, 'email_taken', 'A user with e-mail analyst@example.org already exists'),
      );
      expect((await rig.admin.get('/api/users')).body).toEqual(before.body);
    });

    it('answers 400 naming each bad field, and for unknown fields', async () => {
      const response = await rig.admin
        .post('/api/users')
        .send({ email: 'x@example.org', name: 'X', role: 'chair', password: 'short' });
      expect(response.status).toBe(400);
      expect(response.body.message).toBe(
        'role must be one of: admin, secretariat, committee; password must be 12 to 1024 characters long',
      );
      const unknown = await rig.admin
        .post('/api/users')
        .send({ email: 'y@example.org', name: 'Y', role: 'committee', password: 'long-enough-pass', isAdmin: true });
      expect(unknown.status).toBe(400);
      expect(unknown.body.message).toBe('property isAdmin should not exist');
    });

    it('changes a role at once, and disabling ends the sessions of that user', async () => {
      const committee = await createStaff(rig.testApp, rig.admin, 'committee');
      expect((await committee.get('/api/users')).status).toBe(403);
      const promoted = await rig.admin.patch(`/api/users/${committee.id}`).send({ role: 'admin' });
      expect([promoted.status, promoted.body.role]).toEqual([200, 'admin']);
      expect((await committee.get('/api/users')).status).toBe(200);

      const disabled = await rig.admin.patch(`/api/users/${committee.id}`).send({ disabled: true });
      expect([disabled.status, disabled.body.disabled]).toEqual([200, true]);
      expect((await committee.get('/api/auth/me')).status).toBe(401);
      const login = await rig.testApp
        .http()
        .post('/api/auth/login')
        .send({ email: committee.email, password: 'Password-for-committee-123' });
      expect(login.status).toBe(401);
    });

    it('refuses to demote or disable the last active admin (409)', async () => {
      const me = await rig.admin.get('/api/auth/me');
      const response = await rig.admin.patch(`/api/users/${me.body.id}`).send({ role: 'committee' });
      expect(response.status).toBe(409);
      expect(response.body).toEqual(
        errorBody(409, 'last_admin', 'This is the last active admin; make another user admin first'),
      );
      expect((await rig.admin.get('/api/auth/me')).body.role).toBe('admin');
    });

    it('answers 404 for an unknown user id and 400 for a malformed one', async () => {
      const unknown = await rig.admin.patch('/api/users/00000000-0000-4000-8000-000000000000').send({ name: 'Z' });
      expect(unknown.status).toBe(404);
      expect(unknown.body.message).toBe('User 00000000-0000-4000-8000-000000000000 not found');
      const malformed = await rig.admin.patch('/api/users/42').send({ name: 'Z' });
      expect([malformed.status, malformed.body.message]).toEqual([400, 'id must be a UUID']);
    });
  });

  describe('audit', () => {
    it('records logins and user changes, newest first, filterable by subject', async () => {
      const created = await addUser('audited@example.org', 'Audited', 'committee', 'a-long-password-2');
      const events = await rig.admin.get(`/api/audit?subject=user:${created.body.id}`);
      expect(events.status).toBe(200);
      expect(events.body).toEqual([
        {
          seq: expect.any(Number),
          at: expect.any(String),
          actor: expect.any(String),
          actorEmail: ADMIN_EMAIL,
          action: 'user.created',
          subject: `user:${created.body.id}`,
          payload: { email: 'audited@example.org', name: 'Audited', role: 'committee' },
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      const all = await rig.admin.get('/api/audit?limit=500');
      const actions = new Set(all.body.map((event: { action: string }) => event.action));
      // Seeding at start-up adds its own events; these are the ones this file caused.
      expect([...actions]).toEqual(expect.arrayContaining(['user.created', 'auth.login', 'user.updated']));
      const seqs = all.body.map((event: { seq: number }) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    });

    it('rejects a bad limit with 400 naming it', async () => {
      const response = await rig.admin.get('/api/audit?limit=0');
      expect(response.status).toBe(400);
      expect(response.body.message).toBe('limit must not be less than 1');
    });

    it('verifies the chain; an altered row breaks it at that row, a deleted row at its number', async () => {
      const intact = await rig.admin.get('/api/audit/verify');
      expect(intact.status).toBe(200);
      expect(intact.body).toEqual({ ok: true, events: expect.any(Number) });
      const total = intact.body.events as number;

      await sql(`UPDATE audit_events SET payload = '{"email":"forged@example.org"}' WHERE seq = 2`);
      const altered = await rig.admin.get('/api/audit/verify');
      // Verifying is itself not audited, so the count is stable.
      expect(altered.body).toEqual({ ok: false, events: 1, brokenAt: 2 });

      await sql(`DELETE FROM audit_events WHERE seq = 2`);
      const deleted = await rig.admin.get('/api/audit/verify');
      expect(deleted.body).toEqual({ ok: false, events: 1, brokenAt: 2 });
      expect(total).toBeGreaterThan(3);
    });
  });
});

describe('audit chain tail deletion', () => {
  it('reports a removed last event by the head pointing past the end', async () => {
    const testApp = await createTestApp();
    try {
      const admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
      const before = await admin.get('/api/audit/verify');
      const last = before.body.events as number;
      const client = new Client({ connectionString: testApp.database.url });
      await client.connect();
      await client.query('DELETE FROM audit_events WHERE seq = $1', [last]);
      await client.end();
      const after = await admin.get('/api/audit/verify');
      expect(after.body).toEqual({ ok: false, events: last - 1, brokenAt: last });
    } finally {
      await testApp.close();
    }
  });
});
