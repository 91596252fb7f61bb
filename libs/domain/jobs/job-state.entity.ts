import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Last run of each periodic job, written by the worker; /health shows it. */
@Entity('job_states')
export class JobState {
  @PrimaryColumn('text')
  name: string;

  @Column('timestamptz', { name: 'last_run_at' })
  lastRunAt: Date;

  @Column('bigint', { name: 'run_count', default: 0 })
  runCount: string;

  @Column('text', { name: 'last_worker' })
  lastWorker: string;
}
