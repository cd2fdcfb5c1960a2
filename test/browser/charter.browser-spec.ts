import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { openSeededCharter } from '../support/browser-staff';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

describeWithBrowser('the charter in the browser', () => {
  const rig = useServerAndBrowser();
  let page: Page;

  beforeAll(async () => {
    // The built server seeds the demo charter and its history (SEED_DEMO defaults to true).
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it('reads the seeded charter, compares revisions, blames, and saves an edit', async () => {
    await openSeededCharter(page, rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByRole('link', { name: 'Article 6. Regional Secretariats' }).waitFor();
    await page.screenshot({ path: screenshotPath('charter-read'), fullPage: false });

    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByLabel('From').selectOption('1');
    await page.getByLabel('To').selectOption('5');
    await page.locator('ins', { hasText: 'and a deputy' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('charter-compare'), fullPage: false });

    await page.getByRole('button', { name: 'Blame' }).click();
    await page.getByText('r2 · Committee member, Rabat').first().waitFor();

    await page.getByRole('button', { name: 'Amendments' }).click();
    await page.getByText('The Round Table Meeting sets its own agenda (Article 7).').waitFor();

    await page.getByRole('button', { name: 'Edit' }).click();
    const purpose = page.getByLabel('Text (Markdown)').first();
    await purpose.fill('This Charter sets out how the network works. <script>window.hacked = true</script>');
    await page.getByLabel('What changed and why').fill('Shorter purpose');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.getByText('Revision 6 by Administrator').waitFor();
    // Raw HTML in Markdown is shown as text, never run.
    await page.getByText('<script>window.hacked = true</script>').waitFor();
    expect(await page.evaluate(() => (window as unknown as { hacked?: boolean }).hacked)).toBeUndefined();
  }, 120_000);
});
