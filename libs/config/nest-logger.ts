import type { LoggerService } from '@nestjs/common';
import type { AppLogger } from './logger.js';
import { stackFrames } from './logger.js';

type Level = 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/**
 * Nest's own messages (module start, route mapping at debug, errors Nest catches itself) into the
 * process's pino logger. Nest calls log(message, context) or error(message, stack, context).
 */
export class NestLogger implements LoggerService {
  constructor(private readonly logger: AppLogger) {}

  log(message: unknown, ...rest: unknown[]) { this.write('info', message, rest); }
  error(message: unknown, ...rest: unknown[]) { this.write('error', message, rest); }
  warn(message: unknown, ...rest: unknown[]) { this.write('warn', message, rest); }
  debug(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  verbose(message: unknown, ...rest: unknown[]) { this.write('debug', message, rest); }
  fatal(message: unknown, ...rest: unknown[]) { this.write('fatal', message, rest); }

  private write(level: Level, message: unknown, rest: unknown[]) {
    const context = rest.length && typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    if (message instanceof Error) return this.logger[level]({ context, err: message });
    // error(message, stack, context): the stack's first line repeats the message; keep the frames.
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? stackFrames(rest[0]) : undefined;
    const msg = typeof message === 'string' ? message : JSON.stringify(message);
    this.logger[level]({ context, ...(stack ? { stack } : {}) }, msg);
  }
}
