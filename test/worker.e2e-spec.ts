import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import { JobProducer } from '#queue/job-producer.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { AUTH_PRUNE_INTERVAL_MS } from '#worker/auth-prune/auth-prune.processor.js';
import { ENDED_SESSION_RETENTION_DAYS } from '#domain/auth/sessions.service.js';
import { AppConfig } from '#config/app-config.js';
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

  it('prunes long-ended sessions with their refresh tokens and login failures past the window; live ones stay', async () => {
    const ctx = await startWorker(`drtest_prune_${process.pid}`);
    const db = ctx.get<DataSource>(getDataSourceToken());
    const scheduler = await ctx.get(QueueBackend).queue('maintenance').getJobScheduler('auth-prune');
    expect(Number(scheduler?.every)).toBe(AUTH_PRUNE_INTERVAL_MS);

    const code = `T-${randomUUID().slice(0, 8).toUpperCase()}`;
    const [agency] = await db.query(`INSERT INTO agencies (name, kind, code) VALUES ($1, 'police', $1) RETURNING id`, [code]);
    const [person] = await db.query(
      `INSERT INTO people (agency_id, email, display_name, roles, password_hash) VALUES ($1, $2, 'Prune test', '{liaison}', 'x') RETURNING id`,
      [agency.id, `prune-${randomUUID()}@test.invalid`],
    );
    const old = `now() - make_interval(days => ${ENDED_SESSION_RETENTION_DAYS + 1})`;
    const recent = `now() - make_interval(days => ${ENDED_SESSION_RETENTION_DAYS - 1})`;
    const sessions: Record<string, string> = {};
    for (const [name, expires, revoked] of [
      ['expiredLongAgo', old, 'NULL'], ['revokedLongAgo', 'now() + interval \'1 day\'', old],
      ['expiredRecently', recent, 'NULL'], ['revokedRecently', 'now() + interval \'1 day\'', recent], ['live', 'now() + interval \'1 day\'', 'NULL'],
    ] as const) {
      // One statement: the worker's scheduled prune may run at any moment and must not find an
      // old session without its tokens (nor delete it before they are in).
      const [row] = await db.query(
        `WITH s AS (INSERT INTO sessions (person_id, expires_at, revoked_at) VALUES ($1, ${expires}, ${revoked}) RETURNING id),
              t AS (INSERT INTO refresh_tokens (session_id, token_hash, used_at) SELECT id, 'a', now() FROM s UNION ALL SELECT id, 'b', NULL FROM s)
         SELECT id FROM s`,
        [person.id],
      );
      sessions[name] = row.id;
    }
    const failureIp = `prune-${randomUUID()}`;
    const window = `make_interval(mins => ${ctx.get(AppConfig).LOGIN_LOCK_MINUTES})`;
    await db.query(
      `INSERT INTO login_failures (ip, email, failed_at) VALUES ($1, 'old@test.invalid', now() - ${window} - interval '1 minute'), ($1, NULL, now() - ${window} - interval '1 minute'), ($1, 'fresh@test.invalid', now())`,
      [failureIp],
    );

    await ctx.get(JobProducer).add('auth-prune', {});
    const left = async () => ({
      sessions: (await db.query(`SELECT id FROM sessions WHERE person_id = $1`, [person.id])).map((r: { id: string }) => r.id).sort(),
      tokens: Number((await db.query(`SELECT count(*) FROM refresh_tokens WHERE session_id = ANY($1::uuid[])`, [Object.values(sessions)]))[0].count),
      failures: (await db.query(`SELECT email FROM login_failures WHERE ip = $1`, [failureIp])).map((r: { email: string | null }) => r.email),
    });
    let now = await left();
    // The job prunes sessions first, then login failures: wait for both.
    for (let i = 0; i < 100 && (now.sessions.length !== 3 || now.failures.length !== 1); i++) {
      await sleep(100);
      now = await left();
    }
    expect(now).toEqual({
      sessions: [sessions.expiredRecently, sessions.revokedRecently, sessions.live].sort(),
      tokens: 6,
      failures: ['fresh@test.invalid'],
    });
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
