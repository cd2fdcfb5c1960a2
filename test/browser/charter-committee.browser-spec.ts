import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { type StaffApi, signInThroughForm, staffApi } from '../support/browser-staff';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

interface Charter {
  id: string;
  headNumber: number;
}

describeWithBrowser('the charter as a committee member works on it', () => {
  const rig = useServerAndBrowser();
  let page: Page;
  let admin: StaffApi;
  let charter: Charter;
  const member: StaffAccount = {
    email: 'reader@committee.example.org',
    name: 'Committee reader',
    password: 'Committee-reader-2026',
  };

  beforeAll(async () => {
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
    admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'committee', member);
    // The demo charter and its history are seeded in the background after start-up.
    for (let attempt = 0; attempt < 120; attempt++) {
      const charters = await admin<Charter[]>('GET', '/api/charters');
      if (charters[0] !== undefined && charters[0].headNumber >= 5) {
        charter = charters[0];
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const head = charter.headNumber;
    await admin('PUT', `/api/charters/${charter.id}/translations/ar/purpose`, {
      revision: head,
      heading: 'المادة 1. الغرض',
      body: 'يحدد هذا الميثاق كيفية عمل البلدان الشريكة والأمانات الإقليمية معًا للحد من المخاطر الكيميائية والبيولوجية والإشعاعية والنووية.',
    });
    await admin('POST', `/api/charters/${charter.id}/amendments`, {
      baseRevision: head,
      clauseId: 'purpose',
      heading: 'Article 1. Purpose',
      body: 'This Charter sets out how the partners work together to reduce CBRN risks.',
      rationale: 'Shorter and clearer.',
    });
  }, 180_000);

  it('compares side by side, comments on a selection, supports an amendment and reads Arabic right to left', async () => {
    await page.goto(`${rig.server.origin}/charter`);
    await signInThroughForm(page, member.email, member.password);
    await page.getByRole('heading', { name: 'Article 1. Purpose' }).waitFor();

    // Compare two revisions side by side: the older on the left, the newer on the right.
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByLabel('From', { exact: true }).selectOption('1');
    await page.getByLabel('To', { exact: true }).selectOption(String(charter.headNumber));
    await page.getByRole('button', { name: 'Side by side' }).click();
    const table = page.getByRole('table', {
      name: `Revision 1 and revision ${String(charter.headNumber)} side by side`,
    });
    await table.waitFor();
    const changedRow = table.locator('tr', { has: page.locator('ins', { hasText: 'and a deputy' }) }).first();
    await changedRow.waitFor();
    // The same clause sits in one row: its old text (with deletions) left, new text (with insertions) right.
    expect(await changedRow.locator('td').count()).toBe(2);
    expect(await changedRow.locator('td').nth(0).locator('ins').count()).toBe(0);
    expect(await changedRow.locator('td').nth(1).locator('del').count()).toBe(0);
    await changedRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('charter-compare-side-by-side'), fullPage: false });

    // Any two revisions from the history.
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByLabel('From revision 2').check();
    await page.getByLabel('To revision 4').check();
    await page.getByRole('button', { name: 'Compare selected revisions' }).click();
    await page.waitForURL(/view=compare.*from=2.*to=4|view=compare.*to=4.*from=2/);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2');
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe('4');

    // Select a passage in the rendered clause and comment on it: the quote is never typed.
    await page.getByRole('button', { name: 'Read' }).click();
    const passage = page.locator('#clause-purpose p', { hasText: 'The Charter is a voluntary framework.' }).first();
    await passage.click({ clickCount: 3 });
    const form = page.getByRole('form', { name: 'Comment on the selected passage' });
    await form.waitFor();
    expect(await form.locator('blockquote').textContent()).toBe(
      'The Charter is a voluntary framework. It creates no obligations under international law and does not replace national responsibilities.',
    );
    await form.getByLabel('Your comment').fill('Should we say who may leave the framework?');
    await page.screenshot({ path: screenshotPath('charter-comment-selection'), fullPage: false });
    await form.getByRole('button', { name: 'Comment on selection' }).click();
    const comment = page.locator('#clause-purpose .charter-clause-comment', {
      hasText: 'Should we say who may leave the framework?',
    });
    await comment.waitFor();
    expect(await comment.locator('.charter-anchor').textContent()).toBe('exact');
    await comment.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('charter-comment-anchored'), fullPage: false });

    // Support an amendment: the count goes up, once; the member sees who decides.
    await page.getByRole('button', { name: 'Amendments' }).click();
    await page
      .getByTestId('charter-chairs')
      .getByText(
        'Amendments are decided by the chair: Committee member, Tashkent (or an administrator). You may support or oppose, and comment.',
        { exact: true },
      )
      .waitFor();
    const open = page.locator('article', { hasText: 'Shorter and clearer.' });
    await open.getByRole('button', { name: 'Support (0)' }).click();
    const supported = open.getByRole('button', { name: 'Support (1)' });
    await supported.waitFor();
    expect(await supported.getAttribute('aria-pressed')).toBe('true');
    await open.getByText('You support it.').waitFor();
    // The member cannot decide; the change the decision would apply is not theirs to review.
    expect(await open.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await open.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('charter-amendment-supported'), fullPage: false });

    // Read the Charter in Arabic: the translated clause, right to left.
    await page.getByRole('button', { name: 'Read' }).click();
    await page.getByLabel('Language').selectOption('ar');
    const arabic = page.getByRole('heading', { name: 'المادة 1. الغرض' });
    await arabic.waitFor();
    expect(await page.locator('.charter-document').getAttribute('dir')).toBe('rtl');
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // A clause not yet translated is shown in English, left to right, and says so.
    const untranslated = page.locator('#clause-principles');
    expect(await untranslated.getAttribute('dir')).toBe('ltr');
    await untranslated.getByText('Not translated yet: shown in English').waitFor();
    expect(await page.getByRole('link', { name: 'HTML' }).getAttribute('href')).toContain('lang=ar');
    await page.screenshot({ path: screenshotPath('charter-read-arabic'), fullPage: false });
  }, 240_000);
});
