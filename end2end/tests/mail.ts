import { expect } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SMTP sink's folder (playwright.config.ts starts the sink with it). */
const MAIL_DIR = join(__dirname, '..', '..', 'target', 'e2e', 'inbox');

export interface ReceivedMail {
  subject: string;
  text: string;
  /** The `List-Unsubscribe` header of notification mails, if any. */
  listUnsubscribe?: string;
  /** The content types of the attachments (e.g. `text/calendar`). */
  attachments: string[];
}

/** Waits for the newest mail to `address` whose subject contains `subject`. */
export async function receivedMail(address: string, subject: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        if (!existsSync(MAIL_DIR)) return false;
        for (const name of readdirSync(MAIL_DIR).sort().reverse()) {
          const mail = await simpleParser(readFileSync(join(MAIL_DIR, name)));
          const to = Array.isArray(mail.to) ? mail.to.map((t) => t.text).join(' ') : mail.to?.text ?? '';
          if (to.includes(address) && (mail.subject ?? '').includes(subject)) {
            found = {
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              // mailparser folds List-* headers into one object; the raw line is plainer.
              listUnsubscribe: mail.headerLines.find((h) => h.key === 'list-unsubscribe')?.line,
              attachments: mail.attachments.map((a) => a.contentType),
            };
            return true;
          }
        }
        return false;
      },
      { timeout: 15_000, message: `mail "${subject}" to ${address}` },
    )
    .toBe(true);
  return found!;
}

/** The path (with query) of the first link in `mail` that contains `fragment`. */
export function linkIn(mail: ReceivedMail, fragment: string): string {
  const url = mail.text.split(/\s+/).find((word) => word.includes(fragment));
  expect(url, `link with ${fragment} in ${mail.text}`).toBeTruthy();
  const parsed = new URL(url!);
  return parsed.pathname + parsed.search;
}

/** A fresh address per test run, so runs never collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
}
