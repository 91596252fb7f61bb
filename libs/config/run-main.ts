import { ConfigError } from './app-config.js';

/**
 * Runs an entry point. A configuration problem exits with 78 (EX_CONFIG) and the list of
 * variables at fault; anything else that stops the start exits with 1 and its stack.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`Start failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  });
}
