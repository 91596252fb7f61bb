import type { DataSource, QueryRunner } from 'typeorm';

/**
 * The SQL texts `fn` sends through the data source (its TypeORM logger sees preparedQuery's
 * statements too): for tests that count round trips or check which reads a path makes (issue 11).
 */
export async function statementsOf(db: DataSource, fn: () => Promise<unknown>): Promise<string[]> {
  const logger = db.logger;
  const original = logger.logQuery.bind(logger);
  const seen: string[] = [];
  logger.logQuery = (sql: string, params?: unknown[], qr?: QueryRunner) => {
    seen.push(sql);
    return original(sql, params, qr);
  };
  try {
    await fn();
  } finally {
    logger.logQuery = original;
  }
  return seen;
}
