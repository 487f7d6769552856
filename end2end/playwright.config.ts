import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium where it is installed (never a browser download), else CHROMIUM_PATH,
// else Playwright's own browser on an ordinary developer machine.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Ports of their own, so a running `scripts/run.sh` on :3000 does not interfere.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
// One instance on SQLite by default. E2E_INSTANCES=3 with E2E_DATABASE_URL=postgres://…
// runs the journeys round robin across three instances on one PostgreSQL database (issue
// 13): the browser talks to round-robin.mjs on PORT, the instances listen on the ports after.
const INSTANCES = Number(process.env.E2E_INSTANCES ?? 1);
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'sqlite://target/e2e-db/stadtlabor.db';
const INSTANCE_PORTS =
  INSTANCES > 1 ? Array.from({ length: INSTANCES }, (_, n) => PORT + 1 + n) : [PORT];
/** The administrator the journeys log in as (created by the CLI before the server starts). */
export const ADMIN_EMAIL = 'verwaltung@e2e.example';
export const ADMIN_PASSWORD = 'ein geheimes e2e passwort';
/** Where the SMTP sink stores received mail (see smtp-sink.mjs and tests/mail.ts). */
const MAIL_DIR = '../target/e2e/inbox';

export default defineConfig({
  testDir: './tests',
  // A journey of two people with mail round trips takes ~25 s on an idle 2-core machine, the
  // moderation journey of three people ~70 s with one instance and more than 90 s round robin
  // across three debug instances (each browser context compiles the 38 MB debug WebAssembly):
  // sized for a loaded machine, never for its speed.
  timeout: 240_000,
  // Assertions wait up to 30 s: on a busy 2-core machine the debug build's 38 MB WebAssembly
  // (compressed on the fly, ~4.5 s alone) and its compilation can take longer than 10 s
  // before a page is hydrated, and everything that needs JavaScript waits for that.
  expect: { timeout: 30_000 },
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
    ...INSTANCE_PORTS.map((port, n) => ({
      // The debug build from `cargo leptos build` sending its mail to the SMTP sink. The
      // first instance prepares the database (demo content, the administrator); Playwright
      // starts the servers one after the other, so the others find it ready.
      command:
        (n > 0
          ? ''
          : 'rm -rf target/e2e-db && ./target/debug/stadtlabor seed-demo --empty' +
            ` && echo '${ADMIN_PASSWORD}' | ./target/debug/stadtlabor create-admin --email ${ADMIN_EMAIL} --name 'Kreis Soest'` +
            ' && ') + 'exec ./target/debug/stadtlabor serve',
      cwd: '..',
      url: `http://127.0.0.1:${port}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        DATABASE_URL,
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        LEPTOS_SITE_ROOT: 'target/site',
        // Behind the round robin, every instance knows the public address as the balancer's.
        STADTLABOR_BASE_URL: `http://127.0.0.1:${PORT}`,
        STADTLABOR_SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // Every journey comes from 127.0.0.1: more account mails per address than the
        // default 10 an hour (the limit itself is tested in tests/api/limits.rs).
        STADTLABOR_MAIL_REQUESTS_PER_HOUR: '1000',
        RUST_LOG: 'warn',
      },
    })),
    ...(INSTANCE_PORTS.length > 1
      ? [
          {
            command: 'node round-robin.mjs',
            port: PORT,
            reuseExistingServer: false,
            env: { E2E_PORT: String(PORT), E2E_INSTANCE_PORTS: INSTANCE_PORTS.join(',') },
          },
        ]
      : []),
  ],
});
