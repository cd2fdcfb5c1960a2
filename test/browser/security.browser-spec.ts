import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { httpSignIn, type HttpSession } from '../support/http-session';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const SCRIPT = '<script>window.__xss = "script"</script>';
const HANDLER = '<img src=x onerror="window.__xss = \'handler\'">';

/** Untrusted text everywhere a person can put it: survey titles, choices, Charter bodies. */
const HOSTILE_DEFINITION = {
  title: `Hostile ${SCRIPT}`,
  description: `Described ${HANDLER}`,
  pages: [
    {
      name: 'p1',
      elements: [
        {
          type: 'radiogroup',
          name: 'q1',
          title: `Question ${HANDLER}`,
          choices: [
            { value: 'a', text: `Choice ${SCRIPT}` },
            { value: 'b', text: `Other ${HANDLER}` },
          ],
        },
        {
          type: 'html',
          name: 'info',
          html: `<p>Info</p>${SCRIPT}${HANDLER}<a href="javascript:window.__xss='link'">x</a>`,
        },
        { type: 'comment', name: 'q2', title: `Echo {q1} ${HANDLER}` },
      ],
    },
  ],
};

async function expectNoScriptRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss ?? null)).toBeNull();
  expect(dialogs).toEqual([]);
}

describeWithBrowser('untrusted content in the browser', () => {
  const rig = useServerAndBrowser({ SEED_DEMO: 'false' });
  let page: Page;
  let admin: HttpSession;
  const dialogs: string[] = [];

  beforeAll(async () => {
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    admin = await httpSignIn(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  it('shows hostile survey texts as text on the respondent page and in the staff pages', async () => {
    const survey = await admin.request('POST', '/api/surveys', { slug: 'hostile', title: `Hostile survey ${SCRIPT}` });
    expect(survey.status).toBe(201);
    const surveyId = (survey.body as { id: string }).id;
    const version = await admin.request('POST', `/api/surveys/${surveyId}/versions`, {
      definition: HOSTILE_DEFINITION,
      changelog: 'hostile',
    });
    expect(version.status).toBe(201);
    expect((await admin.request('POST', `/api/surveys/${surveyId}/versions/1/publish`)).status).toBe(200);
    const networks = (await admin.request('GET', '/api/networks')).body as Array<{ id: string; code: string }>;
    const network = networks.find((entry) => entry.code === 'ME');
    if (network === undefined) throw new Error('network ME is not seeded');
    expect(
      (
        await admin.request('POST', `/api/networks/${network.id}/members`, [
          {
            name: 'Layla Haddad',
            email: 'layla@example.org',
            country: 'Jordan',
            role: 'National Focal Point',
            language: 'en',
          },
        ])
      ).status,
    ).toBe(201);
    const campaign = await admin.request('POST', '/api/campaigns', {
      surveyId,
      version: 1,
      name: `Campaign ${HANDLER}`,
      networkIds: [network.id],
    });
    expect(campaign.status).toBe(201);
    const links = (await admin.request('GET', `/api/campaigns/${(campaign.body as { id: string }).id}/links`))
      .body as Array<{ url: string }>;
    const path = new URL(links[0].url).pathname;

    await page.goto(`${rig.server.origin}${path}`);
    await page.getByText('Question', { exact: false }).first().waitFor();
    await page
      .getByText(/Choice <script>/)
      .first()
      .waitFor();
    await page
      .getByText('a', { exact: true })
      .first()
      .click({ trial: true })
      .catch(() => undefined);
    await page.waitForTimeout(300);
    await expectNoScriptRan(page, dialogs);
    await page.screenshot({ path: screenshotPath('security-respondent'), fullPage: true });

    await page.goto(`${rig.server.origin}/login`);
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${rig.server.origin}/surveys`);
    await page
      .getByText(/Hostile survey <script>/)
      .first()
      .waitFor();
    await page.goto(`${rig.server.origin}/campaigns`);
    await page
      .getByText(/Campaign <img/)
      .first()
      .waitFor();
    await expectNoScriptRan(page, dialogs);
    await page.screenshot({ path: screenshotPath('security-staff'), fullPage: true });
  });

  it('sets httpOnly, SameSite session cookies and security headers', async () => {
    const cookies = await page.context().cookies(rig.server.origin);
    const session = cookies.find((cookie) => cookie.name === 'concord_session');
    const csrf = cookies.find((cookie) => cookie.name === 'csrf_token');
    expect([session?.httpOnly, session?.sameSite]).toEqual([true, 'Lax']);
    expect([csrf?.httpOnly, csrf?.sameSite]).toEqual([false, 'Lax']);
    expect(await page.evaluate(() => document.cookie.includes('concord_session'))).toBe(false);
    const response = await fetch(`${rig.server.origin}/surveys`);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});
