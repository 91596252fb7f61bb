import { KeyObject, createHash, createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { DomainError } from '../common/domain-error.js';
import { Person } from '../people/person.entity.js';
import type { Role } from '../people/role.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { RefreshToken } from './refresh-token.entity.js';
import { Session } from './session.entity.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  agency: string;
  roles: Role[];
}

export interface SessionAccess {
  user: AuthenticatedUser;
  sessionExpiresAt: Date;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}

/**
 * Ended sessions (and their refresh tokens) are kept this long after they expired or were revoked,
 * so that a replayed token of a recently ended session still answers SESSION_ENDED and the reason
 * can be looked up; then the worker deletes them.
 */
export const ENDED_SESSION_RETENTION_DAYS = 30;
const PRUNE_BATCH = 1000;
/**
 * How long a just-used refresh token may be presented again without counting as reuse, on the
 * routes that ask for it (the browser's cookie route: every tab of a browser shares the one cookie,
 * so two tabs that load at the same moment both send it). Inside the window the answer is the token
 * that replaced it, the same one the first request got, so the family stays one line; after the
 * window a second use ends the session as before.
 */
export const REFRESH_REUSE_GRACE_SECONDS = 10;
/** Successors followed in the window (a tab reloaded twice while another tab's request was in flight). */
const MAX_GRACE_LINKS = 5;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECRET = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Sessions, access tokens and refresh-token rotation. One login = one session = one refresh-token
 * family; access tokens carry the session id, so ending the session ends them at once.
 */
@Injectable()
export class SessionsService {
  /**
   * The HS256 key, made once. Given a string, jsonwebtoken tries createPublicKey on every sign and
   * verify before falling back to a secret key (about 6% of the CPU of a request, issue 11).
   */
  readonly accessTokenKey: KeyObject;
  private readonly jwt: JwtService;
  /** Derives successor refresh-token secrets (successorSecret); its own key, not the signing key itself. */
  private readonly successorKey: Buffer;

