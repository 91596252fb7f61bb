import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Job } from 'bullmq';
import { AppConfig } from '#config/app-config.js';
import { LOGGER, type AppLogger } from '#config/logger.js';
import { JobProducer } from '#queue/job-producer.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { JOB_QUEUE, JobName, QueueName } from '#queue/queue-names.js';
import { AUTH_PRUNE_INTERVAL_MS } from './auth-prune/auth-prune.processor.js';
import { ESCALATION_SWEEP_INTERVAL_MS } from './escalation-rules/escalation-rules.processor.js';
import { LEADERSHIP_DIGEST_INTERVAL_MS } from './notifications/leadership-digest.processor.js';
import { RAPPORT_SERIES_ENSURE_INTERVAL_MS } from './rapports/rapport-series.processor.js';
import { MAIL_DIGEST_TICK_MS } from './notifications/mail-digest.processor.js';
import { FoundHandler, buildHandlerRegistry } from './handler-registry.js';
import { JOB_HANDLER_KEY } from './job-handler.decorator.js';

/**
 * Finds the @JobHandler methods, checks them against the declared job names, starts one BullMQ
 * worker per queue and registers the periodic schedules. BullMQ's Worker.close() (called on
 * shutdown by QueueBackend) lets the job in hand finish first.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private watchdog?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    private readonly backend: QueueBackend,
    private readonly producer: JobProducer,
    private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const registry = buildHandlerRegistry(this.discover());
    const queues = new Set<QueueName>([...registry.keys()].map((j) => JOB_QUEUE[j]));
    for (const queue of queues) {
      this.backend.worker(queue, (job: Job) => this.run(registry, job), { concurrency: this.config.WORKER_CONCURRENCY });
    }
    await this.schedule();
    // The schedules live in the queue store: after a Redis FLUSHALL (or a Redis that lost its data)
    // they are gone, and with them the reminder scan that would rebuild everything else. Every
    // process looks once per scan interval and puts them back when the scan's scheduler is missing.
    this.watchdog = setInterval(() => {
      this.reassertSchedules().catch((err: unknown) => this.logger.warn({ err }, 'could not check the periodic schedules'));
    }, this.config.REMINDER_SCAN_SECONDS * 1000);
    this.watchdog.unref();
    this.logger.info({ queues: [...queues], jobs: [...registry.keys()], backend: this.backend.kind }, 'worker started');
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.watchdog);
  }

  private async reassertSchedules(): Promise<void> {
    if (await this.backend.queue(JOB_QUEUE['reminders-scan']).getJobScheduler('reminders-scan')) return;
    this.logger.warn('periodic schedules missing from the queue store (flushed?); registering them again');
    await this.schedule();
  }

  private async schedule(): Promise<void> {
    await this.producer.every('heartbeat', {}, this.config.HEARTBEAT_INTERVAL_SECONDS * 1000);
    await this.producer.every('auth-prune', {}, AUTH_PRUNE_INTERVAL_MS);
    await this.producer.every('escalation-rules-sweep', {}, ESCALATION_SWEEP_INTERVAL_MS);
    await this.producer.every('rapport-series-ensure', {}, RAPPORT_SERIES_ENSURE_INTERVAL_MS);
    await this.producer.every('reminders-scan', {}, this.config.REMINDER_SCAN_SECONDS * 1000);
    await this.producer.every('mail-daily-digest', {}, MAIL_DIGEST_TICK_MS);
    await this.producer.every('leadership-digest', {}, LEADERSHIP_DIGEST_INTERVAL_MS);
  }

  private async run(registry: Map<JobName, FoundHandler>, job: Job): Promise<unknown> {
    const handler = registry.get(job.name as JobName);
    if (!handler) throw new Error(`no handler for job ${job.name}`);
    const started = Date.now();
    try {
      const result = await handler.run(job.data, job.id);
      this.logger.debug({ job: job.name, jobId: job.id, ms: Date.now() - started }, 'job done');
      return result;
    } catch (err) {
      this.logger.error({ job: job.name, jobId: job.id, attempt: job.attemptsMade, err }, 'job failed');
      throw err;
    }
  }

  private discover(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const proto = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(proto)) {
        const fn = (proto as Record<string, unknown>)[method] as (...args: unknown[]) => Promise<unknown>;
        const name = this.reflector.get<string | undefined>(JOB_HANDLER_KEY, fn);
        if (name) found.push({ name, where: `${instance.constructor.name}.${method}`, run: (payload, jobId) => fn.call(instance, payload, jobId) });
      }
    }
    return found;
  }
}
