import type { JsonLogger } from './json-logger.js';

/**
 * On SIGTERM/SIGINT: close the Nest app (the HTTP server stops accepting, BullMQ workers finish
 * the job in hand, pools close), run `after` (e.g. stop the embedded database), then exit 0.
 * Nest's own enableShutdownHooks re-raises the signal instead, which reads as a crash to some
 * supervisors.
 */
export function exitOnSignals(app: { close(): Promise<void> }, logger: JsonLogger, after?: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.event('info', 'shutting down', { signal });
      void app.close()
        .catch((err: unknown) => logger.event('error', 'error while shutting down', { error: err instanceof Error ? err.message : String(err) }))
        .then(() => after?.())
        .finally(() => process.exit(0));
    });
  }
}
