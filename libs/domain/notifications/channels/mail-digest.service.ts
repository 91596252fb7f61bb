import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { berlinAt, berlinDateOf } from '../../common/berlin-time.js';
import { ReminderDispatcher } from '../reminder-dispatcher.service.js';

export interface DigestRunResult {
  date: string;
  planned: number;
  sent: number;
  retry: number;
  failed: number;
}

/**
 * The daily mail digest (issue 9): a person who chose mail_mode 'daily_digest' gets their e-mail
 * reminders marked 'batched' by the dispatcher instead of mailed one by one; once a day, at
 * REMINDER_HOUR Berlin time, this turns each person's batched rows into one mail.
 *
 * The job ticks often and acts once per Berlin day through the ledger's unique key: the digest is
 * a reminders row (kind mail_daily_digest, subject digest, occurrence = the Berlin date,
 * recipient = the person), so two workers, or two ticks, plan one digest per person and day, and
 * the claim (pending -> sending) lets one of them send it. The batched rows are linked to their
 * digest when it is planned (digest_id) and marked sent by a trigger in the transaction that marks
 * the digest sent (migration 1765700000000). Rows batched after today's digest went out wait for
 * tomorrow's; rows of a digest that failed for good go into the next one.
 */
@Injectable()
export class MailDigestService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly dispatcher: ReminderDispatcher,
  ) {}

  /**
   * One tick of the periodic job: nothing before REMINDER_HOUR; after it, plan and send today's
   * digests. Nothing either while no mail can leave (a server without SMTP_URL): a digest planned
   * then could only fail, so the batched rows wait, counted as batched in the ledger, until mail is
   * configured and the next tick collects them.
   */
  async run(now: Date = new Date()): Promise<DigestRunResult> {
    const date = berlinDateOf(now);
    const dueAt = berlinAt(date, this.config.REMINDER_HOUR);
    const result: DigestRunResult = { date, planned: 0, sent: 0, retry: 0, failed: 0 };
    if (now < dueAt || this.config.mailDelivery === 'none') return result;
    result.planned = await this.plan(date, dueAt);
    // Also the digests a crashed or failed earlier tick left pending (their backoff passed).
    const due = (await this.db.query(
      `SELECT id FROM reminders
        WHERE kind = 'mail_daily_digest' AND state = 'pending' AND coalesce(next_attempt_at, due_at) <= $1
        ORDER BY due_at, id LIMIT 5000`,
      [now],
    )) as Array<{ id: string }>;
    for (const { id } of due) {
      const outcome = await this.dispatcher.deliver(id, now);
      if (outcome === 'sent' || outcome === 'retry' || outcome === 'failed') result[outcome]++;
    }
    return result;
  }

  /**
   * One digest row per active person with batched e-mail rows not yet in a live digest (an
   * inactive person's rows stay batched: no mail could reach them); links those rows
   * to it while it is still pending. Returns how many digest rows were inserted.
   */
  async plan(date: string, dueAt: Date): Promise<number> {
    return this.db.transaction(async (m) => {
      const inserted = (await m.query(
        `INSERT INTO reminders (kind, subject_type, subject_id, occurrence, recipient_id, channel, due_at)
         SELECT DISTINCT 'mail_daily_digest', 'digest', NULL::uuid, $1, r.recipient_id, 'email', $2::timestamptz
           FROM reminders r
           JOIN people p ON p.id = r.recipient_id AND p.active
           LEFT JOIN reminders d ON d.id = r.digest_id
          WHERE r.state = 'batched' AND r.channel = 'email' AND r.kind <> 'mail_daily_digest'
            AND (r.digest_id IS NULL OR d.state IN ('failed', 'withdrawn'))
         ON CONFLICT ON CONSTRAINT reminders_once DO NOTHING
         RETURNING id`,
        [date, dueAt],
      )) as Array<{ id: string }>;
      // FOR UPDATE: a digest being claimed (pending -> sending) concurrently is either linked
      // before the claim (and renders with these rows) or not at all, never in between.
      await m.query(
        `WITH d AS (
           SELECT id, recipient_id FROM reminders
            WHERE kind = 'mail_daily_digest' AND subject_type = 'digest' AND subject_id IS NULL AND occurrence = $1 AND channel = 'email' AND state = 'pending'
            FOR UPDATE
         )
         UPDATE reminders r SET digest_id = d.id, updated_at = now()
           FROM d
          WHERE r.recipient_id = d.recipient_id AND r.state = 'batched' AND r.channel = 'email' AND r.kind <> 'mail_daily_digest'
            AND (r.digest_id IS NULL OR r.digest_id <> d.id AND EXISTS (SELECT 1 FROM reminders o WHERE o.id = r.digest_id AND o.state IN ('failed', 'withdrawn')))`,
        [date],
      );
      return inserted.length;
    });
  }

}
