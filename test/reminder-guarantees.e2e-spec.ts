import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { createLogger } from '#config/logger.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { ReminderDispatcher } from '#domain/notifications/reminder-dispatcher.service.js';
import { planReminders } from '#domain/notifications/reminder-plan.js';
import { ReminderQueue, bucketJobId, bucketSql } from '#domain/notifications/reminder-queue.js';
import { QueueBackend } from '#queue/queue-backend.js';
import type { TestPerson } from '#testing/factories.js';
import { useOwnDatabaseAndQueues } from '#testing/own-database.js';
import { createTestApp, TestApp } from '#testing/test-app.js';
import { testConfig } from '#testing/test-config.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';


/**
 * The guarantees of issue 9, each against real PostgreSQL and Redis with real workers (in-process
 * and as child processes of the built worker). Reminders are planned directly with planReminders
 * (kind measure_due_soon, real measures), inbox only, so that "delivered once" is countable: one
 * notifications row per reminder. Time is controlled through due_at (in the past, or seconds ahead)
 * and short intervals, not by sleeping long.
 */
let t: TestApp;
const contexts: INestApplicationContext[] = [];
const children = new Set<ChildProcess>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FAST = { REMINDER_SCAN_SECONDS: '1', REMINDER_RETRY_SECONDS: '1', HEARTBEAT_INTERVAL_SECONDS: '60' };
let run = 0;
const prefix = (name: string) => `drtest_rem_${name}_${process.pid}_${++run}`;

async function startWorker(queuePrefix: string, extra: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = testConfig({ QUEUE_PREFIX: queuePrefix, ...FAST, ...extra });
  await prepareDatabase(config);
  const ctx = await createWorkerContext(config, createLogger('error', 'reminder-test'));
  contexts.push(ctx);
  return ctx;
}

async function stopWorker(ctx: INestApplicationContext): Promise<void> {
  contexts.splice(contexts.indexOf(ctx), 1);
  await ctx.close();
}

/** The built worker (dist) as its own process, as `npm run start:worker` runs it. */
function spawnWorker(queuePrefix: string, extra: Record<string, string> = {}): Promise<ChildProcess> {
  const entry = 'dist/apps/worker/src/main.js';
  expect(existsSync(entry)).toBe(true);
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'info', DEMO_DATA: 'false',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    JWT_SECRET: 'reminder-test-secret-reminder-test-secret-0123',
    QUEUE_PREFIX: queuePrefix, ...FAST, ...extra,
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker not ready:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('"worker started"')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`worker exited with ${code}:\n${out}`)); });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));
}

async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await probe();
  while (!ok(v)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(50);
    v = await probe();
  }
  return v;
}

async function recipient(): Promise<TestPerson> {
  const p = await t.make.person(['liaison']);
  await t.db.query(`INSERT INTO notification_settings (person_id, channels) VALUES ($1, '{"measures":["inbox"]}')`, [p.person.id]);
  return p;
}

/** One reminder per new measure for `p`, due at `dueAt`, committed without any job (as if the process died right after the commit). */
async function planFor(p: TestPerson, count: number, dueAt: Date): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const measure = await t.make.bareMeasure(p);
    const { pendingIds } = await t.db.transaction((m) => planReminders(m, { type: 'measure', id: measure.id }, ['measure_due_soon'], [{ kind: 'measure_due_soon', recipients: [p.person.id], dueAt, webhooks: false }]));
    expect(pendingIds).toHaveLength(1);
    ids.push(pendingIds[0]!);
  }
  return ids;
}

type Ledger = { id: string; state: string; attempts: number; late: boolean; last_error: string | null; delivered: number };
async function ledger(ids: string[]): Promise<Ledger[]> {
  return t.db.query(
    `SELECT r.id, r.state, r.attempts, r.late, r.last_error, (SELECT count(*)::int FROM notifications n WHERE n.reminder_id = r.id) AS delivered
       FROM reminders r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id`,
    [ids],
  );
}
const allSent = (rows: Ledger[]) => rows.every((r) => r.state === 'sent');

