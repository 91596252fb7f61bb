import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { SEND_AT_SQL, ReminderQueue, type DueRow } from './reminder-queue.js';

/** At most this many rows are offered to the queue per scan (the oldest first); the next scan takes the rest. */
export const SCAN_BATCH = 20_000;

export interface ScanResult {
  /** Claims older than the lease put back to pending (or failed after the last attempt). */
  released: number;
  /** Pending rows due before the next scan handed to the queue (most already had their job). */
  offered: number;
}

/**
 * The reconciler (issue 9): Postgres is the truth, the queue is derived from it. Every
 * REMINDER_SCAN_SECONDS it
 * - puts rows claimed longer ago than REMINDER_LEASE_SECONDS back to pending: their worker died
 *   between claim and mark (a row on its last attempt fails instead);
 * - offers every pending row due before the next scan to the queue as a delayed job. The job ids
 *   make this idempotent, so it repairs a queue that lost jobs (FLUSHALL, a crash between commit and
 *   enqueue, rows planned while Redis was down) without ever making a second job.
 * Two processes scanning at once do no harm: the claim decides who sends.
 */
@Injectable()
export class ReminderScanner {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly queue: ReminderQueue, private readonly config: AppConfig) {}

  async scan(): Promise<ScanResult> {
    const released = await this.releaseExpiredClaims();
    const due = (await this.db.query(
      `SELECT id, attempts, ${SEND_AT_SQL} AS at FROM reminders
        WHERE state = 'pending' AND ${SEND_AT_SQL} < now() + make_interval(secs => $1)
        ORDER BY ${SEND_AT_SQL}, id LIMIT $2`,
      [this.config.REMINDER_SCAN_SECONDS, SCAN_BATCH],
    )) as DueRow[];
    await this.queue.enqueue(due);
    return { released, offered: due.length };
  }

  private async releaseExpiredClaims(): Promise<number> {
    const [rows] = (await this.db.query(
      `UPDATE reminders SET state = CASE WHEN attempts >= $2 THEN 'failed' ELSE 'pending' END,
              last_error = 'LEASE_EXPIRED', claim_token = NULL, next_attempt_at = NULL, updated_at = now()
        WHERE state = 'sending' AND claimed_at < now() - make_interval(secs => $1)
        RETURNING id`,
      [this.config.REMINDER_LEASE_SECONDS, this.config.REMINDER_MAX_ATTEMPTS],
    )) as [Array<{ id: string }>, number];
    return rows.length;
  }
}
