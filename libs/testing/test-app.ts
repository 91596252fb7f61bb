import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApiApp } from '#api/api-app.factory.js';
import { SessionAccessCache } from '#api/auth/session-access.cache.js';
import { AppConfig } from '#config/app-config.js';
import { createLogger } from '#config/logger.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { Factories } from './factories.js';
import { testConfig } from './test-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: DataSource;
  /** The Fastify server, for supertest: request(t.server) */
  server: NestFastifyApplication['getHttpServer'] extends () => infer S ? S : never;
  make: Factories;
  /**
   * Resolves once this app's session cache has heard every change committed before the call. A
   * test that changes a person or session by SQL (not through the API, whose routes wait for it)
   * awaits this before the next request, as a second API process would see the change a moment later.
   */
  accessSettled(): Promise<void>;
  close(): Promise<void>;
}

/** The real API (same factory as production) on the test database; migrations applied. */
export async function createTestApp(overrides: Record<string, string> = {}, configure?: (c: AppConfig) => void): Promise<TestApp> {
  const config = testConfig(overrides);
  configure?.(config);
  await prepareDatabase(config);
  const app = await createApiApp(config, { logger: createLogger('error', 'api-test') });
  const db = app.get<DataSource>(getDataSourceToken());
  return {
    app,
    config,
    db,
    server: app.getHttpServer(),
    make: new Factories(app, db),
    accessSettled: () => app.get(SessionAccessCache).caughtUp(),
    close: () => app.close(),
  };
}
