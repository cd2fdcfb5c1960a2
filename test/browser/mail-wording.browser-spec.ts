import type { Locator, Page } from 'playwright-core';
import type { CampaignDto, CampaignMailWordingDto } from '@concord/shared';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi, type StaffApi } from '../support/browser-staff';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

describeWithBrowser("a campaign's e-mail wording", () => {
  const rig = useServerAndBrowser();
  let api: StaffApi;
  let campaignId: string;

  beforeAll(async () => {
    api = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const campaigns = await api<CampaignDto[]>('GET', '/api/campaigns');
    const campaign = campaigns.find((candidate) => candidate.status === 'open');
    if (campaign === undefined) throw new Error('The demo data has no open campaign');
    campaignId = campaign.id;
  }, 180_000);

  const frenchReminder = async () =>
    (await api<CampaignMailWordingDto>('GET', `/api/campaigns/${campaignId}/mail-wording`)).templates.find(
      (template) => template.kind === 'reminder' && template.language === 'fr',
    );

  function panelOf(page: Page): Locator {
    return page.locator('section', { has: page.getByRole('heading', { name: 'E-mail wording' }) });
  }

  it('shows an unknown placeholder beside the body, saves the fixed wording and goes back to the default', async () => {
    const page = await rig.browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`${rig.server.origin}/campaigns/${campaignId}`);
    await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const panel = panelOf(page);
    await panel.getByLabel('Message').selectOption('reminder');
    await panel.getByLabel('Language').selectOption('fr');
    const subject = panel.getByLabel('Subject');
    const body = panel.getByLabel('Body');
    await expectValue(subject, 'Rappel : {{campaign}}');
    await panel.getByText('The default wording.').waitFor();

    await body.fill('Bonjour {{nom}},\n{{link}}');
    await panel.getByRole('button', { name: 'Save wording' }).click();
    const problem =
      'body has an unknown placeholder {{nom}}; known: {{name}}, {{campaign}}, {{network}}, {{deadline}}, {{link}}';
    await panel.locator('.field__error', { hasText: problem }).waitFor();
    expect(await body.getAttribute('aria-describedby')).toMatch(/-body-error$/);
    // The alert names the failure once; the problem itself is listed beside its field only.
    expect(await panel.getByRole('alert').locator('.alert__details').count()).toBe(0);
    await panel.screenshot({ path: screenshotPath('mail-wording-unknown-placeholder') });
    expect(await frenchReminder()).toEqual(expect.objectContaining({ custom: false }));

    await body.fill('Bonjour {{name}},\n{{link}}');
    await subject.fill('Relance : {{campaign}}');
    await panel.getByRole('button', { name: 'Save wording' }).click();
    await panel.getByText(/^This campaign's own wording, saved /).waitFor();
    await panel.screenshot({ path: screenshotPath('mail-wording-saved') });
    expect(await panel.locator('.field__error').count()).toBe(0);
    expect(await frenchReminder()).toEqual(
      expect.objectContaining({ subject: 'Relance : {{campaign}}', body: 'Bonjour {{name}},\n{{link}}', custom: true }),
    );

    // Another language shows its own (default) text; coming back shows the saved one.
    await panel.getByLabel('Language').selectOption('en');
    await expectValue(subject, 'Reminder: {{campaign}}');
    await panel.getByLabel('Language').selectOption('fr');
    await expectValue(subject, 'Relance : {{campaign}}');

    await panel.getByRole('button', { name: 'Use the default' }).click();
    await panel.getByText('The default wording.').waitFor();
    await expectValue(subject, 'Rappel : {{campaign}}');
    expect(await frenchReminder()).toEqual(
      expect.objectContaining({ subject: 'Rappel : {{campaign}}', custom: false }),
    );
    await page.close();
  });
});

/** Waits up to ten seconds for an input to hold this value (the editor remounts on a switch), then checks it. */
async function expectValue(input: Locator, value: string): Promise<void> {
  for (let attempt = 0; attempt < 100 && (await input.inputValue()) !== value; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await input.inputValue()).toBe(value);
}
