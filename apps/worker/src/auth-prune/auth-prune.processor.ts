import { Injectable } from '@nestjs/common';
import { LoginThrottleService } from '#domain/auth/login-throttle.service.js';
import { SessionsService } from '#domain/auth/sessions.service.js';
import { JobHandler } from '../job-handler.decorator.js';

/** Hourly is plenty: the rows only need to stop piling up, nothing reads the old ones. */
export const AUTH_PRUNE_INTERVAL_MS = 60 * 60_000;

/** Deletes what sign-in no longer needs: long-ended sessions, their refresh tokens, old login failures. */
@Injectable()
export class AuthPruneProcessor {
  constructor(private readonly sessions: SessionsService, private readonly throttle: LoginThrottleService) {}

  @JobHandler('auth-prune')
  async prune(): Promise<{ sessions: number; refreshTokens: number; loginFailures: number }> {
    const ended = await this.sessions.prune();
    return { ...ended, loginFailures: await this.throttle.prune() };
  }
}
