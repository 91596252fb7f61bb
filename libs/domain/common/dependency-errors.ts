import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error.js';

/** How long a client should wait before retrying when the database did not answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket-level failures reaching PostgreSQL (refused, reset, unreachable, timed out).
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// SQLSTATEs that mean "the server cannot serve you now", not "your query is wrong": class 08
// (connection exception), 53300 too_many_connections, 57P01-57P03 (shutdown, cannot connect now).
const SERVER_CODES = /^(08...|53300|57P0[123])$/;
// pg and pg-pool raise plain Errors without a code for these (pg-pool index.js, pg lib/client.js).
const DRIVER_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|Cannot use a pool after calling end/;

/**
 * True when the error says the database could not be reached or dropped the connection, as opposed
 * to a query it refused. Such a failure is never the caller's fault: the API answers 503 with
 * Retry-After instead of 500, and authentication never reads it as "token invalid" (issue 7 §2).
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 3) return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown; driverError?: unknown };
  if (err instanceof QueryFailedError) return isDatabaseUnavailable(e.driverError, depth + 1);
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.test(e.code))) return true;
  if (typeof e.message === 'string' && DRIVER_MESSAGES.test(e.message)) return true;
  // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

export function databaseUnavailable(): DomainError {
  return new DomainError(503, 'SERVICE_UNAVAILABLE', 'The service cannot reach its database at the moment. Please try again in a few seconds.')
    .retryAfter(DATABASE_RETRY_AFTER_SECONDS);
}
