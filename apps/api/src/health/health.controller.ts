import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { QUEUES } from '#queue/queue-names.js';
import { Public } from '../auth/access.decorators.js';

const TIMEOUT_MS = 2000;

export class HealthChecksDto {
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) queue: 'up' | 'down';
  @ApiProperty({ enum: ['redis', 'postgres'], description: 'Where the job queue lives' }) queueBackend: string;
  @ApiProperty({ enum: ['smtp', 'outbox', 'not_configured'], description: 'How reminder mail leaves: SMTP_URL, .eml files under DATA_DIR/outbox-mail, or not at all (SMTP_URL unset on a server: mail reminders fail). Informational: does not change `status`' })
  mail: 'smtp' | 'outbox' | 'not_configured';
}

export class HealthWorkerDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The worker's last heartbeat; null when none was recorded or it could not be read" }) lastHeartbeatAt: string | null;
}

export class HealthResponseDto {
  @ApiProperty({ enum: ['ok', 'unavailable'] }) status: 'ok' | 'unavailable';
  @ApiProperty({ type: HealthChecksDto }) checks: HealthChecksDto;
  @ApiProperty({ type: HealthWorkerDto }) worker: HealthWorkerDto;
  @ApiProperty({ enum: ['postgres', 'redis'], isArray: true, description: 'The dependencies that do not answer, by name (e.g. ["redis"]); empty when all do' }) down: Array<'postgres' | 'redis'>;
}

/** 200 when the database and the queue answer; 503 (within ~2 s, never a hang) when one does not. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource, private readonly queue: QueueBackend, private readonly config: AppConfig) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponseDto, description: 'Database and queue answer' })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'The database or the queue does not answer (within about 2 s)' })
  async check(@Res() reply: FastifyReply): Promise<void> {
    const [database, queue, heartbeat] = await Promise.all([
      this.db.query('SELECT 1').then(() => true, () => false),
      this.queue.ping(QUEUES.maintenance, TIMEOUT_MS),
      this.db.query(`SELECT last_run_at FROM job_states WHERE name = 'heartbeat'`).then((r: Array<{ last_run_at: Date }>) => r[0]?.last_run_at ?? null, () => null),
    ].map((p) => race(p as Promise<unknown>)) as [Promise<boolean>, Promise<boolean>, Promise<Date | null>]);
    const ok = database === true && queue === true;
    const body: HealthResponseDto = {
      status: ok ? 'ok' : 'unavailable',
      checks: { database: database ? 'up' : 'down', queue: queue ? 'up' : 'down', queueBackend: this.queue.kind, mail: this.config.mailDelivery === 'none' ? 'not_configured' : this.config.mailDelivery },
      worker: { lastHeartbeatAt: heartbeat instanceof Date ? heartbeat.toISOString() : null },
      down: [...new Set([...(database ? [] : ['postgres' as const]), ...(queue ? [] : [this.queue.kind])])],
    };
    void reply.status(ok ? 200 : 503).send(body);
  }
}

function race<T>(p: Promise<T>): Promise<T | false> {
  return Promise.race([p, new Promise<false>((r) => setTimeout(() => r(false), TIMEOUT_MS).unref())]);
}
