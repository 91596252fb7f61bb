import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { ENTITIES } from '#domain/domain.entities.js';
import { MIGRATIONS } from '#migrations/index.js';

/** One place that turns the config into TypeORM options: the apps, the CLI and the tests use it. */
export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'embedded'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built in since PG 13; PGlite has no uuid-ossp (STACK.md).
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    // PGlite runs one query at a time whatever the pool size; keep its pool small.
    extra: { max: config.embedded ? 4 : 10, connectionTimeoutMillis: 5000 },
  };
}
