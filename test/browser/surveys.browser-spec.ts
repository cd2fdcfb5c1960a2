import type { Browser, Page } from 'playwright-core';
import {
  describeWithBrowser,
  launchChromium,
  type RunningServer,
  screenshotPath,
  startBuiltServer,
} from '../support/browser';
import { signInThroughForm, staffApi } from '../support/browser-staff';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const ANALYST = { email: 'analyst@example.org', name: 'Secretariat analyst', password: 'Analyst-password-123' };
const QUESTIONNAIRE = 'Review of the CoE Charter: roles and responsibilities';

describeWithBrowser('a secretariat analyst reading the seeded questionnaire', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The built server seeds the charter-review questionnaire, versions 1 and 2 published.
    server = await startBuiltServer();
    const admin = await staffApi(server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin('POST', '/api/users', { ...ANALYST, role: 'secretariat' });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('previews version 2 in Russian, then reads what changed since version 1', async () => {
    await page.goto(`${server.origin}/surveys`);
    await signInThroughForm(page, ANALYST.email, ANALYST.password);
    await page.waitForURL(/\/surveys$/);
    await page.getByRole('link', { name: QUESTIONNAIRE }).click();
    await page.getByRole('heading', { level: 1, name: QUESTIONNAIRE }).waitFor();
    await page.getByRole('heading', { name: 'Version history' }).waitFor();

    const history = page.getByRole('region', { name: 'Versions of this questionnaire' });
    await history.getByRole('link', { name: '2', exact: true }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+\/versions\/2$/);
    await page.getByRole('heading', { level: 1, name: 'Version 2 published' }).waitFor();

    // The live preview renders the questionnaire as respondents see it, in the default locale first.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('What is your role in the network?', { exact: true }).waitFor();
    await preview.getByText('About you', { exact: true }).waitFor();
    const language = page.getByLabel('Preview language');
    expect(await language.locator('option').allTextContents()).toEqual(['en', 'ar', 'fr', 'ru']);

    await language.selectOption('ru');
    await preview.getByText('Какова ваша роль в сети?', { exact: true }).waitFor();
    await preview.getByText('О вас', { exact: true }).waitFor();
    await preview.getByText('Национальный координатор', { exact: true }).waitFor();
    expect(await preview.getByText('What is your role in the network?').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('surveys-preview-ru'), fullPage: true });

    await page.getByRole('link', { name: `← ${QUESTIONNAIRE}` }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+$/);
    await history.getByRole('link', { name: 'with 1' }).click();
    await page.waitForURL(/\/surveys\/[0-9a-f-]+\/diff\/1\/2$/);
    await page.getByRole('heading', { level: 1, name: 'Version 1 → 2' }).waitFor();

    const changes = page.getByRole('region', { name: 'Changed questions' });
    await changes.getByRole('cell', { name: 'network_cooperation' }).waitFor();
    const rows = await changes
      .getByRole('row')
      .evaluateAll((elements) =>
        elements.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
      );
    expect(rows).toEqual([
      ['Question', 'Change', 'Details', 'Stale translations'],
      // Reworded in English and French; the Russian title was left as it was, so it is flagged stale.
      ['nfp_role_clarity', 'changed', 'fields: title.default, title.fr', 'title.ru'],
      ['nfp_tasks', 'changed', 'fields: choices · choices added: mobilise_resources', ''],
      ['jrc_tools', 'changed', 'fields: page · moved from partners to experts', ''],
      ['rtm_frequency', 'changed', 'fields: choices · choices removed: three', ''],
      ['network_cooperation', 'added', '', ''],
    ]);
    await page.screenshot({ path: screenshotPath('surveys-diff-1-2'), fullPage: true });
  }, 120_000);
});
