import { Injectable } from '@nestjs/common';
import { QueueBackend } from '#queue/queue-backend.js';
import { QUEUES, type QueueName } from '#queue/queue-names.js';

export const QUEUE_COUNT_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;
export type QueueCounts = Record<(typeof QUEUE_COUNT_STATES)[number], number>;

/** Read-only counts per queue, on either backend (Redis or BullMQ's PostgreSQL backend). */
@Injectable()
export class QueueStatusService {
  constructor(private readonly backend: QueueBackend) {}

  get backendKind(): 'redis' | 'postgres' {
    return this.backend.kind;
  }

  /** null when the queue store does not answer within `timeoutMs`. */
  async counts(timeoutMs = 2000): Promise<Array<{ name: QueueName } & QueueCounts> | null> {
    const names = Object.values(QUEUES) as QueueName[];
    const all = Promise.all(names.map(async (name) => {
      const c = await this.backend.queue(name).getJobCounts(...QUEUE_COUNT_STATES);
      return { name, ...Object.fromEntries(QUEUE_COUNT_STATES.map((s) => [s, Number(c[s] ?? 0)])) } as { name: QueueName } & QueueCounts;
    }));
    return Promise.race([
      all.catch(() => null),
      new Promise<null>((r) => setTimeout(() => r(null), timeoutMs).unref()),
    ]);
  }
}
