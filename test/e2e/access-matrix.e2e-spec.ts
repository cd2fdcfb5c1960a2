import { randomUUID } from 'node:crypto';
import type { Test } from 'supertest';
import {
  addMembers,
  campaignLinks,
  makeMembers,
  networksByCode,
  publishSurvey,
  tokenOf,
} from '../support/campaign-fixtures';
import { createStaff, signIn, type StaffSession } from '../support/staff-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createTestApp, type TestApp } from '../support/test-app';

/**
 * Who may call what, for every route in the OpenAPI document. A route added without an entry
 * here fails this test, so access is always a decision written down.
 *   public     — no login (respondents, health, sign-in)
 *   staff      — any signed-in staff role
 *   secretariat, committee — that role (and admin)
 *   admin      — admin only
 */
type Access = 'public' | 'staff' | 'secretariat' | 'committee' | 'admin';

const EXPECTED: Record<string, Access> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'staff',
  'GET /api/auth/me': 'staff',
  'GET /api/auth/tokens': 'staff',
  'POST /api/auth/tokens': 'staff',
  'DELETE /api/auth/tokens/{id}': 'staff',
  'POST /api/auth/password': 'staff',
  'POST /api/auth/password-reset': 'public',
  'POST /api/auth/password-reset/confirm': 'public',
  'GET /api/auth/totp': 'staff',
  'POST /api/auth/totp/setup': 'staff',
  'POST /api/auth/totp/enable': 'staff',
  'POST /api/auth/totp/disable': 'staff',
  'GET /api/auth/totp/policy': 'admin',
  'PUT /api/auth/totp/policy': 'admin',
  'GET /api/auth/oidc': 'public',
  'GET /api/auth/oidc/login': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/users': 'admin',
  'POST /api/users': 'admin',
  'GET /api/users/{id}': 'admin',
  'PATCH /api/users/{id}': 'admin',
  'GET /api/users/{id}/tokens': 'admin',
  'DELETE /api/users/{id}/tokens/{tokenId}': 'admin',
  'DELETE /api/users/{id}/totp': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/audit/verify': 'admin',

  'GET /api/networks': 'staff',
  'GET /api/networks/{id}/members': 'secretariat',
  'POST /api/networks/{id}/members': 'secretariat',
  'POST /api/networks/{id}/members/import': 'secretariat',
  'GET /api/members/{id}/export': 'admin',
  'POST /api/members/{id}/erase': 'admin',
  'GET /api/demo': 'admin',
  'DELETE /api/demo': 'admin',

  'POST /api/surveys': 'secretariat',
  'GET /api/surveys': 'staff',
  'GET /api/surveys/{id}': 'staff',
  'POST /api/surveys/{id}/versions': 'secretariat',
  'PUT /api/surveys/{id}/versions/{version}': 'secretariat',
  'GET /api/surveys/{id}/versions/{version}': 'staff',
  'POST /api/surveys/{id}/versions/{version}/publish': 'secretariat',
  'GET /api/surveys/{id}/versions/{from}/diff/{to}': 'staff',
  'GET /api/surveys/{id}/versions/{version}/translations/{file}': 'staff',
  'PUT /api/surveys/{id}/versions/{version}/translations/{file}': 'secretariat',

  'POST /api/campaigns': 'secretariat',
  'GET /api/campaigns': 'staff',
  'GET /api/campaigns/{id}': 'staff',
  'GET /api/campaigns/{id}/links': 'secretariat',
  'GET /api/campaigns/{id}/links.csv': 'secretariat',
  'POST /api/campaigns/{id}/open-links': 'secretariat',
  'GET /api/campaigns/{id}/open-links': 'secretariat',
  'GET /api/campaigns/{id}/progress': 'staff',
  'POST /api/campaigns/{id}/close': 'secretariat',
  'POST /api/invitations/{id}/revoke': 'secretariat',
  'POST /api/campaigns/{id}/invitations/send': 'secretariat',
  'POST /api/campaigns/{id}/reminders': 'secretariat',
  'POST /api/campaigns/{id}/reminders/preview': 'secretariat',
  'POST /api/campaigns/{id}/test-invitation': 'secretariat',
  'GET /api/campaigns/{id}/participants': 'secretariat',
  'GET /api/campaigns/{id}/participants.csv': 'secretariat',
  'POST /api/campaigns/{id}/copy': 'secretariat',
  'GET /api/campaigns/{id}/outbox': 'secretariat',
  'GET /api/campaigns/{id}/outbox.csv': 'secretariat',
  'PUT /api/campaigns/{id}/retention': 'secretariat',
  'GET /api/campaigns/{id}/mail-wording': 'secretariat',
  'PUT /api/campaigns/{id}/mail-wording/{kind}/{language}': 'secretariat',
  'DELETE /api/campaigns/{id}/mail-wording/{kind}/{language}': 'secretariat',

  'GET /api/respond/{token}': 'public',
  'PUT /api/respond/{token}': 'public',
  'POST /api/respond/{token}/complete': 'public',

  'GET /api/campaigns/{id}/tallies': 'staff',
  'GET /api/campaigns/{id}/tallies.csv': 'staff',
  'GET /api/campaigns/{id}/tallies.xlsx': 'staff',
  'GET /api/campaigns/{id}/tallies/verify': 'secretariat',
  'POST /api/campaigns/{id}/tallies/rebuild': 'admin',
  'GET /api/surveys/{id}/tallies': 'staff',
  'GET /api/campaigns/{id}/answers/{question}': 'staff',
  'GET /api/campaigns/{id}/responses.csv': 'secretariat',
  'GET /api/campaigns/{id}/responses.xlsx': 'secretariat',
  'GET /api/campaigns/{id}/responses.json': 'secretariat',
  'GET /api/campaigns/{id}/responses.sav': 'secretariat',
  'GET /api/campaigns/{id}/codebook.csv': 'staff',
  'GET /api/campaigns/{id}/analysis-settings': 'staff',
  'PUT /api/campaigns/{id}/analysis-settings': 'secretariat',

  'GET /api/coding/campaigns': 'staff',
  'GET /api/campaigns/{id}/coding': 'staff',
  'GET /api/campaigns/{id}/coding/answers': 'secretariat',
  'PUT /api/campaigns/{id}/responses/{responseId}/codes': 'secretariat',
  'DELETE /api/campaigns/{id}/responses/{responseId}/codes': 'secretariat',
  'POST /api/campaigns/{id}/themes/suggest': 'secretariat',
  'POST /api/campaigns/{id}/themes/suggest/apply': 'secretariat',
  'GET /api/campaigns/{id}/themes/coders': 'staff',
  'GET /api/campaigns/{id}/themes/agreement': 'staff',
  'GET /api/campaigns/{id}/themes/tallies': 'staff',
  'POST /api/surveys/{id}/themes': 'secretariat',
  'GET /api/surveys/{id}/themes': 'staff',
  'PATCH /api/surveys/{id}/themes/{themeId}': 'secretariat',
  'POST /api/surveys/{id}/themes/{themeId}/merge': 'secretariat',
  'DELETE /api/surveys/{id}/themes/{themeId}': 'secretariat',

  'GET /api/charters': 'staff',
  'POST /api/charters': 'committee',
  'GET /api/charters/{id}': 'staff',
  'POST /api/charters/{id}/revisions': 'committee',
  'GET /api/charters/{id}/revisions': 'staff',
  'POST /api/charters/{id}/import': 'committee',
  'GET /api/charters/{id}/revisions/{n}': 'staff',
  'GET /api/charters/{id}/diff': 'staff',
  'GET /api/charters/{id}/blame': 'staff',
  'GET /api/charters/{id}/clauses/{clauseId}/history': 'staff',
  'GET /api/charters/{id}/export': 'staff',
  'GET /api/charters/{id}/comments': 'staff',
  'POST /api/charters/{id}/comments': 'committee',
  'POST /api/charters/{id}/comments/{commentId}/resolve': 'committee',
  'POST /api/charters/{id}/comments/{commentId}/reopen': 'committee',
  'GET /api/charters/{id}/amendments': 'staff',
  'POST /api/charters/{id}/amendments': 'committee',
  'POST /api/charters/{id}/amendments/{amendmentId}/accept': 'committee',
  'POST /api/charters/{id}/amendments/{amendmentId}/reject': 'committee',
  'GET /api/charters/{id}/evidence': 'staff',
  'POST /api/charters/{id}/evidence': 'committee',
  'PUT /api/charters/{id}/chairs': 'admin',
  'GET /api/charters/{id}/chairs': 'staff',
  'PUT /api/charters/{id}/amendments/{amendmentId}/vote': 'committee',
  'DELETE /api/charters/{id}/amendments/{amendmentId}/vote': 'committee',
  'GET /api/charters/{id}/amendments/{amendmentId}/preview': 'staff',
  'GET /api/charters/{id}/translations': 'staff',
  'PUT /api/charters/{id}/translations/{lang}/{clauseId}': 'committee',
};

