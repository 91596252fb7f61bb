import { DataSource } from 'typeorm';

/** Any fixed number; both apps and every replica use it so that only one prepares at a time. */
const MIGRATION_LOCK_KEY = 4_711_2026;

/**
 * Runs `work` while holding a session-level advisory lock: two processes starting together do not
 * run the same migration twice (the second waits, then finds nothing to do).
 */
export async function withMigrationLock<T>(dataSource: DataSource, work: () => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
  }
}
