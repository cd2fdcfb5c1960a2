import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi } from '../support/browser-staff';
import { addStaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const PEOPLE = {
  admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  secretariat: { email: 'nav-secretariat@example.org', name: 'Menu secretariat', password: 'Secretariat-password-123' },
  committee: { email: 'nav-committee@example.org', name: 'Menu committee', password: 'Committee-password-123' },
} as const;

/** The menu each role is shown: exactly the sections it may use. */
const MENUS: Record<keyof typeof PEOPLE, string[]> = {
  admin: ['Dashboard', 'Surveys', 'Campaigns', 'Analysis', 'Coding', 'Charter', 'Networks', 'Users', 'Audit'],
  secretariat: ['Dashboard', 'Surveys', 'Campaigns', 'Analysis', 'Coding', 'Charter', 'Networks'],
  committee: ['Dashboard', 'Surveys', 'Analysis', 'Coding', 'Charter'],
};

/** Lets the page settle: no request in flight for a moment. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describeWithBrowser('every role sees only what it may use', () => {
  const rig = useServerAndBrowser();

  beforeAll(async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    for (const role of ['secretariat', 'committee'] as const) await addStaffAccount(admin, role, PEOPLE[role]);
  }, 180_000);

  it.each(Object.keys(PEOPLE) as Array<keyof typeof PEOPLE>)(
    'as %s, every menu entry (and the first campaign under Analysis) opens without a 403 or an error',
    async (role) => {
      const page = await rig.browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const refused: string[] = [];
      page.on('response', (response) => {
        if (response.url().includes('/api/') && (response.status() === 403 || response.status() >= 500))
          refused.push(`${response.status()} ${new URL(response.url()).pathname} on ${page.url()}`);
      });
      await page.goto(`${rig.server.origin}/`);
      await signInThroughForm(page, PEOPLE[role].email, PEOPLE[role].password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link').first().waitFor();
      expect(await nav.getByRole('link').allTextContents()).toEqual(MENUS[role]);
      const problems: string[] = [];
      for (const label of MENUS[role]) {
        await nav.getByRole('link', { name: label, exact: true }).click();
        await settle(page);
        if (label === 'Analysis') {
          const campaigns = page.getByRole('combobox', { name: 'Campaign', exact: true });
          const first = await campaigns.locator('option').nth(1).getAttribute('value');
          if (first === null) throw new Error('no campaign to analyse');
          await campaigns.selectOption(first);
          await page.getByText(/responses · groups under \d+ responses are not shown/).waitFor();
          await settle(page);
        }
        const alerts = await page.locator('[role="alert"]').allTextContents();
        if (alerts.some((text) => text.trim() !== '')) problems.push(`${label}: ${alerts.join(' | ')}`);
        if ((await page.getByRole('heading', { name: 'You do not have access to this page' }).count()) > 0)
          problems.push(`${label}: not allowed`);
        await page.screenshot({ path: screenshotPath(`menu-${role}-${label.toLowerCase()}`), fullPage: false });
      }
      expect(problems).toEqual([]);
      expect(refused).toEqual([]);
      await page.close();
    },
    180_000,
  );
});
