import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { EntityManager } from 'typeorm';
import { createLogger } from '#config/logger.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { planMeasureReminders } from '#domain/notifications/rules/measure-reminders.js';
import { QueueBackend } from '#queue/queue-backend.js';
import type { TestPerson } from '#testing/factories.js';
import { TcpProxy } from '#testing/tcp-proxy.js';
import { useOwnDatabaseAndQueues } from '#testing/own-database.js';
import { createTestApp, TestApp } from '#testing/test-app.js';
import { testConfig } from '#testing/test-config.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';


/**
 * Issue 9's fault tests beyond test/reminder-guarantees.e2e-spec.ts, with the reminders the measure
 * RULES plan (not planReminders directly): the producing process killed at random moments, Redis
 * down while users work, two API processes and two workers at once. Reminders the rules plan for a
 * future time are made due by moving time: the child producer is given a "now" days back; for the
 * HTTP API (which always plans at the real now) the test moves the due time of the planned rows
 * into the past, as the passing of days would.
 */
let t: TestApp;
const contexts: INestApplicationContext[] = [];
const children = new Set<ChildProcess>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FAST = { REMINDER_SCAN_SECONDS: '1', REMINDER_RETRY_SECONDS: '1', HEARTBEAT_INTERVAL_SECONDS: '60' };
let run = 0;
const prefix = (name: string) => `drtest_fault_${name}_${process.pid}_${++run}`;
const API = '/api/v1/measures';

async function startWorker(queuePrefix: string, extra: Record<string, string> = {}): Promise<INestApplicationContext> {
  const config = testConfig({ QUEUE_PREFIX: queuePrefix, ...FAST, ...extra });
  await prepareDatabase(config);
  const ctx = await createWorkerContext(config, createLogger('error', 'fault-test'));
  contexts.push(ctx);
  return ctx;
}

/** A built script (dist, or a fixture importing dist through package.json `imports`) as its own process; resolves once it printed `ready`. */
function spawnNode(entry: string, ready: string, extra: Record<string, string>): Promise<ChildProcess> {
  expect(existsSync(entry)).toBe(true);
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', LOG_LEVEL: 'info', DEMO_DATA: 'false',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test',
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    JWT_SECRET: 'reminder-test-secret-reminder-test-secret-0123',
    ...FAST, ...extra,
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`${entry} exited with ${code}:\n${out}`)); });
  });
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

async function waitFor<T>(what: string, probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let v = await probe();
  while (!ok(v)) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await sleep(100);
    v = await probe();
  }
  return v;
}

/** Inbox only for the measures group: "delivered once" is then one notifications row per reminder. */
async function inboxOnly(p: TestPerson): Promise<void> {
  await t.db.query(`INSERT INTO notification_settings (person_id, channels) VALUES ($1, '{"measures":["inbox"]}')`, [p.person.id]);
}

const SUBJECTS = `((r.subject_type = 'measure' AND r.subject_id = ANY($1::uuid[]))
  OR (r.subject_type = 'milestone' AND r.subject_id IN (SELECT id FROM milestones WHERE measure_id = ANY($1::uuid[]))))`;

type Row = { id: string; kind: string; occurrence: string; subject_id: string; recipient_id: string | null; channel: string; state: string; due_at: string };
/** The ledger rows of these measures and their milestones, with the state as a planner sees it (a worker moving a row on is not a planner's change). */
async function planned(m: EntityManager, measureIds: string[]): Promise<Row[]> {
  const rows = (await m.query(
    `SELECT r.id, r.kind, r.occurrence, r.subject_id, r.recipient_id, r.channel, r.state, r.due_at::text AS due_at FROM reminders r WHERE ${SUBJECTS} ORDER BY r.id`,
    [measureIds],
  )) as Row[];
  return rows.map((r) => ({ ...r, state: ['pending', 'sending', 'sent', 'failed'].includes(r.state) ? 'live' : r.state }));
}

