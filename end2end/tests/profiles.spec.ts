import { expect } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations, verifiedCitizen } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a citizen finds their participation on the account page, and their public profile behind their name', async ({
      page,
    }) => {
      const name = javaScriptEnabled ? 'Mara' : 'Nils';
      await verifiedCitizen(page, name);
      const title = `Fahrradboxen am Bahnhof ${name} ${Date.now()}`;
      await page.goto('/ideen/neu');
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Beschreibung').fill('Abschließbar und überdacht.');
      await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const ideaUrl = page.url();

      // "Meine Beteiligung" lists the idea, as hers and as followed (authors follow theirs).
      await page.goto('/konto');
      const mine = page.getByRole('region', { name: 'Meine Beteiligung' });
      await expect(mine.getByRole('link', { name: title })).toHaveCount(2);
      if (javaScriptEnabled) {
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }

      // The name on the idea leads to the public profile.
      await page.goto(ideaUrl);
      await page.locator('.idea .meta').getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expect(page.getByRole('link', { name: title })).toBeVisible();
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      // Shown no more: the name stays, without a link.
      await page.goto('/konto');
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByLabel('Öffentliches Profil zeigen').uncheck();
      await page.getByRole('button', { name: 'Profil speichern' }).click();
      await expect(page.getByText('Ihr Profil wurde gespeichert.')).toBeVisible();
      await page.goto(ideaUrl);
      await expect(page.locator('.idea .meta .author-name')).toHaveText(name);
      await expect(page.locator('.idea .meta').getByRole('link', { name })).toHaveCount(0);
    });
  });
}
