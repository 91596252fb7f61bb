import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the built web interface (dist/web) served by the built API (dist/) on a fresh
 * database with the demo city (scripts/test-web.mjs prepares it and sets WEB_TEST_*), with the
 * built worker beside it. Chromium is
 * Debian's (/usr/bin/chromium): the registry's browser downloads are not reachable here.
 */
const port = Number(process.env.WEB_TEST_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;
/** What the API and the worker share: the fresh database, Redis and the queue prefix. */
const server = {
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'test',
  DATABASE_URL: process.env.WEB_TEST_DATABASE_URL ?? '',
  REDIS_URL: process.env.WEB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
  QUEUE_PREFIX: process.env.WEB_TEST_QUEUE_PREFIX ?? 'drweb',
  JWT_SECRET: 'browser-tests-only-secret-0123456789abcdef',
  PUBLIC_URL: baseURL,
};

export default defineConfig({
  testDir: './browser-tests',
  testMatch: /.*\.browser\.ts$/,
  outputDir: '../../dist/web-test-results',
  fullyParallel: false,
  workers: 1,
  // Generous: CI machines are shared; the whole run takes about a minute on an idle one.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: [
    {
      command: 'node dist/apps/api/src/main.js',
      cwd: '../..',
      url: `${baseURL}/api/v1`,
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { ...server, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'true' },
    },
    {
      // The worker delivers the reminders the demo city planned (overdue notices, invitations) into
      // the inboxes, as in production. Started after the API has loaded the demo; ready once it says
      // so. It scans the ledger every 2 s instead of 15, so that a test waits seconds, not minutes.
      command: 'node dist/apps/worker/src/main.js',
      cwd: '../..',
      reuseExistingServer: false,
      timeout: 90_000,
      wait: { stdout: /worker started/ },
      stdout: 'ignore',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
      env: { ...server, LOG_LEVEL: 'info', DEMO_DATA: 'false', REMINDER_SCAN_SECONDS: '2', MAIL_OUTBOX: 'true', DATA_DIR: 'dist/web-test-data' },
    },
  ],
});
