import type { FastifyRequest } from 'fastify';
import { ValidationProblem } from './problem-details.filter.js';

const NUL = '\u0000';

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in a query value, path parameter or body
 * string (values and keys) failed deep in a query as a 500. Checked once for every request, before
 * guards and pipes (the login guard reads the body before any pipe), and named by its field.
 */
export function assertNoNulCharacter(req: FastifyRequest): void {
  const field = findNul(req.params, '') ?? findNul(req.query, '') ?? findNul(req.body, '');
  if (field !== null) throw new ValidationProblem([{ field, code: 'NUL_CHARACTER', message: 'must not contain the NUL character (U+0000)' }]);
}

/** The dotted path (as the validation pipe names fields) of the first string or key holding a NUL, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path || 'body' : null;
  if (value === null || typeof value !== 'object') return null;
  // The body's depth is bounded by the JSON parser (MAX_JSON_DEPTH); query and params are flat.
  for (const [key, v] of Object.entries(value)) {
    // '*' is the router's name for the rest of an unknown path.
    const here = path ? `${path}.${key}` : key === '*' ? 'path' : key;
    if (key.includes(NUL)) return here.replaceAll(NUL, '\\u0000');
    const inner = findNul(v, here);
    if (inner !== null) return inner;
  }
  return null;
}
