import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { planLeadershipDigests } from '#domain/notifications/rules/digest-reminders.js';
import { JobHandler } from '../job-handler.decorator.js';

/**
 * Hourly: the digest is planned a week ahead, so a run only has to happen once in that week; the
 * delivery at Monday 08:00 Berlin is the reminder scan's job, on time to the second.
 */
export const LEADERSHIP_DIGEST_INTERVAL_MS = 60 * 60_000;

/**
 * Plans the weekly leadership digest (one ledger row per leadership person, channel and ISO week;
 * the unique key makes two workers' runs one). Never sends anything itself.
 */
@Injectable()
export class LeadershipDigestProcessor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @JobHandler('leadership-digest')
  async plan(): Promise<{ pending: number }> {
    return { pending: (await this.db.transaction((m) => planLeadershipDigests(m))).length };
  }
}
