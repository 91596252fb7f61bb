import { afterAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { createLogger } from '#config/logger.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { testConfig } from '#testing/test-config.js';

const contexts: INestApplicationContext[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startWorker(prefix: string) {
  const config = testConfig({ HEARTBEAT_INTERVAL_SECONDS: '1', QUEUE_PREFIX: prefix });
  await prepareDatabase(config);
  const ctx = await createWorkerContext(config, createLogger('error', 'worker-test'));
  contexts.push(ctx);
  return ctx;
}

async function heartbeat(db: DataSource): Promise<{ runs: number; at: Date } | null> {
  const [row] = await db.query(`SELECT run_count, last_run_at FROM job_states WHERE name = 'heartbeat'`);
  return row ? { runs: Number(row.run_count), at: row.last_run_at } : null;
}

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

describe('worker (Redis backend)', () => {
  it('runs the periodic heartbeat: scheduler -> queue -> worker -> Postgres', async () => {
    const started = new Date();
    const ctx = await startWorker(`drtest_hb_${process.pid}`);
    const db = ctx.get<DataSource>(getDataSourceToken());
    let hb = await heartbeat(db);
    for (let i = 0; i < 40 && !(hb && hb.at >= started); i++) {
      await sleep(100);
      hb = await heartbeat(db);
    }
    expect(hb?.at.getTime()).toBeGreaterThanOrEqual(started.getTime());
    for (const c of contexts.splice(0)) await c.close();
  });

  it('with two workers on one queue, a periodic job fires once per period, not once per process', async () => {
    const prefix = `drtest_two_${process.pid}`;
    const a = await startWorker(prefix);
    await startWorker(prefix);
    const db = a.get<DataSource>(getDataSourceToken());
    await sleep(1500);
    const before = (await heartbeat(db))!.runs;
    const t0 = Date.now();
    await sleep(4000);
    const runs = (await heartbeat(db))!.runs - before;
    const periods = (Date.now() - t0) / 1000;
    // Once a second with two processes: a duplicated schedule would show about twice as many runs.
    expect(runs).toBeGreaterThanOrEqual(Math.floor(periods) - 1);
    expect(runs).toBeLessThanOrEqual(Math.ceil(periods) + 1);
  });

  it('on shutdown, a worker finishes the job in hand before it closes', async () => {
    const backend = new QueueBackend(testConfig({ QUEUE_PREFIX: `drtest_stop_${process.pid}` }));
    const events: string[] = [];
    let started!: () => void;
    const isRunning = new Promise<void>((r) => (started = r));
    backend.worker('maintenance', async () => {
      events.push('job started');
      started();
      await sleep(1500);
      events.push('job finished');
    });
    await backend.queue('maintenance').add('heartbeat', {});
    await isRunning;
    await backend.onApplicationShutdown();
    events.push('closed');
    expect(events).toEqual(['job started', 'job finished', 'closed']);
  });
});
