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

/** A claimed row and what its delivery needs. */
interface Claimed {
  reminder: Reminder;
  message?: ReminderMessage;
}

/**
 * Delivers ledger rows (issue 9). The state machine:
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
 * lease was taken over cannot mark it again. For the inbox the notification rows and the mark
 * commit together (exactly once); other channels send outside any transaction, then mark (at
 * least once across a crash between the two; e-mail carries a stable Message-ID for that).
 *
 * Throughput: a job delivers its own row and takes along up to REMINDER_BATCH_SIZE - 1 other inbox
 * rows that are due (claimed with SKIP LOCKED, so it never waits for them; their own jobs then find
 * them claimed and skip). The recipients are checked in one query and the batch's inbox rows are
 * marked and written in one transaction of two statements: a few round trips per reminder instead
 * of about ten. E-mail and webhooks (network I/O, retried per row) go one per job.
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
   * Delivers this row (and due inbox rows taken along); the outcome is this row's.
   * `asOf`: the instant that counts as now for "is this row due" (the daily digest job passes its
   * own tick time; everything else, and the rows taken along, go by the database's clock).
   */
  async deliver(reminderId: string, asOf?: Date): Promise<DeliveryOutcome> {
    const token = randomUUID();
    const own = await this.claim(reminderId, token, asOf);
    if (own === 'batched') return 'batched';
    if (!own) return 'skipped'; // sent, withdrawn, claimed by another process, or not due yet
    const batch = [own, ...(await this.sweep(reminderId, token))];
    const outcomes = new Map<string, DeliveryOutcome>();
    const unwanted = await this.noLongerWanted(batch);
    const inbox: Claimed[] = [];
    for (const reminder of batch) {
      try {
        if (unwanted.has(reminder.id)) {
          outcomes.set(reminder.id, await this.withdraw(reminder, token));
          continue;
        }
        const message = reminder.kind === 'mail_daily_digest'
          ? await renderDailyDigest(this.config, this.db.manager, reminder)
          : await rendererFor(reminder.kind)(this.db.manager, reminder);
        if (!message) {
          outcomes.set(reminder.id, await this.withdraw(reminder, token));
          continue;
        }
        const channel = this.byChannel.get(reminder.channel);
        if (!channel) throw new DeliveryError('CHANNEL_UNAVAILABLE', false);
        if (channel.deliverBatch) inbox.push({ reminder, message });
        else outcomes.set(reminder.id, await this.send(channel, reminder, message, token));
      } catch (err) {
        outcomes.set(reminder.id, await this.failedAttempt(reminder, token, err));
      }
    }
    if (inbox.length) for (const [id, outcome] of await this.sendInTransaction(inbox, token)) outcomes.set(id, outcome);
    return outcomes.get(own.id) ?? 'skipped';
  }

  /**
   * pending -> sending for this row, committed on its own: the lease starts now. Only a due row is
   * claimed; the second of slack absorbs the clocks of the worker host (which timed the delayed job)
   * and the database, so that a job arriving a moment early is not left to the next scan. An e-mail
   * row of a person on the daily digest goes to 'batched' instead (no single mails for them: the
   * digest, itself an e-mail row of kind mail_daily_digest, takes them along).
   */
  private async claim(id: string, token: string, asOf?: Date): Promise<Reminder | 'batched' | null> {
    const rows = await updated<Record<string, unknown>>(this.db.manager,
      `WITH target AS (
         SELECT r.id, (r.channel = 'email' AND r.kind <> 'mail_daily_digest' AND EXISTS (
                  SELECT 1 FROM notification_settings s WHERE s.person_id = r.recipient_id AND s.mail_mode = 'daily_digest')) AS to_digest
           FROM reminders r WHERE r.id = $1)
       UPDATE reminders r
          SET state = CASE WHEN t.to_digest THEN 'batched' ELSE 'sending' END,
              attempts = CASE WHEN t.to_digest THEN r.attempts ELSE r.attempts + 1 END,
              claim_token = CASE WHEN t.to_digest THEN NULL ELSE $2::uuid END,
              claimed_at = CASE WHEN t.to_digest THEN r.claimed_at ELSE now() END,
              next_attempt_at = CASE WHEN t.to_digest THEN NULL ELSE r.next_attempt_at END,
              updated_at = now()
         FROM target t
        WHERE r.id = t.id AND r.state = 'pending'
          AND ${SEND_AT_SQL.replace(/(next_attempt_at|due_at)/g, 'r.$1')} <= coalesce($3::timestamptz, now()) + interval '1 second'
        RETURNING r.*`, [id, token, asOf?.toISOString() ?? null]);
    if (!rows[0]) return null;
    return rows[0].state === 'batched' ? 'batched' : this.db.manager.create(Reminder, fromRow(rows[0]));
  }

  /** Other inbox rows due now, claimed under the same token without waiting for any of them (SKIP LOCKED). */
  private async sweep(ownId: string, token: string): Promise<Reminder[]> {
    const more = this.config.REMINDER_BATCH_SIZE - 1;
    if (more < 1) return [];
    const rows = await updated<Record<string, unknown>>(this.db.manager,
      `UPDATE reminders r SET state = 'sending', attempts = r.attempts + 1, claim_token = $2, claimed_at = now(), updated_at = now()
        WHERE r.id IN (
          SELECT x.id FROM reminders x
           WHERE x.state = 'pending' AND x.channel = 'inbox' AND x.id <> $1
             AND ${SEND_AT_SQL.replace(/(next_attempt_at|due_at)/g, 'x.$1')} <= now() + interval '1 second'
           ORDER BY ${SEND_AT_SQL.replace(/(next_attempt_at|due_at)/g, 'x.$1')}, x.id
           LIMIT $3 FOR UPDATE SKIP LOCKED)
          AND r.state = 'pending'
        RETURNING r.*`, [ownId, token, more]);
    return rows.map((row) => this.db.manager.create(Reminder, fromRow(row)));
  }

  /** The rows whose recipient left, or turned this channel off for the kind's group since it was planned (one query for the batch). */
  private async noLongerWanted(batch: readonly Reminder[]): Promise<Set<string>> {
    const recipients = [...new Set(batch.map((r) => r.recipientId).filter((id): id is string => !!id))];
    if (!recipients.length) return new Set();
    const people = new Map(((await this.db.query(
      `SELECT p.id, p.active, s.channels FROM people p LEFT JOIN notification_settings s ON s.person_id = p.id WHERE p.id = ANY($1::uuid[])`,
      [recipients],
    )) as Array<{ id: string; active: boolean; channels: Record<string, string[]> | null }>).map((p) => [p.id, p]));
    const out = new Set<string>();
    for (const r of batch) {
      if (!r.recipientId) continue;
      const p = people.get(r.recipientId);
      if (!p?.active) out.add(r.id); // RECIPIENT_INACTIVE
      else if (r.channel !== 'webhook') {
        const group = REMINDER_KINDS[r.kind].group;
        const wanted: string[] = p.channels?.[group] ?? DEFAULT_CHANNELS[group];
        if (!wanted.includes(r.channel)) out.add(r.id); // CHANNEL_TURNED_OFF
      }
    }
    return out;
  }

  /** A channel with network I/O: send outside any transaction, then mark. */
  private async send(channel: DeliveryChannel, r: Reminder, message: ReminderMessage, token: string): Promise<DeliveryOutcome> {
    await channel.deliver(this.db.manager, r, message);
    return (await this.markSent(this.db.manager, [r.id], token)).length ? 'sent' : 'skipped';
  }

  /**
   * Channels that only write to Postgres (the inbox): the mark and the writes commit together. Rows
   * whose claim was lost (the lease ran out and another process took over) are neither marked nor written.
   */
  private async sendInTransaction(items: readonly Claimed[], token: string): Promise<Map<string, DeliveryOutcome>> {
    const out = new Map<string, DeliveryOutcome>();
    try {
      await this.db.transaction(async (m) => {
        const marked = new Set(await this.markSent(m, items.map((i) => i.reminder.id), token));
        const byChannel = new Map<ReminderChannel, Array<{ reminder: Reminder; message: ReminderMessage }>>();
        for (const i of items) {
          out.set(i.reminder.id, marked.has(i.reminder.id) ? 'sent' : 'skipped');
          if (marked.has(i.reminder.id)) byChannel.set(i.reminder.channel, [...(byChannel.get(i.reminder.channel) ?? []), { reminder: i.reminder, message: i.message! }]);
        }
        for (const [channel, batch] of byChannel) await this.byChannel.get(channel)!.deliverBatch!(m, batch);
      });
    } catch (err) {
      // Nothing of it committed: each row is a failed attempt (retried with backoff, or failed after the last).
      for (const i of items) out.set(i.reminder.id, await this.failedAttempt(i.reminder, token, err));
    }
    return out;
  }

  private async markSent(m: EntityManager, ids: readonly string[], token: string): Promise<string[]> {
    const rows = await updated<{ id: string }>(m,
      `UPDATE reminders SET state = 'sent', sent_at = now(), late = now() > due_at + make_interval(secs => $3),
              claim_token = NULL, next_attempt_at = NULL, last_error = NULL, updated_at = now()
        WHERE id = ANY($1::uuid[]) AND claim_token = $2 AND state = 'sending'
        RETURNING id`, [ids, token, this.config.REMINDER_LATE_AFTER_SECONDS]);
    return rows.map((r) => r.id);
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
