import { randomUUID } from 'node:crypto';
import type { AuditEventDto } from '@concord/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../../server/src/audit';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

const badRequest = (field: string, message: string) =>
  errorBody(400, 'bad_request', message, [{ field, messages: [message] }]);

describe('audit paging and filters, and request hygiene', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  let analyst: StaffSession & { id: string; email: string };

  beforeAll(async () => {
    testApp = await createTestApp();
    admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    analyst = await createStaff(testApp, admin, 'secretariat', 'analyst@example.org');
    for (const name of ['one', 'two', 'three']) {
      expect((await analyst.post('/api/auth/tokens').send({ name })).status).toBe(201);
    }
  });
  afterAll(() => testApp.close());

  async function audit(query: string): Promise<AuditEventDto[]> {
    const response = await admin.get(`/api/audit?${query}`);
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
    return response.body as AuditEventDto[];
  }

  describe('the audit log', () => {
    it('filters by actor e-mail or id, and by action', async () => {
      const byEmail = await audit('actor=Analyst@Example.org&action=auth.token_created');
      expect(byEmail.map((event) => [event.actorEmail, event.action])).toEqual([
        ['analyst@example.org', 'auth.token_created'],
        ['analyst@example.org', 'auth.token_created'],
        ['analyst@example.org', 'auth.token_created'],
      ]);
      expect(await audit(`actor=${analyst.id}&action=auth.token_created`)).toEqual(byEmail);
      const byAdmin = await audit(`actor=${ADMIN_EMAIL}`);
      expect(new Set(byAdmin.map((event) => event.actorEmail))).toEqual(new Set([ADMIN_EMAIL]));
    });

    it('filters by subject', async () => {
      const events = await audit(`subject=user:${analyst.id}`);
      expect(events.map((event) => event.action)).toEqual([
        'auth.token_created',
        'auth.token_created',
        'auth.token_created',
        'auth.login',
        'user.created',
      ]);
    });

    it('pages with before: each page continues exactly where the last one stopped', async () => {
      const all = await audit('limit=500');
      const first = await audit('limit=3');
      const second = await audit(`limit=3&before=${first[first.length - 1].seq}`);
      expect([...first, ...second]).toEqual(all.slice(0, 6));
    });

    it('filters by date: a day, an instant, and nothing outside', async () => {
      const all = await audit('limit=500');
      const today = all[0].at.slice(0, 10);
      expect(await audit(`from=${today}&to=${today}&limit=500`)).toEqual(all);
      expect(await audit('to=2000-01-01')).toEqual([]);
      const middle = all[2];
      const since = await audit(`from=${encodeURIComponent(middle.at)}&limit=500`);
      expect(since.every((event) => event.at >= middle.at)).toBe(true);
      expect(since.map((event) => event.seq)).toContain(middle.seq);
    });

    it('shows an event written while a sealing pass was already under way', async () => {
      const db = testApp.app.get(DataSource);
      const auditService = testApp.app.get(AuditService);
      const record = (subject: string) =>
        db.transaction((manager) => auditService.record(manager, { actor: null, action: 'demo.seeded', subject }));
      const first = `test:${randomUUID()}`;
      const second = `test:${randomUUID()}`;
      await record(first);
      // Another connection holds the first event's row: the sealing pass that reads it waits there.
      const holder = db.createQueryRunner();
      await holder.connect();
      try {
        await holder.startTransaction();
        await holder.query('SELECT id FROM audit_events WHERE subject = $1 FOR UPDATE', [first]);
        const running = auditService.seal();
        for (let tries = 0; tries < 200; tries++) {
          const [waiting] = await db.query<Array<{ n: number }>>(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE audit_events%'`,
          );
          if ((waiting?.n ?? 0) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        // The running pass has read the unsealed events already; this one commits after that.
        await record(second);
        const reader = auditService.seal();
        await holder.commitTransaction();
        await Promise.all([running, reader]);
      } finally {
        await holder.release();
      }
      const sealed = await db.query<Array<{ subject: string; sealed: boolean }>>(
        'SELECT subject, seq IS NOT NULL AS sealed FROM audit_events WHERE subject = ANY($1) ORDER BY id',
        [[first, second]],
      );
      expect(sealed).toEqual([
        { subject: first, sealed: true },
        { subject: second, sealed: true },
      ]);
    });

    it('answers 400 naming the field for a bad date, and for from not before to', async () => {
      const response = await admin.get('/api/audit?from=yesterday');
      expect([response.status, response.body]).toEqual([
        400,
        badRequest('from', 'from must be an ISO 8601 date or time'),
      ]);
      const reversed = await admin.get('/api/audit?from=2026-02-01&to=2026-01-01');
      expect([reversed.status, reversed.body]).toEqual([
        400,
        errorBody(400, 'bad_request', 'from must be earlier than to'),
      ]);
    });
  });

  describe('Cache-Control', () => {
    it('is no-store on answers that carry tokens and personal data', async () => {
      const created = await analyst.post('/api/auth/tokens').send({ name: 'cached?' });
      expect([created.status, created.headers['cache-control']]).toEqual([201, 'no-store']);
      const me = await analyst.get('/api/auth/me');
      expect(me.headers['cache-control']).toBe('no-store');
      const denied = await testApp.http().get('/api/auth/me');
      expect([denied.status, denied.headers['cache-control']]).toEqual([401, 'no-store']);
    });
  });

  describe('values the database cannot hold', () => {
    const outOfRange = (field: string) => `${field} must be a whole number from -2147483648 to 2147483647`;

    it('answers 400 naming a query field whose whole number is out of range', async () => {
      const response = await admin.get('/api/audit?before=99999999999999999999');
      expect([response.status, response.body]).toEqual([400, badRequest('before', outOfRange('before'))]);
    });

    it('answers 400 naming a route parameter whose whole number is out of range', async () => {
      const response = await admin.get(`/api/surveys/${randomUUID()}/versions/2147483648`);
      expect([response.status, response.body]).toEqual([400, badRequest('version', outOfRange('version'))]);
    });

    it('answers 400 naming a body field whose whole number is out of range, and stores nothing', async () => {
      const before = await admin.get('/api/users');
      const response = await admin
        .post('/api/users')
        .send({ email: 'big@example.org', name: 'Big', role: 'committee', password: 'long-enough-pass', x: 1e20 });
      expect([response.status, response.body]).toEqual([400, badRequest('x', outOfRange('x'))]);
      expect((await admin.get('/api/users')).body).toEqual(before.body);
    });

    it('answers 400 naming the field that holds a lone UTF-16 surrogate, and stores nothing', async () => {
      const message = 'name contains a lone UTF-16 surrogate, which is not valid text';
      const response = await analyst.post('/api/auth/tokens').send({ name: 'broken \ud800 name' });
      expect([response.status, response.body]).toEqual([400, badRequest('name', message)]);
      const nested = await admin.post('/api/users').send({ email: 'a@example.org', name: { deep: ['\udc00'] } });
      expect(nested.status).toBe(400);
      expect(nested.body.details).toEqual([
        { field: 'name.deep[0]', messages: ['name.deep[0] contains a lone UTF-16 surrogate, which is not valid text'] },
      ]);
      const tokens = await analyst.get('/api/auth/tokens');
      expect(tokens.body.map((token: { name: string }) => token.name)).not.toContain('broken \ud800 name');
    });
  });

  describe('413', () => {
    it('names the CSV limit for a CSV body over it', async () => {
      const networks = await admin.get('/api/networks');
      const networkId = (networks.body as Array<{ id: string }>)[0].id;
      const csv = 'name,email,country,role,language\n' + 'x'.repeat(21 * 1024 * 1024);
      const response = await admin
        .post(`/api/networks/${networkId}/members/import`)
        .set('content-type', 'text/csv')
        .send(csv);
      expect([response.status, response.body]).toEqual([
        413,
        errorBody(413, 'payload_too_large', 'The request body is larger than the limit of 20mb'),
      ]);
    });
  });
});
