import type { Page } from 'playwright-core';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { staffApi } from '../support/browser-staff';
import { respondentCampaign } from '../support/respondent-fixtures';
import { storedResponses } from '../support/stored-responses';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

/** Waits until the respondent service worker controls the page (it keeps the page for offline use). */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

function statusText(page: Page): Promise<string> {
  return page.getByTestId('save-status').innerText();
}

describeWithBrowser('a respondent who loses the connection', () => {
  const rig = useServerAndBrowser();

  it('resumes on the page and in the language last used, answers offline, reloads offline and submits once when back online', async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { campaignId, tokens } = await respondentCampaign(admin, 'offline-roles', [
      { name: 'Dilnoza Karimova', email: 'dilnoza@example.org', language: 'en' },
    ]);
    const token = tokens['dilnoza@example.org'];
    const context = await rig.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await context.newPage();
    const saves: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.method() === 'PUT' && request.url().endsWith(`/api/respond/${token}`)) {
        saves.push(request.postDataJSON() as Record<string, unknown>);
      }
    });
    await page.goto(`${rig.server.origin}/r/${token}`);
    await page.getByText('Are the roles clear?').waitFor();
    expect(await page.locator('.respond__progress').innerText()).toBe('Page 1 of 3');

    // Page 1 in French, then page 2: the move saves answers, page and language at once.
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText('Les rôles sont-ils clairs ?').waitFor();
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      'fr',
      'ltr',
    ]);
    await page.getByText('En partie', { exact: true }).click();
    const movedSave = page.waitForResponse(
      (response) =>
        response.request().method() === 'PUT' &&
        response.url().endsWith(`/api/respond/${token}`) &&
        (response.request().postDataJSON() as { currentPage?: number }).currentPage === 1,
    );
    await page.getByRole('button', { name: 'Suivant' }).click();
    expect((await movedSave).status()).toBe(200);
    await page.getByText('Êtes-vous satisfait ?').waitFor();
    expect(saves.at(-1)).toEqual({ data: { roles_clear: 'partly' }, currentPage: 1, locale: 'fr' });
    await waitForServiceWorker(page);

    await page.reload();
    await page.getByText('Êtes-vous satisfait ?').waitFor();
    expect(await page.locator('.respond__progress').innerText()).toBe('Page 2 sur 3');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.getByRole('button', { name: 'Précédent' }).click();
    expect(await page.getByRole('radio', { name: 'En partie' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.screenshot({ path: screenshotPath('respond-offline-1-resumed-fr'), fullPage: true });

    // Offline: answers go to this device only, and the page says so.
    await context.setOffline(true);
    await page.getByText('4', { exact: true }).click();
    await page.locator('textarea').fill('Plus de réunions régionales');
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page
      .getByText('Qu’est-ce qui doit passer en premier ?')
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: screenshotPath('respond-offline-failure'), fullPage: true });
        throw error;
      });
    await page.getByText('Formation', { exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.textContent?.includes('hors ligne'),
    );
    expect(await statusText(page)).toMatch(
      /^Vous êtes hors ligne\. Vos dernières réponses sont enregistrées sur cet appareil seulement ; elles seront envoyées au serveur au retour de la connexion\. Le serveur a vos réponses de \d\d:\d\d\.$/,
    );
    await page.screenshot({ path: screenshotPath('respond-offline-2-answering-offline'), fullPage: true });

    // The page, its scripts and the questionnaire now come from the service worker's copies.
    const offlineReload = await page.reload();
    expect(offlineReload?.fromServiceWorker()).toBe(true);
    await page.getByText('Qu’est-ce qui doit passer en premier ?').first().waitFor();
    expect(await page.locator('.respond__progress').innerText()).toBe('Page 3 sur 3');
    expect(await page.getByRole('checkbox', { name: 'Formation' }).isChecked()).toBe(true);
    expect(await statusText(page)).toContain('enregistrées sur cet appareil seulement');
    await page.screenshot({ path: screenshotPath('respond-offline-3-reloaded-offline'), fullPage: true });

    // Review, then submit while still offline: the submission waits on the device.
    await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    const review = await page.locator('.respond__answers').innerText();
    for (const expected of ['En partie', '4', 'Plus de réunions régionales', 'Formation'])
      expect(review).toContain(expected);
    await page.screenshot({ path: screenshotPath('respond-offline-4-review'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await page.getByRole('heading', { name: 'Pas encore envoyée' }).waitFor();
    await page.screenshot({ path: screenshotPath('respond-offline-5-waiting'), fullPage: true });
    expect(await storedResponses(rig.server, campaignId, ['status'])).toEqual([{ status: 'partial' }]);

    // Back online: it is sent once, and the receipt is shown.
    const completion = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith(`/api/respond/${token}/complete`),
    );
    await context.setOffline(false);
    expect((await completion).status()).toBe(201);
    await page.getByText('Votre accusé de réception').waitFor();
    const receipt = (await page.locator('.respond__receipt code').innerText()).trim();
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.screenshot({ path: screenshotPath('respond-offline-6-receipt'), fullPage: true });
    expect(await storedResponses(rig.server, campaignId, ['status', 'data', 'receipt'])).toEqual([
      {
        status: 'complete',
        data: {
          roles_clear: 'partly',
          satisfaction: 4,
          suggestions: 'Plus de réunions régionales',
          priorities: ['training'],
        },
        receipt,
      },
    ]);
    // Offline again, the link still shows the receipt and the copy of the answers.
    await context.setOffline(true);
    await page.reload();
    await page.getByText('Votre accusé de réception').waitFor();
    expect((await page.locator('.respond__receipt code').innerText()).trim()).toBe(receipt);
    expect(await page.locator('.respond__answers').innerText()).toContain('Plus de réunions régionales');
    await context.close();
  }, 120_000);

  it('a completion whose answer is lost on the way back is sent again with the same key, making one response', async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    const { campaignId, tokens } = await respondentCampaign(admin, 'lost-answer', [
      { name: 'Aziz Rakhimov', email: 'aziz@example.org', language: 'en' },
    ]);
    const token = tokens['aziz@example.org'];
    // Routing sees the page's own requests only without a service worker in between.
    const context = await rig.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const keys: string[] = [];
    await page.route(`**/api/respond/${token}/complete`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch();
      // The first time, the server stores the response but its answer never reaches the page.
      if (keys.length === 1) await route.abort('connectionreset');
      else await route.fulfill({ response });
    });
    await page.goto(`${rig.server.origin}/r/${token}`);
    await page.getByText('Yes', { exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('5', { exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Review my answers' }).click();
    await page.getByRole('button', { name: 'Submit my response' }).click();
    await page.getByText('Your receipt').waitFor({ timeout: 20_000 });
    const receipt = (await page.locator('.respond__receipt code').innerText()).trim();
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(await storedResponses(rig.server, campaignId, ['status', 'receipt'])).toEqual([
      { status: 'complete', receipt },
    ]);
    await context.close();
  }, 120_000);
});
