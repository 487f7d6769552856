import { expect } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations, logInAsAdmin, verifiedCitizen } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('a business waits for staff to confirm its organisation; a refusal without reason is explained, the confirmation shows it', async ({
      page,
      browser,
    }) => {
      const run = `${javaScriptEnabled ? 'js' : 'html'}-${Date.now()}`;
      const organisation = `Zimmerei ${run}`;
      const businessContext = await browser.newContext({ javaScriptEnabled });
      const business = await businessContext.newPage();
      await verifiedCitizen(business, `Zora${run.split('-')[0]}`, organisation);
      await expect(business.getByText(`Die Verwaltung prüft Ihr Unternehmen „${organisation}“`)).toBeVisible();

      await logInAsAdmin(page, javaScriptEnabled);
      await page.goto('/verwaltung/moderation');
      await expect(page.getByRole('heading', { level: 2, name: 'Unternehmen bestätigen' })).toBeVisible();
      if (javaScriptEnabled) {
        // axe runs in the page: with JavaScript only.
        await expectHydrated(page);
        await expectNoWcagViolations(page);
      }
      const claim = page.locator('li.queue-item', { hasText: organisation });
      // Not confirming needs a reason: the error stays with this account's form.
      await claim.getByLabel('Nicht bestätigen').check();
      await claim.getByRole('button', { name: new RegExp(`Entscheidung speichern.*${organisation}`) }).click();
      await expect(
        page.locator('li.queue-item', { hasText: organisation }).locator('.field-error'),
      ).toContainText('mindestens 15 Zeichen');
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      const again = page.locator('li.queue-item', { hasText: organisation });
      await again.getByLabel('Unternehmen bestätigen').check();
      await again.getByRole('button', { name: new RegExp(`Entscheidung speichern.*${organisation}`) }).click();
      await expect(page.getByText('Gespeichert. Die Person wurde per E-Mail informiert.')).toBeVisible();
      await expect(page.locator('li.queue-item', { hasText: organisation })).toHaveCount(0);

      await business.goto('/konto');
      await expect(business.getByText(`Ihr Unternehmen ist bestätigt: Ihre Beiträge zeigen „für ${organisation}“.`)).toBeVisible();
      await businessContext.close();
    });
  });
}
