import { expect } from '@playwright/test';
import { linkIn, receivedMail } from './mail';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin, verifiedCitizen } from './support';

/** The Berlin date `days` from now, as a date input takes it. */
function dayIn(days: number): string {
  const at = new Date(Date.now() + days * 86_400_000);
  return at.toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('staff publish a workshop with 2 places, a business and a citizen take them, the third waits and moves up when the business gives its place up by mail', async ({
      page,
      browser,
    }) => {
      const run = `${javaScriptEnabled ? 'js' : 'html'}-${Date.now()}`;
      const title = `Stadtmodell-Werkstatt ${run}`;

      // Staff publish the workshop.
      await logInAsAdmin(page, javaScriptEnabled);
      await page.goto('/workshops/neu');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neuer Workshop');
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Adresse (Kurzname)').fill(`werkstatt-${run}`);
      await page.getByLabel('Beschreibung').fill('Wir vermessen **Dächer** mit dem 3-D-Stadtmodell.');
      await page.getByLabel('Ort', { exact: true }).fill('Kreishaus Soest, Raum 2');
      await page.getByLabel('Datum', { exact: true }).fill(dayIn(14));
      await page.getByLabel('Beginn (Uhrzeit)').fill('16:00');
      await page.getByLabel('Ende (Uhrzeit)').fill('18:00');
      await page.getByLabel('Plätze insgesamt').fill('2');
      // One required choice question (rows of plain fields, also without JavaScript).
      await page.getByLabel('Frage 1').fill('Welche Software nutzen Sie?');
      await page.getByLabel('Art der Antwort').first().selectOption({ label: 'Auswahl' });
      await page.getByLabel('Antwortmöglichkeiten').first().fill('AutoCAD\nRevit\nAndere');
      await page.getByLabel('Pflichtfrage').first().check();
      await page.getByLabel('Veröffentlicht').check();
      await page.getByRole('button', { name: 'Workshop speichern' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.getByText('noch 2 Plätze')).toBeVisible();
      await expect(page.getByText('16:00–18:00 Uhr')).toBeVisible();
      const workshopUrl = page.url();

      // A business registers.
      const businessContext = await browser.newContext({ javaScriptEnabled });
      const business = await businessContext.newPage();
      const businessEmail = await verifiedCitizen(business, `Bea${run.split('-')[0]}`, `Dachdeckerei ${run}`);
      await business.goto(workshopUrl);
      if (javaScriptEnabled) {
        await expectHydrated(business);
        await expectNoWcagViolations(business);
      }
      // Without the consent and the answer the form says what is missing.
      await business.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      // Beside the field, and as a link to it in the summary above the form.
      await expect(business.locator('.field-error', { hasText: 'Bitte bestätigen Sie diese Angabe.' })).toBeVisible();
      await expect(business.locator('.error-links a', { hasText: 'Bitte bestätigen Sie diese Angabe.' })).toBeVisible();
      await expect(business.getByRole('group', { name: 'Welche Software nutzen Sie?' })).toContainText('Bitte');
      await business.getByLabel('Revit', { exact: true }).check();
      await business.getByLabel(/Ich bin einverstanden/).check();
      await business.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await expect(business.getByText('Sie sind angemeldet.', { exact: false }).first()).toBeVisible();
      const confirmation = await receivedMail(businessEmail, 'Anmeldung bestätigt');
      expect(confirmation.text).toContain(title);

      // A citizen takes the second place.
      const citizenContext = await browser.newContext({ javaScriptEnabled });
      const citizen = await citizenContext.newPage();
      await verifiedCitizen(citizen, `Carl${run.split('-')[0]}`);
      await citizen.goto(workshopUrl);
      await citizen.getByLabel('AutoCAD', { exact: true }).check();
      await citizen.getByLabel(/Ich bin einverstanden/).check();
      await citizen.getByRole('button', { name: 'Verbindlich anmelden' }).click();
      await expect(citizen.getByText('Sie sind angemeldet.', { exact: false }).first()).toBeVisible();

      // The third lands on the waitlist.
      const thirdContext = await browser.newContext({ javaScriptEnabled });
      const third = await thirdContext.newPage();
      const thirdEmail = await verifiedCitizen(third, `Dana${run.split('-')[0]}`);
      await third.goto(workshopUrl);
      await expect(third.getByText('ausgebucht – Warteliste')).toBeVisible();
      await third.getByLabel('Andere', { exact: true }).check();
      await third.getByLabel(/Ich bin einverstanden/).check();
      await third.getByRole('button', { name: 'Auf die Warteliste setzen' }).click();
      await expect(third.getByText('Sie stehen auf Platz 1 der Warteliste.')).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(third);

      // The business gives its place up through the link in its mail, without logging in.
      const linkContext = await browser.newContext({ javaScriptEnabled });
      const fromMail = await linkContext.newPage();
      await fromMail.goto(linkIn(confirmation, '/workshops/abmelden'));
      await expect(fromMail.getByRole('heading', { level: 1 })).toHaveText('Platz freigeben');
      if (javaScriptEnabled) {
        await expectHydrated(fromMail);
        await expectNoWcagViolations(fromMail);
      }
      await fromMail.getByRole('button', { name: 'Platz freigeben' }).click();
      await expect(fromMail.getByText('Ihre Anmeldung wurde storniert.', { exact: false })).toBeVisible();

      // The waiting person moved up and got the mail with the calendar file.
      const promotion = await receivedMail(thirdEmail, 'Ein Platz ist frei geworden');
      expect(promotion.text).toContain(title);
      expect(promotion.attachments).toContain('text/calendar');
      await third.goto(workshopUrl);
      await expect(third.getByText('Sie sind angemeldet.')).toBeVisible();

      // Staff see who comes.
      await page.goto(`${workshopUrl}/teilnehmende`);
      await expect(page.getByRole('cell', { name: thirdEmail })).toBeVisible();
      await expect(page.getByRole('columnheader', { name: 'Welche Software nutzen Sie?' })).toBeVisible();
      await expect(page.getByRole('cell', { name: 'Andere', exact: true })).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      for (const context of [businessContext, citizenContext, thirdContext, linkContext]) {
        await context.close();
      }
    });
  });
}
