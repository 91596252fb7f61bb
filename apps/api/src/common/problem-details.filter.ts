import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseUnavailable, isDatabaseUnavailable } from '#domain/common/dependency-errors.js';
import { DomainError } from '#domain/common/domain-error.js';
import { securityHeaders } from './security-headers.js';

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  requestId?: string;
  field?: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/** Raised by the validation pipe: carries one entry per offending field. */
export class ValidationProblem extends HttpException {
  constructor(public readonly errors: FieldProblem[]) {
    super('Validation failed', HttpStatus.BAD_REQUEST);
  }
}

const TITLES: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 408: 'Request Timeout',
  409: 'Conflict', 412: 'Precondition Failed', 413: 'Content Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type',
  422: 'Unprocessable Content', 423: 'Locked', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 500: 'Internal Server Error', 503: 'Service Unavailable',
};

const DEFAULT_CODES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'AUTH_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 409: 'CONFLICT',
  413: 'BODY_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'UNPROCESSABLE', 429: 'TOO_MANY_REQUESTS', 503: 'UNAVAILABLE',
};

/** Every error leaves the API as RFC 9457 problem+json with a stable machine `code`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    // A database that does not answer is neither the caller's fault nor a bug: 503, never 401 or 500.
    const error = isDatabaseUnavailable(exception) ? databaseUnavailable() : exception;
    const body = toProblem(error);
    if (body.status >= 500) {
      // The request's logger (it carries the request id); the logger keeps the error's name, code
      // and stack frames, never its message, which can quote the input (see libs/config/logger.ts).
      const err = exception instanceof Error ? exception : new Error(typeof exception);
      req.log.error({ code: body.code, route: req.routeOptions?.url ?? null, err }, 'unhandled error');
    }
    if (error instanceof DomainError && error.retryAfterSeconds !== undefined) void reply.header('retry-after', String(error.retryAfterSeconds));
    sendProblem(req, reply, body);
  }
}

/** The problem for any error: DomainError, the validation pipe's, Nest's and Fastify's; anything else is a 500. */
export function toProblem(e: unknown): ProblemBody {
  if (e instanceof DomainError) {
    return problem(e.status, e.code, e.message, { ...(e.field ? { field: e.field } : {}), ...e.extra });
  }
  if (e instanceof ValidationProblem) {
    const first = e.errors[0];
    return problem(400, 'VALIDATION_FAILED', first ? `${first.field}: ${first.message}` : 'The request is not valid.', { field: first?.field, errors: e.errors });
  }
  // Nest wraps Fastify's own 4xx errors (body parsing, size, media type) with the original as cause.
  const fastifyError = e instanceof HttpException ? e.cause : e;
  const fastifyProblem = fromFastifyError(fastifyError);
  if (fastifyProblem) return fastifyProblem;
  if (e instanceof HttpException) {
    const status = e.getStatus();
    const res = e.getResponse();
    const r = (typeof res === 'object' && res ? res : {}) as Record<string, unknown>;
    const code = typeof r.code === 'string' ? r.code : DEFAULT_CODES[status] ?? `HTTP_${status}`;
    const detail = typeof r.detail === 'string' ? r.detail : status === 404 ? 'There is nothing at this address.' : e.message;
    const { code: _c, detail: _d, message: _m, statusCode: _s, error: _e, ...extra } = r;
    return problem(status, code, detail, extra);
  }
  return problem(500, 'INTERNAL_ERROR', 'Something went wrong on our side. Nothing was changed; please try again, and tell IT the request id if it keeps happening.');
}

/**
 * Routes whose path carries a secret (the calendar feed token): a problem names the route, never
 * the secret, so that every wrong token gets the same answer and no answer repeats a token.
 */
const SECRET_PATH_ROUTES = new Set(['/api/v1/calendar/:file']);

/**
 * Sends a problem with the request id and the security headers set here as well: the router's own
 * errors (bad URL encoding, over-long parameters) are answered before the onRequest and onSend
 * hooks that otherwise add them.
 */
export function sendProblem(req: FastifyRequest, reply: FastifyReply, body: ProblemBody): void {
  const path = req.url.split('?')[0]!;
  const route = req.routeOptions?.url;
  body.instance = route && SECRET_PATH_ROUTES.has(route) ? route : path;
  body.requestId = String(req.id);
  void reply.status(body.status).headers({ ...securityHeaders(path), 'x-request-id': String(req.id), 'content-type': 'application/problem+json; charset=utf-8' }).send(body);
}

function fromFastifyError(e: unknown): ProblemBody | null {
  const fe = e as { statusCode?: number; code?: string } | undefined;
  if (typeof fe?.code !== 'string' || !fe.code.startsWith('FST_') || typeof fe.statusCode !== 'number' || fe.statusCode >= 500) return null;
  if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return problem(400, 'MALFORMED_JSON', 'The request body is not valid JSON.', { field: 'body' });
  }
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return problem(413, 'BODY_TOO_LARGE', 'The request body is too large.', { field: 'body' });
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.', { field: 'body' });
  if (fe.code === 'FST_ERR_BAD_URL') return problem(400, 'BAD_URL', 'The address is not valid (broken %-encoding).', { field: 'path' });
  if (fe.code === 'FST_ERR_MAX_PARAM_LENGTH') return problem(414, 'URI_TOO_LONG', 'A part of the address is too long.', { field: 'path' });
  return problem(fe.statusCode, DEFAULT_CODES[fe.statusCode] ?? `HTTP_${fe.statusCode}`, 'The request could not be read.');
}

export function problem(status: number, code: string, detail: string, extra: Record<string, unknown> = {}): ProblemBody {
  return {
    type: `https://drogenrapport.invalid/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}
