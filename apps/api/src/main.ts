import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../../libs/config/app-config.js';
import { exitOnSignals } from '../../../libs/config/graceful-shutdown.js';
import { JsonLogger } from '../../../libs/config/json-logger.js';
import { prepareDatabase } from '../../../libs/database/prepare-database.js';
import { createApiApp } from './api-app.factory.js';

/** The API alone, on PostgreSQL (DATABASE_URL); run any number of these beside the worker. */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const logger = new JsonLogger(config.LOG_LEVEL, 'api');
  const prepared = await prepareDatabase(config);
  if (prepared.migrations.length) logger.event('info', 'migrations applied', { migrations: prepared.migrations });
  if (prepared.demoLoaded) logger.event('info', 'demo city loaded');
  const app = await createApiApp(config, { logger });
  exitOnSignals(app, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const base = `http://${config.HOST}:${typeof address === 'object' && address ? address.port : config.PORT}`;
  logger.event('info', 'api listening', { url: `${base}/api/v1`, docs: `${base}/api/docs` });
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Start failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
