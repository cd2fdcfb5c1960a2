import type { Page } from 'playwright-core';
import { checkDefinition, compileValidator, type SurveyDefinition, validateAnswers } from '@concord/shared';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi, type StaffApi } from '../support/browser-staff';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const ANALYST: StaffAccount = {
  email: 'builder@example.org',
  name: 'Secretariat analyst',
  password: 'Analyst-password-123',
};

async function outlineNames(page: Page): Promise<string[]> {
  return page.locator('.outline > .outline__item > .outline__row .outline__name').allTextContents();
}

/** Asks again until the answer is as expected or two seconds have passed (drops settle after an animation). */
async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let actual = await read();
  for (let attempt = 0; attempt < 20 && JSON.stringify(actual) !== JSON.stringify(expected); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

async function addElement(page: Page, type: string): Promise<void> {
  await page.getByLabel('New element').selectOption({ label: type });
  await page.getByRole('button', { name: 'Add question' }).click();
}

describeWithBrowser('a secretariat analyst building a questionnaire by clicking', () => {
  const rig = useServerAndBrowser({ SEED_DEMO: 'false' });
  let page: Page;
  let analyst: StaffApi;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', ANALYST);
    analyst = await staffApi(rig.server.origin, ANALYST.email, ANALYST.password);
    page = await rig.browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('dialog', (dialog) => void dialog.accept());
  }, 60_000);

  it('builds two pages with a radiogroup, a checkbox with other, a matrix, a rating and a condition', async () => {
    await page.goto(`${rig.server.origin}/surveys`);
    await signInThroughForm(page, ANALYST.email, ANALYST.password);
    await page.getByRole('heading', { level: 1, name: 'Surveys' }).waitFor();
    // Before signing in the app learns there is no session (401); count what follows.
    consoleErrors.length = 0;
    await page.getByLabel('Title').fill('Network consultation');
    await page.getByLabel('Slug').fill('network-consultation');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('link', { name: 'Network consultation' }).click();
    await page.getByRole('link', { name: 'New version' }).click();
    await page.getByRole('heading', { level: 1, name: 'New version' }).waitFor();
    expect(await outlineNames(page)).toEqual(['question1']);

    // Page 1: a single-choice question on the role, then a multiple choice with "other".
    await addElement(page, 'Single choice');
    const editor = page.getByRole('region', { name: /^Properties of / });
    await editor.getByLabel('Name', { exact: true }).fill('role');
    await editor.getByLabel('Title', { exact: true }).fill('What is your role?');
    await editor.getByLabel('Choices 1 value').fill('nfp');
    await editor.getByLabel('Choices 1 label').fill('National Focal Point');
    await editor.getByLabel('Choices 2 value').fill('member');
    await editor.getByLabel('Choices 2 label').fill('Network member');
    await editor.getByLabel('Answer required').check();

    await addElement(page, 'Multiple choice');
    await editor.getByLabel('Name', { exact: true }).fill('tasks');
    await editor.getByLabel('Title', { exact: true }).fill('Which tasks do you carry out?');
    await editor.getByLabel('Add "Other (describe)"').check();
    expect(await outlineNames(page)).toEqual(['question1', 'role', 'tasks']);

    // Every change goes through the definition check; a problem shows on the question it concerns.
    for (let left = 3; left > 0; left--) await editor.getByRole('button', { name: `Remove choices ${left}` }).click();
    const tasksItem = page
      .locator('.outline__item')
      .filter({ has: page.locator('.outline__name', { hasText: 'tasks' }) });
    await tasksItem.getByText('1 problem').waitFor();
    await editor.getByRole('group', { name: 'Choices' }).locator('.field__error').waitFor();
    await page.getByRole('status').filter({ hasText: '1 problem' }).waitFor();
    expect(await page.getByRole('button', { name: 'Create draft' }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('builder-problem-on-element'), fullPage: true });
    for (let added = 0; added < 3; added++) await editor.getByRole('button', { name: 'Add choice' }).click();
    await page.getByRole('status').filter({ hasText: 'Definition check passed' }).waitFor();

    // Page 2: a matrix and a rating shown only to National Focal Points.
    await page.getByRole('button', { name: 'Add page' }).click();
    await page.getByRole('tab', { name: 'page2' }).waitFor();
    await addElement(page, 'Matrix (one choice per row)');
    await editor.getByLabel('Name', { exact: true }).fill('agencies');
    await editor.getByLabel('Title', { exact: true }).fill('How are these bodies represented?');
    await addElement(page, 'Rating');
    await editor.getByLabel('Name', { exact: true }).fill('clarity');
    await editor.getByLabel('Title', { exact: true }).fill('How clear is your role?');
    const condition = editor.getByRole('group', { name: 'Show it only when' });
    await condition.getByRole('button', { name: 'Add a condition' }).click();
    await condition.getByLabel('Show it only when, condition 1: question').selectOption('role');
    await condition.getByLabel('Show it only when, condition 1: operator').selectOption({ label: 'is' });
    await condition.getByLabel('Show it only when, condition 1: value').selectOption({ label: 'National Focal Point' });
    await condition.getByText("{role} = 'nfp'").waitFor();
    expect(await outlineNames(page)).toEqual(['agencies', 'clarity']);
    await page.getByRole('status').filter({ hasText: 'Definition check passed' }).waitFor();
    await page.screenshot({ path: screenshotPath('builder-page2-condition'), fullPage: true });

    // The preview shows the questionnaire as respondents will: the rating appears once the role is chosen.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.getByText('What is your role?').waitFor();
  }, 180_000);

  it('reorders questions from the keyboard, and undoes and redoes', async () => {
    await page.getByRole('tab', { name: 'page1' }).click();
    expect(await outlineNames(page)).toEqual(['question1', 'role', 'tasks']);
    // Drag and drop from the keyboard: pick up with Space, move with the arrows, drop with Space.
    await page.getByRole('button', { name: 'Drag tasks to reorder' }).focus();
    for (const key of ['Space', 'ArrowUp', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      // dnd-kit measures the list between moves.
      await page.waitForTimeout(250);
    }
    await eventually(() => outlineNames(page), ['tasks', 'question1', 'role']);
    // And the shortcut on a question: Alt+ArrowDown moves it one place down.
    await page.getByRole('button', { name: /^question1/ }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    expect(await outlineNames(page)).toEqual(['tasks', 'role', 'question1']);
    // The keyboard stays on the question that moved.
    await eventually(
      () => page.evaluate(() => document.activeElement?.querySelector('.outline__name')?.textContent ?? null),
      'question1',
    );
    await page.screenshot({ path: screenshotPath('builder-reordered'), fullPage: true });

    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await outlineNames(page)).toEqual(['tasks', 'question1', 'role']);
    // The second undo from the keyboard, with the focus on a question.
    await page.getByRole('button', { name: /^role/ }).focus();
    await page.keyboard.press('Control+z');
    expect(await outlineNames(page)).toEqual(['question1', 'role', 'tasks']);
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    expect(await outlineNames(page)).toEqual(['tasks', 'question1', 'role']);
  }, 120_000);

  it('produces JSON that passes the definition check and whose answers the strict validator accepts', async () => {
    await page.getByRole('tab', { name: 'JSON' }).click();
    const json = await page.getByLabel('SurveyJS definition (JSON)').inputValue();
    const definition = JSON.parse(json) as SurveyDefinition;
    expect(checkDefinition(definition)).toEqual([]);
    expect(definition.pages?.map((candidate) => candidate.elements?.map((element) => element.type))).toEqual([
      ['checkbox', 'text', 'radiogroup'],
      ['matrix', 'rating'],
    ]);
    const compiled = compileValidator(definition);
    const answers = {
      role: 'nfp',
      tasks: ['item1', 'other'],
      'tasks-Comment': 'Training',
      agencies: { item1: 'item1', item2: 'item3' },
      clarity: 4,
    };
    expect(validateAnswers(compiled, answers, 'complete')).toEqual([]);
    // The condition is enforced: a member who is not a focal point cannot rate.
    expect(validateAnswers(compiled, { ...answers, role: 'member' }, 'complete')).not.toEqual([]);
    // Edited JSON flows back into the builder.
    const edited = json.replace('"How clear is your role?"', '"How clear is the Charter on your role?"');
    await page.getByLabel('SurveyJS definition (JSON)').fill(edited);
    await page.getByRole('tab', { name: 'Build' }).click();
    await page.getByRole('tab', { name: 'page2' }).click();
    await page.getByText('How clear is the Charter on your role?').first().waitFor();
    await page.screenshot({ path: screenshotPath('builder-json-synced'), fullPage: true });
  }, 120_000);

  it('saves, translates one string, and publishes after the translation warning', async () => {
    await page.getByLabel('What changed').fill('First version built in the builder');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByRole('heading', { level: 1, name: 'Version 1 draft' }).waitFor();
    await page.getByRole('tab', { name: 'Translations' }).click();
    await page.getByLabel('Translate into').selectOption('fr');
    await page.getByLabel('role.title in fr').fill('Quel est votre rôle ?');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Saved.').waitFor();
    await page.screenshot({ path: screenshotPath('builder-translations'), fullPage: true });

    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Publish version 1?' });
    await dialog.getByText('Some translations are not finished').waitFor();
    const rows = await dialog
      .getByRole('row')
      .evaluateAll((elements) =>
        elements.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent)),
      );
    const surveys = await analyst<Array<{ id: string; slug: string }>>('GET', '/api/surveys');
    const surveyId = surveys.find((survey) => survey.slug === 'network-consultation')!.id;
    const saved = await analyst<{ translations: { missing: Record<string, string[]> } }>(
      'GET',
      `/api/surveys/${surveyId}/versions/1`,
    );
    expect(rows).toEqual([
      ['Language', 'Missing', 'Stale'],
      ['fr', String(saved.translations.missing.fr.length), '0'],
    ]);
    expect(saved.translations.missing.fr.length).toBeGreaterThan(5);
    await page.screenshot({ path: screenshotPath('builder-publish-warning'), fullPage: true });
    await dialog.getByRole('button', { name: 'Publish anyway' }).click();
    await page.getByRole('heading', { level: 1, name: 'Version 1 published' }).waitFor();
    expect((await analyst<{ status: string }>('GET', `/api/surveys/${surveyId}/versions/1`)).status).toBe('published');
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
