import { expect } from '@playwright/test';
import { linkIn, receivedMail, uniqueEmail } from './mail';
import { test, expectHydrated, expectNoWcagViolations, logIn, PASSWORD, register } from './support';

// axe-core runs inside the page, so its checks run in the JavaScript half; the HTML it checks
// is the same server-rendered markup the no-JavaScript half gets.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('register, confirm from the mail, log in and out', async ({ page }) => {
      const email = uniqueEmail('anna');
      await register(page, email, 'Anna Schmidt', javaScriptEnabled);

      const mail = await receivedMail(email, 'bestätigen');
      // Opening the link only asks (mail scanners open links too); the button confirms.
      await page.goto(linkIn(mail, '/konto/bestaetigen'));
      await expect(page.getByText('Bitte bestätigen Sie mit einem Klick')).toBeVisible();
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
      await expect(page.getByText('Ihre E-Mail-Adresse ist bestätigt')).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      // Confirmed in the browser that registered: signed in already.
      await expect(page.getByRole('link', { name: /Mein Konto \(Anna Schmidt\)/ })).toBeVisible();
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await expect(page).toHaveURL(/\/$/);

      await logIn(page, email, PASSWORD, javaScriptEnabled);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
      await expect(page.getByRole('link', { name: /Mein Konto \(Anna Schmidt\)/ })).toBeVisible();
      await expect(page.getByText('noch nicht bestätigt')).toHaveCount(0);
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }

      await page.getByRole('button', { name: 'Abmelden' }).click();
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByRole('link', { name: 'Anmelden' })).toBeVisible();
    });

    test('reset a forgotten password from the mail', async ({ page }) => {
      const email = uniqueEmail('ben');
      await register(page, email, 'Ben Becker', javaScriptEnabled);

      await page.goto('/anmelden');
      await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Passwort vergessen');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await page.getByLabel('E-Mail-Adresse').fill(email);
      await page.getByRole('button', { name: 'Link anfordern' }).click();
      await expect(page.getByText('Wenn zu dieser Adresse ein Konto besteht')).toBeVisible();

      const mail = await receivedMail(email, 'Passwort zurücksetzen');
      await page.goto(linkIn(mail, '/passwort-zuruecksetzen'));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neues Passwort festlegen');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await page.getByLabel('Neues Passwort').fill('ein ganz neuer satz');
      await page.getByRole('button', { name: 'Passwort speichern' }).click();
      await expect(page.getByText('Ihr Passwort wurde geändert')).toBeVisible();

      await logIn(page, email, 'ein ganz neuer satz', javaScriptEnabled);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
    });

    test('an empty login names its fields; a wrong password is explained next to the form and keeps the email', async ({ page }) => {
      await page.goto('/anmelden');
      // What is kept below differs with JavaScript: the form must have hydrated first.
      if (javaScriptEnabled) await expectHydrated(page);
      // Sent empty, the form names each empty field, not a wrong password.
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expect(page.getByRole('alert').getByRole('link')).toHaveText([/^E-Mail-Adresse: /, /^Passwort: /]);
      await expect(page.getByRole('alert')).not.toContainText('nicht richtig');
      await page.getByLabel('E-Mail-Adresse').fill('niemand@example.org');
      await page.getByLabel('Passwort').fill('falsches passwort');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort sind nicht richtig.');
      await expect(page.getByLabel('E-Mail-Adresse')).toHaveValue('niemand@example.org');
      // The server never sends a password back: the page it answers with has the field empty
      // (every form is a plain post, with JavaScript too).
      await expect(page.getByLabel('Passwort')).toHaveValue('');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });

    test('registration errors appear next to their fields', async ({ page }) => {
      await page.goto('/registrieren');
      await page.getByLabel('Anzeigename').fill('Carla');
      await page.getByLabel('E-Mail-Adresse').fill('keine-adresse');
      await page.getByLabel('Passwort', { exact: true }).fill('kurz');
      await page.getByRole('button', { name: 'Konto anlegen' }).click();
      const fieldError = (text: string) => page.locator('.field-error', { hasText: text });
      await expect(fieldError('Bitte geben Sie eine gültige E-Mail-Adresse ein')).toBeVisible();
      await expect(fieldError('Bitte geben Sie mindestens 10 Zeichen ein.')).toBeVisible();
      await expect(fieldError('Ohne Ihre Einwilligung können wir kein Konto anlegen.')).toBeVisible();
      await expect(page.getByLabel('Anzeigename')).toHaveValue('Carla');
      await expect(page.getByLabel('E-Mail-Adresse')).toHaveAttribute('aria-invalid', 'true');
      // The error summary (GOV.UK pattern): "Fehler: " in the title, one link per error in
      // the form's order; with JavaScript it takes the focus and its links the cursor to the field.
      await expect(page).toHaveTitle(/^Fehler: Registrieren/);
      const summary = page.getByRole('alert');
      await expect(summary.getByRole('link')).toHaveText([
        /^E-Mail-Adresse: /,
        /^Passwort: /,
        /^Datenschutz: /,
      ]);
      if (javaScriptEnabled) {
        await expect(summary).toBeFocused();
        await summary.getByRole('link', { name: /^Passwort: / }).click();
        await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
      }
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });
  });
}
