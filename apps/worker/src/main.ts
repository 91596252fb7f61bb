import 'reflect-metadata';
import { loadConfig } from '#config/app-config.js';
import { exitOnSignals } from '#config/graceful-shutdown.js';
import { createLogger } from '#config/logger.js';
import { runMain } from '#config/run-main.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { createWorkerContext } from './worker-app.factory.js';

/** The worker alone, on PostgreSQL and (optionally) Redis; SIGTERM finishes the job in hand, then exits. */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const logger = createLogger(config.LOG_LEVEL, 'worker');
  await prepareDatabase(config, logger);
  exitOnSignals(await createWorkerContext(config, logger), logger);
}

runMain(main);
