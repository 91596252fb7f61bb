/**
 * A failure the caller can act on. The API turns it into RFC 9457 problem+json with the stable
 * `code`; `field` names the offending input (JSON path) where there is one.
 */
export class DomainError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly field?: string,
    public readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** For 423, 429 and 503: whole seconds until trying again makes sense; the API sends it as Retry-After. */
  retryAfterSeconds?: number;

  retryAfter(seconds: number): this {
    this.retryAfterSeconds = Math.max(1, Math.ceil(seconds));
    return this;
  }

  static notFound(what: string, field = 'id'): DomainError {
    return new DomainError(404, `${what.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`, `No ${what} with this id exists, or you may not see it.`, field);
  }
}
