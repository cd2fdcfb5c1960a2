import { compileValidator, type SurveyDefinition, validateAnswers } from '@concord/shared';
import { CharterSeedService } from '../../server/src/charter/charter-seed.service';
import { demoStaffPassword } from '../../server/src/common/demo-password';
import { DemoSeedService } from '../../server/src/demo/demo-seed.service';
import { dataSourceOf, signInAdmin } from '../support/campaign-fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

describe('demo data seeded at start-up', () => {
  let testApp: TestApp;
  const sql = <T>(query: string, parameters: unknown[] = []): Promise<T[]> =>
    dataSourceOf(testApp).query<T[]>(query, parameters);

  beforeAll(async () => {
    testApp = await createTestApp({ seedDemo: true });
  });
  afterAll(() => testApp.close());

  it('gives every network members in its languages and two campaigns of charter-review with valid responses', async () => {
    const networks = await sql<{ code: string; members: number; languages: string[]; roles: string[] }>(
      `SELECT n.code, count(m.id)::int AS members, array_agg(DISTINCT m.language ORDER BY m.language) AS languages,
         array_agg(DISTINCT m.role ORDER BY m.role) AS roles
       FROM networks n JOIN network_members m ON m.network_id = n.id GROUP BY n.code ORDER BY n.code`,
    );
    expect(networks.map((network) => network.code)).toEqual(['AAF', 'CA', 'ECA', 'GCC', 'ME', 'NAS', 'SEA', 'SEEE']);
    for (const network of networks) {
      expect(network.members).toBeGreaterThanOrEqual(11);
      expect(network.roles).toEqual(expect.arrayContaining(['National Focal Point', 'national team', 'secretariat']));
    }
    const byCode = Object.fromEntries(networks.map((network) => [network.code, network.languages]));
    expect(byCode.CA).toEqual(expect.arrayContaining(['ru']));
    expect(byCode.GCC).toEqual(expect.arrayContaining(['ar']));
    expect(byCode.NAS).toEqual(expect.arrayContaining(['fr']));
    expect(byCode.SEA).toEqual(['en']);

    const campaigns = await sql<{
      id: string;
      name: string;
      version: number;
      status: string;
      complete: number;
      partial: number;
    }>(
      `SELECT c.id, c.name, c.version, c.status,
         count(r.id) FILTER (WHERE r.status = 'complete')::int AS complete,
         count(r.id) FILTER (WHERE r.status = 'partial')::int AS partial
       FROM campaigns c LEFT JOIN responses r ON r.campaign_id = c.id GROUP BY c.id ORDER BY c.version`,
    );
    expect(campaigns.map((campaign) => [campaign.name, campaign.version, campaign.status])).toEqual([
      ['Charter review 2020', 1, 'closed'],
      ['Charter review 2021 (revised questionnaire)', 2, 'open'],
    ]);
    const complete = campaigns.reduce((sum, campaign) => sum + campaign.complete, 0);
    expect(complete).toBeGreaterThanOrEqual(200);
    for (const campaign of campaigns) expect(campaign.partial).toBeGreaterThan(0);

    const versions = await sql<{ id: string; definition: SurveyDefinition }>(
      'SELECT id, definition FROM survey_versions',
    );
    const validators = new Map(versions.map((version) => [version.id, compileValidator(version.definition)]));
    const responses = await sql<{
      survey_version_id: string;
      data: Record<string, unknown>;
      status: 'complete' | 'partial';
    }>('SELECT survey_version_id, data, status FROM responses');
    for (const response of responses) {
      expect(validateAnswers(validators.get(response.survey_version_id)!, response.data, response.status)).toEqual([]);
    }
    const perNetwork = await sql<{ n: number }>(
      `SELECT count(DISTINCT network_id)::int AS n FROM responses WHERE status = 'complete'`,
    );
    expect(perNetwork).toEqual([{ n: 8 }]);
  });

  it('lets the demo committee sign in with the demo password the first start prints', async () => {
    await testApp.app.get(CharterSeedService).whenSeeded();
    const password = demoStaffPassword(testApp.config.secrets.linkSecret);
    for (const email of ['committee.tashkent@concord.local', 'committee.tbilisi@concord.local']) {
      const response = await testApp.http().post('/api/auth/login').send({ email, password });
      expect([response.status, response.body.user?.email, response.body.user?.role]).toEqual([200, email, 'committee']);
    }
    const wrong = await testApp
      .http()
      .post('/api/auth/login')
      .send({ email: 'committee.rabat@concord.local', password: `${password}x` });
    expect(wrong.status).toBe(401);
  });

  it('is one audit event, and seeding again changes nothing', async () => {
    const events = await sql<{ action: string }>(`SELECT action FROM audit_events WHERE action LIKE 'demo.%'`);
    expect(events).toEqual([{ action: 'demo.seeded' }]);
    const count = async () =>
      sql(
        'SELECT (SELECT count(*) FROM network_members) AS m, (SELECT count(*) FROM campaigns) AS c, (SELECT count(*) FROM responses) AS r',
      );
    const before = await count();
    await testApp.app.get(DemoSeedService).seed();
    expect(await count()).toEqual(before);
    // The progress of a demo campaign reads like any other.
    const admin = await signInAdmin(testApp);
    const [campaign] = await sql<{ id: string }>(`SELECT id FROM campaigns WHERE name = 'Charter review 2020'`);
    const progress = await admin.get(`/api/campaigns/${campaign.id}/progress`);
    expect(progress.status).toBe(200);
    expect(progress.body.networks).toHaveLength(8);
  });

  it('is skipped with SEED_DEMO=false', async () => {
    const bare = await createTestApp({ seedDemo: false });
    try {
      expect(await dataSourceOf(bare).query('SELECT count(*)::int AS n FROM campaigns')).toEqual([{ n: 0 }]);
    } finally {
      await bare.close();
    }
  });
});
