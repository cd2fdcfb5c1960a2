import { readFileSync } from 'node:fs';
import { describeWithBrowser, screenshotPath, useServerAndBrowser } from '../support/browser';
import { signInThroughForm, staffApi } from '../support/browser-staff';
import { ROLES_TITLE, rolesClearQuestion } from '../support/campaign-fixtures';
import { addStaffAccount, type StaffAccount } from '../support/staff-accounts';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/test-app';

const ANALYST: StaffAccount = { email: 'analyst@example.org', name: 'Analyst', password: 'Analyst-password-123' };

/** Two pages, with French texts, so that paging, resuming and switching language all show. */
const DEFINITION = {
  title: ROLES_TITLE,
  pages: [
    {
      name: 'roles',
      elements: [
        rolesClearQuestion([
          { value: 'yes', text: { default: 'Yes', fr: 'Oui' } },
          { value: 'partly', text: { default: 'Partly', fr: 'En partie' } },
          { value: 'no', text: { default: 'No', fr: 'Non' } },
        ]),
        {
          type: 'comment',
          name: 'roles_why',
          title: { default: 'Why not?', fr: 'Pourquoi ?' },
          visibleIf: "{roles_clear} = 'no'",
        },
      ],
    },
    {
      name: 'satisfaction',
      elements: [
        {
          type: 'rating',
          name: 'satisfaction',
          title: { default: 'How satisfied are you?', fr: 'Êtes-vous satisfait ?' },
          rateMin: 1,
          rateMax: 5,
          isRequired: true,
        },
      ],
    },
  ],
};

describeWithBrowser('a network member answering by personal link', () => {
  const rig = useServerAndBrowser();

  it('answers on a phone, resumes after a reload, finishes in French, and the secretariat sees the completion', async () => {
    const admin = await staffApi(rig.server.origin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await addStaffAccount(admin, 'secretariat', ANALYST);
    const survey = await admin<{ id: string }>('POST', '/api/surveys', { slug: 'browser-roles', title: 'Roles' });
    await admin('POST', `/api/surveys/${survey.id}/versions`, { definition: DEFINITION, changelog: 'first' });
    await admin('POST', `/api/surveys/${survey.id}/versions/1/publish`);
    const networks = await admin<Array<{ id: string; code: string }>>('GET', '/api/networks');
    const sea = networks.find((network) => network.code === 'SEA')!;
    await admin('POST', `/api/networks/${sea.id}/members`, [
      {
        name: 'Maria Santos',
        email: 'maria.santos@example.org',
        country: 'Philippines',
        role: 'National Focal Point',
        language: 'en',
      },
    ]);
    const campaign = await admin<{ id: string }>('POST', '/api/campaigns', {
      surveyId: survey.id,
      version: 1,
      name: 'Browser consultation',
      networkIds: [sea.id],
    });
    const links = await admin<Array<{ email: string; url: string }>>('GET', `/api/campaigns/${campaign.id}/links`);
    const token = links.find((link) => link.email === 'maria.santos@example.org')!.url.split('/r/')[1];

    const phone = await rig.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-GB',
    });
    const page = await phone.newPage();
    await page.goto(`${rig.server.origin}/r/${token}`);
    await page.getByText('Are the roles clear?').waitFor();
    // An answer to a question that a condition then hides must not be kept (the server refuses it).
    await page.getByText('No', { exact: true }).click();
    await page.getByText('Why not?').waitFor();
    await page.locator('textarea').first().fill('Unclear mandate');
    await page.getByText('Partly', { exact: true }).click();
    await page.getByText('Why not?').waitFor({ state: 'hidden' });
    const saved = page.waitForResponse(
      (response) => response.url().endsWith(`/api/respond/${token}`) && response.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Next' }).click();
    expect((await saved).status()).toBe(200);
    await page.getByText('How satisfied are you?').waitFor();
    await page.screenshot({ path: screenshotPath('respond-phone-page2'), fullPage: true });

    // The reload resumes on page 2, where the respondent was, with page 1's answer kept.
    await page.reload();
    await page.getByText('How satisfied are you?').waitFor();
    expect(await page.locator('.respond__progress').innerText()).toBe('Page 2 of 2');
    await page.getByRole('button', { name: 'Previous' }).click();
    expect(await page.getByRole('radio', { name: 'Partly' }).isChecked()).toBe(true);
    await page.screenshot({ path: screenshotPath('respond-phone-resumed'), fullPage: true });

    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByText('Les rôles sont-ils clairs ?').waitFor();
    expect(await page.getByRole('radio', { name: 'En partie' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByText('Êtes-vous satisfait ?').waitFor();
    await page.getByText('4', { exact: true }).click();

    // The review lists every answer with a way back to its page.
    await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    expect(await page.locator('.respond__answer').allInnerTexts()).toEqual([
      'Les rôles sont-ils clairs ?\nEn partie\nModifier',
      'Êtes-vous satisfait ?\n4\nModifier',
    ]);
    await page.getByRole('button', { name: 'Modifier: Les rôles sont-ils clairs ?' }).click();
    await page.getByText('Les rôles sont-ils clairs ?').waitFor();
    expect(await page.locator('.respond__progress').innerText()).toBe('Page 1 sur 2');
    await page.getByText('Oui', { exact: true }).click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: 'Vérifier mes réponses' }).click();
    await page.getByRole('heading', { name: 'Vérifiez vos réponses' }).waitFor();
    await page.screenshot({ path: screenshotPath('respond-phone-review'), fullPage: true });
    await page.getByRole('button', { name: 'Envoyer ma réponse' }).click();
    await page.getByText('Votre accusé de réception').waitFor();
    const receipt = (await page.locator('.respond__receipt code').textContent()) ?? '';
    expect(receipt).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await page.screenshot({ path: screenshotPath('respond-phone-receipt'), fullPage: true });

    // A copy of the answers with the receipt: downloadable, and printable without the buttons.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Télécharger une copie' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`answers-${receipt}.html`);
    const copy = readFileSync(await file.path(), 'utf8');
    expect(copy).toContain('<html lang="fr" dir="ltr">');
    expect(copy).toContain(`Votre accusé de réception: <strong>${receipt}</strong>`);
    expect(copy).toContain(
      '<section><h2>Page 1 sur 2</h2><dl><dt>Les rôles sont-ils clairs ?</dt><dd>Oui</dd></dl></section>',
    );
    expect(copy).toContain('<section><h2>Page 2 sur 2</h2><dl><dt>Êtes-vous satisfait ?</dt><dd>4</dd></dl></section>');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Imprimer' }).isVisible()).toBe(false);
    expect(await page.locator('.respond__answers').innerText()).toContain('Oui');
    await page.screenshot({ path: screenshotPath('respond-phone-print'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // Opened again, the link shows the receipt and the answers, in the language last used.
    await page.reload();
    await page.getByText('Vous avez déjà répondu').waitFor();
    expect(await page.locator('.respond__receipt code').textContent()).toBe(receipt);
    await phone.close();

    const desk = await rig.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${rig.server.origin}/campaigns/${campaign.id}`);
    await signInThroughForm(desk, ANALYST.email, ANALYST.password);
    await desk.waitForURL(new RegExp(`/campaigns/${campaign.id}$`));
    const row = desk.getByRole('row').filter({ has: desk.getByRole('rowheader', { name: 'South East Asia' }) });
    await row.waitFor();
    // Invited, opened, started, completed: the demo members of the network are invited too.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['1', '1', '1']);
    await desk.screenshot({ path: screenshotPath('respond-progress'), fullPage: true });
  }, 120_000);
});
