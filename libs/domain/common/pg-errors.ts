import { QueryFailedError } from 'typeorm';

/** True when the error is a Postgres unique violation, optionally on a named constraint/index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}

/** True when the error is a Postgres error with this SQLSTATE (e.g. 55P03 lock_not_available). */
export function isPgError(err: unknown, sqlState: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  return (err as QueryFailedError & { driverError?: { code?: string } }).driverError?.code === sqlState;
}
