import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '#domain/common/domain-error.js';
import { ACCESS_KEY, AccessRule } from './access.decorators.js';
import type { AuthenticatedUser } from './authenticated-user.js';

/**
 * Global guard: a route without an access declaration is refused; public routes pass; all others
 * need a valid access token (passport-jwt) and, where declared, one of the roles.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new DomainError(403, 'ROUTE_NOT_DECLARED', 'This route declares no access rule and is therefore closed.');
    if (rule.kind === 'public') return true;
    await (super.canActivate(context) as Promise<boolean>);
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    if (rule.kind === 'roles' && !rule.roles.some((r) => user.roles.includes(r))) {
      throw new DomainError(403, 'ROLE_REQUIRED', `This needs one of these roles: ${rule.roles.join(', ')}.`, undefined, { requiredRoles: rule.roles });
    }
    return true;
  }

  /** Maps passport-jwt's reasons to stable codes. */
  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (err) throw err;
    if (user) return user;
    const name = (info as { name?: string; message?: string } | undefined)?.name;
    const message = (info as { message?: string } | undefined)?.message ?? '';
    if (name === 'TokenExpiredError') throw new DomainError(401, 'TOKEN_EXPIRED', 'Your session token has expired; refresh it or sign in again.');
    if (!info || message === 'No auth token') throw new DomainError(401, 'AUTH_REQUIRED', 'Please sign in: this needs a bearer access token.');
    throw new DomainError(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again.');
  }
}
