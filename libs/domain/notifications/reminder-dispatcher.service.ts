import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { renderDailyDigest } from './channels/daily-digest-render.js';
import { DELIVERY_CHANNELS } from './delivery-channels.js';
import { DEFAULT_CHANNELS, REMINDER_KINDS } from './reminder-kinds.js';
import { DeliveryError, type DeliveryChannel, type ReminderMessage } from './reminder-message.js';
import { SEND_AT_SQL, ReminderQueue } from './reminder-queue.js';
import { rendererFor } from './reminder-renderers.js';
import { Reminder, type ReminderChannel } from './reminder.entity.js';

/** What one delivery job did (returned to BullMQ; ids and states only). */
export type DeliveryOutcome = 'sent' | 'batched' | 'withdrawn' | 'retry' | 'failed' | 'skipped';

/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

/** UPDATE … RETURNING through TypeORM answers [rows, count]. */
async function updated<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await m.query(sql, params)) as [T[], number];
  return rows;
}

/**
 * Delivers one ledger row (issue 9). The state machine:
 *
 *   pending --claim (committed)--> sending --deliver + mark (one step for the inbox)--> sent
 *   pending --(e-mail of a person on the daily digest)--> batched
 *   sending --(renderer: no longer applies; recipient inactive; channel turned off)--> withdrawn
 *   sending --(retryable DeliveryError, attempts left)--> pending (next_attempt_at = now + backoff)
 *   sending --(last attempt, or not retryable)--> failed
 *   sending --(claim older than the lease: the worker died)--> pending   (ReminderScanner)
 *
 * The claim is the guard against every kind of duplicate: only one process can move a row from
 * pending to sending, and the final mark only succeeds with the claim's token, so a process whose
 * lease was taken over cannot mark it again. For the inbox the notification row and the mark
 * commit together (exactly once); other channels send outside any transaction, then mark (at
 * least once across a crash between the two; e-mail carries a stable Message-ID for that).
 */
@Injectable()
export class ReminderDispatcher {
  private readonly byChannel: Map<ReminderChannel, DeliveryChannel>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(DELIVERY_CHANNELS) channels: DeliveryChannel[],
    private readonly config: AppConfig,
    private readonly queue: ReminderQueue,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {
    this.byChannel = new Map(channels.map((c) => [c.channel, c]));
  }

  /**
   * `asOf`: the instant that counts as now for "is it due" (the daily digest job passes its own
   * tick time; everything else goes by the database's clock).
   */
  async deliver(reminderId: string, asOf?: Date): Promise<DeliveryOutcome> {
    if (await this.batchForDigest(reminderId)) return 'batched';
    const reminder = await this.claim(reminderId, asOf);
    if (!reminder) return 'skipped'; // sent, withdrawn, claimed by another process, or not due yet
    const token = reminder.claimToken!;
    try {
      const why = await this.noLongerWanted(reminder);
      if (why) return await this.withdraw(reminder, token);
      const message = reminder.kind === 'mail_daily_digest'
        ? await renderDailyDigest(this.config, this.db.manager, reminder)
        : await rendererFor(reminder.kind)(this.db.manager, reminder);
      if (!message) return await this.withdraw(reminder, token);
      const channel = this.byChannel.get(reminder.channel);
      if (!channel) throw new DeliveryError('CHANNEL_UNAVAILABLE', false);
      return await this.send(channel, reminder, message, token);
    } catch (err) {
      return this.failedAttempt(reminder, token, err);
    }
  }

  /**
   * A person on the daily digest gets no single mails: their due e-mail rows wait as 'batched'
   * for the digest (which is itself an e-mail row of kind mail_daily_digest, sent normally).
   */
  private async batchForDigest(id: string): Promise<boolean> {
    const rows = await updated<{ id: string }>(this.db.manager,
      `UPDATE reminders r SET state = 'batched', next_attempt_at = NULL, updated_at = now()
         FROM notification_settings s
        WHERE r.id = $1 AND r.state = 'pending' AND r.channel = 'email' AND r.kind <> 'mail_daily_digest'
          AND ${SEND_AT_SQL.replace(/(next_attempt_at|due_at)/g, 'r.$1')} <= now() + interval '1 second'
          AND s.person_id = r.recipient_id AND s.mail_mode = 'daily_digest'
        RETURNING r.id`, [id]);
    return rows.length > 0;
  }

  /**
   * pending -> sending, committed on its own: the lease starts now. Only a due row is claimed; the
   * second of slack absorbs the clocks of the worker host (which timed the delayed job) and the
   * database, so that a job arriving a moment early is not left to the next scan.
   */
  private async claim(id: string, asOf?: Date): Promise<Reminder | null> {
    const rows = await updated<Record<string, unknown>>(this.db.manager,
      `UPDATE reminders SET state = 'sending', attempts = attempts + 1, claim_token = $2, claimed_at = now(), updated_at = now()
        WHERE id = $1 AND state = 'pending' AND ${SEND_AT_SQL} <= coalesce($3::timestamptz, now()) + interval '1 second'
        RETURNING *`, [id, randomUUID(), asOf?.toISOString() ?? null]);
    return rows[0] ? this.db.manager.create(Reminder, fromRow(rows[0])) : null;
  }

