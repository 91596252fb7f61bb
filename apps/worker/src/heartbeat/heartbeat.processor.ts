import { hostname } from 'node:os';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandler } from '../job-handler.decorator.js';

/** Proves the path scheduler -> queue -> worker -> Postgres; /health shows the last run. */
@Injectable()
export class HeartbeatProcessor {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @JobHandler('heartbeat')
  async beat(): Promise<void> {
    await this.db.query(
      `INSERT INTO job_states (name, last_run_at, run_count, last_worker) VALUES ('heartbeat', now(), 1, $1)
       ON CONFLICT (name) DO UPDATE SET last_run_at = now(), run_count = job_states.run_count + 1, last_worker = $1`,
      [`${hostname()}:${process.pid}`],
    );
  }
}
