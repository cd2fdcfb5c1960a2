import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { staffApi, type StaffApi } from '../support/browser-staff';
import { respondentCampaign } from '../support/respondent-fixtures';
import { storedResponses } from '../support/stored-responses';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

async function documentLanguage(page: Page): Promise<[string, string]> {
  return page.evaluate(() => [document.documentElement.lang, document.documentElement.dir] as [string, string]);
}

/** What the focused element is called, as a keyboard user would hear it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null) return '';
    const input = element as HTMLInputElement;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy !== null) {
      return labelledBy
        .split(' ')
        .map((id) => document.getElementById(id)?.innerText ?? '')
        .join(' ')
        .trim();
    }
    const label =
      element.getAttribute('aria-label') ??
      input.labels?.[0]?.innerText ??
      (element.tagName === 'INPUT' && ['button', 'submit'].includes(input.type) ? input.value : element.innerText);
    return (label ?? '').trim();
  });
}

/** Presses Tab until the focused element has the given name. */
async function tabTo(page: Page, name: string): Promise<void> {
  const passed: string[] = [];
  for (let press = 0; press < 60; press++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (focused === name) return;
    passed.push(focused);
  }
  await page.screenshot({ path: screenshotPath('respond-keyboard-failure'), fullPage: true });
  throw new Error(`Tab never reached "${name}"; it went through ${JSON.stringify(passed.slice(0, 20))}`);
}

describeWithBrowser('the respondent page in the respondent’s language, and by keyboard alone', () => {
  const rig = useServerAndBrowser();
  let admin: StaffApi;

  beforeAll(async () => {
    admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
  }, 60_000);

  async function openAs(locale: string, path: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, locale });
    const page = await context.newPage();
    await page.goto(`${rig.server.origin}${path}`);
    return { page, close: () => context.close() };
  }

  it('writes Arabic right to left, and follows the language chosen on the document', async () => {
    const { tokens } = await respondentCampaign(admin, 'arabic-roles', [
      { name: 'Layla Haddad', email: 'layla@example.org', language: 'ar' },
    ]);
    const { page, close } = await openAs('en-GB', `/r/${tokens['layla@example.org']}`);
    await page.getByText('هل الأدوار واضحة؟').waitFor();
    expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
    expect(await page.locator('main').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('.respond__progress').innerText()).toBe('الصفحة 1 من 3');
    expect(await page.title()).toBe('أدوار الأمانة الإقليمية');
    await page.screenshot({ path: screenshotPath('respond-arabic'), fullPage: true });
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByText('Понятны ли роли?').waitFor();
    expect(await documentLanguage(page)).toEqual(['ru', 'ltr']);
    await page.getByRole('button', { name: 'العربية' }).click();
    await page.getByText('هل الأدوار واضحة؟').waitFor();
    expect(await documentLanguage(page)).toEqual(['ar', 'rtl']);
    await close();
  });

  it('speaks the browser’s language on unknown, revoked, closed, not-yet-open and completed links', async () => {
    const members = ['revoked', 'done', 'later', 'closed'].map((name) => ({
      name,
      email: `${name}@example.org`,
      language: 'en' as const,
    }));
    const open = await respondentCampaign(admin, 'link-pages', members.slice(0, 2));
    const links = await admin<Array<{ invitationId: string; email: string }>>(
      'GET',
      `/api/campaigns/${open.campaignId}/links`,
    );
    const revoked = links.find((link) => link.email === 'revoked@example.org');
    await admin('POST', `/api/invitations/${revoked?.invitationId}/revoke`);
    const done = open.tokens['done@example.org'];
    const completion = await fetch(`${rig.server.origin}/api/respond/${done}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ data: { roles_clear: 'yes', satisfaction: 5 } }),
    });
    expect(completion.status).toBe(201);
    const later = await respondentCampaign(admin, 'link-pages-later', members.slice(2, 3), undefined, {
      opensAt: '2099-01-01T00:00:00.000Z',
    });
    const closed = await respondentCampaign(admin, 'link-pages-closed', members.slice(3));
    await admin('POST', `/api/campaigns/${closed.campaignId}/close`);

    const cases: Array<[string, string, string, [string, string]]> = [
      ['fr-FR', `/r/${'x'.repeat(43)}`, 'Ce lien n’est pas valide', ['fr', 'ltr']],
      ['ru-RU', `/r/${open.tokens['revoked@example.org']}`, 'Ссылка недействительна', ['ru', 'ltr']],
      ['ar-JO', `/r/${closed.tokens['closed@example.org']}`, 'هذه الاستشارة مغلقة', ['ar', 'rtl']],
      [
        'fr-CA',
        `/r/${later.tokens['later@example.org']}`,
        'Cette consultation n’est pas encore ouverte',
        ['fr', 'ltr'],
      ],
      ['ru-KZ', `/r/${done}`, 'Вы уже ответили', ['ru', 'ltr']],
      ['de-DE', `/r/${'y'.repeat(43)}`, 'This link is not valid', ['en', 'ltr']],
    ];
    for (const [locale, path, title, language] of cases) {
      const { page, close } = await openAs(locale, path);
      await page.getByRole('heading', { name: title }).waitFor();
      expect([locale, await documentLanguage(page)]).toEqual([locale, language]);
      await page.screenshot({ path: screenshotPath(`respond-link-page-${locale}`), fullPage: true });
      await close();
    }
  });

  it('answers a whole questionnaire with the keyboard alone', async () => {
    const { campaignId, tokens } = await respondentCampaign(admin, 'keyboard-roles', [
      { name: 'Keyboard User', email: 'keys@example.org', language: 'en' },
    ]);
    const { page, close } = await openAs('en-GB', `/r/${tokens['keys@example.org']}`);
    await page.getByText('Are the roles clear?').waitFor();
    // A radio group is one tab stop; the arrow keys move within it and choose.
    await tabTo(page, 'Yes');
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('Partly');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByText('How satisfied are you?').waitFor();
    await tabTo(page, '1');
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    expect(await focusedName(page)).toBe('4');
    await tabTo(page, 'Suggestions');
    await page.keyboard.type('More joint exercises');
    await tabTo(page, 'Next');
    await page.keyboard.press('Enter');
    await page.getByText('What should come first?').first().waitFor();
    await tabTo(page, 'Exercises');
    await page.keyboard.press('Space');
    await tabTo(page, 'Review my answers');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
    await tabTo(page, 'Submit my response');
    await page.screenshot({ path: screenshotPath('respond-keyboard-review'), fullPage: true });
    await page.keyboard.press('Enter');
    await page.locator('.respond__receipt').waitFor();
    expect(await storedResponses(rig.server, campaignId, ['status', 'data'])).toEqual([
      {
        status: 'complete',
        data: {
          roles_clear: 'partly',
          satisfaction: 4,
          suggestions: 'More joint exercises',
          priorities: ['exercises'],
        },
      },
    ]);
    await close();
  });
});
