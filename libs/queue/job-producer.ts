import { Injectable } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { QueueBackend } from './queue-backend.js';
import { JOB_QUEUE, JobName, JobPayloads } from './queue-names.js';

/** The typed way to enqueue: the payload type is checked against JobPayloads. */
@Injectable()
export class JobProducer {
  constructor(private readonly backend: QueueBackend) {}

  add<J extends JobName>(name: J, payload: JobPayloads[J], opts?: JobsOptions) {
    return this.backend.queue(JOB_QUEUE[name]).add(name, payload, { removeOnComplete: 1000, removeOnFail: 5000, ...opts });
  }

  /** Several jobs of one name in one round trip (e.g. the reminders a scan found due). */
  addBulk<J extends JobName>(name: J, jobs: Array<{ payload: JobPayloads[J]; opts?: JobsOptions }>) {
    return this.backend.queue(JOB_QUEUE[name]).addBulk(jobs.map((j) => ({ name, data: j.payload, opts: { removeOnComplete: 1000, removeOnFail: 5000, ...j.opts } })));
  }

  /** Idempotent periodic schedule: every process may call it; BullMQ keeps one scheduler per id. */
  every<J extends JobName>(name: J, payload: JobPayloads[J], everyMs: number) {
    return this.backend.queue(JOB_QUEUE[name]).upsertJobScheduler(name, { every: everyMs }, { name, data: payload, opts: { removeOnComplete: 100, removeOnFail: 500 } });
  }
}
