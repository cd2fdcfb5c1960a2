// What the HTTP benchmarks need inside Concord: a published questionnaire, a campaign with
// personal links, and the built server in a process of its own (as in production) on that data.
import {
  addMembers,
  campaignLinks,
  networksByCode,
  publishSurvey,
  signInAdmin,
  tokenOf,
} from '../support/campaign-fixtures';
import { AnalysisFactsService } from '../../server/src/analysis/analysis-facts.service';
import { type ServerProcess, spawnServer } from '../support/server-processes';
import { createStaff } from '../support/staff-session';
import { createTestApp, type TestApp, testConfig } from '../support/test-app';
import { prepareTestServer, releaseTestServer, type TestServer } from '../support/test-database';

export interface BenchCampaign {
  testApp: TestApp;
  /** The built server, logging at info as in production. */
  server: ServerProcess;
  /** One personal link token per member. */
  tokens: string[];
  campaignId: string;
  close(): Promise<void>;
}

export async function benchCampaign(slug: string, links: number): Promise<BenchCampaign> {
  const database: TestServer = await prepareTestServer();
  // Set-up goes through the API of an in-process app; the load goes to the built server.
  const testApp = await createTestApp({ respondRateLimit: 1_000_000_000 });
  let server: ServerProcess | undefined;
  try {
    const admin = await signInAdmin(testApp);
    const secretariat = await createStaff(testApp, admin, 'secretariat');
    const survey = await publishSurvey(secretariat, slug);
    const networks = Object.values(await networksByCode(secretariat));
    const perNetwork = Math.ceil(links / networks.length);
    for (const [index, network] of networks.entries()) {
      for (let start = 0; start < perNetwork; start += 2000) {
        const members = Array.from({ length: Math.min(2000, perNetwork - start) }, (_unused, offset) => ({
          name: `Bench member ${index}-${start + offset}`,
          email: `bench-${index}-${start + offset}@example.org`,
          country: network.name,
          role: 'national team',
          language: 'en' as const,
        }));
        await addMembers(secretariat, network.id, members);
      }
    }
    const campaign = await secretariat.post('/api/campaigns').send({
      surveyId: survey.surveyId,
      version: survey.version,
      name: `${slug} campaign`,
      networkIds: networks.map((network) => network.id),
    });
    const campaignId = campaign.body.id as string;
    const tokens = (await campaignLinks(secretariat, campaignId)).map((link) => tokenOf(link.url));
    // The links were made by the in-process app, so the built server needs its link secret.
    server = await spawnServer({
      databaseUrl: testApp.database.url,
      env: { LINK_SECRET: testConfig().secrets.linkSecret, LOG_LEVEL: 'info' },
    });
    // The built server alone folds what the load queues, as in production: the set-up app's own
    // background fold would otherwise take part of it, in the load generator's process.
    await testApp.app.get(AnalysisFactsService).pauseBackgroundFolding();
    const started = server;
    return {
      testApp,
      server: started,
      tokens,
      campaignId,
      close: async () => {
        await started.stop();
        await testApp.close();
        await releaseTestServer(database);
      },
    };
  } catch (error) {
    await server?.stop();
    await testApp.close();
    await releaseTestServer(database);
    throw error;
  }
}
