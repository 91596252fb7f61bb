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
import { ReminderQueue, sendAt } from './reminder-queue.js';
import { rendererFor } from './reminder-renderers.js';
import { RenderReads } from './render-reads.js';
import { Reminder, type ReminderChannel } from './reminder.entity.js';

/** What happened to one row (ids and states only). */
export type DeliveryOutcome = 'sent' | 'batched' | 'withdrawn' | 'retry' | 'failed' | 'skipped';

/** What one due-time bucket job did (returned to BullMQ; counts only). */
export type DrainResult = Record<DeliveryOutcome, number> & { batches: number };

/** The longest wait between two attempts. */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * A bucket job stops claiming after this long and leaves the rest to the next bucket's job (which it
 * wakes): a backlog is then drained by several jobs side by side, and a SIGTERM never waits for a
 * whole backlog.
 */
const DRAIN_BUDGET_MS = 5_000;

/**
 * Rows with network I/O (e-mail, webhooks) claimed per batch: they are sent side by side, each on its
 * own, so a batch takes about as long as its slowest send; few enough that it ends well inside the
 * lease even when every send runs into its timeout.
 */
const NETWORK_BATCH = 4;

/** UPDATE … RETURNING through TypeORM answers [rows, count]. */
async function updated<T>(m: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = (await m.query(sql, params)) as [T[], number];
  return rows;
}

/** A claimed row and what it says. */
interface Claimed {
  reminder: Reminder;
  message: ReminderMessage;
}

