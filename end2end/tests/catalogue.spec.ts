import { expect } from '@playwright/test';
import { test, expectHydrated, expectNoWcagViolations } from './support';

const BIG_BIRD = 'Big-Bird-Westfalen: Bus fahren mit dem Smartphone';

test.describe('with JavaScript', () => {
  test('home → catalogue → project page, hydrated and accessible', async ({ page }) => {
    await page.goto('/');
    await expectHydrated(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gestalten Sie die digitale Region mit');
    await expect(page.getByText('4,8 Mio. €')).toBeVisible();
    await expectNoWcagViolations(page);

    // Links load the next page (server-rendered; only islands hydrate).
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Projekte' }).click();
    await expect(page).toHaveURL(/\/projekte$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projekte');
    await expect(page.getByText('3 Projekte')).toBeVisible();
    await expectNoWcagViolations(page);

    await page.getByRole('link', { name: BIG_BIRD }).click();
    await expect(page).toHaveURL(/\/projekte\/big-bird-westfalen$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BIG_BIRD);
    await expect(page.getByText('Hochsauerlandkreis').first()).toBeVisible();
    await expect(page).toHaveTitle(`${BIG_BIRD} – Stadtlabor`);
    await expectNoWcagViolations(page);
  });

  test('the language switch shows the site in English and back', async ({ page }) => {
    await page.goto('/projekte');
    await expectHydrated(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/projekte$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projects');
    await expect(page.getByText('3 projects')).toBeVisible();
    await expectNoWcagViolations(page);

    await page.getByRole('link', { name: 'Deutsch' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Projekte');
  });

  test('an unknown address shows the German 404 page', async ({ page }) => {
    const response = await page.goto('/gibt/es/nicht');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
    await expectNoWcagViolations(page);
  });

  test('legal pages are reachable from the footer and accessible', async ({ page }) => {
    await page.goto('/');
    for (const name of ['Impressum', 'Datenschutz', 'Erklärung zur Barrierefreiheit']) {
      await page.getByRole('contentinfo').getByRole('link', { name }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
      await expectNoWcagViolations(page);
    }
  });

  test('the skip link is the first tab stop and moves focus to the content', async ({ page }) => {
    await page.goto('/');
    await expectHydrated(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('home → catalogue → project page work as plain HTML', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gestalten Sie die digitale Region mit');
    // Nothing hydrated: the content came from the server alone.
    await expect(page.locator('body')).not.toHaveAttribute('data-hydrated', 'true');
    await expect(page.getByRole('link', { name: BIG_BIRD })).toBeVisible();

    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Projekte' }).click();
    await expect(page).toHaveURL(/\/projekte$/);
    await expect(page.getByText('3 Projekte')).toBeVisible();

    await page.getByRole('link', { name: BIG_BIRD }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(BIG_BIRD);
    await expect(page.locator('.prose strong', { hasText: 'Bluetooth' })).toBeVisible();
  });

  test('the language switch works as a plain link', async ({ page }) => {
    await page.goto('/projekte/3d-stadtmodell');
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/projekte\/3d-stadtmodell$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 2, name: 'Key facts' })).toBeVisible();
  });
});
