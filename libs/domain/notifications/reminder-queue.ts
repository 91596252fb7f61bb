import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { JobProducer } from '#queue/job-producer.js';

/** A pending row as the queue needs it: when it may be sent and which attempt is next. */
export interface DueRow {
  id: string;
  attempts: number;
  /** coalesce(next_attempt_at, due_at) */
  at: Date;
}

/** The SQL for "when may this pending row be sent". */
export const SEND_AT_SQL = 'coalesce(next_attempt_at, due_at)';

/**
 * Hands pending reminders to BullMQ as delayed `reminder-deliver` jobs (payload: the id only). The
 * job id is derived from the row's id, attempt and send time, so BullMQ holds one job per reminder
 * and state: the scan may offer the same row every interval without making a second job, while a
 * moved or retried row gets a fresh one (the old job then finds nothing to claim). Jobs are removed
 * when done, so a job that found its row not yet due does not block a later one with the same id.
 * The queue is never the truth: whatever it loses, the next scan offers again.
 */
@Injectable()
export class ReminderQueue {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Enqueues these rows (delay = send time - now). Throws when the queue store cannot be reached. */
  async enqueue(rows: readonly DueRow[], now = Date.now()): Promise<number> {
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      await this.jobs.addBulk('reminder-deliver', rows.slice(i, i + chunk).map((r) => ({
        payload: { reminderId: r.id },
        opts: { jobId: reminderJobId(r), delay: Math.max(0, r.at.getTime() - now), removeOnComplete: true, removeOnFail: true },
      })));
    }
    return rows.length;
  }

  /**
   * The fast path for callers after their commit (e.g. "at once" kinds): enqueue these pending
   * rows if they are due within one scan interval. Best effort: a queue that cannot be reached is
   * logged (without content) and swallowed; the scan delivers them all the same.
   */
  async kick(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const rows = await this.pendingDue(ids);
      // A producer waits for its connection while Redis is away: the user's request must not.
      await withTimeout(this.enqueue(rows), KICK_TIMEOUT_MS);
    } catch (err) {
      this.logger.warn({ err, reminders: ids.length }, 'reminder kick failed; the scan will deliver them');
    }
  }

  private async pendingDue(ids: readonly string[]): Promise<DueRow[]> {
    return (await this.db.query(
      `SELECT id, attempts, ${SEND_AT_SQL} AS at FROM reminders
        WHERE id = ANY($1::uuid[]) AND state = 'pending' AND ${SEND_AT_SQL} < now() + make_interval(secs => $2)`,
      [ids, this.config.REMINDER_SCAN_SECONDS],
    )) as DueRow[];
  }
}

const KICK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined); // settles later; already given up on
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue timeout')), ms).unref())]);
}

export function reminderJobId(r: DueRow): string {
  return `rem-${r.id}-${r.attempts}-${r.at.getTime()}`;
}
