import { DomainError } from './domain-error.js';

/** Optimistic concurrency: a stale version is refused instead of silently overwriting. */
export function assertVersion(actual: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError(409, 'VERSION_CONFLICT', 'Someone else changed this record in the meantime. Reload it and apply your change again.', 'version', { currentVersion: actual });
  }
}

/** Escapes % _ and \ for a LIKE/ILIKE pattern built from user input. */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
