import type { FastifyRequest } from 'fastify';
import { ValidationProblem } from './problem-details.filter.js';

const NUL = '\u0000';
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextProblemAt {
  field: string;
  code: 'NUL_CHARACTER' | 'MALFORMED_TEXT';
}

const MESSAGES: Record<TextProblemAt['code'], string> = {
  NUL_CHARACTER: 'must not contain the NUL character (U+0000)',
  MALFORMED_TEXT: 'contains a broken character (not valid Unicode text)',
};

/**
 * The text rules every request obeys, checked once, after parsing and before guards and pipes (the
 * login guard reads the body before any pipe runs), on path parameters, query values and body
 * strings and keys:
 * - no U+0000: PostgreSQL text cannot hold it (it failed deep in a query as a 500);
 * - well-formed Unicode: a lone UTF-16 surrogate ("\ud800" in JSON) made validator's isEmail throw a
 *   URIError (a 500), and PostgreSQL would store it as U+FFFD, a silent change of what was sent.
 */
export function assertCleanTextInput(req: FastifyRequest): void {
  const found = findTextProblem(req.params, '') ?? findTextProblem(req.query, '') ?? findTextProblem(req.body, '');
  if (found) throw new ValidationProblem([{ field: found.field, code: found.code, message: MESSAGES[found.code] }]);
}

function problemIn(s: string): TextProblemAt['code'] | null {
  if (s.includes(NUL)) return 'NUL_CHARACTER';
  return LONE_SURROGATE.test(s) ? 'MALFORMED_TEXT' : null;
}

/** The dotted path (as the validation pipe names fields) of the first bad string or key, or null. */
export function findTextProblem(value: unknown, path: string): TextProblemAt | null {
  if (typeof value === 'string') {
    const code = problemIn(value);
    return code ? { field: path || 'body', code } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  // The body's depth is bounded by the JSON parser (MAX_JSON_DEPTH); query and params are flat.
  for (const [key, v] of Object.entries(value)) {
    // '*' is the router's name for the rest of an unknown path.
    const here = path ? `${path}.${key}` : key === '*' ? 'path' : key;
    const keyCode = problemIn(key);
    if (keyCode) return { field: here.replaceAll(NUL, '\\u0000').replace(LONE_SURROGATE, '\\ufffd'), code: keyCode };
    const inner = findTextProblem(v, here);
    if (inner) return inner;
  }
  return null;
}
