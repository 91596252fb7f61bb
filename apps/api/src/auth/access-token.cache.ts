import { Injectable } from '@nestjs/common';
import { AppConfig } from '#config/app-config.js';
import { type AccessTokenClaims, SessionsService } from '#domain/auth/sessions.service.js';

/**
 * Access tokens verified, by their exact text, until they expire: the signature check and the
 * parsing run once per token instead of on every request (issue 11; a browser sends the same token
 * for its 15 minutes). Only valid tokens are kept, at most SESSION_CACHE_SIZE (the oldest go
 * first). This is the token alone: whether its session and person still may act is checked on
 * every request after it (SessionAccessCache), so a logout or deactivation ends it as before.
 */
@Injectable()
export class AccessTokenCache {
  private readonly verified = new Map<string, { claims: Readonly<AccessTokenClaims>; exp: number }>();
  private readonly maxEntries: number;

  constructor(private readonly sessions: SessionsService, config: AppConfig) {
    this.maxEntries = config.SESSION_CACHE_SIZE;
  }

  /** The token's claims, or 401 TOKEN_EXPIRED / TOKEN_INVALID (SessionsService.verifyAccessToken). */
  verify(token: string): Readonly<AccessTokenClaims> {
    const hit = this.verified.get(token);
    if (hit) {
      // jsonwebtoken's rule: expired from the second `exp` on.
      if (Math.floor(Date.now() / 1000) < hit.exp) return hit.claims;
      this.verified.delete(token);
    }
    const { exp, ...claims } = this.sessions.verifyAccessToken(token);
    // The product's tokens always expire; one that does not (it would need the key) is not kept.
    if (typeof exp === 'number' && this.maxEntries > 0) {
      if (this.verified.size >= this.maxEntries) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims: Object.freeze(claims), exp });
    }
    return claims;
  }
}

/** The token of an `Authorization: Bearer <token>` header (the scheme in any case, as passport-jwt read it before); null otherwise. */
export function bearerToken(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /(\S+)\s+(\S+)/.exec(header);
  return match && match[1]!.toLowerCase() === 'bearer' ? match[2]! : null;
}
