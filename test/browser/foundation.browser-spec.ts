import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

describeWithBrowser('an admin in the browser', () => {
  const rig = useServerAndBrowser();
  let page: Page;

  beforeAll(async () => {
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it('signs in, adds a user, and finds the event in the audit log with the chain intact', async () => {
    await page.goto(`${rig.server.origin}/users`);
    await page.waitForURL(/\/login/);
    await page.getByLabel('E-mail').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Invalid email or password').waitFor();

    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/users$/);

    await page.getByLabel('Name', { exact: true }).fill('Aziza Rakhimova');
    await page.getByLabel('E-mail', { exact: true }).fill('aziza@example.org');
    await page.getByLabel('Role', { exact: true }).selectOption('committee');
    await page.getByLabel('Password', { exact: true }).fill('a-strong-password-42');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Aziza Rakhimova (aziza@example.org)' }).waitFor();
    await page.getByRole('cell', { name: 'aziza@example.org' }).waitFor();
    await page.screenshot({ path: screenshotPath('foundation-users'), fullPage: true });

    await page.getByRole('link', { name: 'Audit' }).click();
    await page.waitForURL(/\/audit/);
    await page.getByText(/Audit chain intact/).waitFor();
    const createdRow = page
      .getByRole('row')
      .filter({ hasText: 'user.created' })
      .filter({ hasText: 'aziza@example.org' })
      .filter({ hasText: ADMIN_EMAIL });
    await createdRow.first().waitFor();
    expect(await createdRow.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('foundation-audit'), fullPage: true });
  });
});
