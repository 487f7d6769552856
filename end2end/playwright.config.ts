import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium where it is installed (never a browser download), else CHROMIUM_PATH,
// else Playwright's own browser on an ordinary developer machine.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Ports of their own, so a running `scripts/run.sh` on :3000 does not interfere.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
/** The administrator the journeys log in as (created by the CLI before the server starts). */
export const ADMIN_EMAIL = 'verwaltung@e2e.example';
export const ADMIN_PASSWORD = 'ein geheimes e2e passwort';
/** Where the SMTP sink stores received mail (see smtp-sink.mjs and tests/mail.ts). */
const MAIL_DIR = '../target/e2e/inbox';

export default defineConfig({
  testDir: './tests',
  // A journey of two people with mail round trips takes ~25 s on an idle 2-core machine;
  // sized for a loaded one (the brief: never depend on wall-clock speed).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 2,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'de-DE',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      // Without the background-networking flags Chromium floods the closed network.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'rm -rf ../target/e2e && node smtp-sink.mjs',
      port: SMTP_PORT,
      reuseExistingServer: false,
      env: { E2E_SMTP_PORT: String(SMTP_PORT), E2E_MAIL_DIR: MAIL_DIR },
    },
    {
      // The debug build from `cargo leptos build`, on a fresh SQLite file with demo content,
      // sending its mail to the SMTP sink.
      command:
        'rm -rf target/e2e-db && ./target/debug/stadtlabor seed-demo --empty' +
        ` && echo '${ADMIN_PASSWORD}' | ./target/debug/stadtlabor create-admin --email ${ADMIN_EMAIL} --name 'Kreis Soest'` +
        ' && exec ./target/debug/stadtlabor serve',
      cwd: '..',
      url: `http://127.0.0.1:${PORT}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL: 'sqlite://target/e2e-db/stadtlabor.db',
        LEPTOS_SITE_ADDR: `127.0.0.1:${PORT}`,
        LEPTOS_SITE_ROOT: 'target/site',
        STADTLABOR_BASE_URL: `http://127.0.0.1:${PORT}`,
        STADTLABOR_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // Every journey comes from 127.0.0.1: more account mails per address than the
        // default 10 an hour (the limit itself is tested in tests/api/limits.rs).
        STADTLABOR_MAIL_REQUESTS_PER_HOUR: '1000',
        RUST_LOG: 'warn',
      },
    },
  ],
});
