import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { staffApi } from '../support/browser-staff';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

/**
 * Every page loads everything from Concord itself: no request leaves the origin (fonts included),
 * the Content-Security-Policy blocks nothing, and the console stays free of errors.
 */
describeWithBrowser('every page, served from its own origin only', () => {
  const rig = useServerAndBrowser();
  let page: Page;
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];
  const fontResponses: Array<{ url: string; status: number; cacheControl: string | null }> = [];

  beforeAll(async () => {
    // With the demo data: campaigns, responses and Charter history make every page show real content.
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(rig.server.origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
        outsideRequests.push(url);
    });
    page.on('response', (response) => {
      if (/\.woff2?$/.test(response.url()))
        fontResponses.push({
          url: response.url(),
          status: response.status(),
          cacheControl: response.headers()['cache-control'] ?? null,
        });
    });
  }, 120_000);

  async function visit(path: string, ready: (page: Page) => Promise<unknown>, screenshot?: string): Promise<void> {
    await page.goto(`${rig.server.origin}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    if (screenshot !== undefined) await page.screenshot({ path: screenshotPath(screenshot) });
  }

  it('loads every staff page and the respondent page without a console error or an outside request', async () => {
    await page.goto(`${rig.server.origin}/login`);
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    // Signing in is where the app first learns there is no session; count what follows.
    await page.waitForLoadState('networkidle');
    consoleErrors.length = 0;

    const api = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const surveys = await api<Array<{ id: string; slug: string }>>('GET', '/api/surveys');
    const seeded = surveys.find((survey) => survey.slug === 'charter-review');
    if (seeded === undefined) throw new Error('the questionnaire is not seeded');
    const campaigns = await api<Array<{ id: string; status: string }>>('GET', '/api/campaigns');
    const campaign = campaigns.find((candidate) => candidate.status === 'open');
    if (campaign === undefined) throw new Error('no open demo campaign');

    const pages: Array<[string, (page: Page) => Promise<unknown>]> = [
      ['/', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/account', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/surveys', (p) => p.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor()],
      [`/surveys/${seeded.id}`, (p) => p.getByRole('heading', { name: 'Version history' }).waitFor()],
      [
        `/surveys/${seeded.id}/versions/2`,
        (p) => p.getByRole('region', { name: 'Preview' }).getByText('About you').waitFor(),
      ],
      [
        `/surveys/${seeded.id}/versions/new`,
        (p) => p.getByRole('heading', { level: 1, name: 'New version' }).waitFor(),
      ],
      [`/surveys/${seeded.id}/diff/1/2`, (p) => p.getByRole('heading', { level: 1, name: /Version 1 → 2/ }).waitFor()],
      ['/campaigns', (p) => p.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor()],
      [`/campaigns/${campaign.id}`, (p) => p.getByRole('heading', { name: 'Participants' }).waitFor()],
      ['/analysis', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/charter', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/networks', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/users', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
      ['/audit', (p) => p.getByRole('heading', { level: 1 }).first().waitFor()],
    ];
    for (const [path, ready] of pages)
      await visit(path, ready, path.startsWith('/campaigns/') ? 'campaign-participants' : undefined);

    // A member who has not started yet sees the first page of questions.
    const invited = await api<Array<{ invitationId: string }>>(
      'GET',
      `/api/campaigns/${campaign.id}/participants?status=sent`,
    );
    const waiting =
      invited[0] ??
      (
        await api<Array<{ invitationId: string }>>('GET', `/api/campaigns/${campaign.id}/participants?status=invited`)
      )[0];
    const links = await api<Array<{ invitationId: string; url: string }>>('GET', `/api/campaigns/${campaign.id}/links`);
    const link = links.find((candidate) => candidate.invitationId === waiting?.invitationId);
    if (link === undefined) throw new Error('no member left who has not opened the questionnaire');
    await page.context().clearCookies();
    await visit(new URL(link.url).pathname, (p) => p.locator('.sd-question').first().waitFor(), 'respondent-fonts');
    // The questionnaire is drawn in the bundled Open Sans, not a fallback.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      const title = document.querySelector('.sd-question__title');
      return {
        loaded: document.fonts.check('16px "Open Sans"'),
        family: title === null ? '' : getComputedStyle(title).fontFamily,
      };
    });
    expect(fonts.loaded).toBe(true);
    expect(fonts.family).toMatch(/^"?Open Sans"?/);

    expect(outsideRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(fontResponses.length).toBeGreaterThan(0);
    for (const font of fontResponses) {
      expect(font.url.startsWith(`${rig.server.origin}/assets/`)).toBe(true);
      expect([font.status, font.cacheControl]).toEqual([200, 'public, max-age=31536000, immutable']);
    }
  }, 300_000);
});
