import { DomainError } from '../common/domain-error.js';

/**
 * 409 VERSION_CONFLICT that carries the record's current state, so that the client can show what
 * changed instead of overwriting it (issue 4). The state is a domain object; the API maps it with
 * its response mapper into the problem body's `current` (never a raw entity on the wire).
 */
export class VersionConflictError<T> extends DomainError {
  constructor(currentVersion: number, public readonly current: T) {
    super(409, 'VERSION_CONFLICT', 'Someone else changed this record in the meantime. Reload it and apply your change again.', 'version', { currentVersion });
  }
}

export function checkVersion<T>(actual: number, expected: number | undefined, current: () => Promise<T>): Promise<void> {
  if (expected === undefined || expected === actual) return Promise.resolve();
  return current().then((c) => {
    throw new VersionConflictError(actual, c);
  });
}
