import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignProgressDto, NetworkDto, QuestionTally, TallyResult } from '@concord/shared';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, type StaffApi, staffApi } from '../support/browser-staff';
import { DEMO_CAMPAIGN, demoCampaign, FREQUENCY_TITLE } from '../support/demo-campaign';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';
import { CODEBOOK_COLUMNS } from '../support/exports';

/** The API's figures are exact; the page shows means and medians to two decimals at most. */
function displayed(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : String(Math.round(value * 100) / 100);
}

const ANALYST: StaffAccount = {
  email: 'analyst@example.org',
  name: 'Secretariat analyst',
  password: 'Analyst-password-123',
};
const ROLE_TITLE = 'What is your role in the network?';
const CLARITY_TITLE = 'How clearly does the Charter describe the role of the National Focal Point?';

function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '–' : `${(share * 100).toFixed(1)} %`;
}

function question(result: TallyResult, name: string): QuestionTally {
  const found = result.questions.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no tally for ${name}`);
  return found;
}

/** What each network's stacked bar says in the grouped view, as the page words it. */
function groupedRows(result: TallyResult, name: string): Record<string, string> {
  const rows: Record<string, string> = {};
  for (const [key, figures] of Object.entries(question(result, name).groups ?? {})) {
    rows[result.groupLabels?.[key] ?? key] = figures.suppressed
      ? 'Fewer than the minimum responses: not shown'
      : `n = ${figures.answered ?? figures.responses}`;
  }
  return rows;
}

/** The question's card on the page: a region named by its heading (title, then the question name). */
function card(page: Page, title: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${title.replace(/[?.()]/g, '\\$&')} `) });
}

/** The grouped view's rows: one per group, headed by the group's name (the legend and the choice table have none). */
async function readGroupedRows(section: Locator): Promise<Record<string, string>> {
  const groupRows = section.getByRole('row').filter({ has: section.page().getByRole('rowheader') });
  const rows = await groupRows.evaluateAll((elements) =>
    elements.map((row) => ({
      header: row.querySelector('th')?.textContent?.trim() ?? '',
      cells: Array.from(row.querySelectorAll('td'), (cell) => cell.textContent?.trim() ?? '').filter(
        (text) => text !== '',
      ),
    })),
  );
  return Object.fromEntries(rows.map((row) => [row.header, row.cells.join(' | ')]));
}

