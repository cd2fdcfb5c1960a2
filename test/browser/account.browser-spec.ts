import type { Page } from 'playwright-core';
import { staffApi, signInThroughForm } from '../support/browser-staff';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { startSmtp, type TestSmtpServer, waitForMail } from '../support/smtp-server';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const DILNOZA: StaffAccount = {
  email: 'dilnoza@example.org',
  name: 'Dilnoza Karimova',
  password: 'First-password-123',
};

describeWithBrowser('passwords in the browser', () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  const rig = useServerAndBrowser(() => ({ env: { SEED_DEMO: 'false', SMTP_URL: smtp.url } }));
  // Declared after the server's own afterAll, so the mail server closes once the server has stopped.
  afterAll(async () => {
    await smtp?.close();
  });

  beforeAll(async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', DILNOZA);
  });

  async function newPage(): Promise<Page> {
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    return context.newPage();
  }

  it('changes your own password on the Account page; the other browser is signed out', async () => {
    const other = await newPage();
    await other.goto(`${rig.server.origin}/account`);
    await signInThroughForm(other, DILNOZA.email, DILNOZA.password);
    await other.getByRole('heading', { name: 'Account', level: 1 }).waitFor();

    const page = await newPage();
    await page.goto(`${rig.server.origin}/account`);
    await signInThroughForm(page, DILNOZA.email, DILNOZA.password);
    await page.getByLabel('Current password').fill('not-my-password');
    await page.getByLabel('New password', { exact: true }).fill('Second-password-123');
    await page.getByLabel('Repeat the new password').fill('Second-password-123');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Could not change the password: currentPassword is not your current password').waitFor();

    await page.getByLabel('Current password').fill(DILNOZA.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed. Your other sessions have ended.').waitFor();
    await page.screenshot({ path: screenshotPath('account-password-changed'), fullPage: true });

    // The other browser's session has ended: its next request sends it to the sign-in page.
    await other.reload();
    await other.waitForURL(/\/login/);
  });

  it('resets a forgotten password through the e-mailed link', async () => {
    const page = await newPage();
    await page.goto(`${rig.server.origin}/login`);
    await page.getByRole('link', { name: 'Forgotten your password?' }).click();
    await page.getByLabel('E-mail').fill(DILNOZA.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('a link to choose a new password is on its way').waitFor();

    const mail = await waitForMail(smtp, (candidate) => candidate.to.includes(DILNOZA.email));
    const link = /^(http\S+\/reset-password#token=[\w-]+)$/m.exec(mail.text)?.[1];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByLabel('New password', { exact: true }).fill('Third-password-1234');
    await page.getByLabel('Repeat the new password').fill('Third-password-1234');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your new password is set').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.screenshot({ path: screenshotPath('account-password-reset'), fullPage: true });

    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await signInThroughForm(page, DILNOZA.email, 'Third-password-1234');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  });
});
