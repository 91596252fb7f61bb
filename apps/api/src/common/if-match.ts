import { DomainError } from '#domain/common/domain-error.js';
import { VersionConflictError } from '#domain/common/version-check.js';

/**
 * The version a change applies to, the same rules on every route that changes a versioned record
 * (developments, measures, milestones, key figures, master data):
 * - the If-Match header (RFC 9110 section 13.1.1; GET sends the version as the ETag, e.g. "3";
 *   W/"3" and a bare 3 are accepted too), or the body's `version`;
 * - both given and different is refused (400 VERSION_AMBIGUOUS): a client should not say two
 *   things at once; a malformed If-Match is 400 INVALID_IF_MATCH;
 * - `required`: routes that edit fields (PATCH of developments and measures) refuse a change
 *   without a version (428 VERSION_REQUIRED, RFC 6585), so that nobody overwrites what they have
 *   not read; elsewhere no version means "whatever is current";
 * - a stale version is 409 VERSION_CONFLICT with currentVersion and the current state
 *   (checkVersion in the domain, mapped by withCurrent below).
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined, opts: { required?: boolean } = {}): number | undefined {
  let version = bodyVersion;
  if (ifMatch !== undefined && ifMatch !== '') {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!m) throw new DomainError(400, 'INVALID_IF_MATCH', 'If-Match must carry the version you read, e.g. "3".', 'If-Match');
    const v = Number(m[1]);
    if (bodyVersion !== undefined && bodyVersion !== v) throw new DomainError(400, 'VERSION_AMBIGUOUS', 'If-Match and the body field version disagree; send one of them.', 'version');
    version = v;
  }
  if (version === undefined && opts.required) {
    throw new DomainError(428, 'VERSION_REQUIRED', 'Send the version you read (If-Match header or the body field version), so that no change made in the meantime is overwritten.', 'version');
  }
  return version;
}

export function etag(version: number): string {
  return `"${version}"`;
}

/** The If-Match header as the OpenAPI document describes it. */
export const IF_MATCH_HEADER = { name: 'If-Match', required: false, description: 'The version you read, as sent in ETag (e.g. "3"); or send `version` in the body' };

/** Turns the domain's conflict (with the current state) into the problem body's `current`, mapped for the wire. */
export function withCurrent<T, C>(p: Promise<T>, map: (current: C) => unknown): Promise<T> {
  return p.catch((err: unknown) => {
    if (err instanceof VersionConflictError) {
      throw new DomainError(err.status, err.code, err.message, err.field, { ...err.extra, current: map(err.current as C) });
    }
    throw err;
  });
}
