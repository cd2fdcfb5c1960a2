import { findFreePort } from '../../server/src/database/embedded-postgres';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider';

describeWithBrowser('single sign-on in the browser', () => {
  let provider: TestOidcProvider;
  // The provider must know the server's callback address before the server starts, so the port is chosen first.
  let port: number;
  beforeAll(async () => {
    port = await findFreePort();
    const redirectUri = `http://127.0.0.1:${port}/api/auth/oidc/callback`;
    provider = await startOidcProvider({
      clientId: 'concord',
      clientSecret: 'browser-test-client-secret',
      redirectUri,
      accounts: {
        leila: { email: 'leila@example.org', email_verified: true, name: 'Leila Nasser', roles: ['concord-staff'] },
        mallory: { email: 'mallory@example.org', email_verified: true, name: 'Mallory', roles: ['visitors'] },
      },
    });
  });
  const rig = useServerAndBrowser(() => ({
    env: {
      SEED_DEMO: 'false',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: 'concord',
      OIDC_CLIENT_SECRET: 'browser-test-client-secret',
      OIDC_ROLE_MAP: '{"concord-staff":"secretariat"}',
      OIDC_NAME: 'Staff Login',
    },
    port,
  }));
  // Declared after the server's own afterAll, so the provider stops once the server has stopped.
  afterAll(async () => {
    await provider?.stop();
  });

  async function signInAtProvider(login: string, returnPath: string) {
    const page = await (await rig.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${rig.server.origin}${returnPath}`);
    await page.waitForURL(/\/login/);
    await page.screenshot({ path: screenshotPath(`single-sign-on-button-${login}`), fullPage: true });
    await page.getByRole('link', { name: 'Sign in with Staff Login' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any-password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    return page;
  }

  it('signs in through the provider from the sign-in page and returns to the page asked for', async () => {
    const page = await signInAtProvider('leila', '/campaigns');
    await page.waitForURL(`${rig.server.origin}/campaigns`);
    await page.getByRole('heading', { name: 'Campaigns', level: 1 }).waitFor();
    await page.getByText('Leila Nasser').waitFor();
    await page.screenshot({ path: screenshotPath('single-sign-on-signed-in'), fullPage: true });
  });

  it('sends someone without a mapped role back to the sign-in page with the reason', async () => {
    const page = await signInAtProvider('mallory', '/');
    await page.waitForURL(`${rig.server.origin}/login?sso_error=role_unmapped`);
    await page.getByText('Your single sign-on account has no role in Concord.', { exact: false }).waitFor();
    await page.screenshot({ path: screenshotPath('single-sign-on-refused'), fullPage: true });
  });
});
