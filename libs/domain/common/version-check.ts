import { DomainError } from './domain-error.js';

/**
 * Optimistic concurrency, the one check for every record with a version (developments, measures,
 * milestones, key figures, master data): a stale version is refused with 409 VERSION_CONFLICT that
 * carries the current version and the record's current state, so that the client can show what
 * changed instead of overwriting it. The state is a domain object; the API maps it with its
 * response mapper into the problem body's `current` (withCurrent in apps/api/src/common/if-match.ts),
 * never a raw entity on the wire. Where the expected version comes from (If-Match or the body) is
 * the API's business: expectedVersion() there.
 */
export class VersionConflictError<T> extends DomainError {
  constructor(currentVersion: number, public readonly current: T) {
    super(409, 'VERSION_CONFLICT', 'Someone else changed this record in the meantime. Reload it and apply your change again.', 'version', { currentVersion });
  }
}

/** `expected` undefined: the caller did not say which version it read (allowed where the route allows it). */
export async function checkVersion<T>(actual: number, expected: number | undefined, current: () => Promise<T> | T): Promise<void> {
  if (expected === undefined || expected === actual) return;
  throw new VersionConflictError(actual, await current());
}
