// Takes the README's screenshots: the home page, the idea list and an idea page, on a 375 px
// phone and at 1280 px, from a running demo (scripts/screenshots.sh starts one).
// Usage: node screenshots.mjs <base-url> <output-dir>
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

const [base, out] = process.argv.slice(2);
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const pages = [
  ['home', '/'],
  ['ideas', '/ideen'],
  ['idea', '/ideen/1'],
];
const viewports = [
  ['phone', { width: 375, height: 812 }],
  ['desktop', { width: 1280, height: 900 }],
];

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
for (const [device, viewport] of viewports) {
  const context = await browser.newContext({ viewport, locale: 'de-DE', deviceScaleFactor: 1 });
  const page = await context.newPage();
  for (const [name, path] of pages) {
    await page.goto(base + path);
    await page.locator('body[data-hydrated="true"]').waitFor({ timeout: 120_000 });
    const file = `${out}/${name}-${device}.png`;
    await page.screenshot({ path: file });
    console.log(file);
  }
  await context.close();
}
await browser.close();
