import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '#config/app-config.js';
import { AuthService, AccessTokenClaims } from './auth.service.js';
import type { AuthenticatedUser } from './authenticated-user.js';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig, private readonly auth: AuthService) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      // An allowlist: a token with alg "none" or RS/ES* is refused (STACK.md trap 10).
      algorithms: ['HS256'],
      issuer: config.JWT_ISSUER,
      audience: config.JWT_AUDIENCE,
      ignoreExpiration: false,
    });
  }

  /** Checked on every request, so that ended sessions and disabled people stop at once. */
  validate(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    return this.auth.resolveAccess(claims);
  }
}
