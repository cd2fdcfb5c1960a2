import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisFactsService } from '../../server/src/analysis/analysis-facts.service';
import { CharterSeedService } from '../../server/src/charter/charter-seed.service';
import { DemoSeedService } from '../../server/src/demo/demo-seed.service';
import {
  campaignToNewMembers,
  completeByLink,
  dataSourceOf,
  makeMembers,
  networksByCode,
  publishSurvey,
  signInAdmin,
} from '../support/campaign-fixtures';
import { runCli } from '../support/cli';
import { createStaff, type StaffSession } from '../support/staff-session';
import { Client } from 'pg';
import { createTestApp, type TestApp } from '../support/test-app';

const COUNTED = [
  'users',
  'network_members',
  'campaigns',
  'invitations',
  'responses',
  'outbox',
  'charter_documents',
  'charter_revisions',
  'surveys',
  'demo_records',
] as const;

describe('removing the demo data', () => {
  let testApp: TestApp;
  let admin: StaffSession;
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    dataSourceOf(testApp).query<T[]>(query, parameters);
  const counts = async (): Promise<Record<string, number>> => {
    const [row] = await sql<Record<string, number>>(
      `SELECT ${COUNTED.map((table) => `(SELECT count(*) FROM ${table})::int AS ${table}`).join(', ')}`,
    );
    return row;
  };

  beforeAll(async () => {
    testApp = await createTestApp({ seedDemo: true });
    await testApp.app.get(CharterSeedService).whenSeeded();
    admin = await signInAdmin(testApp);
  });
  afterAll(() => testApp.close());

  it('removes every demo row and nothing real, audited; the seeds never bring it back', async () => {
    const demo = await admin.get('/api/demo');
    expect(demo.status).toBe(200);
    const [seeded] = await sql<{ members: number }>(`SELECT count(*)::int AS members FROM network_members`);
    expect(demo.body).toEqual({
      present: { campaigns: 2, members: seeded.members, users: 4, charters: 1 },
      removed: false,
    });

    // Real data made after the seed: staff, members, a questionnaire, a campaign to a network that
    // also has demo members, a response, mail, a charter.
    const secretariat = await createStaff(testApp, admin, 'secretariat');
    const networks = await networksByCode(secretariat);
    const survey = await publishSurvey(secretariat, 'real-survey');
    const created = await campaignToNewMembers(
      secretariat,
      survey,
      networks.SEA.id,
      makeMembers('real', 2, 'Philippines'),
      'Real campaign',
    );
    const demoLinks = created.allLinks.length - created.links.length;
    expect(demoLinks).toBeGreaterThan(0);
    expect((await completeByLink(testApp, created.links[0].url)).status).toBe(201);
    expect((await secretariat.post(`/api/campaigns/${created.campaignId}/invitations/send`).send({})).status).toBe(200);
    const committee = await createStaff(testApp, admin, 'committee');
    const charter = await committee
      .post('/api/charters')
      .send({ slug: 'real-charter', title: 'Real charter', clauses: [{ id: 'a', heading: 'A', body: 'Text.' }] });
    expect(charter.status).toBe(201);
    // Every campaign's tallies folded: the demo campaigns' rollup rows must go with them.
    await testApp.app.get(AnalysisFactsService).fold();
    const rollupRowsOutside = async (): Promise<number> => {
      const [row] = await sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM analysis_tally_rollup WHERE campaign_id <> $1`,
        [created.campaignId],
      );
      return row.n;
    };
    expect(await rollupRowsOutside()).toBeGreaterThan(0);

    const realRows = async () => ({
      users: await sql(`SELECT * FROM users WHERE email NOT LIKE 'committee.%@concord.local' ORDER BY id`),
      members: await sql(`SELECT * FROM network_members WHERE email LIKE 'real-%' ORDER BY id`),
      campaign: await sql('SELECT * FROM campaigns WHERE id = $1', [created.campaignId]),
      invitations: await sql(
        `SELECT i.* FROM invitations i JOIN network_members m ON m.id = i.member_id WHERE m.email LIKE 'real-%' ORDER BY i.id`,
      ),
      responses: await sql('SELECT * FROM responses WHERE campaign_id = $1 ORDER BY id', [created.campaignId]),
      outbox: await sql(`SELECT * FROM outbox WHERE recipient LIKE 'real-%' ORDER BY id`),
      charter: await sql(`SELECT * FROM charter_revisions WHERE document_id = $1 ORDER BY number`, [charter.body.id]),
      rollup: await sql(
        `SELECT * FROM analysis_tally_rollup WHERE campaign_id = $1
          ORDER BY survey_version_id, network_id, country, role, language, measure, question, row_key, col_key, value, rank`,
        [created.campaignId],
      ),
    });
    const realBefore = await realRows();
    const before = await counts();
    const [demoCounts] = await sql<{ members: number; invitations: number; responses: number; revisions: number }>(
      `SELECT
         (SELECT count(*) FROM network_members m WHERE m.email NOT LIKE 'real-%')::int AS members,
         (SELECT count(*) FROM invitations i JOIN campaigns c ON c.id = i.campaign_id WHERE c.name LIKE 'Charter review 20%')::int AS invitations,
         (SELECT count(*) FROM responses r JOIN campaigns c ON c.id = r.campaign_id WHERE c.name LIKE 'Charter review 20%')::int AS responses,
         (SELECT count(*) FROM charter_revisions v JOIN charter_documents d ON d.id = v.document_id WHERE d.slug <> 'real-charter')::int AS revisions`,
    );

    expect((await secretariat.delete('/api/demo')).status).toBe(403);
    const removed = await admin.delete('/api/demo');
    expect([removed.status, removed.body]).toEqual([
      200,
      {
        removed: { campaigns: 2, members: demoCounts.members, users: 4, charters: 1 },
        kept: { campaigns: 0, members: 0, users: 0, charters: 0 },
        realCampaignInvitations: demoLinks,
      },
    ]);
    expect(await counts()).toEqual({
      users: before.users - 4,
      network_members: before.network_members - demoCounts.members,
      campaigns: before.campaigns - 2,
      invitations: before.invitations - demoCounts.invitations - demoLinks,
      responses: before.responses - demoCounts.responses,
      outbox: before.outbox - demoLinks,
      charter_documents: before.charter_documents - 1,
      charter_revisions: before.charter_revisions - demoCounts.revisions,
      surveys: before.surveys,
      demo_records: 0,
    });
    expect(await counts()).toMatchObject({ users: 3, network_members: 2, campaigns: 1, responses: 1 });
    expect(await realRows()).toEqual(realBefore);
    expect(await rollupRowsOutside()).toBe(0);
    const verify = await secretariat.get(`/api/campaigns/${created.campaignId}/tallies/verify`);
    expect([verify.status, verify.body.ok]).toEqual([200, true]);

    const events = await sql<{ actor_email: string; payload: unknown }>(
      `SELECT actor_email, payload FROM audit_events WHERE action = 'demo.removed'`,
    );
    expect(events).toEqual([
      { actor_email: 'admin@example.org', payload: { removed: removed.body.removed, kept: removed.body.kept } },
    ]);
    expect((await admin.get('/api/audit/verify')).body.ok).toBe(true);
    expect((await admin.get('/api/demo')).body).toEqual({
      present: { campaigns: 0, members: 0, users: 0, charters: 0 },
      removed: true,
    });

    // A restart runs the seeds again: they see the removal and add nothing.
    const after = await counts();
    await testApp.app.get(DemoSeedService).seed();
    await testApp.app.get(CharterSeedService).seed();
    expect(await counts()).toEqual(after);
    const again = await admin.delete('/api/demo');
    expect([again.status, again.body.removed]).toEqual([200, { campaigns: 0, members: 0, users: 0, charters: 0 }]);
  });

  it('npm run demo:remove does the same from the command line, audited without an actor', async () => {
    const other = await createTestApp({ seedDemo: true });
    const folder = mkdtempSync(join(tmpdir(), 'concord-demo-remove-'));
    try {
      await other.app.get(CharterSeedService).whenSeeded();
      const [members] = await dataSourceOf(other).query<Array<{ n: number }>>(
        'SELECT count(*)::int AS n FROM network_members',
      );
      await other.app.close();
      const output = await runCli(
        'demo-remove',
        [],
        { DATABASE_URL: other.database.url, DATA_DIR: folder, LINK_SECRET: 'demo-remove-test-link-secret-0123456789' },
        { timeoutMs: 120_000 },
      );
      expect(output).toEqual({
        code: 0,
        stdout: `Removed the demo data: 2 campaign(s) with their links and responses, ${members.n} member(s), 4 staff account(s), 1 charter(s).\n`,
        stderr: '',
      });
      const client = new Client({ connectionString: other.database.url });
      await client.connect();
      try {
        const counts = await client.query(
          `SELECT (SELECT count(*) FROM network_members)::int AS members, (SELECT count(*) FROM campaigns)::int AS campaigns,
             (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM charter_documents)::int AS charters,
             (SELECT count(*) FROM demo_records)::int AS records`,
        );
        expect(counts.rows).toEqual([{ members: 0, campaigns: 0, users: 1, charters: 0, records: 0 }]);
        const events = await client.query(
          `SELECT actor_id, seq IS NOT NULL AS sealed FROM audit_events WHERE action = 'demo.removed'`,
        );
        expect(events.rows).toEqual([{ actor_id: null, sealed: true }]);
      } finally {
        await client.end();
      }
    } finally {
      await other.database.drop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
