import { expect } from '@playwright/test';
import { receivedMail } from './mail';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin, verifiedCitizen } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a citizen reports a rude comment, staff hide it, the author objects and the objection is granted', async ({
      page,
      browser,
    }) => {
      const suffix = `${javaScriptEnabled ? 'JS' : 'HTML'} ${Date.now()}`;
      const rude = `Alle hier sind Trottel ${suffix}.`;
      const objectionText = `Das war ein Zitat aus dem Stadtrat ${suffix}.`;

      // Ralf writes an idea and a rude comment on it.
      const ralfEmail = await verifiedCitizen(page, `Ralf${suffix.split(' ')[0]}`);
      await page.goto('/ideen/neu');
      if (javaScriptEnabled) await expectHydrated(page);
      const title = `Mehr Parkplätze ${suffix}`;
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Beschreibung').fill('Am Bahnhof fehlen Stellplätze.');
      await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const ideaUrl = page.url();
      await page.getByLabel('Ihr Kommentar').fill(rude);
      await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
      await expect(page.locator('.comment .prose', { hasText: rude })).toBeVisible();

      // Mia, in another browser, reports it.
      const miaContext = await browser.newContext({ javaScriptEnabled });
      const mia = await miaContext.newPage();
      await verifiedCitizen(mia, `Mia${suffix.split(' ')[0]}`);
      await mia.goto(ideaUrl);
      if (javaScriptEnabled) await expectHydrated(mia);
      await mia.getByRole('link', { name: /^Melden \(Ralf/ }).click();
      await expect(mia.getByRole('heading', { level: 1 })).toHaveText('Beitrag melden');
      await expect(mia.getByText(rude)).toBeVisible();
      if (javaScriptEnabled) {
        await expectHydrated(mia);
        await expectNoWcagViolations(mia);
      }
      // Sending without a reason says what is missing and keeps the note.
      await mia.getByLabel('Ihre Erläuterung').fill('Beleidigt alle anderen.');
      await mia.getByRole('button', { name: 'Meldung senden' }).click();
      // Beside the field, and as a link to it in the summary above the form.
      await expect(mia.locator('.field-error', { hasText: 'Bitte wählen Sie eine der angebotenen Möglichkeiten.' })).toBeVisible();
      await expect(mia.locator('.error-links a', { hasText: 'Bitte wählen Sie eine der angebotenen Möglichkeiten.' })).toBeVisible();
      await expect(mia.getByLabel('Ihre Erläuterung')).toHaveValue('Beleidigt alle anderen.');
      await mia.getByLabel('Beleidigend oder herabwürdigend').check();
      await mia.getByRole('button', { name: 'Meldung senden' }).click();
      await expect(mia.getByText('Ihre Meldung ist bei der Moderation eingegangen')).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(mia);

      // Staff find it in the queue and hide it with a reason.
      const staffContext = await browser.newContext({ javaScriptEnabled });
      const staff = await staffContext.newPage();
      await logInAsAdmin(staff, javaScriptEnabled);
      await staff.goto('/verwaltung/moderation');
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Moderation: offene Meldungen');
      const entry = staff.locator('li.queue-item', { hasText: rude });
      await expect(entry).toContainText('Beleidigend oder herabwürdigend (1)');
      if (javaScriptEnabled) {
        await expectHydrated(staff);
        await expectNoWcagViolations(staff);
      }
      await entry.getByRole('link', { name: /Prüfen und entscheiden/ }).click();
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Meldung prüfen');
      await expect(staff.getByText('Beleidigt alle anderen.', { exact: true })).toBeVisible();
      if (javaScriptEnabled) {
        await expectHydrated(staff);
        await expectNoWcagViolations(staff);
      }
      await staff.getByLabel('Ausblenden').check();
      await staff.getByLabel('Regel').selectOption({ label: 'Beleidigung oder Herabwürdigung (Netiquette)' });
      await staff.getByLabel('Begründung in eigenen Worten').fill('Bitte bleiben Sie sachlich.');
      await staff.getByRole('button', { name: 'Entscheidung speichern' }).click();
      await expect(staff.getByText('Entscheidung gespeichert (1).')).toBeVisible();

      // Everyone sees the placeholder in its place.
      await mia.goto(ideaUrl);
      await expect(mia.getByText('Dieser Beitrag wurde von der Moderation ausgeblendet.')).toBeVisible();
      await expect(mia.getByText(rude)).toHaveCount(0);
      await miaContext.close();

      // Ralf gets the statement of reasons, sees the reason in the app and objects.
      const mail = await receivedMail(ralfEmail, 'Ihr Beitrag wurde ausgeblendet');
      expect(mail.text).toContain('Bitte bleiben Sie sachlich.');
      await page.goto('/benachrichtigungen');
      const notices = page.getByRole('region', { name: 'Mitteilungen der Moderation' });
      await expect(notices).toContainText('Bitte bleiben Sie sachlich.');
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      await notices.getByRole('link', { name: 'Widerspruch einlegen' }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Widerspruch gegen eine Entscheidung');
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      await page.getByLabel('Ihr Widerspruch').fill(objectionText);
      await page.getByRole('button', { name: 'Widerspruch senden' }).click();
      await expect(page.getByText('Ihr Widerspruch ist eingegangen.')).toBeVisible();

      // Staff grant the objection; the comment is back and Ralf is told.
      await staff.goto('/verwaltung/moderation');
      const objection = staff.locator('li.queue-item', { hasText: objectionText });
      await expect(objection).toBeVisible();
      if (javaScriptEnabled) {
        await expectHydrated(staff);
        await expectNoWcagViolations(staff);
      }
      await objection.getByLabel('Widerspruch stattgeben (Beitrag wieder einblenden)').check();
      await objection.getByLabel('Regel').selectOption({ label: 'Kein Verstoß festgestellt' });
      await objection.getByRole('button', { name: 'Über den Widerspruch entscheiden' }).click();
      await expect(staff.getByText('Die Entscheidung über den Widerspruch ist gespeichert')).toBeVisible();
      await expect(staff.locator('li.queue-item', { hasText: objectionText })).toHaveCount(0);
      await staff.goto('/verwaltung/moderation/protokoll');
      await expect(staff.getByRole('heading', { level: 1 })).toHaveText('Moderationsprotokoll');
      await expect(staff.locator('table')).toContainText('Widerspruch stattgegeben');
      if (javaScriptEnabled) {
        await expectHydrated(staff);
        await expectNoWcagViolations(staff);
      }
      await staffContext.close();

      await page.goto(ideaUrl);
      await expect(page.locator('.comment .prose', { hasText: rude })).toBeVisible();
      await receivedMail(ralfEmail, 'Ihr Widerspruch wurde geprüft');
      await page.goto('/benachrichtigungen');
      await expect(page.getByText('Ihr Widerspruch war erfolgreich')).toBeVisible();
    });
  });
}
