import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker, WorkerOptions, Job, createPostgresBackend, withBackend } from 'bullmq';
import { Redis } from 'ioredis';
import { AppConfig } from '#config/app-config.js';
import { QueueName } from './queue-names.js';

type Processor = (job: Job) => Promise<unknown>;

/**
 * Chooses where BullMQ keeps its jobs: Redis when REDIS_URL is set, otherwise BullMQ's PostgreSQL
 * backend in the application database (the embedded mode). Everything else only sees Queue/Worker.
 */
@Injectable()
export class QueueBackend implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  /** Workers close first (each finishes its jobs in hand and records them), then the connections they used. */
  private readonly workerClosers: Array<() => Promise<unknown>> = [];
  private readonly closers: Array<() => Promise<unknown>> = [];

  constructor(private readonly config: AppConfig) {}

  get kind(): 'redis' | 'postgres' {
    return this.config.REDIS_URL ? 'redis' : 'postgres';
  }

  /** One producer per queue and process. */
  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = this.kind === 'redis'
        ? new Queue(name, { connection: this.redis(false), prefix: this.config.QUEUE_PREFIX })
        : new (withBackend(createPostgresBackend).Queue)(name, { connection: this.pool() }) as unknown as Queue;
      // A producer re-emits its connection's errors; without a listener Node reports each as unhandled.
      // Failures reach the caller through the rejected call (and /health); this is only the echo.
      q.on('error', () => undefined);
      this.queues.set(name, q);
    }
    return q;
  }

  worker(name: QueueName, processor: Processor, opts: Partial<WorkerOptions> = {}): Worker {
    const w = this.kind === 'redis'
      ? new Worker(name, processor, { ...opts, connection: this.redis(true), prefix: this.config.QUEUE_PREFIX })
      : new (withBackend(createPostgresBackend).Worker)(name, processor, { ...opts, connection: this.pool() }) as unknown as Worker;
    this.workerClosers.push(() => w.close());
    return w;
  }

  /** Answers within `timeoutMs` whether the queue store can be reached. */
  async ping(name: QueueName, timeoutMs = 2000): Promise<boolean> {
    try {
      await withTimeout(this.queue(name).getJobCounts('wait'), timeoutMs);
      return true;
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // A worker whose connection was quit first cannot move its finished jobs out of 'active'
    // (they stayed there after a SIGTERM: test/reminder-guarantees.e2e-spec.ts (h)).
    await Promise.all(this.workerClosers.splice(0).map((close) => close().catch(() => undefined)));
    for (const close of this.closers.splice(0)) await close().catch(() => undefined);
    for (const q of this.queues.values()) await q.close().catch(() => undefined);
    this.queues.clear();
  }

  private redis(forWorker: boolean): Redis {
    const client = new Redis(this.config.REDIS_URL!, {
      // BullMQ workers need blocking commands that never give up; producers must fail fast
      // while Redis is down instead of queueing commands in memory (STACK.md trap 9).
      maxRetriesPerRequest: forWorker ? null : 1,
      enableOfflineQueue: forWorker,
      lazyConnect: false,
    });
    client.on('error', () => undefined); // reported through /health and job failures, not as noise
    this.closers.push(() => client.quit().catch(() => client.disconnect()));
    return client;
  }

  /** Each Queue/Worker builds and owns its pool; BullMQ pins its search_path to the schema. */
  private pool() {
    return { connectionString: this.config.databaseUrl, schema: 'bullmq', max: this.config.embedded ? 2 : 5 };
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}
