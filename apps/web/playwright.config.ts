import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests of the built web interface (dist/web) served by the built API (dist/) on a fresh
 * database with the demo city (scripts/test-web.mjs prepares it and sets WEB_TEST_*). Chromium is
 * Debian's (/usr/bin/chromium): the registry's browser downloads are not reachable here.
 */
const port = Number(process.env.WEB_TEST_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;

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
  webServer: {
    command: 'node dist/apps/api/src/main.js',
    cwd: '../..',
    url: `${baseURL}/api/v1`,
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: process.env.WEB_TEST_DATABASE_URL ?? '',
      REDIS_URL: process.env.WEB_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
      QUEUE_PREFIX: process.env.WEB_TEST_QUEUE_PREFIX ?? 'drweb',
      DEMO_DATA: 'true',
      JWT_SECRET: 'browser-tests-only-secret-0123456789abcdef',
    },
  },
});
