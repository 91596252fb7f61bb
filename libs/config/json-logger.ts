import { LoggerService } from '@nestjs/common';
import { currentRequestId } from '#domain/common/request-context.js';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/**
 * Structured JSON lines on stdout, one per event, with the request id when there is one.
 * Callers pass ids and codes, never free text a user typed (ARCHITECTURE.md, invariants).
 */
export class JsonLogger implements LoggerService {
  constructor(private readonly minLevel: Level = 'info', private readonly service = 'drogenrapport') {}

  log(message: unknown, ...rest: unknown[]) { this.write('info', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  fatal(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }

  /** Structured event with fields. */
  event(level: Level, msg: string, fields: Record<string, unknown> = {}) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    const line = { time: new Date().toISOString(), level, service: this.service, requestId: currentRequestId() ?? undefined, msg, ...fields };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }

  private write(level: Level, message: unknown, rest: unknown[]) {
    // Nest passes (message, context) or (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const msg = message instanceof Error ? message.message : typeof message === 'string' ? message : JSON.stringify(message);
    this.event(level, msg, { context, stack: message instanceof Error ? message.stack : stack });
  }
}