  constructor(private readonly config: AppConfig, @InjectDataSource() private readonly db: DataSource) {
    this.accessTokenKey = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));
    this.successorKey = createHmac('sha256', config.jwtSecret).update('drogenrapport refresh-token successor').digest();
    this.jwt = new JwtService({
      secret: this.accessTokenKey,
      signOptions: { algorithm: 'HS256', expiresIn: config.ACCESS_TOKEN_TTL_SECONDS, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    });
  }

  async startSession(person: Pick<Person, 'id' | 'agencyId' | 'roles'>): Promise<TokenPair> {
    return this.db.transaction(async (m) => {
      const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
      const session = await m.save(Session, m.create(Session, { personId: person.id, expiresAt, revokedAt: null, revokedReason: null }));
      return this.issue(m, person, session.id);
    });
  }

  /**
   * Rotates the refresh token. A token presented a second time means it was copied: the whole
   * session (token family) is revoked, so the thief and the owner both have to sign in again.
   * With `reuseGraceSeconds`, a token used less than that long ago answers with its successor
   * instead (see REFRESH_REUSE_GRACE_SECONDS): two requests racing with one cookie both succeed
   * and end up holding the same token.
   */
  async refresh(presented: string, options: { reuseGraceSeconds?: number } = {}): Promise<TokenPair> {
    const parsed = parseRefreshToken(presented);
    if (!parsed) throw refreshInvalid();
    const outcome = await this.db.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, { where: { id: parsed.id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !sameHash(token.tokenHash, hashSecret(parsed.secret))) return { error: refreshInvalid() };
      const session = await m.findOne(Session, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt < new Date()) return { error: sessionEnded() };
      const person = await m.findOneBy(Person, { id: session.personId });
      if (token.usedAt) {
        const grace = options.reuseGraceSeconds ?? 0;
        const head = grace > 0 && Date.now() - token.usedAt.getTime() <= grace * 1000 ? await this.currentSuccessor(m, token, parsed.secret) : null;
        if (!head) {
          await m.update(Session, { id: session.id }, { revokedAt: new Date(), revokedReason: 'refresh_token_reused' });
          return { error: new DomainError(401, 'REFRESH_TOKEN_REUSED', 'This refresh token was already used. For your safety the session has been ended; please sign in again.', 'refreshToken') };
        }
        if (!person?.active) return { error: sessionEnded() };
        return { pair: await this.pair(person, session.id, `${head.id}.${head.secret}`) };
      }
      if (!person?.active) return { error: sessionEnded() };
      await m.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return { pair: await this.issue(m, person, session.id, token.id, this.successorSecret(parsed.secret)) };
    });
    // The revocation above must commit even though the caller gets an error.
    if (outcome.error) throw outcome.error;
    return outcome.pair!;
  }

  /**
   * The unused token at the end of the line that starts at `token` (a used one), or null when the
   * line is broken: no successor, one that does not match the derived secret, or too long a line.
   */
  private async currentSuccessor(m: EntityManager, token: RefreshToken, secret: string): Promise<{ id: string; secret: string } | null> {
    let current = token;
    let currentSecret = secret;
    for (let links = 0; links < MAX_GRACE_LINKS && current.successorId; links++) {
      // Read, not locked: a rotation of the successor locks it before the session, this path holds
      // the session already; locking it here could deadlock. Should that rotation use it meanwhile,
      // the successor handed out is simply used once more, inside its own window.
      const next = await m.findOneBy(RefreshToken, { id: current.successorId });
      const nextSecret = this.successorSecret(currentSecret);
      if (!next || next.sessionId !== token.sessionId || !sameHash(next.tokenHash, hashSecret(nextSecret))) return null;
      if (!next.usedAt) return { id: next.id, secret: nextSecret };
      current = next;
      currentSecret = nextSecret;
    }
    return null;
  }

  /**
   * A successor's secret is derived from its predecessor's with a key only the server holds, so
   * that it can be handed out again in the grace window while only its hash is stored. Knowing an
   * old token is not enough to compute it; with the key, one could forge access tokens anyway.
   */
  private successorSecret(previousSecret: string): string {
    return createHmac('sha256', this.successorKey).update(previousSecret).digest('base64url');
  }

  async logout(sessionId: string): Promise<void> {
    await this.db.getRepository(Session).update({ id: sessionId }, { revokedAt: new Date(), revokedReason: 'logout' });
  }

  /**
   * The claims of a valid access token, verified with what it is signed with: HS256 only (alg
   * "none" and RS/ES* are refused, STACK.md trap 10), this key, issuer and audience, not expired.
   * Otherwise 401 TOKEN_EXPIRED or TOKEN_INVALID. The API keeps what it verified per token until it
   * expires (apps/api/src/auth/access-token.cache.ts).
   */
  verifyAccessToken(token: string): AccessTokenClaims & { exp?: number } {
    try {
      return this.jwt.verify<AccessTokenClaims & { exp?: number }>(token, { algorithms: ['HS256'], issuer: this.config.JWT_ISSUER, audience: this.config.JWT_AUDIENCE });
    } catch (err) {
      if ((err as Error).name === 'TokenExpiredError') throw new DomainError(401, 'TOKEN_EXPIRED', 'Your session token has expired; refresh it or sign in again.');
      throw tokenInvalid();
    }
  }

  /**
   * Every authenticated request (the API may reuse a positive answer for a few seconds, see
   * apps/api/src/auth/session-access.cache.ts): the person must be active and the session alive.
   * A database failure propagates (the API answers 503): it must never read as "token invalid"
   * (issue 7 §2). Also answers when the session expires, which bounds any reuse of the answer.
   */
  async resolveAccess(claims: AccessTokenClaims): Promise<SessionAccess> {
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string' || !UUID.test(claims.sub) || !UUID.test(claims.sid)) throw tokenInvalid();
    const rows: Array<{ id: string; agency_id: string; roles: Role[]; active: boolean; access_confirmed: boolean; revoked_at: Date | null; expires_at: Date }> = await this.db.query(
      `SELECT p.id, p.agency_id, p.roles, p.active, p.access_confirmed_at IS NOT NULL AS access_confirmed, s.revoked_at, s.expires_at
         FROM sessions s JOIN people p ON p.id = s.person_id
        WHERE s.id = $1 AND p.id = $2`,
      [claims.sid, claims.sub],
    );
    const row = rows[0];
    if (!row) throw tokenInvalid();
    if (!row.active) throw new DomainError(401, 'ACCOUNT_DISABLED', 'This account has been deactivated.');
    if (row.revoked_at || row.expires_at < new Date()) throw sessionEnded();
    // Read on every request, like roles: a confirmation or a new role takes effect at once.
    return {
      user: { id: row.id, agencyId: row.agency_id, roles: row.roles, accessConfirmed: row.access_confirmed, sessionId: claims.sid },
      sessionExpiresAt: row.expires_at,
    };
  }

  /**
   * Deletes sessions that expired or were revoked more than ENDED_SESSION_RETENTION_DAYS ago, with
   * their refresh tokens; in batches, each its own short transaction. Run by the worker.
   */
  async prune(): Promise<{ sessions: number; refreshTokens: number }> {
    const total = { sessions: 0, refreshTokens: 0 };
    for (;;) {
      const batch = await this.db.transaction(async (m) => {
        const ids = ((await m.query(
          `SELECT id FROM sessions
            WHERE revoked_at < now() - make_interval(days => $1) OR expires_at < now() - make_interval(days => $1)
            LIMIT $2 FOR UPDATE SKIP LOCKED`,
          [ENDED_SESSION_RETENTION_DAYS, PRUNE_BATCH],
        )) as Array<{ id: string }>).map((r) => r.id);
        if (!ids.length) return { sessions: 0, refreshTokens: 0 };
        const [, refreshTokens] = (await m.query(`DELETE FROM refresh_tokens WHERE session_id = ANY($1::uuid[])`, [ids])) as [unknown, number];
        const [, sessions] = (await m.query(`DELETE FROM sessions WHERE id = ANY($1::uuid[])`, [ids])) as [unknown, number];
        return { sessions, refreshTokens };
      });
      total.sessions += batch.sessions;
      total.refreshTokens += batch.refreshTokens;
      if (batch.sessions < PRUNE_BATCH) return total;
    }
  }

  /** A new refresh token (the successor of `previousId` when rotating) and an access token. */
  private async issue(m: EntityManager, person: Pick<Person, 'id' | 'agencyId' | 'roles'>, sessionId: string, previousId?: string, secret = randomBytes(32).toString('base64url')): Promise<TokenPair> {
    const token = await m.save(RefreshToken, m.create(RefreshToken, { sessionId, tokenHash: hashSecret(secret), usedAt: null, successorId: null }));
    if (previousId) await m.update(RefreshToken, { id: previousId }, { successorId: token.id });
    return this.pair(person, sessionId, `${token.id}.${secret}`);
  }

  private async pair(person: Pick<Person, 'id' | 'agencyId' | 'roles'>, sessionId: string, refreshToken: string): Promise<TokenPair> {
    const claims: AccessTokenClaims = { sub: person.id, sid: sessionId, agency: person.agencyId, roles: person.roles };
    const accessToken = await this.jwt.signAsync(claims);
    return { accessToken, refreshToken, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }
}

/** `<uuid>.<secret>`, nothing else: anything malformed is an invalid token (401), never a query. */
function parseRefreshToken(presented: string): { id: string; secret: string } | null {
  const parts = typeof presented === 'string' ? presented.split('.') : [];
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  return UUID.test(id) && SECRET.test(secret) ? { id, secret } : null;
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function tokenInvalid() {
  return new DomainError(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again.');
}
function sessionEnded() {
  return new DomainError(401, 'SESSION_ENDED', 'Your session has ended (signed out, password changed or account deactivated). Please sign in again.');
}
function refreshInvalid() {
  return new DomainError(401, 'REFRESH_TOKEN_INVALID', 'The refresh token is not valid; please sign in again.', 'refreshToken');
}
