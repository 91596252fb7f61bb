import { QueryFailedError } from 'typeorm';

/** True when the error is a Postgres unique violation, optionally on a named constraint/index. */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = (err as QueryFailedError & { driverError?: { code?: string; constraint?: string } }).driverError;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}