type Delivery = { id: string; state: string; delivered: number };
/** The inbox rows of these measures due by now, and how often each reached the inbox. */
async function dueInbox(measureIds: string[]): Promise<Delivery[]> {
  return t.db.query(
    `SELECT r.id, r.state, (SELECT count(*)::int FROM notifications n WHERE n.reminder_id = r.id) AS delivered
       FROM reminders r WHERE ${SUBJECTS} AND r.channel = 'inbox' AND r.state <> 'withdrawn' AND r.due_at <= now() ORDER BY r.id`,
    [measureIds],
  );
}
const allDelivered = (rows: Delivery[]) => rows.every((r) => r.state === 'sent' && r.delivered === 1);
async function ledger(ids: string[]): Promise<Delivery[]> {
  return t.db.query(`SELECT r.id, r.state, (SELECT count(*)::int FROM notifications n WHERE n.reminder_id = r.id) AS delivered FROM reminders r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id`, [ids]);
}
/** Sent once, or withdrawn unsent because its renderer found it no longer applies (a "due tomorrow" read days later). */
const settled = (rows: Delivery[]) => rows.every((r) => (r.state === 'sent' && r.delivered === 1) || (r.state === 'withdrawn' && r.delivered === 0));

/** Never more than one inbox notification for any reminder of these measures, whatever its state. */
async function expectNoDoubleDelivery(measureIds: string[]): Promise<void> {
  const doubles = await t.db.query(
    `SELECT n.reminder_id, count(*)::int AS n FROM notifications n JOIN reminders r ON r.id = n.reminder_id WHERE ${SUBJECTS} GROUP BY n.reminder_id HAVING count(*) > 1`,
    [measureIds],
  );
  expect(doubles).toEqual([]);
}

const coordinatorIds = async (): Promise<Set<string>> =>
  new Set(((await t.db.query(`SELECT p.id FROM people p JOIN agencies a ON a.id = p.agency_id WHERE p.active AND a.active AND 'coordinator' = ANY(p.roles)`)) as Array<{ id: string }>).map((r) => r.id));

/** Moves the pending inbox rows of these measures to "due a second ago", as the passing of days would. */
async function makeDue(measureIds: string[]): Promise<string[]> {
  const rows = (await t.db.query(
    `UPDATE reminders r SET due_at = now() - interval '1 second', next_attempt_at = NULL WHERE ${SUBJECTS} AND r.channel = 'inbox' AND r.state = 'pending' RETURNING r.id`,
    [measureIds],
  )) as [Array<{ id: string }>, number];
  return rows[0].map((r) => r.id);
}

beforeAll(async () => {
  // Its own database and queues: these workers scan the whole ledger (see useOwnDatabaseAndQueues).
  await useOwnDatabaseAndQueues('faults');
  t = await createTestApp();
});

afterEach(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of contexts.splice(0)) await c.close();
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const c of contexts.splice(0)) await c.close();
  await t.close();
});

