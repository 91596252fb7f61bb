import pg from 'pg';

/**
 * A fresh database of its own for a suite whose workers scan the whole reminder ledger (the fault
 * tests): `<test database>_<suffix>`, dropped and created anew, so that neither its workers deliver
 * the rows other suites plan meanwhile nor theirs its rows, and a second run (KEEP_DB) starts
 * clean. Returns its URL; pass it as DATABASE_URL (createTestApp/testConfig overrides) or set it as
 * this test file's TEST_DATABASE_URL (jest gives each test file its own process.env).
 * Migrations run when the first app starts on it (prepareDatabase).
 */
export async function freshTestDatabase(suffix: string): Promise<string> {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
  const name = `${base.pathname.slice(1)}_${suffix}`;
  if (!name.includes('test') || !/^[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to create database "${name}": its name must contain "test" and only [a-z0-9_].`);
  const admin = new URL(base);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * For a test file whose workers scan the whole ledger: its own database (freshTestDatabase) and its
 * own queues. The queue prefix matters as much as the database: a worker of this file on the
 * shared prefix would take other files' jobs (a rule evaluation, a reminder bucket) and run them
 * against this database, where their rows are not, and theirs would take this file's.
 * Sets this test file's TEST_DATABASE_URL and TEST_QUEUE_PREFIX (jest gives each file its own process.env).
 */
export async function useOwnDatabaseAndQueues(suffix: string): Promise<void> {
  process.env.TEST_DATABASE_URL = await freshTestDatabase(suffix);
  process.env.TEST_QUEUE_PREFIX = `drtest_${suffix}_${process.pid}`;
}
