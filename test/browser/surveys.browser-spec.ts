import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi } from '../support/browser-staff';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const ANALYST: StaffAccount = {
  email: 'analyst@example.org',
  name: 'Secretariat analyst',
  password: 'Analyst-password-123',
};
const QUESTIONNAIRE = 'Review of the CoE Charter: roles and responsibilities';

describeWithBrowser('a secretariat analyst reading the seeded questionnaire', () => {
  const rig = useServerAndBrowser();
  let page: Page;

  beforeAll(async () => {
    // The built server seeds the charter-review questionnaire, versions 1 and 2 published.
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', ANALYST);
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 60_000);

  it('previews version 2 in Russian, then reads what changed since version 1', async () => {
    await page.goto(`${rig.server.origin}/surveys`);
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
    const question = (name: string) =>
      changes.getByRole('article').filter({ has: page.getByRole('heading', { name }) });
    await question('network_cooperation added').waitFor();
    const cells = (table: ReturnType<Page['locator']>) =>
      table
        .getByRole('row')
        .evaluateAll((elements) =>
          elements.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
        );
    const headings = await changes.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings).toEqual([
      'nfp_role_clarity changed',
      'nfp_tasks changed',
      'jrc_tools changed',
      'rtm_frequency changed',
      'network_cooperation added',
    ]);
    // The reworded question: old and new wording side by side, in every language that changed.
    expect(await cells(question('nfp_role_clarity changed').getByRole('table', { name: 'Wording' }))).toEqual([
      ['Language', 'Before', 'After'],
      [
        'source',
        'How clearly does the Charter describe the role of the National Focal Point?',
        'How clearly does the Charter define the responsibilities of the National Focal Point?',
      ],
      [
        'ar',
        'ما مدى وضوح وصف الميثاق لدور نقطة الاتصال الوطنية؟',
        'ما مدى وضوح تحديد الميثاق لمسؤوليات نقطة الاتصال الوطنية؟',
      ],
      [
        'fr',
        'Avec quelle clarté la Charte décrit-elle le rôle du Point focal national ?',
        'Avec quelle clarté la Charte définit-elle les responsabilités du Point focal national ?',
      ],
      [
        'ru',
        'Насколько ясно Хартия описывает роль национального координатора?',
        'Насколько чётко Хартия определяет обязанности национального координатора?',
      ],
    ]);
    // Choices added and removed are named by their labels, in the language chosen.
    const tasks = question('nfp_tasks changed');
    expect(await cells(tasks.getByRole('table', { name: 'Choices' }))).toEqual([
      ['Value', 'Before', 'After', 'Change'],
      ['mobilise_resources', '—', 'Mobilise national resources', 'added'],
    ]);
    await tasks.getByLabel('Choice labels in').selectOption('ru');
    expect(await cells(tasks.getByRole('table', { name: 'Choices' }))).toEqual([
      ['Value', 'Before', 'After', 'Change'],
      ['mobilise_resources', '—', 'Мобилизовать национальные ресурсы', 'added'],
    ]);
    expect(await cells(question('rtm_frequency changed').getByRole('table', { name: 'Choices' }))).toEqual([
      ['Value', 'Before', 'After', 'Change'],
      ['three', 'Three times a year', '—', 'removed'],
    ]);
    await question('jrc_tools changed').getByText('Moved from partners to experts.').waitFor();
    await page.screenshot({ path: screenshotPath('surveys-diff-1-2'), fullPage: true });

    // Any two versions can be compared, in either direction.
    await page.getByLabel('Compare version').selectOption('2');
    await page.getByLabel('with version').selectOption('1');
    await page.waitForURL(/\/diff\/2\/1$/);
    await changes.getByRole('heading', { name: 'network_cooperation removed' }).waitFor();
  }, 120_000);
});
