import 'reflect-metadata';
import { loadConfig } from '#config/app-config.js';
import { exitOnSignals } from '#config/graceful-shutdown.js';
import { createLogger } from '#config/logger.js';
import { runMain } from '#config/run-main.js';

/**
 * The worker alone, on PostgreSQL and (optionally) Redis; SIGTERM finishes the job in hand, then
 * exits. Imported after the configuration passed, like the API (apps/api/src/main.ts).
 */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const [{ prepareDatabase }, { createWorkerContext }] = await Promise.all([import('#database/prepare-database.js'), import('./worker-app.factory.js')]);
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  await prepareDatabase(config, logger);
  exitOnSignals(await createWorkerContext(config, logger), logger);
}

runMain(main);
