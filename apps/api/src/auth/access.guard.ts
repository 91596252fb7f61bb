import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#domain/common/domain-error.js';
import { ACCESS_KEY, AccessRule } from './access.decorators.js';
import { AccessTokenCache, bearerToken } from './access-token.cache.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { SessionAccessCache } from './session-access.cache.js';

/**
 * Global guard: a route without an access declaration is refused; public routes pass; all others
 * need a valid bearer access token (AccessTokenCache) whose session and person may still act
 * (SessionAccessCache) and, where declared, one of the roles. The person is `request.user`.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly tokens: AccessTokenCache, private readonly access: SessionAccessCache) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!rule) throw new DomainError(403, 'ROUTE_NOT_DECLARED', 'This route declares no access rule and is therefore closed.');
    if (rule.kind === 'public') return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined>; user?: AuthenticatedUser }>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new DomainError(401, 'AUTH_REQUIRED', 'Please sign in: this needs a bearer access token.');
    const user = await this.access.resolve(this.tokens.verify(token));
    req.user = user;
    if (rule.kind === 'roles' && !rule.roles.some((r) => user.roles.includes(r))) {
      throw new DomainError(403, 'ROLE_REQUIRED', `This needs one of these roles: ${rule.roles.join(', ')}.`, undefined, { requiredRoles: rule.roles });
    }
    return true;
  }
}
