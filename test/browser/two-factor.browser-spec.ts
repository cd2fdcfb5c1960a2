import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { staffApi, signInThroughForm } from '../support/browser-staff';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const FARIDA: StaffAccount = { email: 'farida@example.org', name: 'Farida Haddad', password: 'Farida-password-123' };
const TOMAS: StaffAccount = { email: 'tomas@example.org', name: 'Tomas Novak', password: 'Tomas-password-123' };

function codeAt(secret: string, at: number): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) }).generate({ timestamp: at });
}

/** A code is accepted once: wait for the next 30-second step before signing in with a fresh one. */
async function nextStep(): Promise<number> {
  const step = Math.floor(Date.now() / 30_000);
  while (Math.floor(Date.now() / 30_000) === step) await new Promise((resolve) => setTimeout(resolve, 250));
  return Date.now();
}

describeWithBrowser('two-factor sign-in in the browser', () => {
  const rig = useServerAndBrowser({ SEED_DEMO: 'false' });
  let admin: Awaited<ReturnType<typeof staffApi>>;

  beforeAll(async () => {
    admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', FARIDA);
  });

  async function newPage(): Promise<Page> {
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    return context.newPage();
  }

  it('sets it up on the Account page from the QR code page, then signs in with a code', async () => {
    const page = await newPage();
    await page.goto(`${rig.server.origin}/account`);
    await signInThroughForm(page, FARIDA.email, FARIDA.password);
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();

    const qr = page.getByRole('img', { name: 'QR code to add Concord to your authenticator app' });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await qr.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.screenshot({ path: screenshotPath('two-factor-setup'), fullPage: true });

    await page.getByLabel('Enter the six-digit code the app shows').fill(codeAt(secret, Date.now() - 10 * 30_000));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    await page
      .getByText('Could not turn on two-factor sign-in: code is not the current code of your authenticator app')
      .waitFor();

    await page.getByLabel('Enter the six-digit code the app shows').fill(codeAt(secret, Date.now()));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await page.screenshot({ path: screenshotPath('two-factor-recovery-codes'), fullPage: true });
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Two-factor sign-in is on. Recovery codes left: 10.').waitFor();

    // A new browser: the password alone is not enough, the code is asked for and signs in.
    const other = await newPage();
    await other.goto(`${rig.server.origin}/account`);
    await signInThroughForm(other, FARIDA.email, FARIDA.password);
    const codeField = other.getByLabel('Code from your authenticator app (or a recovery code)');
    await codeField.waitFor();
    await other
      .getByText('This account uses two-factor sign-in: enter the code your authenticator app shows.')
      .waitFor();
    await codeField.fill('000000' === codeAt(secret, Date.now()) ? '111111' : '000000');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.getByText('That code is not valid.', { exact: false }).waitFor();
    await other.screenshot({ path: screenshotPath('two-factor-sign-in-code'), fullPage: true });

    const now = await nextStep();
    await codeField.fill(codeAt(secret, now));
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.waitForURL(`${rig.server.origin}/account`);
    await other.getByText('Two-factor sign-in is on. Recovery codes left: 10.').waitFor();
    await other.screenshot({ path: screenshotPath('two-factor-signed-in'), fullPage: true });
  });

  it('sends a member of a role that must use it to the Account page at sign-in, and holds the rest back', async () => {
    await addStaffAccount(admin, 'committee', TOMAS);
    await admin('PUT', '/api/auth/totp/policy', { requiredRoles: ['committee'] });
    const page = await newPage();
    await page.goto(`${rig.server.origin}/charter`);
    await signInThroughForm(page, TOMAS.email, TOMAS.password);
    await page.waitForURL(`${rig.server.origin}/account`);
    await page
      .getByText('Your role must use two-factor sign-in: set it up here before using the rest of Concord.')
      .waitFor();
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).waitFor();
    // Everything else answers 403 until then, and says why.
    await page
      .getByText(
        'Could not load your API tokens: Your role requires two-factor sign-in: set it up on your Account page first.',
      )
      .waitFor();
    await page.screenshot({ path: screenshotPath('two-factor-required'), fullPage: true });
  });
});
