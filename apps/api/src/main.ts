import 'reflect-metadata';
import { loadConfig } from '#config/app-config.js';
import { exitOnSignals } from '#config/graceful-shutdown.js';
import { createLogger } from '#config/logger.js';
import { runMain } from '#config/run-main.js';

/**
 * The API alone, on PostgreSQL (DATABASE_URL); run any number of these beside the worker. The
 * application is imported after the configuration passed, so a wrong variable is reported at once
 * instead of after loading every module.
 */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const [{ prepareDatabase }, { createApiApp }, { webRoot }] = await Promise.all([
    import('#database/prepare-database.js'), import('./api-app.factory.js'), import('./web/web-app.js'),
  ]);
  const logger = createLogger(config.LOG_LEVEL, 'api');
  await prepareDatabase(config, logger);
  const app = await createApiApp(config, { logger });
  exitOnSignals(app, logger);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const base = `http://${config.HOST}:${typeof address === 'object' && address ? address.port : config.PORT}`;
  logger.info({ url: `${base}/api/v1`, ...(webRoot() ? { interface: `${base}/` } : {}), ...(config.apiDocs ? { docs: `${base}/api/docs` } : {}) }, 'api listening');
}

runMain(main);
