import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '#config/app-config.js';
import type { AuthenticatedUser } from '#domain/auth/authenticated-user.js';
import { AccessTokenClaims, SessionsService } from '#domain/auth/sessions.service.js';
import { SessionAccessCache } from './session-access.cache.js';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig, sessions: SessionsService, private readonly access: SessionAccessCache) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject made once (see SessionsService.accessTokenKey); jsonwebtoken 9 takes it, the
      // passport-jwt typings only list string | Buffer.
      secretOrKey: sessions.accessTokenKey as unknown as Buffer,
      // An allowlist: a token with alg "none" or RS/ES* is refused (STACK.md trap 10).
      algorithms: ['HS256'],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Checked on every request (or heard of, see SessionAccessCache), so that ended sessions and disabled people stop at once. */
  validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    return this.access.resolve(claims);
  }
}
