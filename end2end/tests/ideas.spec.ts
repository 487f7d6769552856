import { expect, type Page } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin, verifiedCitizen } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a citizen submits an idea with markdown and finds it by search', async ({ page }) => {
      await verifiedCitizen(page, javaScriptEnabled ? 'Dora' : 'Emil');
      const word = javaScriptEnabled ? 'Haltestellen' : 'Fahrradständer';
      const title = `Mehr ${word} in Soest ${Date.now()}`;

      await page.goto('/ideen/neu');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neue Idee');
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Beschreibung').fill(`Wir brauchen **mehr** ${word}:\n\n- am Bahnhof\n- am Markt`);
      await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await page.getByLabel('Projekt (optional)').selectOption({ label: 'Big-Bird-Westfalen: Bus fahren mit dem Smartphone' });
      if (javaScriptEnabled) {
        await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
        await expect(page.locator('.preview strong')).toHaveText('mehr');
      }
      await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      await expect(page.locator('.prose strong')).toHaveText('mehr');
      await expect(page.locator('.prose li')).toHaveCount(2);
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      // Found by another form of the word: "Haltestelle" finds "Haltestellen".
      await page.goto('/ideen');
      await page.getByLabel('Suche').fill(word.slice(0, -1));
      await page.getByRole('button', { name: 'Anzeigen' }).click();
      await expect(page).toHaveURL(/suche=/);
      await expect(page.locator('.idea-card mark').first()).toBeVisible();
      await expect(page.getByRole('link', { name: title })).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await page.getByRole('link', { name: title }).click();
      const ideaUrl = page.url();

      // The administration answers it officially.
      await page.getByRole('button', { name: 'Abmelden' }).click();
      await logInAsAdmin(page, javaScriptEnabled);
      await page.goto(ideaUrl);
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByLabel('Neuer Status').selectOption({ label: 'Angenommen' });
      await page.getByLabel('Offizielle Antwort').fill('Wir stellen **zehn** neue auf.');
      await page.getByRole('button', { name: 'Status und Antwort veröffentlichen' }).click();
      const answer = page.getByRole('region', { name: 'Offizielle Antwort' });
      await expect(answer.locator('strong')).toHaveText('zehn');
      await expect(answer).toContainText('Kreis Soest');
      await expect(page.locator('.history')).toContainText('Angenommen');
      // Published, the page the post lands on has the form empty again.
      await expect(page.getByRole('textbox', { name: 'Offizielle Antwort' })).toHaveValue('');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });

    test('the preview says when it cannot be shown, and the form keeps what was typed', async ({ page }) => {
      test.skip(!javaScriptEnabled, 'the preview is the one part of this page that needs JavaScript');
      await verifiedCitizen(page, 'Vera');
      await page.goto('/ideen/neu');
      await expectHydrated(page);
      await page.getByLabel('Beschreibung').fill('Ein **Vorschlag**');
      // The session ends meanwhile (signed out in another tab, or expired).
      await page.context().clearCookies();
      await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
      await expect(page.getByRole('alert')).toHaveText(
        'Die Vorschau lässt sich gerade nicht anzeigen. Ihr Text bleibt im Formular.',
      );
      await expect(page.locator('.preview')).toHaveCount(0);
      await expect(page.getByLabel('Beschreibung')).toHaveValue('Ein **Vorschlag**');
      await expectNoWcagViolations(page);
    });

    test('on a phone the list filters fold behind a button', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.goto('/ideen');
      if (javaScriptEnabled) await expectHydrated(page);
      const search = page.getByRole('search', { name: 'Ideen filtern' });
      await expect(search.getByLabel('Suche')).toBeVisible();
      await expect(search.getByLabel('Themenfeld')).toBeHidden();
      await search.getByText('Filter und Sortierung').click();
      await expect(search.getByLabel('Themenfeld')).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await search.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await search.getByRole('button', { name: 'Anzeigen' }).click();
      await expect(page).toHaveURL(/kategorie=mobilitaet/);
      // The toggle is no filter: the form never sends it, and a chosen filter stays in view.
      expect(page.url()).not.toContain('toggle');
      await expect(search.getByLabel('Themenfeld')).toBeVisible();
    });

    test('on a phone the header folds its links behind "Menü"', async ({ page }) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await verifiedCitizen(page, javaScriptEnabled ? 'Hanna' : 'Ilse');
      await page.goto('/');
      if (javaScriptEnabled) await expectHydrated(page);
      const header = page.getByRole('banner');
      const ideas = header.getByRole('link', { name: 'Ideen', exact: true });
      await expect(ideas).toBeHidden();
      await expect(header.getByRole('button', { name: 'Abmelden' })).toBeHidden();
      // The whole header is one compact row: the name and the menu button.
      expect((await header.boundingBox())!.height).toBeLessThan(120);
      await header.getByText('Menü').click();
      await expect(ideas).toBeVisible();
      await expect(header.getByRole('button', { name: 'Abmelden' })).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);
      await ideas.click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ideen');
      // On the new page the menu is folded again (with JavaScript, closed by the navigation).
      await expect(ideas).toBeHidden();
      // Keyboard: the menu button is reached by Tab and opened with the space bar.
      await page.getByRole('checkbox', { name: 'Menü' }).focus();
      await page.keyboard.press('Space');
      await expect(ideas).toBeVisible();
    });

    test('bad input is explained next to the fields', async ({ page }) => {
      await verifiedCitizen(page, javaScriptEnabled ? 'Fritz' : 'Gerda');
      await page.goto('/ideen/neu');
      if (javaScriptEnabled) await expectHydrated(page);
      const locations: string[] = [];
      page.on('response', (response) => {
        const location = response.headers()['location'];
        if (location) locations.push(location);
      });
      await page.getByLabel('Titel').fill('Nur ein Titel');
      await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();
      await expect(page.locator('.field-error', { hasText: 'Bitte füllen Sie dieses Feld aus.' })).toBeVisible();
      // Nothing typed, and no error with it, travels in an address (history, logs).
      for (const address of [page.url(), ...locations]) {
        expect(address).not.toContain('__err');
        expect(address).not.toMatch(/Titel/);
      }
      expect(new URL(page.url()).pathname).toBe('/ideen/neu');
      // No Themenfeld was chosen for the person: leaving it is an error too.
      await expect(page.getByRole('alert').getByRole('link')).toHaveText([/^Beschreibung: /, /^Themenfeld: /]);
      await expect(page.getByLabel('Titel')).toHaveValue('Nur ein Titel');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });
  });
}
