import 'reflect-metadata';
import { AppConfig, loadConfig } from '#config/app-config.js';
import { exitOnSignals } from '#config/graceful-shutdown.js';
import { createLogger } from '#config/logger.js';
import { runMain } from '#config/run-main.js';
import { EmbeddedDatabase, startEmbeddedDatabase } from '#database/embedded-database.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '#domain/demo/demo-city.js';
import { createApiApp } from '#api/api-app.factory.js';
import { webRoot } from '#api/web/web-app.js';
import { WorkerModule } from '#worker/worker.module.js';

/**
 * `npm start`: API and worker in one process. Without DATABASE_URL it starts the embedded
 * database (PGlite under DATA_DIR) and runs BullMQ on it, so nothing else needs installing.
 */
async function main() {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL, 'drogenrapport');
  let embedded: EmbeddedDatabase | undefined;
  if (config.embedded) {
    embedded = await startEmbeddedDatabase(config.DATA_DIR, logger);
    config.databaseUrl = embedded.url;
    logger.info({ dataDir: config.DATA_DIR, embeddedPort: embedded.port }, 'embedded database started');
  }
  const prepared = await prepareDatabase(config, logger);

  const app = await createApiApp(config, { extraModules: [WorkerModule], logger });
  const web = webRoot() !== undefined;
  // Nest first (the worker finishes the job in hand, pools close), then PGlite, cleanly (STACK.md).
  exitOnSignals(app, logger, async () => embedded?.stop());
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  const lines = [
    '',
    `Drogenrapport is running (${config.embedded ? `embedded database in ${config.DATA_DIR}` : 'PostgreSQL'}).`,
    ...(web ? [`  Interface: ${base}/`] : []),
    `  API:       ${base}/api/v1`,
    ...(config.apiDocs ? [`  API docs:  ${base}/api/docs`] : []),
    `  Health:    ${base}/health`,
    `  E-Mail:    ${mailLine(config)}`,
  ];
  if (config.demoData) {
    lines.push(prepared.demoLoaded ? '  Demo city "Lindenbrück" loaded. Demo logins (password for all: ' + DEMO_PASSWORD + '):' : `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const p of DEMO_PEOPLE) lines.push(`    ${p.roles.join('+').padEnd(22)} ${p.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** Where reminder mail goes (config.mailDelivery), without the SMTP credentials. */
function mailLine(config: AppConfig): string {
  if (config.mailDelivery === 'outbox') return `not sent: written as .eml files to ${config.mailOutboxDir} (set SMTP_URL to send them)`;
  if (config.mailDelivery === 'none') return 'not configured (SMTP_URL not set): mail reminders fail with SMTP_NOT_CONFIGURED; inbox and webhooks work';
  const url = new URL(config.SMTP_URL!);
  return `sent over SMTP via ${url.host}`;
}

runMain(main);
