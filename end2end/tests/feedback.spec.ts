import { expect, type Page } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations, verifiedCitizen } from './support';

/** Submits an idea as the signed-in person and returns its address. */
async function submitIdea(page: Page, title: string, javaScriptEnabled: boolean): Promise<string> {
  await page.goto('/ideen/neu');
  if (javaScriptEnabled) await expectHydrated(page);
  await page.getByLabel('Titel').fill(title);
  await page.getByLabel('Beschreibung').fill('Eine Bank zum Ausruhen an jeder Haltestelle.');
  await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
  await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  return page.url();
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('after commenting, supporting and following the page confirms it where the person lands', async ({
      page,
      browser,
    }) => {
      const suffix = javaScriptEnabled ? 'JS' : 'HTML';
      await verifiedCitizen(page, `Kira${suffix}`);
      const ideaUrl = await submitIdea(page, `Sitzbänke an Haltestellen ${suffix} ${Date.now()}`, javaScriptEnabled);

      // A comment: confirmed inside the new comment, the field empty for the next one.
      const text = `Gern auch mit Dach ${suffix}`;
      // The form for a new comment (the own comment's edit form has the same label).
      const field = page.locator('#kommentar-neu');
      await field.fill(text);
      await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
      const comment = page.locator('li.comment', { hasText: text });
      await expect(comment.locator('.done-notice')).toHaveText('Ihr Kommentar wurde veröffentlicht.');
      await expect(field).toHaveValue('');
      const landed = new URL(page.url());
      expect(landed.hash).toBe(`#${await comment.getAttribute('id')}`);
      expect(landed.searchParams.get('erledigt')).toMatch(/^kommentiert-\d+$/);
      if (javaScriptEnabled) {
        await expect(comment).toBeFocused();
        await expect(page.locator('#ansage')).toHaveText('Ihr Kommentar wurde veröffentlicht.');
        await expectNoWcagViolations(page);
      }

      // Another person supports and follows it.
      const other = await browser.newContext({ javaScriptEnabled });
      const lena = await other.newPage();
      await verifiedCitizen(lena, `Lena${suffix}`);
      await lena.goto(ideaUrl);
      if (javaScriptEnabled) await expectHydrated(lena);
      await lena.getByRole('button', { name: 'Idee unterstützen' }).click();
      const box = lena.locator('#unterstuetzen');
      // The follow box sits inside the support box: the support's own notice is its child.
      await expect(lena.locator('#unterstuetzen > .done-notice')).toHaveText('Ihre Unterstützung wurde gezählt.');
      await expect(box.locator('.support-count')).toHaveText('1 Unterstützung');
      expect(new URL(lena.url()).hash).toBe('#unterstuetzen');
      if (javaScriptEnabled) {
        await expect(box).toBeFocused();
        await expect(lena.locator('#ansage')).toHaveText('Ihre Unterstützung wurde gezählt.');
      }
      // Supporting follows the idea (the default setting): she stops and starts again.
      const follow = lena.locator('#folgen');
      await lena.getByRole('button', { name: 'Nicht mehr folgen' }).click();
      await expect(follow.locator('.done-notice')).toContainText('Sie folgen nicht mehr');
      await expect(lena.locator('#unterstuetzen > .done-notice')).toHaveCount(0);
      await lena.getByRole('button', { name: 'Idee folgen' }).click();
      await expect(follow.locator('.done-notice')).toContainText('Sie folgen jetzt');
      if (javaScriptEnabled) {
        await expect(follow).toBeFocused();
        await expect(lena.locator('#ansage')).toContainText('Sie folgen jetzt');
        await expectNoWcagViolations(lena);
      }
      await other.close();

      // Deleting and withdrawing ask once more, on the page.
      await page.goto(ideaUrl);
      if (javaScriptEnabled) await expectHydrated(page);
      await comment.getByText('Löschen', { exact: true }).click();
      await expect(comment.getByText('Möchten Sie diesen Kommentar wirklich löschen?')).toBeVisible();
      await comment.getByRole('button', { name: 'Ja, Kommentar löschen' }).click();
      const deleted = page.locator('li.comment', { hasText: 'Dieser Kommentar wurde gelöscht.' });
      await expect(deleted.locator('.done-notice')).toHaveText('Ihr Kommentar wurde gelöscht.');
      if (javaScriptEnabled) await expect(deleted).toBeFocused();
      await page.getByText('Idee zurückziehen', { exact: true }).click();
      await expect(page.getByText('Möchten Sie Ihre Idee wirklich zurückziehen?')).toBeVisible();
      await page.getByRole('button', { name: 'Ja, Idee zurückziehen' }).click();
      await expect(page.locator('.badges')).toContainText('Zurückgezogen');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });
  });
}