describe('the producing process killed at random moments', () => {
  // REMINDER_KILL_ROUNDS: 8 by default (CI; each restart boots Nest, a few seconds); the benchmark asks for 100+:
  // REMINDER_KILL_ROUNDS=100 npm test -- test/reminder-faults.e2e-spec.ts -t killed (several minutes; the test's timeout grows with it).
  const rounds = Number(process.env.REMINDER_KILL_ROUNDS ?? '8');

  it(`SIGKILLed ${rounds} times while two of it change measures: every committed measure has exactly the reminders its rules want, and each due one is delivered once`, async () => {
    const agency = await t.make.agency();
    const carrier = await t.make.person(['liaison'], { agency });
    await inboxOnly(carrier);
    const coordinatorsBefore = await coordinatorIds();
    const env = { CHURN_AGENCY_ID: agency.id, CHURN_PERSON_ID: carrier.person.id, CHURN_ROLES: 'liaison', CHURN_NOW_OFFSET_DAYS: '4', QUEUE_PREFIX: prefix('churn') };
    // Two producers at once (a process boots in seconds), each killed and restarted in turn: `rounds` kills in all.
    const lineage = async (kills: number) => {
      for (let i = 0; i < kills; i++) {
        // Once it committed a first change (booting takes seconds on a loaded machine), then anywhere: inside a transaction, between commit and the next one.
        const child = await spawnNode('test/fixtures/measure-churn.mjs', 'committed ', env);
        await sleep(50 + Math.random() * 500);
        child.kill('SIGKILL');
        await exitOf(child);
      }
    };
    await Promise.all([lineage(Math.ceil(rounds / 2)), lineage(Math.floor(rounds / 2))]);
    const measureIds = ((await t.db.query(`SELECT id FROM measures WHERE owning_agency_id = $1`, [agency.id])) as Array<{ id: string }>).map((r) => r.id);
    expect(measureIds.length).toBeGreaterThan(0);

    // No duplicates: one row per subject, kind, occurrence, recipient and channel.
    const duplicates = await t.db.query(
      `SELECT r.subject_id, r.kind, r.occurrence, r.recipient_id, r.channel, count(*)::int FROM reminders r WHERE ${SUBJECTS}
        GROUP BY 1, 2, 3, 4, 5 HAVING count(*) > 1`,
      [measureIds],
    );
    expect(duplicates).toEqual([]);

    // None missing, none too many: a fresh re-plan of every measure (rolled back) inserts, moves and withdraws nothing.
    const qr = t.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    let before: Row[];
    let after: Row[];
    try {
      before = await planned(qr.manager, measureIds);
      for (const id of measureIds) await planMeasureReminders(qr.manager, id, new Date());
      after = await planned(qr.manager, measureIds);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
    }
    // Other suites running in parallel add or retire coordinators (the last step of the ladder goes to all of them): their rows are not this test's.
    const coordinatorsAfter = await coordinatorIds();
    const moved = new Set([...coordinatorsBefore].filter((c) => !coordinatorsAfter.has(c)).concat([...coordinatorsAfter].filter((c) => !coordinatorsBefore.has(c))));
    const stable = (rows: Row[]) => rows.filter((r) => !r.recipient_id || !moved.has(r.recipient_id));
    expect(stable(after)).toEqual(stable(before));
    expect(before.filter((r) => r.recipient_id === carrier.person.id).length).toBeGreaterThan(0);

    // Nothing was enqueued by the producer: the scan of a worker started now delivers each due reminder once.
    const due = await dueInbox(measureIds);
    expect(due.length).toBeGreaterThan(0);
    await startWorker(prefix('churnworker'));
    const rows = await waitFor('delivery', () => ledger(due.map((r) => r.id)), settled, 30_000);
    expect(rows).toHaveLength(due.length);
    expect(rows.filter((r) => r.state === 'sent').length).toBeGreaterThan(0);
    await expectNoDoubleDelivery(measureIds);
  }, 60_000 + rounds * 10_000);
});

