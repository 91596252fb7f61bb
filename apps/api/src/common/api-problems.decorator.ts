import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto.js';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What each status means in this API; a route lists the statuses it can answer. */
const MEANINGS: Record<number, string> = {
  400: 'The input is not valid: `field` and `errors` name what is wrong (body, query, path or header)',
  401: 'Not signed in, or the access token is expired or not valid (`code` says which)',
  403: 'Signed in, but this needs another role, or the record is not yours to change',
  404: 'No such record, or you may not see it',
  409: 'Conflicts with the current state: a stale version (with `current`), a code or e-mail already taken, or a transition that is not allowed',
  413: 'The request body is too large',
  415: 'The body is not sent as application/json',
  422: 'Well-formed, but it refers to something that does not fit: inactive, unknown, outside the city area, in the past',
  423: 'The account is locked for a while after too many failed sign-ins (see Retry-After)',
  428: 'A version is required: send the version you read (If-Match header or `version` in the body)',
  429: 'Too many attempts; try again later (see Retry-After)',
  503: 'A service this needs (database, queue) is not available right now; try again after Retry-After. Not an authentication failure',
};

/**
 * Documents error answers as RFC 9457 problem+json (one shared ProblemDto schema). The access
 * decorators (Public, SignedIn, Roles) add 401/403/503 themselves; routes add the rest.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) => {
      const description = MEANINGS[status];
      if (!description) throw new Error(`ApiProblems: no meaning written down for status ${status}`);
      return ApiResponse({ status, description, content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } } });
    }),
  );
}

/** A CSV download (the exports): UTF-8 with BOM, semicolons, German headers. */
export function ApiCsvResponse(): MethodDecorator & ClassDecorator {
  return ApiOkResponse({
    description: 'CSV (UTF-8 with BOM, semicolons, German headers), sent as an attachment',
    content: { 'text/csv': { schema: { type: 'string' } } },
  });
}