type Caller = 'anonymous' | 'respondent' | 'committee' | 'secretariat' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'respondent', 'committee', 'secretariat', 'admin'];

function allowed(access: Access, caller: Caller): boolean {
  switch (access) {
    case 'public':
      return true;
    case 'staff':
      return caller === 'committee' || caller === 'secretariat' || caller === 'admin';
    case 'secretariat':
      return caller === 'secretariat' || caller === 'admin';
    case 'committee':
      return caller === 'committee' || caller === 'admin';
    case 'admin':
      return caller === 'admin';
  }
}

describe('access control matrix', () => {
  let testApp: TestApp;
  let routes: string[];
  const sessions = {} as Record<'committee' | 'secretariat' | 'admin', StaffSession>;
  let respondentToken: string;
  let otherToken: string;

  beforeAll(async () => {
    testApp = await createTestApp();
    sessions.admin = await signIn(testApp, ADMIN_EMAIL, ADMIN_PASSWORD);
    sessions.committee = await createStaff(testApp, sessions.admin, 'committee');
    sessions.secretariat = await createStaff(testApp, sessions.admin, 'secretariat');
    const survey = await publishSurvey(sessions.secretariat, 'access-matrix');
    const network = (await networksByCode(sessions.secretariat)).CA;
    await addMembers(sessions.secretariat, network.id, makeMembers('matrix', 2, 'Uzbekistan'));
    const campaign = await sessions.secretariat
      .post('/api/campaigns')
      .send({ surveyId: survey.surveyId, version: survey.version, name: 'Matrix', networkIds: [network.id] });
    const links = await campaignLinks(sessions.secretariat, campaign.body.id as string);
    [respondentToken, otherToken] = links.map((link) => tokenOf(link.url));
    const docs = await testApp.http().get('/api/docs-json');
    routes = Object.entries(docs.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(() => testApp.close());

  it('has an expectation for every route in the OpenAPI document, and no stale ones', () => {
    expect([...routes].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  function send(caller: Caller, method: string, path: string): Test {
    const lower = method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    if (caller === 'anonymous') return testApp.http()[lower](path);
    if (caller === 'respondent') {
      // Someone holding a respondent link has no staff credentials; trying the link as a token fails.
      return testApp.http()[lower](path).set('Authorization', `Bearer ${respondentToken}`);
    }
    return sessions[caller][lower](path);
  }

  function concretePath(route: string): string {
    return route
      .split(' ')[1]
      .replace('{token}', otherToken)
      .replace(/\{[^}]+\}/g, (name) =>
        name === '{version}' || name === '{n}' || name === '{from}' || name === '{to}' ? '1' : randomUUID(),
      );
  }

  it.each(CALLERS)(
    'answers %s exactly as written down: 401 without credentials, 403 for a wrong role',
    async (caller) => {
      const outcomes: string[] = [];
      const mismatches: string[] = [];
      for (const route of Object.keys(EXPECTED)) {
        // Signing out would end the shared session used by the other checks.
        if (route === 'POST /api/auth/logout' && caller !== 'anonymous' && caller !== 'respondent') continue;
        const access = EXPECTED[route];
        const response = await send(caller, route.split(' ')[0], concretePath(route)).send({});
        const isAllowed = allowed(access, caller);
        const expected = isAllowed ? 'allowed' : caller === 'anonymous' || caller === 'respondent' ? '401' : '403';
        const actual = response.status === 401 ? '401' : response.status === 403 ? '403' : 'allowed';
        outcomes.push(`${route}: ${actual}`);
        if (actual !== expected)
          mismatches.push(
            `${route} as ${caller}: expected ${expected}, got ${response.status} ${JSON.stringify(response.body)}`,
          );
        if (response.status >= 500) mismatches.push(`${route} as ${caller}: ${response.status}`);
      }
      expect(mismatches).toEqual([]);
      expect(outcomes.length).toBeGreaterThan(60);
    },
  );

  it('a respondent link reaches only its own questionnaire and answers', async () => {
    const mine = await testApp.http().get(`/api/respond/${respondentToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body.status).toBe('new');
    const saved = await testApp
      .http()
      .put(`/api/respond/${respondentToken}`)
      .send({ data: { roles_clear: 'yes' } });
    expect(saved.status).toBe(200);
    const other = await testApp.http().get(`/api/respond/${otherToken}`);
    expect([other.status, other.body.status, other.body.data]).toEqual([200, 'new', {}]);
    const forged = await testApp.http().get(`/api/respond/${respondentToken.slice(0, -2)}xx`);
    expect(forged.status).toBe(404);
  });
});
