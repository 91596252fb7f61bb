import { DomainError } from '#domain/common/domain-error.js';
import { VersionConflictError } from '#domain/measures/version-conflict.js';

/**
 * The version a change applies to: the If-Match header (RFC 9110 section 13.1.1; we send the
 * version as the ETag, e.g. "3", and accept W/"3" and a bare 3) or the body's `version`. Both
 * given and different is refused: a client should not be able to say two things at once.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch === '') return bodyVersion;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!m) throw new DomainError(400, 'INVALID_IF_MATCH', 'If-Match must carry the version you read, e.g. "3".', 'If-Match');
  const v = Number(m[1]);
  if (bodyVersion !== undefined && bodyVersion !== v) throw new DomainError(400, 'VERSION_AMBIGUOUS', 'If-Match and the body field version disagree; send one of them.', 'version');
  return v;
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** Turns the domain's conflict (with the current state) into the problem body's `current`, mapped for the wire. */
export function withCurrent<T, C>(p: Promise<T>, map: (current: C) => unknown): Promise<T> {
  return p.catch((err: unknown) => {
    if (err instanceof VersionConflictError) {
      throw new DomainError(err.status, err.code, err.message, err.field, { ...err.extra, current: map(err.current as C) });
    }
    throw err;
  });
}
