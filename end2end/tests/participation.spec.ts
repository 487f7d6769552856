import { expect } from '@playwright/test';
import { linkIn, receivedMail } from './mail';
import { test, expectHydrated, expectNoWcagViolations, verifiedCitizen } from './support';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('one person comments, another replies and supports; the first hears of it and unsubscribes', async ({
      page,
      browser,
    }) => {
      const suffix = javaScriptEnabled ? 'JS' : 'HTML';
      const title = `Trinkbrunnen am Bahnhof ${suffix} ${Date.now()}`;

      // Ida submits an idea and opens the discussion.
      const idaEmail = await verifiedCitizen(page, `Ida${suffix}`);
      await page.goto('/ideen/neu');
      if (javaScriptEnabled) await expectHydrated(page);
      await page.getByLabel('Titel').fill(title);
      await page.getByLabel('Beschreibung').fill('Im Sommer fehlt **Wasser**.');
      await page.getByLabel('Themenfeld').selectOption({ label: 'Mobilität' });
      await page.getByRole('button', { name: 'Idee veröffentlichen' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
      const ideaUrl = page.url();
      await page.getByLabel('Ihr Kommentar').fill('Wer macht **mit**?');
      await page.getByRole('button', { name: 'Kommentar veröffentlichen' }).click();
      const discussion = page.getByRole('region', { name: /Diskussion/ });
      await expect(discussion.locator('.comment strong', { hasText: 'mit' })).toBeVisible();
      await expect(discussion.getByRole('heading')).toContainText('1 Kommentar');
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      // Jonas, in another browser, replies and supports it.
      const other = await browser.newContext({ javaScriptEnabled });
      const jonas = await other.newPage();
      await verifiedCitizen(jonas, `Jonas${suffix}`);
      await jonas.goto(ideaUrl);
      if (javaScriptEnabled) await expectHydrated(jonas);
      await jonas.getByText('Antworten', { exact: true }).click();
      await jonas.getByLabel('Ihre Antwort').fill('Ich! Am besten **zwei**.');
      await jonas.getByRole('button', { name: 'Antwort veröffentlichen' }).click();
      await expect(jonas.locator('.replies .prose strong')).toHaveText('zwei');
      await jonas.getByRole('button', { name: 'Idee unterstützen' }).click();
      await expect(jonas.getByText('Sie unterstützen diese Idee.')).toBeVisible();
      await expect(jonas.locator('.support-count')).toHaveText('1 Unterstützung');
      if (javaScriptEnabled) await expectNoWcagViolations(jonas);
      await other.close();

      // Ida gets the reply by mail, and sees it in the app.
      const mail = await receivedMail(idaEmail, 'Antwort auf Ihren Kommentar');
      expect(mail.text).toContain('hat auf Ihren Kommentar');
      expect(mail.listUnsubscribe).toContain('/abmelden/ein-klick?t=');
      await page.goto('/benachrichtigungen');
      await expect(page.locator('.notifications')).toContainText('hat auf Ihren Kommentar');
      if (javaScriptEnabled) await expectNoWcagViolations(page);

      // She unsubscribes with the mail's link (no login needed: a fresh browser).
      const anonymous = await browser.newContext({ javaScriptEnabled });
      const unsubscribe = await anonymous.newPage();
      await unsubscribe.goto(linkIn(mail, '/abmelden/ein-klick'));
      await expect(unsubscribe.getByRole('heading', { level: 1 })).toHaveText('E-Mails abbestellen');
      await expect(unsubscribe.getByText('Antworten auf Ihre Kommentare')).toBeVisible();
      if (javaScriptEnabled) {
        await expectHydrated(unsubscribe);
        await expectNoWcagViolations(unsubscribe);
      }
      await unsubscribe.getByRole('button', { name: 'Abbestellen' }).click();
      await expect(unsubscribe.getByText('Erledigt: Diese E-Mails erhalten Sie nicht mehr.')).toBeVisible();
      await anonymous.close();

      // Her preferences now say so.
      await page.goto('/konto/benachrichtigungen');
      await expect(page.getByLabel('Antworten auf Ihre Kommentare')).toHaveValue('off');
      if (javaScriptEnabled) await expectNoWcagViolations(page);
    });
  });
}
