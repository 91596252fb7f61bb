import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { DomainError } from '../common/domain-error.js';

/** One password check in progress, recorded as a failure until it is settled. */
export interface LoginAttempt {
  id: string;
  email: string;
  /** Failures for the address within the window before this one. */
  failuresBefore: number;
}

const PRUNE_BATCH = 5000;

/**
 * Limits password guessing, for sign-in and for the old-password check of a password change:
 * at most LOGIN_MAX_FAILURES_PER_ACCOUNT failures per e-mail address and LOGIN_MAX_FAILURES_PER_IP
 * per client address within any LOGIN_LOCK_MINUTES. The count is kept per submitted address
 * (normalised), whether or not an account has it, so that a locked real account and a locked
 * unknown address answer alike (issue 7 §3).
 */
@Injectable()
export class LoginThrottleService {
  constructor(private readonly config: AppConfig, @InjectDataSource() private readonly db: DataSource) {}

  /**
   * Claims one password check: 429 when the client address, 423 when the e-mail address is over
   * its limit, before any password is looked at. Otherwise the attempt is recorded as a failure
   * right away and only removed by succeeded(): counting and recording are serialised per address,
   * so parallel guesses cannot slip past the limit, and a check that never finishes still counts.
   */
  async begin(email: string, ip: string): Promise<LoginAttempt> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`login-throttle:${email}`]);
      const byIp = await this.recent(m, 'ip', ip, this.config.LOGIN_MAX_FAILURES_PER_IP);
      if (byIp.count >= this.config.LOGIN_MAX_FAILURES_PER_IP) throw tooManyAttempts(this.config.LOGIN_LOCK_MINUTES).retryAfter(byIp.retryAfter);
      const byEmail = await this.recent(m, 'email', email, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT);
      if (byEmail.count >= this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) throw accountLocked(this.config.LOGIN_LOCK_MINUTES).retryAfter(byEmail.retryAfter);
      const [row] = (await m.query(`INSERT INTO login_failures (ip, email) VALUES ($1, $2) RETURNING id`, [ip, email])) as Array<{ id: string }>;
      return { id: String(row!.id), email, failuresBefore: byEmail.count };
    });
  }

  /**
   * The password was wrong (or the account unknown or deactivated): the recorded failure stays.
   * Returns the 423 to answer when this failure reached the limit, otherwise null (the caller
   * answers its own "wrong password").
   */
  async failed(attempt: LoginAttempt): Promise<DomainError | null> {
    if (attempt.failuresBefore + 1 < this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT) return null;
    const byEmail = await this.recent(this.db.manager, 'email', attempt.email, this.config.LOGIN_MAX_FAILURES_PER_ACCOUNT);
    return accountLocked(this.config.LOGIN_LOCK_MINUTES).retryAfter(byEmail.retryAfter);
  }

  /** The password was right: the attempt was no failure, and the address's count starts afresh. */
  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.db.query(
      `WITH attempt AS (DELETE FROM login_failures WHERE id = $1)
       UPDATE login_failures SET email = NULL WHERE email = $2 AND id <> $1`,
      [attempt.id, attempt.email],
    );
  }

  /** An administrator's password reset also lifts a lock on the person's address. */
  async clear(m: EntityManager, email: string): Promise<void> {
    await m.query(`UPDATE login_failures SET email = NULL WHERE email = $1`, [email]);
  }

  /** Rows older than the window are never counted again; the worker deletes them periodically. */
  async prune(): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.db.query(
        `DELETE FROM login_failures WHERE id IN (
           SELECT id FROM login_failures WHERE failed_at < now() - make_interval(mins => $1) LIMIT $2)`,
        [this.config.LOGIN_LOCK_MINUTES, PRUNE_BATCH],
      )) as [unknown, number];
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }

  /**
   * Failures of one key within the window, at most `limit` of them counted, and the seconds until
   * the count falls below `limit` again (when the limit-th newest failure leaves the window).
   */
  private async recent(m: EntityManager, key: 'ip' | 'email', value: string, limit: number): Promise<{ count: number; retryAfter: number }> {
    const [row] = (await m.query(
      `SELECT count(*)::int AS count,
              extract(epoch FROM min(failed_at) + make_interval(mins => $3) - now())::float8 AS retry_after
         FROM (SELECT failed_at FROM login_failures
                WHERE ${key} = $1 AND failed_at > now() - make_interval(mins => $3)
                ORDER BY failed_at DESC LIMIT $2) recent`,
      [value, limit, this.config.LOGIN_LOCK_MINUTES],
    )) as Array<{ count: number; retry_after: number | null }>;
    return { count: row?.count ?? 0, retryAfter: row?.retry_after ?? 1 };
  }
}

function tooManyAttempts(minutes: number): DomainError {
  return new DomainError(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-ins from your network. Please wait a few minutes (at most ${minutes}) and try again.`);
}

/** The same words for every address, known or not, so that the answer tells nothing about the account. */
function accountLocked(minutes: number): DomainError {
  return new DomainError(423, 'ACCOUNT_LOCKED', `Too many failed sign-ins with this e-mail address: signing in with it is paused for a few minutes (at most ${minutes}). Try again later, or ask your administrator.`);
}
