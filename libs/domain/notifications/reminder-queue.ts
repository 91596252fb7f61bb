import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { JobProducer } from '#queue/job-producer.js';

/** The SQL for "when may this pending row be sent" (of the table under `alias`). */
export function sendAt(alias?: string): string {
  const p = alias ? `${alias}.` : '';
  return `coalesce(${p}next_attempt_at, ${p}due_at)`;
}

/**
 * The width of a due-time bucket. A reminder waits for the end of its bucket, so this bounds the
 * lateness the bucketing adds (half of it on average); narrower buckets mean more (cheap) wake-ups.
 */
export const BUCKET_MS = 500;

/** The bucket a send time falls into, named by its end (epoch milliseconds): the job runs then. */
export function bucketOf(at: Date | number): number {
  return Math.ceil(new Date(at).getTime() / BUCKET_MS) * BUCKET_MS;
}

/** SQL for the bucket (epoch milliseconds, as float8 so that it arrives as a number) of `sendAt`. */
export function bucketSql(sendAtSql: string): string {
  return `(ceil(extract(epoch FROM ${sendAtSql}) * 1000 / ${BUCKET_MS}) * ${BUCKET_MS})::float8`;
}

/** BullMQ job ids may not be integers or contain ':'. */
export function bucketJobId(bucket: number): string {
  return `remb-${bucket}`;
}

/**
 * Hands due-time buckets to BullMQ as delayed `reminders-deliver-due` jobs (payload: the bucket, an
 * instant; no ids of people, no text). The queue holds one job per bucket however many reminders
 * fall into it: the job id is the bucket's, so the scan may offer a bucket every interval, and every
 * caller may offer it after its commit, without making a second job. At its time the job delivers
 * whatever is due then (ReminderDispatcher.deliverDue), so a bucket whose job came early or was lost
 * is delivered by the next bucket's job or the next scan. Jobs are removed when done, so a bucket
 * offered again later (a retry's new time falls into one that already ran) gets a fresh job. The
 * queue is never the truth: whatever it loses, the next scan offers again.
 */
@Injectable()
export class ReminderQueue {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly jobs: JobProducer,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  /** Enqueues a job for each of these buckets (delay = bucket end - now). Throws when the queue store cannot be reached. */
  async enqueue(buckets: readonly number[], now = Date.now()): Promise<number> {
    const distinct = [...new Set(buckets)];
    const chunk = 1000;
    for (let i = 0; i < distinct.length; i += chunk) {
      await this.jobs.addBulk('reminders-deliver-due', distinct.slice(i, i + chunk).map((bucket) => ({
        payload: { bucket },
        opts: { jobId: bucketJobId(bucket), delay: Math.max(0, bucket - now), removeOnComplete: true, removeOnFail: true },
      })));
    }
    return distinct.length;
  }

  /**
   * The fast path for callers after their commit (e.g. "at once" kinds, a retry): enqueue the
   * buckets of these pending rows if they are due within one scan interval. Best effort: a queue
   * that cannot be reached is logged (without content) and swallowed; the scan delivers them all the same.
   */
  async kick(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    try {
      const rows = (await this.db.query(
        `SELECT DISTINCT ${bucketSql(sendAt())} AS bucket FROM reminders
          WHERE id = ANY($1::uuid[]) AND state = 'pending' AND ${sendAt()} < now() + make_interval(secs => $2)`,
        [ids, this.config.REMINDER_SCAN_SECONDS],
      )) as Array<{ bucket: number }>;
      // A producer waits for its connection while Redis is away: the user's request must not.
      await withTimeout(this.enqueue(rows.map((r) => r.bucket)), KICK_TIMEOUT_MS);
    } catch (err) {
      this.logger.warn({ err, reminders: ids.length }, 'reminder kick failed; the scan will deliver them');
    }
  }

  /** A drain that stopped with rows left: the current bucket's job goes on (best effort, as kick). */
  async wake(): Promise<void> {
    try {
      await withTimeout(this.enqueue([bucketOf(Date.now())]), KICK_TIMEOUT_MS);
    } catch (err) {
      this.logger.warn({ err }, 'could not wake the next reminder bucket; the scan will');
    }
  }
}

const KICK_TIMEOUT_MS = 2000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  p.catch(() => undefined); // settles later; already given up on
  return Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('queue timeout')), ms).unref())]);
}
