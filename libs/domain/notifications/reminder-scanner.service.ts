import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { ReminderQueue, bucketSql, sendAt } from './reminder-queue.js';

/** At most this many due-time buckets are offered to the queue per scan (the oldest first); the next scan takes the rest. */
export const SCAN_BUCKETS = 1000;

export interface ScanResult {
  /** Claims older than the lease put back to pending (or failed after the last attempt). */
  released: number;
  /** Due-time buckets with pending rows due before the next scan handed to the queue (most already had their job). */
  offered: number;
}

/**
 * The reconciler (issue 9): Postgres is the truth, the queue is derived from it. Every
 * REMINDER_SCAN_SECONDS it
 * - puts rows claimed longer ago than REMINDER_LEASE_SECONDS back to pending: their worker died
 *   between claim and mark (a row on its last attempt fails instead);
 * - offers the due-time bucket of every pending row due before the next scan to the queue as a
 *   delayed job. The job ids make this idempotent, so it repairs a queue that lost jobs (FLUSHALL,
 *   a crash between commit and enqueue, rows planned while Redis was down) without ever making a
 *   second job; past buckets (a backlog) each get a job at once and drain it side by side.
 * Two processes scanning at once do no harm: the claim decides who sends.
 */
@Injectable()
export class ReminderScanner {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly queue: ReminderQueue, private readonly config: AppConfig) {}

  async scan(): Promise<ScanResult> {
    const released = await this.releaseExpiredClaims();
    const due = (await this.db.query(
      `SELECT DISTINCT ${bucketSql(sendAt())} AS bucket FROM reminders
        WHERE state = 'pending' AND ${sendAt()} < now() + make_interval(secs => $1)
        ORDER BY 1 LIMIT $2`,
      [this.config.REMINDER_SCAN_SECONDS, SCAN_BUCKETS],
    )) as Array<{ bucket: number }>;
    const offered = await this.queue.enqueue(due.map((r) => r.bucket));
    return { released, offered };
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
