import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LoginFailure } from '#domain/auth/login-failure.entity.js';
import { RefreshToken } from '#domain/auth/refresh-token.entity.js';
import { Session } from '#domain/auth/session.entity.js';
import { DomainError } from '#domain/common/domain-error.js';
import { hashPassword, verifyPassword } from '#domain/people/passwords.js';
import { Person } from '#domain/people/person.entity.js';
import { PeopleService } from '#domain/people/people.service.js';
import type { Role } from '#domain/people/role.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { TokenPairDto } from './dto/token-pair.dto.js';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
  agency: string;
  roles: Role[];
}

// Verifying against a real hash keeps "no such account" as slow as "wrong password".
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

@Injectable()
export class AuthService {
  constructor(
    private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly people: PeopleService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * Checks e-mail and password with two throttles: failures per client IP over a window, and per
   * account (the account is locked for LOGIN_LOCK_MINUTES after LOGIN_MAX_FAILURES_PER_ACCOUNT).
   */
  async verifyLogin(emailRaw: string, password: string, ip: string): Promise<Person> {
    const email = emailRaw.trim().toLowerCase();
    const windowStart = new Date(Date.now() - this.config.LOGIN_LOCK_MINUTES * 60_000);
    const ipFailures = await this.db.getRepository(LoginFailure).createQueryBuilder('f')
      .where('f.ip = :ip AND f.failed_at > :since', { ip, since: windowStart }).getCount();
    if (ipFailures >= this.config.LOGIN_MAX_FAILURES_PER_IP) {
      throw new DomainError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins from your network. Please wait ${this.config.LOGIN_LOCK_MINUTES} minutes and try again.`, undefined, { retryAfterSeconds: this.config.LOGIN_LOCK_MINUTES * 60 });
    }
    const person = await this.db.getRepository(Person).createQueryBuilder('p').addSelect('p.passwordHash')
      .where('p.email = :email', { email }).getOne();
    if (!person) {
      await verifyPassword(await dummy(), password);
      await this.recordIpFailure(ip);
      throw invalidCredentials();
    }
    if (person.lockedUntil && person.lockedUntil > new Date()) throw accountLocked(person.lockedUntil);
    if (!(await verifyPassword(person.passwordHash ?? '', password))) {
      const lockedUntil = await this.db.transaction(async (m) => {
        const [row] = await m.query(
          `UPDATE people SET failed_login_count = failed_login_count + 1,
             locked_until = CASE WHEN failed_login_count + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE NULL END
           WHERE id = $1 RETURNING locked_until`,
          [person.id, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT, this.config.LOGIN_LOCK_MINUTES],
        );
        await m.insert(LoginFailure, { ip });
        // pg returns [rows, rowCount] for UPDATE ... RETURNING through TypeORM's query().
        const first = Array.isArray(row) ? row[0] : row;
        return (first as { locked_until: Date | null } | undefined)?.locked_until ?? null;
      });
      if (lockedUntil) throw accountLocked(new Date(lockedUntil));
      throw invalidCredentials();
    }
    if (!person.active) throw new DomainError(403, 'ACCOUNT_DISABLED', 'This account has been deactivated. Please contact your administrator.');
    if (person.failedLoginCount > 0 || person.lockedUntil) {
      await this.db.getRepository(Person).update({ id: person.id }, { failedLoginCount: 0, lockedUntil: null });
    }
    delete person.passwordHash;
    return person;
  }

  async startSession(person: Pick<Person, 'id' | 'agencyId' | 'roles'>): Promise<TokenPairDto> {
    return this.db.transaction(async (m) => {
      const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
      const session = await m.save(Session, m.create(Session, { personId: person.id, expiresAt, revokedAt: null, revokedReason: null }));
      return this.issue(m, person, session.id);
    });
  }

  /**
   * Rotates the refresh token. A token presented a second time means it was copied: the whole
   * session (token family) is revoked, so the thief and the owner both have to sign in again.
   */
  async refresh(presented: string): Promise<TokenPairDto> {
    const [id, secret] = presented.split('.');
    const outcome = await this.db.transaction(async (m) => {
      const token = await m.findOne(RefreshToken, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!token || !sameHash(token.tokenHash, hashSecret(secret ?? ''))) return { error: refreshInvalid() };
      const session = await m.findOne(Session, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt < new Date()) return { error: sessionEnded() };
      if (token.usedAt) {
        await m.update(Session, { id: session.id }, { revokedAt: new Date(), revokedReason: 'refresh_token_reused' });
        return { error: new DomainError(401, 'REFRESH_TOKEN_REUSED', 'This refresh token was already used. For your safety the session has been ended; please sign in again.') };
      }
      const person = await m.findOneBy(Person, { id: session.personId });
      if (!person?.active) return { error: sessionEnded() };
      await m.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
      return { pair: await this.issue(m, person, session.id) };
    });
    // The revocation above must commit even though the caller gets an error.
    if (outcome.error) throw outcome.error;
    return outcome.pair!;
  }

  async logout(user: AuthenticatedUser): Promise<void> {
    await this.db.getRepository(Session).update({ id: user.sessionId }, { revokedAt: new Date(), revokedReason: 'logout' });
  }

  /** Every authenticated request: the person must be active and the session alive. */
  async resolveAccess(claims: AccessTokenClaims): Promise<AuthenticatedUser> {
    if (typeof claims?.sub !== 'string' || typeof claims?.sid !== 'string') throw tokenInvalid();
    const rows: Array<{ id: string; agency_id: string; roles: Role[]; active: boolean; access_confirmed: boolean; revoked_at: Date | null; expires_at: Date }> = await this.db.query(
      `SELECT p.id, p.agency_id, p.roles, p.active, p.access_confirmed_at IS NOT NULL AS access_confirmed, s.revoked_at, s.expires_at
         FROM sessions s JOIN people p ON p.id = s.person_id
        WHERE s.id = $1 AND p.id = $2`,
      [claims.sid, claims.sub],
    ).catch(() => []);
    const row = rows[0];
    if (!row) throw tokenInvalid();
    if (!row.active) throw new DomainError(401, 'ACCOUNT_DISABLED', 'This account has been deactivated.');
    if (row.revoked_at || row.expires_at < new Date()) throw sessionEnded();
    // Read on every request, like roles: a confirmation or a new role takes effect at once.
    return { id: row.id, agencyId: row.agency_id, roles: row.roles, accessConfirmed: row.access_confirmed, sessionId: claims.sid };
  }

  /** Password change keeps the caller's own session and ends all others. */
  changePassword(user: AuthenticatedUser, personId: string, newPassword: string, oldPassword?: string): Promise<void> {
    return this.people.changePassword(user, personId, newPassword, oldPassword, user.id === personId ? user.sessionId : undefined);
  }

  private async issue(m: EntityManager, person: Pick<Person, 'id' | 'agencyId' | 'roles'>, sessionId: string): Promise<TokenPairDto> {
    const secret = randomBytes(32).toString('base64url');
    const token = await m.save(RefreshToken, m.create(RefreshToken, { sessionId, tokenHash: hashSecret(secret), usedAt: null }));
    const claims: AccessTokenClaims = { sub: person.id, sid: sessionId, agency: person.agencyId, roles: person.roles };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
      issuer: this.config.JWT_ISSUER,
      audience: this.config.JWT_AUDIENCE,
    });
    return { accessToken, refreshToken: `${token.id}.${secret}`, tokenType: 'Bearer', expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS };
  }

  private async recordIpFailure(ip: string): Promise<void> {
    await this.db.getRepository(LoginFailure).insert({ ip });
  }
}

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function invalidCredentials() {
  return new DomainError(401, 'INVALID_CREDENTIALS', 'E-mail address or password is not correct.');
}
function accountLocked(until: Date) {
  const local = until.toLocaleTimeString('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
  return new DomainError(423, 'ACCOUNT_LOCKED', `This account is locked after too many failed sign-ins until ${local} (Berlin time). Try again then, or ask your administrator.`, undefined, { lockedUntil: until.toISOString() });
}
function tokenInvalid() {
  return new DomainError(401, 'TOKEN_INVALID', 'The access token is not valid; sign in again.');
}
function sessionEnded() {
  return new DomainError(401, 'SESSION_ENDED', 'Your session has ended (signed out, password changed or account deactivated). Please sign in again.');
}
function refreshInvalid() {
  return new DomainError(401, 'REFRESH_TOKEN_INVALID', 'The refresh token is not valid; please sign in again.');
}