describe('Redis down while users work', () => {
  let viaProxy: TestApp;
  let proxy: TcpProxy;
  let proxiedRedis: string;

  beforeAll(async () => {
    const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    proxy = await new TcpProxy(redis.hostname, Number(redis.port || 6379)).start();
    const url = new URL(redis.toString());
    url.port = String(proxy.port);
    proxiedRedis = url.toString();
    viaProxy = await createTestApp({ REDIS_URL: proxiedRedis });
  });

  afterAll(async () => {
    proxy.resume();
    await viaProxy.close();
    await proxy.stop();
  });

  it('every request answers within 5 s without a 5xx, /health names redis; once Redis is back the scan delivers each due reminder once', async () => {
    const coordinator = await viaProxy.make.person(['coordinator']);
    const carrier = await viaProxy.make.person(['liaison']);
    await inboxOnly(carrier);
    await startWorker(prefix('redisdown'), { REDIS_URL: proxiedRedis });
    proxy.cut();
    const measureIds: string[] = [];
    try {
      const timed = async (req: () => request.Test, expected: number) => {
        const started = Date.now();
        const res = await req();
        expect(Date.now() - started).toBeLessThan(5000);
        expect(res.status).toBe(expected);
        return res;
      };
      for (let i = 0; i < 4; i++) {
        const created = await timed(() => request(viaProxy.server).post(API).set(coordinator.auth).send({
          title: `Redis weg ${i} ${process.pid}`, owningAgencyId: carrier.agency.id, responsibleId: carrier.person.id,
          deadline: addDays(berlinToday(), 3 + i), milestones: [{ title: 'Zwischenstand', dueDate: addDays(berlinToday(), 2) }],
        }), 201);
        measureIds.push(created.body.id);
        await timed(() => request(viaProxy.server).patch(`${API}/${created.body.id}`).set(coordinator.auth).send({ deadline: addDays(berlinToday(), 10 + i), version: created.body.version }), 200);
        await timed(() => request(viaProxy.server).get(`${API}/${created.body.id}`).set(carrier.auth), 200);
      }
      const health = await timed(() => request(viaProxy.server).get('/health'), 503);
      expect(health.body.down).toEqual(['redis']);
      // Days pass while Redis is still down: the planned reminders fall due with no queue to take them.
      expect((await makeDue(measureIds)).length).toBeGreaterThan(0);
    } finally {
      proxy.resume();
    }
    const due = await dueInbox(measureIds);
    expect(due.length).toBeGreaterThanOrEqual(measureIds.length * 2);
    await waitFor('delivery after Redis is back', () => dueInbox(measureIds), allDelivered, 30_000);
    await expectNoDoubleDelivery(measureIds);
  }, 60_000);
});

describe('two API processes and two worker processes at once', () => {
  it('users on both APIs; both workers scan: each periodic job is scheduled once, each due reminder delivered once', async () => {
    const queuePrefix = prefix('pair');
    const second = await createTestApp({ QUEUE_PREFIX: queuePrefix });
    try {
      const coordinator = await t.make.person(['coordinator']);
      const carriers = [await t.make.person(['liaison']), await t.make.person(['liaison'])];
      for (const c of carriers) await inboxOnly(c);
      const [w1, w2] = await Promise.all([spawnNode('dist/apps/worker/src/main.js', '"worker started"', { QUEUE_PREFIX: queuePrefix }), spawnNode('dist/apps/worker/src/main.js', '"worker started"', { QUEUE_PREFIX: queuePrefix })]);
      expect(w1 && w2).toBeTruthy();
      const apis = [t, second];
      // Each carrier's measures are created on one API and moved on the other, all at once.
      const created = await Promise.all(Array.from({ length: 10 }, async (_, i) => {
        const carrier = carriers[i % 2]!;
        const res = await request(apis[i % 2]!.server).post(API).set(coordinator.auth).send({
          title: `Zwei Prozesse ${i} ${process.pid}`, owningAgencyId: carrier.agency.id, responsibleId: carrier.person.id, deadline: addDays(berlinToday(), 5),
        }).expect(201);
        await request(apis[(i + 1) % 2]!.server).patch(`${API}/${res.body.id}`).set(coordinator.auth).send({ deadline: addDays(berlinToday(), 9), version: res.body.version }).expect(200);
        return res.body.id as string;
      }));
      expect((await makeDue(created)).length).toBeGreaterThanOrEqual(10);
      const rows = await waitFor('delivery by two workers', () => dueInbox(created), allDelivered, 30_000);
      expect(rows.length).toBeGreaterThanOrEqual(10);
      await expectNoDoubleDelivery(created);

      // Both workers registered the same schedules: one scheduler per periodic job, so each runs once per period.
      const backend = new QueueBackend(testConfig({ QUEUE_PREFIX: queuePrefix }));
      try {
        const ids = [...(await backend.queue('notifications').getJobSchedulers()), ...(await backend.queue('maintenance').getJobSchedulers())].map((s) => s.key);
        expect(ids).toEqual([...new Set(ids)]);
        expect(ids).toEqual(expect.arrayContaining(['reminders-scan', 'leadership-digest', 'mail-daily-digest']));
      } finally {
        await backend.onApplicationShutdown();
      }
    } finally {
      await second.close();
    }
  }, 90_000);
});
