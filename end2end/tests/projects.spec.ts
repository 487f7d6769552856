import { expect } from '@playwright/test';
import { join } from 'node:path';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin } from './support';

const PICTURE = join(__dirname, '..', 'fixtures', 'projektbild.png');

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

    test('staff give a project a picture with its description, and take it away', async ({ page }) => {
      // One project per half, so that the two never change the same one.
      const slug = javaScriptEnabled ? '3d-stadtmodell' : 'city-lab-so-digital';
      const alt = `Ein Blick über die Dächer von Soest ${javaScriptEnabled ? 'A' : 'B'}`;
      await logInAsAdmin(page, javaScriptEnabled);
      await page.goto(`/projekte/${slug}/bearbeiten`);
      if (javaScriptEnabled) await expectHydrated(page);
      const section = page.getByRole('region', { name: 'Bild des Projekts' });
      // Without a description the form says what is missing, beside the field and above.
      await section.getByLabel('Bilddatei').setInputFiles(PICTURE);
      await section.getByRole('button', { name: 'Bild hochladen' }).click();
      await expect(page.locator('#image_alt-error')).toContainText('Bitte füllen Sie dieses Feld aus.');
      await expect(page.locator('.error-links a[href="#image_alt"]')).toBeVisible();
      await expect(page).toHaveTitle(/^Fehler: /);
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      await section.getByLabel('Bilddatei').setInputFiles(PICTURE);
      await section.getByLabel('Beschreibung des Bildes (Alternativtext)').fill(alt);
      await section.getByRole('button', { name: 'Bild hochladen' }).click();
      await expect(page.getByText('Das Bild wurde gespeichert.')).toBeVisible();
      await expect(page.getByRole('img', { name: alt })).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      await page.goto(`/projekte/${slug}`);
      const picture = page.getByRole('img', { name: alt });
      await expect(picture).toBeVisible();
      await expect(picture).toHaveAttribute('src', /^\/bilder\/projekte\/[0-9a-f]+\.jpg$/);
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      await page.goto(`/projekte/${slug}/bearbeiten`);
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByRole('button', { name: 'Bild entfernen' }).click();
      await expect(page.getByText('Das Bild wurde entfernt.')).toBeVisible();
      await page.goto(`/projekte/${slug}`);
      await expect(page.getByRole('img', { name: alt })).toHaveCount(0);
      await expect(page.locator('img.project-picture')).toHaveAttribute('src', /^\/illustrationen\//);
    });
  });
}
