import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export type AppLogger = Logger;
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * Keys whose values come from a request or carry secrets. They are censored wherever they show up
 * in a log object, as a second line of defence: callers log ids, codes and counts only
 * (ARCHITECTURE.md: free text never goes into logs).
 */
const REDACT = ['query', 'body', 'cursor', 'headers', 'params', 'password', 'token', 'refreshToken', 'authorization', 'cookie', 'parameters'];

/**
 * The process's one pino logger. The API hands it to Fastify (`loggerInstance`), so request lines
 * carry the request id; Nest's own messages reach it through NestLogger. `destination` is for tests
 * that read what was logged.
 */
export function createLogger(level: LogLevel, service: string, destination?: DestinationStream): AppLogger {
  const options: LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: [...REDACT, ...REDACT.map((k) => `*.${k}`)], censor: '[redacted]' },
    serializers: { err: safeError },
    hooks: {
      // Error messages can echo input (JSON.parse quotes the body, pg quotes the bad value, TypeORM
      // carries the query parameters), so an error is logged by its name, code and stack frames only,
      // and a message that repeats the error's text is replaced by the error's name. This runs
      // before any serializer, also for the child loggers Fastify makes per request.
      logMethod(args: unknown[], method) {
        return method.apply(this, sanitize(args) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function sanitize(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  const err = first instanceof Error ? first : isErrorHolder(first) ? first.err : undefined;
  if (!err) return args;
  const obj = first instanceof Error ? { err: safeError(err) } : { ...(first as object), err: safeError(err) };
  const given = typeof rest[0] === 'string' ? rest[0] : undefined;
  const msg = given && (!err.message || !given.includes(err.message)) ? given : err.name;
  return [obj, msg];
}

function isErrorHolder(v: unknown): v is { err: Error } {
  return typeof v === 'object' && v !== null && (v as { err?: unknown }).err instanceof Error;
}

export interface SafeError {
  type: string;
  code?: string | number;
  status?: number;
  stack?: string;
  cause?: SafeError;
}

/** An error without its message: name, machine code, HTTP status and the stack's frames. */
export function safeError(err: unknown): SafeError | unknown {
  if (!(err instanceof Error)) return typeof err === 'object' && err !== null && 'type' in err ? err : { type: typeof err };
  const e = err as Error & { code?: unknown; status?: unknown; statusCode?: unknown };
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? e.code : undefined;
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  return {
    type: e.name,
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    stack: stackFrames(e.stack),
    ...(e.cause instanceof Error ? { cause: safeError(e.cause) as SafeError } : {}),
  };
}

/** The "at ..." lines of a stack, without the first line(s), which repeat the message. */
export function stackFrames(stack: string | undefined): string | undefined {
  if (!stack) return undefined;
  const frames = stack.split('\n').filter((l) => /^\s+at /.test(l)).map((l) => l.trim());
  return frames.length ? frames.join('\n') : undefined;
}

/** Injection token for the process's pino logger (see ConfigModule). */
export const LOGGER = Symbol('LOGGER');
