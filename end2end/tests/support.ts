import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { linkIn, receivedMail, uniqueEmail } from './mail';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../playwright.config';

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
/**
 * Every journey runs with this: Chromium reports each Content-Security-Policy violation on
 * the console, and a journey that caused one fails (in the default context and in every
 * context the journey opens for another person).
 */
export const test = base.extend<{ noCspViolations: void }>({
  noCspViolations: [
    async ({ browser, context }, use) => {
      const violations: string[] = [];
      const watch = (watched: BrowserContext) =>
        watched.on('console', (message) => {
          if (message.text().includes('Content Security Policy')) violations.push(message.text());
        });
      watch(context);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        watch(opened);
        return opened;
      };
      await use();
      browser.newContext = newContext;
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** Waits until the page is interactive. Each browser context downloads and compiles the
 * debug WebAssembly anew; with three debug instances, several browsers and a build beside
 * them on 2 cores that took more than the usual 30 s (the round-robin run, traces: the file
 * had arrived, the compilation had not finished). The wait is longer, a quick machine is not
 * slowed. */
export async function expectHydrated(page: Page) {
  await expect(page.locator('body')).toHaveAttribute('data-hydrated', 'true', { timeout: 90_000 });
}

/** Logs in as the administrator that the test server was started with. */
export async function logInAsAdmin(page: Page, javaScriptEnabled: boolean) {
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD, javaScriptEnabled);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
}

export const PASSWORD = 'ein langer satz als passwort';

/** Fills in the registration form like a person (who takes more than 3 s). With
 * `organisation`, as a business account. */
export async function register(
  page: Page,
  email: string,
  name: string,
  checkA11y: boolean,
  organisation?: string,
) {
  await page.goto('/registrieren');
  await fillRegistration(page, email, name, checkA11y, organisation);
}

/** Fills in and sends the registration form the page shows. */
export async function fillRegistration(
  page: Page,
  email: string,
  name: string,
  checkA11y: boolean,
  organisation?: string,
) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrieren');
  if (checkA11y) await expectNoWcagViolations(page);
  if (organisation) {
    await page.getByLabel('Unternehmen oder Organisation').check();
    await page.getByLabel('Name des Unternehmens oder der Organisation').fill(organisation);
  } else {
    await page.getByLabel('Bürgerin oder Bürger').check();
  }
  await page.getByLabel('Anzeigename').fill(name);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(PASSWORD);
  await page.getByLabel(/Datenschutzhinweise gelesen/).check();
  // As quick as autofill: the server waits out the minimum fill time, it never refuses.
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Fast geschafft');
  if (checkA11y) await expectNoWcagViolations(page);
}

export async function logIn(page: Page, email: string, password: string, hydrates: boolean) {
  await page.goto('/anmelden');
  if (hydrates) await expectHydrated(page);
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/konto/);
}

/** A verified, logged-in citizen (registered through the forms and the mailed link, which
 * signs in the browser that registered); with `organisation`, a business account. */
export async function verifiedCitizen(page: Page, name: string, organisation?: string): Promise<string> {
  const email = uniqueEmail(name.toLowerCase());
  await register(page, email, name, false, organisation);
  await page.goto(linkIn(await receivedMail(email, 'bestätigen'), '/konto/bestaetigen'));
  await page.getByRole('button', { name: 'E-Mail-Adresse bestätigen' }).click();
  await expect(page.getByText('Ihre E-Mail-Adresse ist bestätigt')).toBeVisible();
  await page.goto('/konto');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mein Konto');
  return email;
}