  /** The recipient left, or turned this channel off for the kind's group since it was planned. */
  private async noLongerWanted(r: Reminder): Promise<string | null> {
    if (!r.recipientId) return null;
    const [p] = (await this.db.query(
      `SELECT p.active, s.channels FROM people p LEFT JOIN notification_settings s ON s.person_id = p.id WHERE p.id = $1`,
      [r.recipientId],
    )) as Array<{ active: boolean; channels: Record<string, string[]> | null }>;
    if (!p?.active) return 'RECIPIENT_INACTIVE';
    if (r.channel === 'webhook') return null;
    const group = REMINDER_KINDS[r.kind].group;
    const wanted: string[] = p.channels?.[group] ?? DEFAULT_CHANNELS[group];
    return wanted.includes(r.channel) ? null : 'CHANNEL_TURNED_OFF';
  }

  private async send(channel: DeliveryChannel, r: Reminder, message: ReminderMessage, token: string): Promise<DeliveryOutcome> {
    if (channel.inTransaction) {
      const marked = await this.db.transaction(async (m) => {
        const ok = await this.markSent(m, r.id, token);
        // Lost the claim (the lease ran out and another process took over): write nothing.
        if (ok) await channel.deliver(m, r, message);
        return ok;
      });
      return marked ? 'sent' : 'skipped';
    }
    await channel.deliver(this.db.manager, r, message);
    return (await this.markSent(this.db.manager, r.id, token)) ? 'sent' : 'skipped';
  }

  private async markSent(m: EntityManager, id: string, token: string): Promise<boolean> {
    const rows = await updated<{ id: string }>(m,
      `UPDATE reminders SET state = 'sent', sent_at = now(), late = now() > due_at + make_interval(secs => $3),
              claim_token = NULL, next_attempt_at = NULL, last_error = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2 AND state = 'sending'
        RETURNING id`, [id, token, this.config.REMINDER_LATE_AFTER_SECONDS]);
    return rows.length > 0;
  }

  private async withdraw(r: Reminder, token: string): Promise<DeliveryOutcome> {
    await this.db.query(
      `UPDATE reminders SET state = 'withdrawn', claim_token = NULL, next_attempt_at = NULL, updated_at = now()
        WHERE id = $1 AND claim_token = $2 AND state = 'sending'`, [r.id, token]);
    return 'withdrawn';
  }

  /** Back to pending with a backoff, or failed after the last attempt (or for a failure no retry helps). */
  private async failedAttempt(r: Reminder, token: string, err: unknown): Promise<DeliveryOutcome> {
    const known = err instanceof DeliveryError;
    const code = known ? err.code.slice(0, 200) : 'INTERNAL_ERROR';
    const retryable = known ? err.retryable : true;
    const final = !retryable || r.attempts >= this.config.REMINDER_MAX_ATTEMPTS;
    const backoffMs = Math.min(MAX_BACKOFF_MS, this.config.REMINDER_RETRY_SECONDS * 1000 * 2 ** (r.attempts - 1));
    // Content-free: the id, kind, channel, attempt and code (an unknown error by name and frames only).
    const log = { reminderId: r.id, kind: r.kind, channel: r.channel, attempt: r.attempts, code, ...(known ? {} : { err }) };
    if (final) this.logger.warn(log, 'reminder failed');
    else this.logger.info(log, 'reminder delivery failed; retrying');
    try {
      const rows = await updated<{ id: string; attempts: number; at: Date }>(this.db.manager,
        `UPDATE reminders SET state = $3, last_error = $4, claim_token = NULL, updated_at = now(),
                next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + make_interval(secs => $5) END
          WHERE id = $1 AND claim_token = $2 AND state = 'sending'
          RETURNING id, attempts, next_attempt_at AS at`,
        [r.id, token, final ? 'failed' : 'pending', code, backoffMs / 1000]);
      if (!final && rows[0]) await this.queue.kick([rows[0].id]);
    } catch (e) {
      // The database is gone too: the row stays 'sending' and the scan puts it back after the lease.
      this.logger.error({ reminderId: r.id, err: e }, 'could not record a failed delivery');
    }
    return final ? 'failed' : 'retry';
  }
}

/** A raw reminders row (snake_case) as entity fields. */
function fromRow(row: Record<string, unknown>): Partial<Reminder> {
  return {
    id: row.id as string, kind: row.kind as Reminder['kind'], subjectType: row.subject_type as Reminder['subjectType'],
    subjectId: row.subject_id as string | null, occurrence: row.occurrence as string, recipientId: row.recipient_id as string | null,
    agencyId: row.agency_id as string | null, channel: row.channel as ReminderChannel, dueAt: row.due_at as Date,
    state: row.state as Reminder['state'], attempts: row.attempts as number, nextAttemptAt: row.next_attempt_at as Date | null,
    claimedAt: row.claimed_at as Date | null, claimToken: row.claim_token as string | null, lastError: row.last_error as string | null,
    sentAt: row.sent_at as Date | null, late: row.late as boolean, digestId: row.digest_id as string | null, createdAt: row.created_at as Date, updatedAt: row.updated_at as Date,
  };
}
