import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AnalysisFactsService, QUEUE_VACUUM_AFTER } from '../../server/src/analysis/analysis-facts.service';
import { QuestionPlansService } from '../../server/src/analysis/question-plans.service';
import { addDraftVersion, createSurvey, networksByCode, TEST_DEFINITION } from '../support/campaign-fixtures';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { errorBody } from '../support/api-error';

/**
 * The fold against completions that commit while it runs: what it takes from the queue is exactly
 * what it counts, and what it does not take stays queued.
 */
let testApp: TestApp;
let admin: StaffSession;
let db: DataSource;
let networkId: string;
const campaigns: Array<{ id: string; versionId: string }> = [];

async function complete(campaign: { id: string; versionId: string }, data: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
     VALUES ($1, $2, $3, $4, 'Morocco', 'nfp', 'en', $5, 'complete', now())`,
    [id, campaign.id, campaign.versionId, networkId, data],
  );
  return id;
}

/** Responses counted by the rollup plus those still queued, per campaign: it must equal the responses. */
async function countedAndQueued(campaignId: string): Promise<{ folded: number; queued: number; stored: number }> {
  const [row] = await db.query<Array<{ folded: number; queued: number; stored: number }>>(
    `SELECT (SELECT coalesce(sum(count), 0) FROM analysis_tally_rollup WHERE campaign_id = $1 AND measure = 'r')::int AS folded,
            (SELECT coalesce(sum(sign), 0) FROM analysis_pending_changes WHERE campaign_id = $1)::int AS queued,
            (SELECT count(*) FROM responses WHERE campaign_id = $1 AND status = 'complete')::int AS stored`,
    [campaignId],
  );
  return row;
}

beforeAll(async () => {
  testApp = await createTestApp();
  db = testApp.app.get(DataSource);
  admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
  networkId = Object.values(await networksByCode(admin))[0].id;
  const surveyId = await createSurvey(admin, 'fold-race');
  for (let index = 0; index < 2; index++) {
    const version = await addDraftVersion(admin, surveyId, TEST_DEFINITION);
    expect((await admin.post(`/api/surveys/${surveyId}/versions/${version}/publish`)).status).toBe(200);
    const created = await admin
      .post('/api/campaigns')
      .send({ surveyId, version, name: `Fold race v${version}`, networkIds: [networkId] });
    expect(created.status).toBe(201);
    campaigns.push({ id: created.body.id, versionId: created.body.surveyVersionId });
  }
});

afterAll(async () => {
  await testApp?.close();
});

describe('folding the queue', () => {
  it('a completion of another version committed while a batch is being prepared stays queued, then counts', async () => {
    const facts = testApp.app.get(AnalysisFactsService);
    const plans = testApp.app.get(QuestionPlansService);
    await facts.fold();
    const [first, second] = campaigns;
    await complete(first, { roles_clear: 'yes', satisfaction: 5 });
    await complete(first, { roles_clear: 'no', satisfaction: 1 });
    // The batch looks up the question plans of what it is about to fold; a completion of the other
    // version commits at exactly that moment, on another connection.
    const original = plans.plansFor.bind(plans);
    const spy = jest.spyOn(plans, 'plansFor').mockImplementationOnce(async (ids, manager) => {
      await complete(second, { roles_clear: 'partly', satisfaction: 3 });
      return original(ids, manager);
    });
    try {
      await facts.foldBatch(1_000);
    } finally {
      spy.mockRestore();
    }
    expect(await countedAndQueued(first.id)).toEqual({ folded: 2, queued: 0, stored: 2 });
    const afterRace = await countedAndQueued(second.id);
    expect(afterRace.folded + afterRace.queued).toBe(1);
    await facts.fold();
    expect(await countedAndQueued(second.id)).toEqual({ folded: 1, queued: 0, stored: 1 });
  });
});

describe('verifying and rebuilding the stored tallies', () => {
  it('verify compares with a recount; rebuild repairs; both are refused to the wrong roles', async () => {
    const facts = testApp.app.get(AnalysisFactsService);
    const [campaign] = campaigns;
    const secretariat = await createStaff(testApp, admin, 'secretariat');
    const committee = await createStaff(testApp, admin, 'committee');
    await facts.fold();
    // A queued change counts as stored: verify does not need a fold first.
    await complete(campaign, { roles_clear: 'yes', satisfaction: 4 });
    const verified = await secretariat.get(`/api/campaigns/${campaign.id}/tallies/verify`);
    expect([verified.status, verified.body.ok]).toEqual([200, true]);
    expect(verified.body.checked).toBeGreaterThan(3);

    await facts.fold();
    await db.query(
      `UPDATE analysis_tally_rollup SET count = count + 1 WHERE campaign_id = $1 AND measure = 'v' AND question = 'roles_clear' AND value = 'no'`,
      [campaign.id],
    );
    const broken = await admin.get(`/api/campaigns/${campaign.id}/tallies/verify`);
    expect(broken.status).toBe(200);
    expect(broken.body).toEqual({
      ok: false,
      checked: verified.body.checked,
      differences: [
        {
          surveyVersionId: campaign.versionId,
          networkId,
          country: 'Morocco',
          role: 'nfp',
          language: 'en',
          measure: 'v',
          question: 'roles_clear',
          row: '',
          column: '',
          value: 'no',
          rank: 0,
          stored: 2,
          recounted: 1,
        },
      ],
    });
    const tallies = await admin.get(`/api/campaigns/${campaign.id}/tallies?minCellSize=3`);
    const roles = (tallies.body.questions as Array<{ name: string; choices: Array<{ value: string; count: number }> }>)
      .find((question) => question.name === 'roles_clear')
      ?.choices.find((choice) => choice.value === 'no');
    expect(roles?.count).toBe(2);

    expect((await secretariat.post(`/api/campaigns/${campaign.id}/tallies/rebuild`)).status).toBe(403);
    expect((await committee.get(`/api/campaigns/${campaign.id}/tallies/verify`)).status).toBe(403);
    expect((await admin.post(`/api/campaigns/${randomUUID()}/tallies/rebuild`)).body).toEqual(
      errorBody(404, 'campaign_not_found', 'Campaign not found'),
    );
    expect((await admin.get('/api/campaigns/nope/tallies/verify')).body).toEqual(
      errorBody(400, 'bad_request', 'id must be a UUID'),
    );
    const rebuilt = await admin.post(`/api/campaigns/${campaign.id}/tallies/rebuild`);
    expect([rebuilt.status, rebuilt.body]).toEqual([200, { rebuilt: true, logicVersion: 1 }]);
    expect((await admin.get(`/api/campaigns/${campaign.id}/tallies/verify`)).body).toEqual({
      ok: true,
      checked: verified.body.checked,
    });
    const [audit] = await db.query<Array<{ action: string; subject: string }>>(
      `SELECT action, subject FROM audit_events WHERE action = 'analysis.tallies_rebuilt'`,
    );
    expect(audit).toEqual({ action: 'analysis.tallies_rebuilt', subject: `campaign:${campaign.id}` });
  });

  it('rollups built by older fact logic are rebuilt (as at start-up), those built by the current one are left', async () => {
    const facts = testApp.app.get(AnalysisFactsService);
    const [first, second] = campaigns;
    await facts.fold();
    expect(
      await db.query(`SELECT logic_version FROM analysis_rollup_logic WHERE campaign_id = $1`, [second.id]),
    ).toEqual([{ logic_version: 1 }]);
    await db.query(`UPDATE analysis_rollup_logic SET logic_version = 0 WHERE campaign_id = $1`, [first.id]);
    await db.query(`UPDATE analysis_tally_rollup SET count = count + 5 WHERE campaign_id = $1 AND measure = 'r'`, [
      first.id,
    ]);
    expect(await facts.rebuildOutdated()).toBe(1);
    expect((await admin.get(`/api/campaigns/${first.id}/tallies/verify`)).body.ok).toBe(true);
    expect(
      await db.query(`SELECT logic_version FROM analysis_rollup_logic WHERE campaign_id = $1`, [first.id]),
    ).toEqual([{ logic_version: 1 }]);
    expect(await facts.rebuildOutdated()).toBe(0);
  });

  it('vacuums the queue shortly after folding a large backlog, and leaves a small one to autovacuum', async () => {
    const facts = testApp.app.get(AnalysisFactsService);
    const [campaign] = campaigns;
    const manualVacuums = async (): Promise<number> => {
      const [row] = await db.query<Array<{ n: number }>>(
        `SELECT vacuum_count::int AS n FROM pg_stat_user_tables WHERE relname = 'analysis_pending_changes'`,
      );
      return row.n;
    };
    await facts.fold();
    const before = await manualVacuums();
    // A small fold leaves the queue to autovacuum.
    await complete(campaign, { roles_clear: 'yes' });
    expect(await facts.fold()).toBe(1);
    await facts.queueVacuumed();
    expect(await manualVacuums()).toBe(before);

    await db.query(
      `INSERT INTO responses (id, campaign_id, survey_version_id, network_id, country, role, language, data, status, completed_at)
       SELECT gen_random_uuid(), $1, $2, $3, 'Morocco', 'nfp', 'en', '{"roles_clear": "no"}', 'complete', now()
         FROM generate_series(1, $4::int)`,
      [campaign.id, campaign.versionId, networkId, QUEUE_VACUUM_AFTER],
    );
    expect(await facts.fold()).toBe(QUEUE_VACUUM_AFTER);
    await facts.queueVacuumed();
    expect(await manualVacuums()).toBe(before + 1);
    const [queued] = await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM analysis_pending_changes`);
    expect(queued.n).toBe(0);
    const counted = await countedAndQueued(campaign.id);
    expect(counted.folded).toBe(counted.stored);
  });
});
