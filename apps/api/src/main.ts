import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../../libs/config/app-config.js';
import { JsonLogger } from '../../../libs/config/json-logger.js';
import { prepareDatabase } from '../../../libs/database/prepare-database.js';
import { createApiApp } from './api-app.factory.js';

/** The API alone, on PostgreSQL (DATABASE_URL); run any number of these beside the worker. */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const logger = new JsonLogger(config.LOG_LEVEL, 'api');
  const ran = await prepareDatabase(config);
  if (ran.length) logger.event('info', 'migrations applied', { migrations: ran });
  const app = await createApiApp(config, { logger });
  await app.listen({ port: config.PORT, host: config.HOST });
  logger.event('info', 'api listening', { url: `http://${config.HOST}:${config.PORT}/api/v1`, docs: `http://${config.HOST}:${config.PORT}/api/docs` });
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Start failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
