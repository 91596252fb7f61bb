import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../../libs/config/app-config.js';
import { exitOnSignals } from '../../../libs/config/graceful-shutdown.js';
import { JsonLogger } from '../../../libs/config/json-logger.js';
import { prepareDatabase } from '../../../libs/database/prepare-database.js';
import { createWorkerContext } from './worker-app.factory.js';

/** The worker alone, on PostgreSQL and (optionally) Redis; SIGTERM finishes the job in hand, then exits. */
async function main() {
  const config = loadConfig(process.env, { requireServerDatabase: true });
  const logger = new JsonLogger(config.LOG_LEVEL, 'worker');
  const prepared = await prepareDatabase(config);
  if (prepared.migrations.length) logger.event('info', 'migrations applied', { migrations: prepared.migrations });
  if (prepared.demoLoaded) logger.event('info', 'demo city loaded');
  exitOnSignals(await createWorkerContext(config, logger), logger);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(78);
  }
  process.stderr.write(`Start failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
