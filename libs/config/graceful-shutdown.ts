import type { AppLogger } from './logger.js';

/**
 * On SIGTERM/SIGINT: close the Nest app (the HTTP server stops accepting, BullMQ workers finish
 * the job in hand, pools close), run `after` (e.g. stop the embedded database), then exit 0.
 * Nest's own enableShutdownHooks re-raises the signal instead, which reads as a crash to some
 * supervisors.
 */
export function exitOnSignals(app: { close(): Promise<void> }, logger: AppLogger, after?: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      void app.close()
        .catch((err: unknown) => logger.error({ err }, 'error while shutting down'))
        .then(() => after?.())
        .finally(() => process.exit(0));
    });
  }
}
