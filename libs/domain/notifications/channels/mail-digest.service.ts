import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { berlinAt, berlinDateOf, formatGermanDate } from '../../common/berlin-time.js';
import { DeliveryError, type ReminderMessage, type ReminderRenderer } from '../reminder-message.js';
import { Reminder } from '../reminder.entity.js';
import { EmailChannel } from './email-channel.js';
import { absoluteLink } from './public-link.js';

/**
 * How the digest renders each batched reminder it lists (title and link). Provided by
 * NotificationsChannelsModule; at the merge with the dispatcher this is the dispatcher's own
 * render step (REMINDER_RENDERERS with its generic fallback), so that a reminder reads the same
 * in the digest as alone.
 */
export const DIGEST_ITEM_RENDERER = Symbol('DIGEST_ITEM_RENDERER');

/** The inbox: the digest's own link. */
export const INBOX_PATH = '/me/notifications';

/** Stand-in retry policy for the digest's own delivery (see deliver()). */
const MAX_ATTEMPTS = 5;
const LATE_AFTER_MS = 2 * 60_000;
const backoffMs = (attempts: number) => Math.min(60, 2 ** attempts) * 60_000;

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
    private readonly email: EmailChannel,
    @Inject(DIGEST_ITEM_RENDERER) private readonly renderItem: ReminderRenderer,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** One tick of the periodic job: nothing before REMINDER_HOUR; after it, plan and send today's digests. */
  async run(now: Date = new Date()): Promise<DigestRunResult> {
    const date = berlinDateOf(now);
    const dueAt = berlinAt(date, this.config.REMINDER_HOUR);
    const result: DigestRunResult = { date, planned: 0, sent: 0, retry: 0, failed: 0 };
    if (now < dueAt) return result;
    result.planned = await this.plan(date, dueAt);
    // Also the digests a crashed or failed earlier tick left pending (their backoff passed).
    const due = (await this.db.query(
      `SELECT id FROM reminders
        WHERE kind = 'mail_daily_digest' AND state = 'pending' AND coalesce(next_attempt_at, due_at) <= $1
        ORDER BY due_at, id LIMIT 5000`,
      [now],
    )) as Array<{ id: string }>;
    for (const { id } of due) {
      const outcome = await this.deliver(id);
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

  /**
   * What a digest says: the title and link of each reminder it holds, rendered as each would be
   * alone (only what the person may see), as a numbered list. Null when nothing is left to say;
   * the rows that no longer apply are withdrawn. Also the renderer for mail_daily_digest in the
   * dispatcher's table.
   */
  readonly render: ReminderRenderer = async (m: EntityManager, digest: Reminder): Promise<ReminderMessage | null> => {
    const rows = await m.getRepository(Reminder).find({ where: { digestId: digest.id, state: 'batched' }, order: { dueAt: 'ASC', id: 'ASC' } });
    const items: ReminderMessage[] = [];
    const gone: string[] = [];
    for (const row of rows) {
      const message = await this.renderItem(m, row);
      if (message) items.push(message);
      else gone.push(row.id);
    }
    if (gone.length) await m.query(`UPDATE reminders SET state = 'withdrawn', updated_at = now() WHERE id = ANY($1::uuid[]) AND state = 'batched'`, [gone]);
    if (!items.length) return null;
    const day = formatGermanDate(digest.occurrence || berlinDateOf(digest.dueAt));
    const list = items.map((it, i) => `${i + 1}. ${it.title}\n   ${absoluteLink(this.config, it.link)}`).join('\n\n');
    return {
      title: items.length === 1 ? `Drogenrapport: 1 Erinnerung vom ${day}` : `Drogenrapport: ${items.length} Erinnerungen vom ${day}`,
      text: `Guten Tag,\n\nhier ist Ihre tägliche Zusammenfassung der Erinnerungen aus dem Drogenrapport:\n\n${list}\n\nAlle Benachrichtigungen finden Sie auch in Ihrem Posteingang.`,
      link: INBOX_PATH,
    };
  };

  /**
   * Sends one digest row: claim (pending -> sending, committed), render, mail, mark sent (the
   * trigger settles its batched rows in the same transaction). The dispatcher does the same for
   * every other row; the digest job runs it itself so that the digest goes out right after it is
   * planned. A row that a crash left 'sending' is returned to pending by the dispatcher's lease
   * scan and sent again with the same Message-ID.
   */
  async deliver(id: string): Promise<'sent' | 'retry' | 'failed' | 'withdrawn' | 'skipped'> {
    const token = randomUUID();
    const claimed = (await this.db.query(
      `UPDATE reminders SET state = 'sending', attempts = attempts + 1, claim_token = $2, claimed_at = now(), updated_at = now()
        WHERE id = $1 AND state = 'pending' RETURNING id`,
      [id, token],
    )) as [Array<{ id: string }>, number];
    if (!claimed[0].length) return 'skipped';
    const reminder = await this.db.getRepository(Reminder).findOneByOrFail({ id });
    const settle = (sql: string, params: unknown[] = []) => this.db.query(`UPDATE reminders SET ${sql}, claim_token = NULL, updated_at = now() WHERE id = $1 AND claim_token = $2 AND state = 'sending'`, [id, token, ...params]);
    try {
      const message = await this.render(this.db.manager, reminder);
      if (!message) {
        await settle(`state = 'withdrawn'`);
        return 'withdrawn';
      }
      await this.email.deliver(this.db.manager, reminder, message);
    } catch (err) {
      const failure = err instanceof DeliveryError ? err : new DeliveryError('DIGEST_ERROR');
      if (!(err instanceof DeliveryError)) this.logger.error({ reminderId: id, err }, 'mail digest: could not render or send');
      if (failure.retryable && reminder.attempts < MAX_ATTEMPTS) {
        await settle(`state = 'pending', last_error = $3, next_attempt_at = now() + ($4::int * interval '1 millisecond')`, [failure.code, backoffMs(reminder.attempts)]);
        return 'retry';
      }
      await settle(`state = 'failed', last_error = $3`, [failure.code]);
      return 'failed';
    }
    await settle(`state = 'sent', sent_at = now(), last_error = NULL, late = now() > due_at + ($3::int * interval '1 millisecond')`, [LATE_AFTER_MS]);
    return 'sent';
  }
}
