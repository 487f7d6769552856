import { expect } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('staff publish a project, correct a bad amount, and archive it', async ({ page }) => {
      const slug = `e2e-projekt-${javaScriptEnabled ? 'js' : 'html'}-${Date.now()}`;
      const title = `Sensoren für Parkplätze ${javaScriptEnabled ? 'A' : 'B'}`;
      await logInAsAdmin(page, javaScriptEnabled);
      await page.goto('/projekte');
      await page.getByRole('link', { name: 'Neues Projekt' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neues Projekt anlegen');
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Adresse (Kurzname)').fill(slug);
      await page.getByLabel('Kurzbeschreibung').fill('Freie Parkplätze in Echtzeit.');
      await page.getByLabel('Beschreibung', { exact: true }).fill('Sensoren melden **freie** Plätze.');
      await page.getByLabel('Phase').selectOption({ label: 'Laufend' });
      await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await page.getByLabel('Lippstadt').check();
      await page.getByLabel('Fördersumme in Euro (optional)').fill('viel');
      await page.getByLabel('Verantwortliche Stelle').fill('Stadt Lippstadt');
      await page.getByLabel('Ansprechperson oder Kontakt').fill('parken@lippstadt.example');
      await page.getByRole('button', { name: 'Projekt speichern' }).click();

      // Beside the field, and as a link to it in the summary above the form.
      await expect(page.locator('.field-error', { hasText: 'Bitte geben Sie einen Betrag in Euro ein' })).toBeVisible();
      await expect(page.locator('.error-links a', { hasText: 'Bitte geben Sie einen Betrag in Euro ein' })).toBeVisible();
      await expect(page.getByLabel('Titel')).toHaveValue(title);
      await expect(page.getByLabel('Lippstadt')).toBeChecked();
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await page.getByLabel('Fördersumme in Euro (optional)').fill('350.000');
      await page.getByRole('button', { name: 'Projekt speichern' }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.prose strong')).toHaveText('freie');
      await expect(page.locator('.project-facts')).toContainText('350.000 €');
      await expect(page.locator('.project-facts')).toContainText('Lippstadt');
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      await page.getByRole('link', { name: 'Projekt bearbeiten' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projekt bearbeiten');
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByLabel('Archiviert').check();
      await page.getByRole('button', { name: 'Projekt speichern' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.badges').first()).toContainText('Archiviert');
    });
  });
}
