import type { CodingAnswersPage, CodingCampaignDto, CodingOverviewDto, TallyResult, ThemeDto } from '@concord/shared';
import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, type StaffApi, staffApi } from '../support/browser-staff';
import { demoCampaignIn } from '../support/demo-campaign';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const CODER: StaffAccount = { email: 'coder@example.org', name: 'Secretariat coder', password: 'Coder-password-1234' };

/**
 * The themes a person would give each of the demo remarks, by the keys of the themes listed on the
 * page: 1 Mandate and roles, 2 Meetings and contact, 3 Resources, 4 Languages (added from the page).
 */
const KEYS_FOR: Array<[RegExp, string[]]> = [
  [/division of tasks/, ['1']],
  [/neighbouring countries/, ['2']],
  [/Online meetings/, ['2']],
  [/formal mandate/, ['1']],
  [/Round Table Meetings/, ['2']],
  [/Funding/, ['3']],
  [/Translation/, ['3', '4']],
  [/needs assessment/, []],
];

function keysFor(text: string): string[] {
  const found = KEYS_FOR.find(([pattern]) => pattern.test(text));
  if (found === undefined) throw new Error(`no expected themes for "${text}"`);
  return found[1];
}

describeWithBrowser('a secretariat coder coding free-text answers with the keyboard', () => {
  const rig = useServerAndBrowser();
  let page: Page;
  let api: StaffApi;
  let campaign: CodingCampaignDto;
  let question: string;
  let themes: ThemeDto[];

  beforeAll(async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', CODER);
    api = await staffApi(rig.server.origin, CODER.email, CODER.password);
    campaign = demoCampaignIn(await api<CodingCampaignDto[]>('GET', '/api/coding/campaigns'));
    const overview = await api<CodingOverviewDto>('GET', `/api/campaigns/${campaign.id}/coding`);
    // The seeded questionnaire's closing comment question, answered by most demo respondents.
    const closing = overview.questions.find((entry) => entry.name === 'final_comments');
    if (closing === undefined) throw new Error('the demo questionnaire has no final_comments question');
    expect(closing.answers).toBeGreaterThan(20);
    question = closing.name;
    for (const name of ['Mandate and roles', 'Meetings and contact', 'Resources']) {
      await api('POST', `/api/surveys/${campaign.surveyId}/themes`, { question, name });
    }
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
  }, 90_000);

  it('codes ten answers by keyboard only, adds a theme on the way, and sees its progress', async () => {
    await page.goto(`${rig.server.origin}/coding?campaign=${campaign.id}&question=${question}`);
    await signInThroughForm(page, CODER.email, CODER.password);
    await page.getByRole('heading', { name: /^Answer 1 of \d+$/ }).waitFor();
    const first = await api<CodingAnswersPage>(
      'GET',
      `/api/campaigns/${campaign.id}/coding/answers?question=${question}&pageSize=10`,
    );
    const total = first.progress.total;
    await page.getByText(`0 of ${total} coded`, { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('coding-start') });

    // A fourth theme from the page itself: n focuses the field, Enter adds it, and it is selected at once.
    await page.keyboard.press('n');
    await page.keyboard.type('Languages');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /Languages/, pressed: true }).waitFor();
    await page.keyboard.press('4'); // not for the first answer after all
    await page.getByRole('button', { name: /Languages/, pressed: false }).waitFor();
    themes = await api<ThemeDto[]>('GET', `/api/surveys/${campaign.surveyId}/themes?question=${question}`);
    expect(themes.map((theme) => theme.name)).toEqual([
      'Mandate and roles',
      'Meetings and contact',
      'Resources',
      'Languages',
    ]);

    const expected: Record<string, string[]> = {};
    for (const [index, answer] of first.answers.entries()) {
      await page.getByRole('heading', { name: `Answer ${index + 1} of ${total}` }).waitFor();
      await page.locator('.coding-answer__text').getByText(answer.text, { exact: true }).waitFor();
      const keys = keysFor(answer.text);
      for (const key of keys) await page.keyboard.press(key);
      const chosen = keys.map((key) => themes[Number(key) - 1]?.id ?? '');
      for (const theme of themes) {
        await page.getByRole('button', { name: new RegExp(theme.name), pressed: chosen.includes(theme.id) }).waitFor();
      }
      expected[answer.responseId] = chosen;
      if (index === 6) await page.screenshot({ path: screenshotPath('coding-selected') });
      await page.keyboard.press('Enter');
      await page.getByText(`${index + 1} of ${total} coded`, { exact: true }).waitFor();
    }
    await page.getByRole('heading', { name: `Answer 11 of ${total}` }).waitFor();
    await page.screenshot({ path: screenshotPath('coding-ten-done') });

    const coded = await api<CodingAnswersPage>(
      'GET',
      `/api/campaigns/${campaign.id}/coding/answers?question=${question}&status=coded&pageSize=50`,
    );
    expect(coded.progress).toEqual({ total, coded: 10, suggested: 0 });
    expect(Object.fromEntries(coded.answers.map((answer) => [answer.responseId, answer.themeIds]))).toEqual(expected);

    // Back with the arrow key: the previous answer shows what was saved, and moving on without a change saves nothing.
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { name: `Answer 10 of ${total}` }).waitFor();
    const tenth = first.answers[9];
    if (tenth === undefined) throw new Error('fewer than ten answers');
    for (const theme of themes) {
      await page
        .getByRole('button', { name: new RegExp(theme.name), pressed: expected[tenth.responseId]?.includes(theme.id) })
        .waitFor();
    }
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { name: `Answer 11 of ${total}` }).waitFor();

    // Only what is not coded yet, searched for a word: / focuses the search, Enter applies it.
    await page.keyboard.press('/');
    await page.keyboard.type('funding');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Show' }).selectOption('uncoded');
    await page.getByRole('heading', { name: /^Answer 1 of \d+ matching$/ }).waitFor();
    await page
      .locator('.coding-answer__text')
      .getByText(/Funding for national activities/)
      .waitFor();
    await page.screenshot({ path: screenshotPath('coding-filtered') });
  });

  it('shows the themes with their counts, suggestions from the answers, and agreement between two coders', async () => {
    await page.getByRole('button', { name: 'Themes', exact: true }).click();
    const table = page.getByRole('table');
    await table.getByRole('row', { name: /Languages/ }).waitFor();
    const rows = await table
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .evaluateAll((elements) =>
        elements.map((row): [string, string] => [
          row.querySelector('strong')?.textContent ?? '',
          row.querySelector('td.numeric')?.textContent ?? '',
        ]),
      );
    const counts = Object.fromEntries(rows);
    const coded = await api<CodingAnswersPage>(
      'GET',
      `/api/campaigns/${campaign.id}/coding/answers?question=${question}&status=coded&pageSize=50`,
    );
    for (const theme of themes) {
      const n = coded.answers.filter((answer) => answer.themeIds.includes(theme.id)).length;
      expect(counts[theme.name]).toBe(String(n));
    }
    await page.screenshot({ path: screenshotPath('coding-themes') });

    await page.getByRole('button', { name: 'Suggestions', exact: true }).click();
    await page.getByRole('button', { name: 'Suggest themes' }).click();
    await page.getByRole('button', { name: 'Apply as new theme' }).first().waitFor();
    await page.screenshot({ path: screenshotPath('coding-suggestions'), fullPage: true });

    // A second coder codes the same ten answers differently on one, and the agreement view shows it.
    const second: StaffAccount = {
      email: 'second@example.org',
      name: 'Second coder',
      password: 'Second-password-1234',
    };
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', second);
    const secondApi = await staffApi(rig.server.origin, second.email, second.password);
    const [changed, ...same] = coded.answers;
    if (changed === undefined) throw new Error('no coded answers');
    for (const answer of same) {
      await secondApi('PUT', `/api/campaigns/${campaign.id}/responses/${answer.responseId}/codes`, {
        question,
        themeIds: answer.themeIds,
      });
    }
    const other = themes.find((theme) => !changed.themeIds.includes(theme.id));
    await secondApi('PUT', `/api/campaigns/${campaign.id}/responses/${changed.responseId}/codes`, {
      question,
      themeIds: [other?.id],
    });
    await page.getByRole('button', { name: 'Agreement', exact: true }).click();
    await page.getByRole('combobox', { name: 'First coder' }).selectOption({ label: `${CODER.name} (10)` });
    await page.getByRole('combobox', { name: 'Second coder' }).selectOption({ label: `${second.name} (10)` });
    await page.getByText(/^Cohen’s kappa /).waitFor();
    await page.getByRole('heading', { name: 'Answers coded differently (1)' }).waitFor();
    await page.getByRole('cell', { name: changed.text }).waitFor();
    await page.screenshot({ path: screenshotPath('coding-agreement'), fullPage: true });
  });

  it('sees the coded themes charted on the analysis page, as the server counted them', async () => {
    const tally = await api<TallyResult>('GET', `/api/campaigns/${campaign.id}/themes/tallies?question=${question}`);
    const themesTally = tally.questions[0];
    if (themesTally === undefined) throw new Error('no theme tally');
    expect(themesTally.answered).toBeGreaterThanOrEqual(10);
    const current = await api<ThemeDto[]>('GET', `/api/surveys/${campaign.surveyId}/themes?question=${question}`);
    expect(themesTally.choices?.map((choice) => choice.label)).toEqual(current.map((theme) => theme.name));
    await page.goto(`${rig.server.origin}/analysis?campaign=${campaign.id}`);
    const panel = page.getByRole('group', { name: /^Themes of / });
    await panel.getByText(`${themesTally.answered} answers coded`, { exact: true }).waitFor();
    const chart = panel.getByRole('img', { name: /^Bar chart/ });
    await chart.scrollIntoViewIfNeeded();
    const label = (await chart.getAttribute('aria-label')) ?? '';
    for (const choice of themesTally.choices ?? []) expect(label).toContain(`${choice.label}: ${choice.count} (`);
    expect((themesTally.choices ?? []).some((choice) => choice.count > 0)).toBe(true);
    await panel.screenshot({ path: screenshotPath('coding-theme-chart') });
  });

  it('charts the themes of the text beside "other" under its choice question', async () => {
    const overview = await api<CodingOverviewDto>('GET', `/api/campaigns/${campaign.id}/coding`);
    const other = overview.questions.find((entry) => entry.name === 'respondent_role-Comment');
    if (other === undefined) throw new Error('the demo questionnaire offers no "other" role');
    await api('POST', `/api/surveys/${campaign.surveyId}/themes`, { question: other.name, name: 'Ministry staff' });
    const tally = await api<TallyResult>('GET', `/api/campaigns/${campaign.id}/themes/tallies?question=${other.name}`);
    const themesTally = tally.questions[0];
    if (themesTally === undefined) throw new Error('no theme tally');
    await page.goto(`${rig.server.origin}/analysis?campaign=${campaign.id}`);
    const panel = page.getByRole('group', { name: `Themes of ${themesTally.title}` });
    await panel.getByRole('heading', { name: 'Themes of the “other” answers' }).waitFor();
    await panel.getByText(`${themesTally.answered} answers coded`, { exact: true }).waitFor();
    const card = page.getByRole('region', { name: /^What is your role/ }).filter({ has: panel });
    expect(await card.count()).toBe(1);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('coding-other-theme-chart') });
  });
});
