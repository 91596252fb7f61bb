// The browser tests (apps/web/browser-tests, Playwright in Debian's Chromium): a fresh database
// `<test database>_web` with the demo city, the built API serving the built interface on it.
// Run by `npm test` after jest (not when jest is given arguments), or alone: `npm run test:web`
// (after `npm run build`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import pg from 'pg';

const env = { ...process.env };
const base = new URL(env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
const dbName = `${base.pathname.slice(1)}_web`;
if (!dbName.includes('test')) {
  console.error(`Refusing to run: the browser-test database "${dbName}" must have "test" in its name (it is dropped and created anew).`);
  process.exit(2);
}
const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`Chromium is not installed at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(2);
}
if (!existsSync('dist/web/index.html') || !existsSync('dist/apps/api/src/main.js')) {
  console.error('The product is not built: run npm run build first.');
  process.exit(2);
}

const admin = new URL(base);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
await client.query(`CREATE DATABASE "${dbName}"`);
await client.end();

const url = new URL(base);
url.pathname = `/${dbName}`;
env.WEB_TEST_DATABASE_URL = url.toString();
env.WEB_TEST_REDIS_URL = env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
env.WEB_TEST_QUEUE_PREFIX = `drweb_${process.pid}`;
const r = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', '-c', 'apps/web/playwright.config.ts', ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
