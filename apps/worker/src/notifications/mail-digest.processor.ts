import { Injectable } from '@nestjs/common';
import { MailDigestService, type DigestRunResult } from '#domain/notifications/channels/mail-digest.service.js';
import { JobHandler } from '../job-handler.decorator.js';

/**
 * The digest job ticks every few minutes and acts once per Berlin day (after REMINDER_HOUR): the
 * ledger's unique key (one mail_daily_digest row per person and date) makes extra ticks, two
 * workers or a restart harmless, and a tick after downtime still sends the day's digest, late.
 */
export const MAIL_DIGEST_TICK_MS = 5 * 60_000;

@Injectable()
export class MailDigestProcessor {
  constructor(private readonly digests: MailDigestService) {}

  @JobHandler('mail-daily-digest')
  run(): Promise<DigestRunResult> {
    return this.digests.run();
  }
}