/** Which rows a claim takes: one row by id, or the oldest due rows of one lane. */
type ClaimTarget = { id: string; asOf?: Date } | { lane: 'inbox' | 'network'; limit: number };

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
 * Throughput: the queue holds one job per due-time bucket, not one per reminder (ReminderQueue).
 * A bucket job drains what is due: it claims the oldest due inbox rows, REMINDER_BATCH_SIZE at a
 * time (FOR UPDATE SKIP LOCKED: side-by-side jobs take disjoint rows and never wait for a row a
 * planner holds), renders the batch with one read per kind of record (RenderReads), and marks and
 * writes it in one transaction of two statements; then the due e-mail and webhook rows, a few at a
 * time, each sent, marked and retried on its own.
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
   * A due-time bucket's job: delivers every row due now, batch by batch, until none is left or the
   * time budget is spent (then the next bucket's job is woken to go on).
   */
  async deliverDue(): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, batched: 0, withdrawn: 0, retry: 0, failed: 0, skipped: 0, batches: 0 };
    const until = Date.now() + DRAIN_BUDGET_MS;
    const lanes = [{ lane: 'inbox', limit: Math.max(1, this.config.REMINDER_BATCH_SIZE) }, { lane: 'network', limit: NETWORK_BATCH }] as const;
    for (const target of lanes) {
      for (;;) {
        if (Date.now() > until) {
          await this.queue.wake();
          return result;
        }
        const token = randomUUID();
        const { rows, batched } = await this.claim(token, target);
        result.batched += batched;
        if (rows.length) {
          result.batches++;
          for (const outcome of (await this.process(rows, token)).values()) result[outcome]++;
        }
        if (rows.length + batched < target.limit) break;
      }
    }
    return result;
  }

  /**
   * Delivers this one row if it is pending and due (the daily digest job sends its digests this
   * way). `asOf`: the instant that counts as now for "is
   * this row due" (the daily digest job passes its own tick time; otherwise the database's clock).
   */
  async deliver(reminderId: string, asOf?: Date): Promise<DeliveryOutcome> {
    const token = randomUUID();
    const { rows, batched } = await this.claim(token, { id: reminderId, asOf });
    if (batched) return 'batched';
    if (!rows[0]) return 'skipped'; // sent, withdrawn, claimed by another process, or not due yet
    return (await this.process(rows, token)).get(reminderId) ?? 'skipped';
  }

  /** Renders, checks and sends claimed rows; the outcome of each. */
  private async process(batch: readonly Reminder[], token: string): Promise<Map<string, DeliveryOutcome>> {
    const outcomes = new Map<string, DeliveryOutcome>();
    const reads = new RenderReads(this.db.manager);
    try {
      await reads.prime(batch);
    } catch (err) {
      for (const r of batch) outcomes.set(r.id, await this.failedAttempt(r, token, err));
      return outcomes;
    }
    const inbox: Claimed[] = [];
    const network: Array<() => Promise<void>> = [];
    for (const reminder of batch) {
      try {
        const message = (await this.noLongerWanted(reads, reminder)) ? null
          : reminder.kind === 'mail_daily_digest' ? await renderDailyDigest(this.config, this.db.manager, reminder)
          : await rendererFor(reminder.kind)(reads, reminder);
        if (!message) {
          outcomes.set(reminder.id, await this.withdraw(reminder, token));
          continue;
        }
        const channel = this.byChannel.get(reminder.channel);
        if (!channel) throw new DeliveryError('CHANNEL_UNAVAILABLE', false);
        if (channel.deliverBatch) inbox.push({ reminder, message });
        else {
          network.push(async () => {
            outcomes.set(reminder.id, await this.send(channel, reminder, message, token).catch((err: unknown) => this.failedAttempt(reminder, token, err)));
          });
        }
      } catch (err) {
        outcomes.set(reminder.id, await this.failedAttempt(reminder, token, err));
      }
    }
    await Promise.all(network.map((send) => send()));
    if (inbox.length) for (const [id, outcome] of await this.sendInTransaction(inbox, token)) outcomes.set(id, outcome);
    // Retried rows go back to the queue at their new time (one wake-up for the batch).
    const retried = batch.filter((r) => outcomes.get(r.id) === 'retry').map((r) => r.id);
    if (retried.length) await this.queue.kick(retried);
    return outcomes;
  }

  /**
   * pending -> sending, committed on its own: the lease starts now. Only due rows are claimed, the
   * oldest first, skipping rows another transaction holds. An e-mail row of a person on the daily
   * digest goes to 'batched' instead (no single mails for them: the digest, itself an e-mail row of
   * kind mail_daily_digest, takes them along).
   */
  private async claim(token: string, target: ClaimTarget): Promise<{ rows: Reminder[]; batched: number }> {
    const one = 'id' in target;
    const params: unknown[] = [token, one ? target.asOf?.toISOString() ?? null : null, one ? 1 : target.limit];
    const which = one
      ? `x.id = $${params.push(target.id)}`
      : target.lane === 'inbox' ? `x.channel = 'inbox'` : `x.channel <> 'inbox'`;
    const rows = await updated<Record<string, unknown>>(this.db.manager,
      `WITH target AS (
         SELECT x.id, (x.channel = 'email' AND x.kind <> 'mail_daily_digest' AND EXISTS (
                  SELECT 1 FROM notification_settings s WHERE s.person_id = x.recipient_id AND s.mail_mode = 'daily_digest')) AS to_digest
           FROM reminders x
          WHERE x.state = 'pending' AND ${which} AND ${sendAt('x')} <= coalesce($2::timestamptz, now())
          ORDER BY ${sendAt('x')}, x.id
          LIMIT $3
          FOR UPDATE OF x SKIP LOCKED)
       UPDATE reminders r
          SET state = CASE WHEN t.to_digest THEN 'batched' ELSE 'sending' END,
              attempts = CASE WHEN t.to_digest THEN r.attempts ELSE r.attempts + 1 END,
              claim_token = CASE WHEN t.to_digest THEN NULL ELSE $1::uuid END,
              claimed_at = CASE WHEN t.to_digest THEN r.claimed_at ELSE now() END,
              next_attempt_at = CASE WHEN t.to_digest THEN NULL ELSE r.next_attempt_at END,
              updated_at = now()
         FROM target t
        WHERE r.id = t.id
        RETURNING r.*`, params);
    const claimed = rows.filter((row) => row.state === 'sending');
    return { rows: claimed.map((row) => this.db.manager.create(Reminder, fromRow(row))), batched: rows.length - claimed.length };
  }

  /** The recipient left, or turned this channel off for the kind's group since it was planned (read with the batch's recipients). */
  private async noLongerWanted(reads: RenderReads, r: Reminder): Promise<boolean> {
    if (!r.recipientId) return false;
    const p = await reads.recipient(r.recipientId);
    if (!p?.active) return true; // RECIPIENT_INACTIVE
    if (r.channel === 'webhook') return false;
    const group = REMINDER_KINDS[r.kind].group;
    const wanted: string[] = p.channels?.[group] ?? DEFAULT_CHANNELS[group];
    return !wanted.includes(r.channel); // CHANNEL_TURNED_OFF
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
      await this.db.query(
        `UPDATE reminders SET state = $3, last_error = $4, claim_token = NULL, updated_at = now(),
                next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + make_interval(secs => $5) END
          WHERE id = $1 AND claim_token = $2 AND state = 'sending'`,
        [r.id, token, final ? 'failed' : 'pending', code, backoffMs / 1000]);
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
