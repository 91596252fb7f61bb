import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import type { AppLogger } from '#config/logger.js';
import { loadDemoCity } from '#domain/demo/demo-city.js';
import { migrateQueueSchema } from '#queue/queue-schema.js';
import { withMigrationLock } from './migration-runner.js';
import { dataSourceOptions } from './typeorm-options.js';

export interface PreparedDatabase {
  /** Names of the migrations this start applied. */
  migrations: string[];
  /** true when this start loaded the demo city into an empty database. */
  demoLoaded: boolean;
}

/**
 * Before an app starts, under one advisory lock (so that several processes starting together
 * neither run a migration twice nor load the demo city twice): pending migrations (ours and, on
 * the Postgres queue backend, BullMQ's) unless MIGRATIONS_RUN is off, then the demo city if
 * DEMO_DATA is on and the database is empty.
 */
export async function prepareDatabase(config: AppConfig, logger?: AppLogger): Promise<PreparedDatabase> {
  // Two connections: one holds the advisory lock while the other runs the migrations.
  const ds = new DataSource({ ...dataSourceOptions(config), extra: { max: 2 } });
  await ds.initialize();
  try {
    return await withMigrationLock(ds, async () => {
      const migrations = config.MIGRATIONS_RUN ? (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name) : [];
      if (config.MIGRATIONS_RUN) await migrateQueueSchema(config);
      const demoLoaded = config.demoData ? await loadDemoCity(ds) : false;
      if (migrations.length) logger?.info({ migrations }, 'migrations applied');
      if (demoLoaded) logger?.info('demo city loaded');
      return { migrations, demoLoaded };
    });
  } finally {
    await ds.destroy();
  }
}
