import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { migrateQueueSchema } from '../queue/queue-schema.js';
import { runMigrationsLocked } from './migration-runner.js';
import { dataSourceOptions } from './typeorm-options.js';

/**
 * Before an app starts: run pending migrations (ours and, on the Postgres queue backend, BullMQ's)
 * under advisory locks (unless MIGRATIONS_RUN is off) and hand the open data source to `then` (the demo seed uses it), then close it.
 */
export async function prepareDatabase(config: AppConfig, then?: (ds: DataSource) => Promise<void>): Promise<string[]> {
  // Two connections: one holds the advisory lock while the other runs the migrations.
  const ds = new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } });
  await ds.initialize();
  try {
    const ran = config.MIGRATIONS_RUN ? await runMigrationsLocked(ds) : [];
    if (config.MIGRATIONS_RUN) await migrateQueueSchema(config);
    if (then) await then(ds);
    return ran;
  } finally {
    await ds.destroy();
  }
}
