import type { DataSource } from 'typeorm';

/**
 * Holds the change counter of a visibility scope ('all', or an agency id) in a transaction of its
 * own, so that no development that scope may see is written until the returned release() runs:
 * suites running at the same time on the same database wait a moment instead. For tests that
 * assert that a viewer's "developments changed" signal did NOT move (the 'all' counter is part of
 * every viewer's signal, and other suites write records visible to all all the time). Do not claim
 * a test area while holding it: claiming withdraws earlier runs' leftovers, a write that would wait.
 */
export async function holdScopeCounter(db: DataSource, scope: string): Promise<() => Promise<void>> {
  const qr = db.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  await qr.query(`SELECT 1 FROM development_scope_changes WHERE scope = $1 FOR UPDATE`, [scope]);
  return async () => {
    await qr.rollbackTransaction();
    await qr.release();
  };
}
