import { applyDecorators, SetMetadata, createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Role } from '#domain/people/role.js';
import { ApiProblems } from '../common/api-problems.decorator.js';
import type { AuthenticatedUser } from './authenticated-user.js';

export const ACCESS_KEY = 'drogenrapport:access';

/**
 * What a route declares. Routes that declare nothing are refused (deny by default). The
 * declaration also documents the answers the guard gives (OpenAPI), so docs and guard cannot drift:
 * 401 without a valid token, 403 without the role, 503 when the access check cannot reach the database.
 */
export type AccessRule = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'roles'; roles: Role[] };

/** No token needed (login, refresh, health, docs). */
export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies AccessRule);
/** Any signed-in person, whatever their roles. */
export const SignedIn = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'signed-in' } satisfies AccessRule), ApiProblems(401, 503));
/** Signed in and holding at least one of these roles. */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'roles', roles } satisfies AccessRule), ApiProblems(401, 403, 503));

/** The signed-in person (from the verified access token). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
});
