// `npm test`: builds, prepares a fresh test database (KEEP_DB=1: keeps the existing one) on the local PostgreSQL, and runs every unit
// and e2e test (jest) against it and the local Redis, plus the embedded-mode smoke test; then the
// browser tests of the web interface (scripts/test-web.mjs), unless jest was given arguments.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const env = { ...process.env };
env.NODE_ENV = 'test';
env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/drogenrapport_test';
env.TEST_REDIS_URL ??= 'redis://127.0.0.1:6379/0';
env.TEST_QUEUE_PREFIX ??= `drtest_${process.pid}`;
// Every answer a compiled response serializer writes is compared with JSON.stringify's (a
// difference answers 500): the suites prove the schemas taken from the OpenAPI document faithful.
env.SERIALIZER_CHECK ??= '1';

const url = new URL(env.TEST_DATABASE_URL);
const dbName = url.pathname.slice(1);
if (!dbName.includes('test')) {
  console.error(`Refusing to run: the test database "${dbName}" must have "test" in its name (it is dropped and created anew).`);
  process.exit(2);
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const admin = new URL(env.TEST_DATABASE_URL);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
try {
  await client.connect();
} catch (err) {
  console.error(`PostgreSQL does not answer at ${admin.host} (${err.message}). Start it, or set TEST_DATABASE_URL.`);
  process.exit(2);
}
// KEEP_DB=1 runs on the database as the last run left it: the suites must pass a second time on
// the same data (unique names, codes and e-mails from the factories; test areas from
// libs/testing/test-area.ts), which is how CI checks it (.ci/run).
if (env.KEEP_DB) {
  await client.query(`CREATE DATABASE "${dbName}"`).catch((err) => {
    if (err.code !== '42P04') throw err; // duplicate_database: kept, as asked
  });
} else {
  await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await client.query(`CREATE DATABASE "${dbName}"`);
}
await client.end();

// The embedded-mode smoke test starts the built product; SKIP_BUILD=1 is for quick local runs.
if (!env.SKIP_BUILD) run('npm', ['run', '--silent', 'build']);
const jestArgs = process.argv.slice(2);
run('node', ['--experimental-vm-modules', '--no-warnings', 'node_modules/jest/bin/jest.js', '--maxWorkers=2', ...jestArgs]);
if (!jestArgs.length && !env.SKIP_WEB_TESTS) run('node', ['scripts/test-web.mjs']);
