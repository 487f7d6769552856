import { expect } from '@playwright/test';
import { linkIn, receivedMail, uniqueEmail } from './mail';
import { test, expectHydrated, expectNoWcagViolations, fillRegistration } from './support';

// The way of someone who comes to take part: from the home page into a project, through
// registration and the mailed link, to a published idea in that project. The project and
// the way back survive every step; confirming in the same browser signs the person in.
for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    // Two ways in: the home page's call to action (the project is chosen on the form), and a
    // project's own link (the project is chosen already and survives every step).
    for (const entry of ['call to action', 'project'] as const) {
      test(`from the home page's ${entry} to a first idea in a project`, async ({ page }) => {
        const who = `${javaScriptEnabled ? 'js' : 'html'}-${entry === 'project' ? 'p' : 'c'}`;
        const name = `Frieda Erstmal ${who}`;
        const email = uniqueEmail(`erste-${who}`);
        const title = `Haltestelle mit Anzeige ${who} ${Date.now()}`;

        await page.goto('/');
        if (javaScriptEnabled) await expectHydrated(page);
        if (entry === 'project') {
          await page.getByRole('link', { name: /Big-Bird-Westfalen/ }).first().click();
          await page.getByRole('link', { name: 'Idee zu diesem Projekt einreichen' }).click();
        } else {
          await page.getByRole('main').getByRole('link', { name: 'Idee einreichen' }).first().click();
        }
        await expect(page.getByText('Melden Sie sich an oder registrieren Sie sich')).toBeVisible();
        if (javaScriptEnabled) await expectNoWcagViolations(page);
        await page.getByRole('main').getByRole('link', { name: 'Registrieren' }).click();
        await fillRegistration(page, email, name, javaScriptEnabled);

        await page.goto(linkIn(await receivedMail(email, 'bestätigen'), '/konto/bestaetigen'));
        if (javaScriptEnabled) await expectHydrated(page);
        await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();

        // Back on the idea form, signed in.
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Neue Idee');
        const project = page.getByLabel('Projekt (optional)');
        if (entry === 'project') {
          await expect(page).toHaveURL(/\/ideen\/neu\?projekt=big-bird-westfalen/);
          await expect(project.locator('option:checked')).toHaveText(/Big-Bird-Westfalen/);
        } else {
          await expect(page).toHaveURL(/\/ideen\/neu$/);
        }
        if (javaScriptEnabled) {
          await expectHydrated(page);
          await expectNoWcagViolations(page);
        }
        if (entry === 'call to action') {
          await project.selectOption({ label: 'Big-Bird-Westfalen: Bus fahren mit dem Smartphone' });
        }
        await page.getByLabel('Titel').fill(title);
        await page.getByLabel('Beschreibung').fill('Eine Anzeige, wann der nächste Bus kommt.');
        await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
        await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();

        await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
        await expect(page.getByRole('main')).toContainText('Big-Bird-Westfalen');
        await expect(page.getByRole('link', { name: new RegExp(`Mein Konto \\(${name}\\)`) })).toBeVisible();
        if (javaScriptEnabled) await expectNoWcagViolations(page);
      });
    }
  });
}
