import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/accessibility';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi, type StaffApi } from '../support/browser-staff';
import { respondentCampaign } from '../support/respondent-fixtures';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

/** What a person sees first on each page, to know it has rendered before axe looks at it. */
interface StaffPage {
  name: string;
  path: string;
  ready: (page: Page) => Promise<void>;
}

describeWithBrowser('accessibility (axe-core: no serious or critical violation)', () => {
  const rig = useServerAndBrowser();
  let admin: StaffApi;

  beforeAll(async () => {
    admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
  }, 60_000);

  it('the respondent page in each of the four languages: questionnaire, review and receipt', async () => {
    const languages = ['en', 'fr', 'ru', 'ar'] as const;
    const { tokens } = await respondentCampaign(
      admin,
      'axe-respondent',
      languages.map((language) => ({ name: `Member ${language}`, email: `axe-${language}@example.org`, language })),
    );
    const failures: string[] = [];
    for (const language of languages) {
      const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, locale: language });
      const page = await context.newPage();
      await page.goto(`${rig.server.origin}/r/${tokens[`axe-${language}@example.org`]}`);
      await page.locator('.sd-question').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
      failures.push(...(await seriousViolations(page)).map((line) => `${language} questionnaire: ${line}`));

      // Answer everything, then the review step and the receipt.
      await page.locator('.sd-item__control-label').first().click();
      await page.locator('.sd-navigation__next-btn').click();
      await page.locator('.sd-rating__item').nth(3).click();
      await page.locator('.sd-navigation__next-btn').click();
      await page.locator('.sd-item__control-label').first().click();
      await page.locator('.sd-navigation__complete-btn').click();
      await page.locator('.respond__review').waitFor();
      failures.push(...(await seriousViolations(page)).map((line) => `${language} review: ${line}`));
      await page.locator('.respond__actions .button--primary').click();
      await page.locator('.respond__receipt').waitFor();
      failures.push(...(await seriousViolations(page)).map((line) => `${language} receipt: ${line}`));
      await page.screenshot({ path: screenshotPath(`a11y-respondent-${language}`), fullPage: true });
      await context.close();
    }
    const problemContext = await rig.browser.newContext({ locale: 'ar' });
    const problem = await problemContext.newPage();
    await problem.goto(`${rig.server.origin}/r/${'x'.repeat(43)}`);
    await problem.getByRole('heading', { name: 'هذا الرابط غير صالح' }).waitFor();
    failures.push(...(await seriousViolations(problem)).map((line) => `unknown link: ${line}`));
    await problemContext.close();
    expect(failures).toEqual([]);
  }, 180_000);

  it('every staff page', async () => {
    const surveys = await admin<Array<{ id: string; latestVersion: number | null }>>('GET', '/api/surveys');
    const survey = surveys.find((candidate) => (candidate.latestVersion ?? 0) >= 1);
    const campaigns = await admin<Array<{ id: string }>>('GET', '/api/campaigns');
    if (survey === undefined || campaigns[0] === undefined) throw new Error('the demo seed has no survey or campaign');
    const latest = survey.latestVersion ?? 1;
    const heading = (page: Page) => page.locator('main h1').first().waitFor();
    const pages: StaffPage[] = [
      { name: 'dashboard', path: '/', ready: heading },
      { name: 'account', path: '/account', ready: heading },
      { name: 'surveys', path: '/surveys', ready: heading },
      { name: 'survey', path: `/surveys/${survey.id}`, ready: heading },
      { name: 'survey version', path: `/surveys/${survey.id}/versions/${latest}`, ready: heading },
      { name: 'version diff', path: `/surveys/${survey.id}/diff/1/${latest}`, ready: heading },
      { name: 'campaigns', path: '/campaigns', ready: heading },
      { name: 'campaign', path: `/campaigns/${campaigns[0].id}`, ready: heading },
      { name: 'analysis', path: '/analysis', ready: heading },
      { name: 'charter', path: '/charter', ready: heading },
      { name: 'networks', path: '/networks', ready: heading },
      { name: 'users', path: '/users', ready: heading },
      { name: 'audit', path: '/audit', ready: heading },
      { name: 'not found', path: '/no-such-page', ready: heading },
    ];
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${rig.server.origin}/login`);
    await page.getByLabel('E-mail').waitFor();
    const failures = (await seriousViolations(page)).map((line) => `login: ${line}`);
    await page.goto(`${rig.server.origin}/`);
    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(`${rig.server.origin}/`);
    for (const staffPage of pages) {
      await page.goto(`${rig.server.origin}${staffPage.path}`);
      await staffPage.ready(page);
      // Let data-driven parts (tables, charts) render before looking.
      await page.waitForLoadState('networkidle');
      failures.push(...(await seriousViolations(page)).map((line) => `${staffPage.name}: ${line}`));
    }
    await context.close();
    expect(failures).toEqual([]);
  }, 400_000);
});
