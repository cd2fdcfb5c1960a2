import type {
  CodingAnswersPage,
  CodingOverviewDto,
  EvidenceWithCurrentDto,
  TallyResult,
  ThemeDto,
} from '@concord/shared';
import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { openSeededCharter, type StaffApi, staffApi } from '../support/browser-staff';
import { DEMO_CAMPAIGN, demoCampaign, FREQUENCY_TITLE } from '../support/demo-campaign';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const MEMBER: StaffAccount = {
  email: 'drafter@example.org',
  name: 'Committee drafter',
  password: 'Drafter-password-123',
};
const FREQUENCY = 'rtm_frequency';

describeWithBrowser('a committee member cites survey evidence for a clause', () => {
  const rig = useServerAndBrowser();
  let page: Page;
  let api: StaffApi;
  let admin: StaffApi;

  beforeAll(async () => {
    admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'committee', MEMBER);
    api = await staffApi(rig.server.origin, MEMBER.email, MEMBER.password);
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 1000 } });
  }, 180_000);

  it('picks a source, question, grouping and weighting with a live preview, cites it, and sees it beside the clause', async () => {
    const campaign = await demoCampaign(api);

    await openSeededCharter(page, rig.server.origin, MEMBER.email, MEMBER.password);

    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Cite evidence' }).first().click();
    const picker = page.getByRole('form', { name: 'Cite evidence' });
    await picker.getByLabel('Source').selectOption({ label: `Campaign: ${DEMO_CAMPAIGN} (v${campaign.version})` });
    await picker.getByLabel('Question').selectOption({ label: FREQUENCY_TITLE });
    await picker.getByLabel('Group by').selectOption({ label: 'Network' });
    await picker.getByLabel('Weighted by network').check();
    await picker.getByLabel('Note').fill('Most networks want two meetings a year');
    const tally = await api<TallyResult>(
      'GET',
      `/api/campaigns/${campaign.id}/tallies?groupBy=network&weighting=regional`,
    );
    const frequency = tally.questions.find((question) => question.name === FREQUENCY);
    const summary = (frequency?.choices ?? [])
      .map(
        (choice) =>
          `${choice.label}: ${String(choice.count)} (${choice.share === null ? '–' : `${(choice.share * 100).toFixed(0)} %`})`,
      )
      .join('; ');
    await picker.getByRole('img', { name: `Preview (now): ${summary}` }).waitFor();
    await picker.screenshot({ path: screenshotPath('evidence-picker-preview') });
    const posted = page.waitForResponse(
      (response) => response.url().endsWith('/evidence') && response.request().method() === 'POST',
    );
    await picker.getByRole('button', { name: 'Cite this evidence' }).click();
    const citation = await posted;
    expect(citation.status()).toBe(201);
    await picker.waitFor({ state: 'detached' });

    const cited = await api<EvidenceWithCurrentDto[]>('GET', `/api/charters/${await charterId(api)}/evidence`);
    expect(cited).toHaveLength(1);
    expect(cited[0]).toMatchObject({
      campaignId: campaign.id,
      question: FREQUENCY,
      groupBy: 'network',
      weighting: 'regional',
      responses: tally.responses,
      changed: false,
    });
    expect(cited[0]?.snapshot?.question).toEqual(frequency);

    await page.getByRole('button', { name: 'Read' }).click();
    const evidence = page.getByRole('region', {
      name: /^Evidence: How often should Round Table Meetings take place\?/,
    });
    await evidence.getByRole('img', { name: new RegExp(`^As cited \\(.*\\): ${escape(summary)}$`) }).waitFor();
    await evidence.getByRole('img', { name: `Now: ${summary}` }).waitFor();
    await evidence.getByText('Most networks want two meetings a year').waitFor();
    expect(await evidence.getByText('Changed since cited').count()).toBe(0);
    await evidence.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('evidence-beside-clause'), fullPage: false });

    await evidence.getByRole('link', { name: 'Open in Analysis with these filters' }).click();
    await page.waitForURL(new RegExp(`/analysis\\?campaign=${campaign.id}&groupBy=network&weighting=regional$`));
    expect(await page.getByRole('combobox', { name: 'Group by', exact: true }).inputValue()).toBe('network');
    await page.getByText(`${tally.responses} responses · groups under`).waitFor();
    await page.screenshot({ path: screenshotPath('evidence-opened-in-analysis'), fullPage: false });
  }, 180_000);

  it('cites the coded themes of a free-text question with two quotes, shown with network and role only', async () => {
    const campaign = await demoCampaign(api);
    const overview = await admin<CodingOverviewDto>('GET', `/api/campaigns/${campaign.id}/coding`);
    const closing = overview.questions.find((entry) => entry.name === 'final_comments');
    if (closing === undefined) throw new Error('the demo questionnaire has no final_comments question');
    const themes: ThemeDto[] = [];
    for (const name of ['Mandate and roles', 'Meetings and contact'])
      themes.push(
        await admin<ThemeDto>('POST', `/api/surveys/${campaign.surveyId}/themes`, { question: closing.name, name }),
      );
    const answers = await admin<CodingAnswersPage>(
      'GET',
      `/api/campaigns/${campaign.id}/coding/answers?question=${closing.name}&pageSize=30`,
    );
    for (const [index, answer] of answers.answers.entries()) {
      const themeIds = index % 3 === 2 ? [] : [themes[index % 2]?.id ?? ''];
      await admin('PUT', `/api/campaigns/${campaign.id}/responses/${answer.responseId}/codes`, {
        question: closing.name,
        themeIds,
      });
    }
    const tally = await api<TallyResult>(
      'GET',
      `/api/campaigns/${campaign.id}/themes/tallies?question=${closing.name}`,
    );
    const coded = tally.questions[0];
    const summary = (coded?.choices ?? [])
      .map(
        (choice) =>
          `${choice.label}: ${String(choice.count)} (${choice.share === null ? '–' : `${(choice.share * 100).toFixed(0)} %`})`,
      )
      .join('; ');

    await page.goto(`${rig.server.origin}/charter`);
    await page.getByRole('heading', { name: 'Article 1. Purpose' }).waitFor();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Cite evidence' }).first().click();
    const picker = page.getByRole('form', { name: 'Cite evidence' });
    await picker.getByLabel('Source').selectOption({ label: `Campaign: ${DEMO_CAMPAIGN} (v${campaign.version})` });
    await picker.getByLabel('Tally of').selectOption({ value: 'themes' });
    await picker.getByLabel('Question').selectOption({ label: closing.title });
    await picker.getByRole('img', { name: `Preview (now): ${summary}` }).waitFor();
    const quotes = picker.getByRole('group', { name: /^Quotes/ });
    const choosable = quotes.locator('input[type=checkbox]:not([disabled])');
    await choosable.first().waitFor();
    await choosable.nth(0).check();
    await choosable.nth(1).check();
    await quotes.getByText('Quotes (2 of at most 5)').waitFor();
    await picker.screenshot({ path: screenshotPath('evidence-picker-themes-quotes') });
    const posted = page.waitForResponse(
      (response) => response.url().endsWith('/evidence') && response.request().method() === 'POST',
    );
    await picker.getByRole('button', { name: 'Cite this evidence' }).click();
    expect((await posted).status()).toBe(201);
    await picker.waitFor({ state: 'detached' });

    const cited = (await api<EvidenceWithCurrentDto[]>('GET', `/api/charters/${await charterId(api)}/evidence`)).find(
      (entry) => entry.source === 'themes',
    );
    expect(cited).toMatchObject({ campaignId: campaign.id, question: closing.name, changed: false });
    expect(cited?.snapshot?.question).toEqual(coded);
    expect(cited?.quotes).toHaveLength(2);
    for (const quote of cited?.quotes ?? [])
      expect(Object.keys(quote).sort()).toEqual(['network', 'responseId', 'role', 'text']);

    await page.getByRole('button', { name: 'Read' }).click();
    const evidence = page.getByRole('region', {
      name: new RegExp(`^Evidence: ${escape(closing.title)} · coded themes`),
    });
    await evidence.getByRole('img', { name: `Now: ${summary}` }).waitFor();
    const shown = evidence.getByRole('list', { name: 'Quotes' }).getByRole('listitem');
    expect(await shown.count()).toBe(2);
    const first = cited?.quotes[0];
    await evidence.getByText(`“${first?.text ?? ''}”`).waitFor();
    await evidence
      .getByText(`— ${[first?.network, first?.role].filter(Boolean).join(', ')}`)
      .first()
      .waitFor();
    await evidence.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('evidence-themes-quotes-beside-clause'), fullPage: false });
  }, 180_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function charterId(api: StaffApi): Promise<string> {
  const charters = await api<Array<{ id: string }>>('GET', '/api/charters');
  const first = charters[0];
  if (first === undefined) throw new Error('no charter');
  return first.id;
}