/** Scrolls so that the element sits at the top of the viewport, for screenshots that show the controls. */
async function scrollToTop(page: Page, element: Locator): Promise<void> {
  const top = await element.evaluate((node) => node.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((y) => window.scrollTo(0, y - 16), top);
}

describeWithBrowser('a secretariat analyst analysing the seeded campaign', () => {
  // The built server seeds two demo campaigns of the charter-review questionnaire with their responses.
  const rig = useServerAndBrowser();
  let page: Page;
  let api: StaffApi;
  let downloads: string;

  beforeAll(async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', ANALYST);
    api = await staffApi(rig.server.origin, ANALYST.email, ANALYST.password);
    downloads = mkdtempSync(join(tmpdir(), 'concord-downloads-'));
    page = await rig.browser.newPage({ viewport: { width: 1280, height: 1200 }, acceptDownloads: true });
  }, 60_000);

  afterAll(async () => {
    if (downloads !== undefined) rmSync(downloads, { recursive: true, force: true });
  }, 60_000);

  it('groups by network, weights by network, filters on an answer and exports the responses to XLSX', async () => {
    const campaign = await demoCampaign(api);
    const tallies = `/api/campaigns/${campaign.id}/tallies`;
    const progress = await api<CampaignProgressDto>('GET', `/api/campaigns/${campaign.id}/progress`);
    const networks = await api<NetworkDto[]>('GET', '/api/networks');
    const pooled = await api<TallyResult>('GET', tallies);
    const grouped = await api<TallyResult>('GET', `${tallies}?groupBy=network`);
    const weighted = await api<TallyResult>('GET', `${tallies}?groupBy=network&weighting=regional`);
    const twiceAYear = question(pooled, 'rtm_frequency').choices?.find((choice) => choice.value === 'twice')?.count;
    const filtered = await api<TallyResult>(
      'GET',
      `${tallies}?groupBy=network&weighting=regional&${encodeURIComponent('answer[rtm_frequency]')}=twice`,
    );
    const completed = progress.total.completed;
    // The demo seed is deterministic; these guard the assumptions below, not the seed's exact numbers.
    expect(completed).toBeGreaterThan(100);
    expect(pooled.responses).toBe(completed);
    expect(twiceAYear).toBeGreaterThan(3);
    expect(filtered.responses).toBe(twiceAYear);

    await page.goto(`${rig.server.origin}/analysis`);
    await signInThroughForm(page, ANALYST.email, ANALYST.password);
    await page.waitForURL(/\/analysis$/);
    await page
      .getByRole('combobox', { name: 'Campaign', exact: true })
      .selectOption({ label: `${DEMO_CAMPAIGN} (v${campaign.version})` });
    await page.waitForURL(new RegExp(`/analysis\\?campaign=${campaign.id}$`));
    await page.getByText(`${completed} responses · groups under 3 responses are not shown`, { exact: true }).waitFor();

    // Grouped by network: one bar per network, each with as many answers to the required role question
    // as the network has complete responses in the progress table.
    await page.getByRole('combobox', { name: 'Group by', exact: true }).selectOption({ label: 'Network' });
    const role = card(page, ROLE_TITLE);
    await role.getByRole('rowheader', { name: 'Central Asia' }).waitFor();
    const byNetwork = Object.fromEntries(
      progress.networks.map((figures) => [
        networks.find((network) => network.id === figures.networkId)?.name ?? figures.networkId,
        `n = ${figures.completed}`,
      ]),
    );
    expect(Object.keys(byNetwork)).toHaveLength(8);
    expect(groupedRows(grouped, 'respondent_role')).toEqual(byNetwork);
    const shown = await readGroupedRows(role);
    expect(shown).toEqual(byNetwork);
    expect(Object.keys(shown)).toEqual(Object.keys(byNetwork).sort((a, b) => a.localeCompare(b)));
    await role.getByText(`${completed} answered · 0 skipped`, { exact: true }).waitFor();
    await page.screenshot({ path: screenshotPath('analysis-grouped'), fullPage: false });

    // Weighted by network: every network counts once, so the weighted mean is the mean of the networks' means.
    await page
      .getByRole('combobox', { name: 'View', exact: true })
      .selectOption({ label: 'Pooled and weighted by network' });
    const clarity = question(weighted, 'nfp_role_clarity');
    const networkMeans = Object.values(question(grouped, 'nfp_role_clarity').groups ?? {}).map(
      (figures) => figures.mean ?? 0,
    );
    expect(clarity.weighted?.mean).toBeCloseTo(
      networkMeans.reduce((sum, mean) => sum + mean, 0) / networkMeans.length,
      2,
    );
    expect(clarity.weighted?.mean).not.toBe(clarity.mean);
    await card(page, CLARITY_TITLE)
      .getByText(
        `mean ${displayed(clarity.mean)} · median ${displayed(clarity.median)} · min ${displayed(clarity.min)} · max ${displayed(clarity.max)} · weighted mean ${displayed(clarity.weighted?.mean)}`,
        { exact: true },
      )
      .waitFor();
    await role.getByRole('button', { name: 'Show table' }).click();
    const roleTable = role
      .getByRole('table')
      .filter({ has: page.getByRole('columnheader', { name: 'Weighted share' }) });
    await roleTable.waitFor();
    const roleTally = question(weighted, 'respondent_role');
    const expectedShares = (roleTally.choices ?? []).map((choice) => [
      choice.label,
      String(choice.count),
      percent(choice.share),
      percent(roleTally.weighted?.choices?.find((share) => share.value === choice.value)?.share),
    ]);
    expect(expectedShares.map((row) => row[0])).toEqual([
      'National Focal Point',
      'Member of a national CBRN team',
      'Regional Secretariat staff',
      'On-site assistance expert',
      'Observer',
      'Other',
    ]);
    expect(
      await roleTable
        .getByRole('row')
        .filter({ has: page.getByRole('cell') })
        .evaluateAll((rows) =>
          rows.map((row) => Array.from(row.querySelectorAll('td'), (cell) => cell.textContent ?? '')),
        ),
    ).toEqual(expectedShares);
    const controls = page.getByRole('form', { name: 'Filters' });
    await scrollToTop(page, controls);
    await page.screenshot({ path: screenshotPath('analysis-weighted'), fullPage: false });

    // Filtered on one answer: only the responses that chose "Twice a year", counted by scanning the responses,
    // as many as the unfiltered tally counted for that choice.
    await page.getByRole('combobox', { name: 'Answer to', exact: true }).selectOption({ label: FREQUENCY_TITLE });
    await page.getByRole('combobox', { name: 'Answer is', exact: true }).selectOption({ label: 'Twice a year' });
    await page.getByText(`${twiceAYear} responses · groups under 3 responses are not shown`, { exact: true }).waitFor();
    const frequency = card(page, FREQUENCY_TITLE);
    await frequency.getByText(`${twiceAYear} answered · 0 skipped`, { exact: true }).waitFor();
    expect(await readGroupedRows(role)).toEqual(groupedRows(filtered, 'respondent_role'));
    await scrollToTop(page, controls);
    await page.screenshot({ path: screenshotPath('analysis-filtered'), fullPage: false });
    await frequency.screenshot({ path: screenshotPath('analysis-filtered-question') });

    // The responses export: the responses the page's filters select (the answer filter above), and its codebook.
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'XLSX', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`responses-${campaign.id}.xlsx`);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Responses', 'Codebook']);
    const responses = workbook.getWorksheet('Responses');
    const codebook = workbook.getWorksheet('Codebook');
    if (responses === undefined || codebook === undefined) throw new Error('a sheet is missing');
    const header = (responses.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 2)).toEqual(['response_id', 'response_network']);
    const ids = new Set<unknown>();
    const perNetwork: Record<string, number> = {};
    for (let row = 2; row <= responses.rowCount; row++) {
      const values = responses.getRow(row).values as unknown[];
      ids.add(values[1]);
      const code = String(values[2]);
      perNetwork[code] = (perNetwork[code] ?? 0) + 1;
    }
    expect(responses.rowCount - 1).toBe(twiceAYear);
    expect(ids.size).toBe(twiceAYear);
    const codes = new Set(networks.map((network) => network.code));
    expect(Object.keys(perNetwork).every((code) => codes.has(code))).toBe(true);
    expect(Object.values(perNetwork).reduce((sum, n) => sum + n, 0)).toBe(twiceAYear);
    expect((codebook.getRow(1).values as unknown[]).slice(1)).toEqual(CODEBOOK_COLUMNS);
    const described: unknown[] = [];
    for (let row = 2; row <= codebook.rowCount; row++) described.push(codebook.getRow(row).getCell(1).value);
    expect(described).toEqual(header);
  }, 120_000);
});
