import type { SurveyTallyResult, TallyResult } from '@concord/shared';
import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, type StaffApi, staffApi } from '../support/browser-staff';
import { demoCampaign } from '../support/demo-campaign';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

describeWithBrowser('analysis views: across versions, and a filtered view from a shared address', () => {
  const rig = useServerAndBrowser();
  let page: Page;
  let api: StaffApi;

  beforeAll(async () => {
    api = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 1200 } });
    await page.goto(`${rig.server.origin}/analysis`);
    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/analysis$/);
  }, 60_000);

  it('a pasted address restores the campaign, its filters and grouping, and shows the figures they select', async () => {
    const campaign = await demoCampaign(api);
    const view = 'groupBy=role&language=fr&includePartial=true';
    const search = `campaign=${campaign.id}&${view}`;
    const expected = await api<TallyResult>('GET', `/api/campaigns/${campaign.id}/tallies?${view}`);
    const all = await api<TallyResult>('GET', `/api/campaigns/${campaign.id}/tallies`);
    expect(expected.responses).toBeGreaterThan(0);
    expect(expected.responses).not.toBe(all.responses);

    // As someone opening a link a colleague sent: a fresh tab, the address pasted.
    const shared = await rig.browser.newPage({ viewport: { width: 1280, height: 1200 } });
    await shared.context().addCookies(await page.context().cookies());
    await shared.goto(`${rig.server.origin}/analysis?${search}`);
    await shared
      .getByText(`${expected.responses} responses · groups under ${expected.minCellSize} responses are not shown`, {
        exact: true,
      })
      .waitFor();
    expect(await shared.getByRole('combobox', { name: 'Group by', exact: true }).inputValue()).toBe('role');
    expect(await shared.getByRole('combobox', { name: 'Language', exact: true }).inputValue()).toBe('fr');
    expect(await shared.getByRole('checkbox', { name: 'Include partial responses' }).isChecked()).toBe(true);
    expect(await shared.getByRole('combobox', { name: 'Campaign', exact: true }).inputValue()).toBe(campaign.id);
    // The response exports carry the same filters (and not the grouping).
    expect(await shared.getByRole('link', { name: 'SPSS' }).getAttribute('href')).toBe(
      `/api/campaigns/${campaign.id}/responses.sav?language=fr&includePartial=true`,
    );
    await shared.screenshot({ path: screenshotPath('analysis-restored-from-address'), fullPage: false });

    // Changing a control rewrites the address, so the new view can be shared in turn.
    await shared.getByRole('combobox', { name: 'Group by', exact: true }).selectOption({ label: 'Network' });
    await shared.waitForURL(
      `${rig.server.origin}/analysis?campaign=${campaign.id}&groupBy=network&language=fr&includePartial=true`,
    );
    await shared.close();
  });

  it('the cross-version page lists the versions that asked each question, choices per version and rewording', async () => {
    const surveys = await api<Array<{ id: string; slug: string }>>('GET', '/api/surveys');
    const survey = surveys.find((found) => found.slug === 'charter-review');
    if (survey === undefined) throw new Error('the charter-review survey was not seeded');
    const expected = await api<SurveyTallyResult>('GET', `/api/surveys/${survey.id}/tallies`);

    // Reached as an analyst would: from the survey's page.
    await page.goto(`${rig.server.origin}/surveys/${survey.id}`);
    await page.getByRole('link', { name: 'Analysis across versions' }).click();
    await page.waitForURL(`${rig.server.origin}/analysis/surveys/${survey.id}`);
    await page.getByRole('heading', { name: 'Analysis across versions', level: 1 }).waitFor();
    const overview = page.getByRole('table', { name: 'Questions and the versions that asked them' });
    await overview.waitFor();
    const header = await overview.getByRole('columnheader').allTextContents();
    expect(header).toEqual(['Question', ...expected.versions.map((version) => `v${version}`), 'Reworded']);
    const rows = await overview
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') })
      .evaluateAll((elements) =>
        elements.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
      );
    expect(rows).toEqual(
      expected.questions.map((question) => [
        question.name,
        ...expected.versions.map((version) => (question.versions?.includes(version) ? 'asked' : '–')),
        question.reworded ? 'yes' : 'no',
      ]),
    );
    const withChoices = expected.questions.find(
      (question) => !question.suppressed && (question.choices?.length ?? 0) > 0,
    );
    if (withChoices === undefined) throw new Error('no choice question in the seeded survey');
    const section = page.getByRole('region', { name: new RegExp(`^${withChoices.title.replace(/[?.()]/g, '\\$&')}`) });
    const choiceRows = await section
      .getByRole('table', { name: 'Choices per version' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader') })
      .evaluateAll((elements) =>
        elements.map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent?.trim() ?? '')),
      );
    expect(choiceRows.map((row) => row.slice(0, 3))).toEqual(
      (withChoices.choices ?? []).map((choice) => [
        choice.label,
        (choice.versions ?? []).map((version) => `v${version}`).join(', ') || '–',
        String(choice.count),
      ]),
    );
    await page.screenshot({ path: screenshotPath('analysis-across-versions'), fullPage: false });
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('analysis-across-versions-question'), fullPage: false });
  });
});