/** Holds the recipient's row FOR UPDATE: the inbox insert (its foreign key) waits, so a worker is caught between claim and mark. */
async function holdPerson(p: TestPerson): Promise<() => Promise<void>> {
  const qr = t.db.createQueryRunner();
  await qr.connect();
  await qr.startTransaction();
  await qr.query(`SELECT 1 FROM people WHERE id = $1 FOR UPDATE`, [p.person.id]);
  return async () => {
    if (qr.isReleased) return;
    await qr.rollbackTransaction();
    await qr.release();
  };
}

beforeAll(async () => {
  // Its own database and queues: these workers scan the whole ledger (see useOwnDatabaseAndQueues).
  await useOwnDatabaseAndQueues('guarantees');
  t = await createTestApp();
});

// Each test's workers stop with it: a worker left running would scan (and deliver) the next test's rows.
afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of contexts.splice(0)) await c.close();
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of contexts.splice(0)) await c.close();
  await t.close();
});

describe('reminder delivery guarantees', () => {
  it('(b, e) rows committed with no job, one due long ago while no worker ran: a starting worker delivers both, the old one marked late', async () => {
    const p = await recipient();
    const [old] = await planFor(p, 1, new Date(Date.now() - 30 * 60_000));
    const [fresh] = await planFor(p, 1, new Date(Date.now() - 1000));
    await startWorker(prefix('late'));
    const rows = await waitFor('delivery', () => ledger([old!, fresh!]), allSent);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old!)).toMatchObject({ state: 'sent', late: true, delivered: 1, attempts: 1 });
    expect(byId.get(fresh!)).toMatchObject({ state: 'sent', late: false, delivered: 1, attempts: 1 });
  });

  it('the fast path: a caller kicks its rows after the commit and they go out without waiting for a scan', async () => {
    const p = await recipient();
    // The API's own queue prefix, and a scan so rare that only the kick can explain a delivery.
    await startWorker(t.config.QUEUE_PREFIX, { REMINDER_SCAN_SECONDS: '3600' });
    await sleep(1000);
    const ids = await planFor(p, 2, new Date(Date.now() - 1000));
    await t.app.get(ReminderQueue).kick(ids);
    const rows = await waitFor('delivery', () => ledger(ids), allSent, 10_000);
    expect(rows.map((r) => r.delivered)).toEqual([1, 1]);
  });

  it('(d) two workers at once, plus every row dispatched twice more in parallel: each reminder delivered exactly once', async () => {
    const people = [await recipient(), await recipient()];
    const ids = [...(await planFor(people[0]!, 10, new Date(Date.now() - 1000))), ...(await planFor(people[1]!, 10, new Date(Date.now() - 1000)))];
    const queuePrefix = prefix('two');
    const [a, b] = await Promise.all([startWorker(queuePrefix), startWorker(queuePrefix)]);
    await Promise.all(ids.flatMap((id) => [a!.get(ReminderDispatcher).deliver(id), b!.get(ReminderDispatcher).deliver(id)]));
    const rows = await waitFor('delivery', () => ledger(ids), allSent);
    expect(rows.map((r) => r.delivered)).toEqual(ids.map(() => 1));
    const perPerson = await t.db.query(`SELECT person_id, count(*)::int AS n FROM notifications WHERE reminder_id = ANY($1::uuid[]) GROUP BY person_id ORDER BY n`, [ids]);
    expect(perPerson.map((r: { n: number }) => r.n)).toEqual([10, 10]);
  });

  it('a due-time bucket\'s job delivers every due reminder, batch by batch, each once (not those not yet due); e-mail rows on their own; single deliveries then skip', async () => {
    // Batches of 2: the drain has to come back for more. The worker's first scan runs before the rows
    // exist and the next one an hour later, so only this test's calls deliver them.
    const worker = await startWorker(prefix('drain'), { REMINDER_BATCH_SIZE: '2', REMINDER_SCAN_SECONDS: '3600', REMINDER_RETRY_SECONDS: '3600' });
    await sleep(1000);
    const p = await recipient();
    const due = await planFor(p, 5, new Date(Date.now() - 1000));
    const [later] = await planFor(p, 1, new Date(Date.now() + 3_600_000));
    // A person on the default channels (inbox and e-mail): both rows are due; the e-mail one goes
    // through the network lane (this app has no SMTP server: it fails and is retried on its own).
    const q = await t.make.person(['liaison']);
    const measure = await t.make.bareMeasure(q);
    const { pendingIds: both } = await t.db.transaction((m) => planReminders(m, { type: 'measure', id: measure.id }, ['measure_due_soon'], [{ kind: 'measure_due_soon', recipients: [q.person.id], dueAt: new Date(Date.now() - 1000), webhooks: false }]));
    const [mail] = (await t.db.query(`SELECT id FROM reminders WHERE id = ANY($1::uuid[]) AND channel = 'email'`, [both])) as Array<{ id: string }>;
    const [qInbox] = both.filter((id) => id !== mail!.id);
    const dispatcher = worker.get(ReminderDispatcher);
    const result = await dispatcher.deliverDue();
    expect(result.batches).toBeGreaterThanOrEqual(3);
    expect((await ledger([...due, qInbox!])).map((r) => [r.state, r.delivered])).toEqual([...due, qInbox!].map(() => ['sent', 1]));
    expect((await ledger([later!]))[0]!.state).toBe('pending');
    const [mailRow] = await ledger([mail!.id]);
    expect(mailRow).toMatchObject({ attempts: 1, delivered: 0 });
    expect(['sent', 'pending', 'failed']).toContain(mailRow!.state);
    for (const id of due) expect(await dispatcher.deliver(id)).toBe('skipped');
    expect(await dispatcher.deliverDue()).toMatchObject({ sent: 0, batches: 0 });
    expect((await ledger(due)).map((r) => r.delivered)).toEqual(due.map(() => 1));
  });

  it('(c) the queue store loses everything (all keys of the queue, schedules included): the scan rebuilds it, each reminder delivered once', async () => {
    const p = await recipient();
    const queuePrefix = prefix('flush');
    const worker = await startWorker(queuePrefix, { REMINDER_SCAN_SECONDS: '2' });
    const ids = await planFor(p, 5, new Date(Date.now() + 5000));
    const queue = worker.get(QueueBackend).queue('notifications');
    // One job for the bucket the five rows fall into, however many rows it holds.
    const [{ bucket }] = (await t.db.query(`SELECT DISTINCT ${bucketSql('due_at')} AS bucket FROM reminders WHERE id = ANY($1::uuid[])`, [ids])) as [{ bucket: number }];
    const jobsFor = async () => (await queue.getDelayed()).filter((j) => j.name === 'reminders-deliver-due' && j.data.bucket === bucket).map((j) => j.id);
    await waitFor('the bucket\'s delayed job', jobsFor, (jobs) => jobs.length === 1);
    expect(await jobsFor()).toEqual([bucketJobId(bucket)]);

    // As FLUSHALL would, for this queue prefix only: other suites share this Redis database.
    const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    try {
      const keys = await redis.keys(`${queuePrefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
      expect(await redis.keys(`${queuePrefix}:*`)).toEqual([]);
    } finally {
      redis.disconnect();
    }
    expect(await worker.get(QueueBackend).queue('notifications').getJobScheduler('reminders-scan')).toBeUndefined();

    const rows = await waitFor('delivery after the flush', () => ledger(ids), allSent, 40_000);
    expect(rows.map((r) => r.delivered)).toEqual([1, 1, 1, 1, 1]);
    expect(await worker.get(QueueBackend).queue('notifications').getJobScheduler('reminders-scan')).toBeTruthy();
  }, 60_000);

  it('(f) a delivery failure is retried with backoff, then failed, listed for coordinators, and a retry delivers it', async () => {
    const p = await recipient();
    const coordinator = await t.make.person(['coordinator']);
    // Planned (measure and reminder written) before the hold: the measure's own foreign key would wait too.
    const [id] = await planFor(p, 1, new Date(Date.now() - 1000));
    const release = await holdPerson(p);
    try {
      await startWorker(prefix('fail'), { REMINDER_MAX_ATTEMPTS: '2', REMINDER_LEASE_SECONDS: '60' });
      // Attempt 1 waits for the lock (2 s), is put back with a backoff; attempt 2 fails for good.
      const [failed] = await waitFor('failed', () => ledger([id!]), (r) => r[0]?.state === 'failed', 30_000);
      expect(failed).toMatchObject({ state: 'failed', attempts: 2, last_error: 'INBOX_LOCK_TIMEOUT', delivered: 0 });
    } finally {
      await release();
    }
    const { default: request } = await import('supertest');
    const list = await request(t.server).get('/api/v1/reminders?state=failed&limit=200').set(coordinator.auth).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({ attempts: 2, lastError: 'INBOX_LOCK_TIMEOUT', recipientName: p.person.displayName });
    await request(t.server).post(`/api/v1/reminders/${id!}/retry`).set(coordinator.auth).expect(200);
    const [sent] = await waitFor('sent after retry', () => ledger([id!]), allSent);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, delivered: 1, last_error: null });
  }, 60_000);

  it('(g) a worker process killed (SIGKILL) between claim and mark: after the lease the reminder is delivered exactly once', async () => {
    const p = await recipient();
    const [id] = await planFor(p, 1, new Date(Date.now() - 1000));
    const release = await holdPerson(p);
    try {
      const child = await spawnWorker(prefix('kill'));
      await waitFor('claimed', () => ledger([id!]), (r) => r[0]?.state === 'sending', 20_000);
      child.kill('SIGKILL');
      await exitOf(child);
    } finally {
      await release();
    }
    expect((await ledger([id!]))[0]).toMatchObject({ state: 'sending', attempts: 1, delivered: 0 });
    await startWorker(prefix('kill2'), { REMINDER_LEASE_SECONDS: '1' });
    const [row] = await waitFor('redelivery', () => ledger([id!]), allSent);
    expect(row).toMatchObject({ state: 'sent', attempts: 2, delivered: 1 });
  }, 60_000);

  it('(h) SIGTERM with jobs in hand: the worker finishes them and exits 0; none is left active, none stuck sending', async () => {
    const p = await recipient();
    const queuePrefix = prefix('term');
    const ids = await planFor(p, 3, new Date(Date.now() - 1000));
    const release = await holdPerson(p);
    try {
      const child = await spawnWorker(queuePrefix, { REMINDER_RETRY_SECONDS: '60' });
      await waitFor('claimed', () => ledger(ids), (r) => r.filter((x) => x.state === 'sending').length >= 2, 20_000);
      child.kill('SIGTERM');
      expect(await exitOf(child)).toBe(0);
    } finally {
      await release();
    }
    const backend = new QueueBackend(testConfig({ QUEUE_PREFIX: queuePrefix }));
    try {
      expect((await backend.queue('notifications').getJobCounts('active')).active).toBe(0);
    } finally {
      await backend.onApplicationShutdown();
    }
    const after = await ledger(ids);
    expect(after.filter((r) => r.state === 'sending')).toEqual([]);
    expect(after.every((r) => r.delivered === 0)).toBe(true);
    // The attempts in hand ended as retries; made due now, another worker delivers each once.
    await t.db.query(`UPDATE reminders SET next_attempt_at = now() WHERE id = ANY($1::uuid[]) AND state = 'pending'`, [ids]);
    await startWorker(queuePrefix);
    const rows = await waitFor('delivery', () => ledger(ids), allSent);
    expect(rows.map((r) => r.delivered)).toEqual([1, 1, 1]);
  }, 60_000);

  it('on the embedded mode\'s queue (BullMQ on PostgreSQL) the same engine delivers', async () => {
    const p = await recipient();
    const [id] = await planFor(p, 1, new Date(Date.now() - 1000));
    const worker = await startWorker(prefix('pg'), { REDIS_URL: '' });
    expect(worker.get(QueueBackend).kind).toBe('postgres');
    const [row] = await waitFor('delivery', () => ledger([id!]), allSent);
    expect(row).toMatchObject({ delivered: 1 });
    await stopWorker(worker);
  }, 60_000);
});
