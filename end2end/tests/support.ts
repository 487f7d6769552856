import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Fails with the list of WCAG 2.1 A/AA violations axe-core finds on the current page. */
export async function expectNoWcagViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
  );
  expect(violations, `WCAG violations on ${page.url()}`).toEqual([]);
}

/** Waits until the WebAssembly half has taken over the server-rendered page. */
export async function expectHydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true');
}

/** Logs in as the administrator that the test server was started with. */
export async function logInAsAdmin(page: Page, javaScriptEnabled: boolean) {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = await import('../playwright.config');
  await page.goto('/anmelden');
  if (javaScriptEnabled) await expectHydrated(page);
  await page.getByLabel('E-Mail-Adresse').fill(ADMIN_EMAIL);
  await page.getByLabel('Passwort').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
}
