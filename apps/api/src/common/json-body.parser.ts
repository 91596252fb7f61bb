import type { FastifyInstance } from 'fastify';
import { DomainError } from '#domain/common/domain-error.js';

/**
 * Deeper than any body this API takes (a district boundary is 5 levels). Deeper JSON is refused
 * before it is parsed: class-transformer and class-validator walk bodies recursively, and a body
 * nested thousands deep overflowed the stack (a 500, also on the public login route).
 */
export const MAX_JSON_DEPTH = 32;

/** Counts bracket depth outside strings: one pass, no recursion, so that any input is safe to check. */
export function exceedsJsonDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * The API takes JSON only: every other media type (Fastify's text/plain, Nest's urlencoded forms)
 * is a 415. JSON keeps Fastify's own parser (prototype-poisoning checks, empty-body and syntax
 * errors), behind the depth limit.
 */
export function useJsonBodiesOnly(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (exceedsJsonDepth(body as string)) {
      done(new DomainError(400, 'JSON_TOO_DEEP', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`, 'body'), undefined);
      return;
    }
    parseJson(req, body as string, done);
  });
}
