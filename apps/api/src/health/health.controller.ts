import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { QueueBackend } from '#queue/queue-backend.js';
import { QUEUES } from '#queue/queue-names.js';
import { Public } from '../auth/access.decorators.js';

const TIMEOUT_MS = 2000;

/** 200 when the database and the queue answer; 503 (within ~2 s, never a hang) when one does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly queue: QueueBackend) {}

  @Get()
  @Public()
  async check(@Res() reply: FastifyReply): Promise<void> {
    const [database, queue, heartbeat] = await Promise.all([
      this.db.query('SELECT 1').then(() => true, () => false),
      this.queue.ping(QUEUES.maintenance, TIMEOUT_MS),
      this.db.query(`SELECT last_run_at FROM job_states WHERE name = 'heartbeat'`).then((r: Array<{ last_run_at: Date }>) => r[0]?.last_run_at ?? null, () => null),
    ].map((p) => race(p as Promise<unknown>)) as [Promise<boolean>, Promise<boolean>, Promise<Date | null>]);
    const ok = database === true && queue === true;
    void reply.status(ok ? 200 : 503).send({
      status: ok ? 'ok' : 'unavailable',
      checks: { database: database ? 'up' : 'down', queue: queue ? 'up' : 'down', queueBackend: this.queue.kind },
      worker: { lastHeartbeatAt: heartbeat instanceof Date ? heartbeat.toISOString() : null },
    });
  }
}

function race<T>(p: Promise<T>): Promise<T | false> {
  return Promise.race([p, new Promise<false>((r) => setTimeout(() => r(false), TIMEOUT_MS).unref())]);
}
