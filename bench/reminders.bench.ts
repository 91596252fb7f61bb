// `npm run bench:reminders`: reminder throughput and lateness (issue 9, "Figures").
//
// BENCH_REMINDERS (default 100,000) reminders, due across BENCH_WINDOW_SECONDS (default 60) starting
// BENCH_LEAD_SECONDS (default 5) ahead (time compressed by configuration: real deadlines are days
// apart), are planned through planReminders (the one way to plan; in transactions of
// BENCH_PLAN_BATCH subjects, the scheduling time is measured). BENCH_WORKERS (default 2) processes
// of the BUILT worker (dist/apps/worker/src/main.js, as `npm run start:worker` runs it) deliver them
// with REMINDER_SCAN_SECONDS = BENCH_SCAN_SECONDS (default 2) and WORKER_CONCURRENCY =
// BENCH_CONCURRENCY (default 4, the product's default). Delivery is the inbox channel, so each
// delivered reminder is one notifications row and lateness is sent_at - due_at, read from Postgres.
// Then BullMQ's own rate for no-op jobs on the same Redis: the same number of jobs, the same number
// of workers (in-process, one connection each) and the same concurrency.
//
// Database: BENCH_DATABASE_URL (default drogenrapport_h9bench; its reminders, notifications and
// bench measures are cleared first). Redis: BENCH_REDIS_URL (default redis://127.0.0.1:6379/9),
// each run under its own queue prefix, removed afterwards. Writes bench/results/reminders-<time>.json.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { benchConfig, createDatabaseIfMissing } from './bench-kit.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { dataSourceOptions } from '#database/typeorm-options.js';
import { planReminders } from '#domain/notifications/reminder-plan.js';

const DB_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_h9bench';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/9';
const N = Number(process.env.BENCH_REMINDERS ?? 100_000);
const WINDOW_S = Number(process.env.BENCH_WINDOW_SECONDS ?? 60);
const LEAD_S = Number(process.env.BENCH_LEAD_SECONDS ?? 5);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const SCAN_S = Number(process.env.BENCH_SCAN_SECONDS ?? 2);
/** Reminders per subject (occurrences of one kind) and subjects per planning transaction. */
const PER_SUBJECT = 10;
const PLAN_BATCH = Number(process.env.BENCH_PLAN_BATCH ?? 100);
const TIMEOUT_S = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 600);
const PEOPLE = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');

/** One agency, PEOPLE people with the inbox as their only channel for measures, N / PER_SUBJECT open measures. */
async function prepare(ds: DataSource): Promise<Array<{ id: string; responsible: string }>> {
  await ds.query(`TRUNCATE notifications, reminders`);
  await ds.query(`DELETE FROM measure_events WHERE measure_id IN (SELECT id FROM measures WHERE title LIKE 'Bench-Erinnerung %')`);
  await ds.query(`DELETE FROM measures WHERE title LIKE 'Bench-Erinnerung %'`);
  await ds.query(`INSERT INTO agencies (name, kind, code) VALUES ('Bench-Behörde Erinnerungen', 'other', 'BENCH-REM') ON CONFLICT (code) DO NOTHING`);
  const [{ id: agencyId }] = await ds.query(`SELECT id FROM agencies WHERE code = 'BENCH-REM'`);
  await ds.query(
    `INSERT INTO people (agency_id, email, display_name, roles, password_hash)
     SELECT $1, 'rem-' || g || '@bench.invalid', 'Bench ' || g, '{liaison}', 'x' FROM generate_series(1, $2::int) g
      WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.email = 'rem-' || g || '@bench.invalid')`,
    [agencyId, PEOPLE],
  );
  await ds.query(
    `INSERT INTO notification_settings (person_id, channels)
     SELECT id, '{"measures":["inbox"]}' FROM people WHERE email LIKE 'rem-%@bench.invalid'
     ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels`,
  );
  const subjects = Math.ceil(N / PER_SUBJECT);
  return (await ds.query(
    `WITH p AS (SELECT array_agg(id ORDER BY email) AS id FROM people WHERE email LIKE 'rem-%@bench.invalid')
     INSERT INTO measures (title, owning_agency_id, responsible_id, start_date, deadline, status, created_by)
     SELECT 'Bench-Erinnerung ' || g, $1, p.id[1 + g % cardinality(p.id)], current_date, current_date + 30, 'in_progress', p.id[1]
       FROM generate_series(1, $2::int) g, p
     RETURNING id, responsible_id AS responsible`,
    [agencyId, subjects],
  )) as Array<{ id: string; responsible: string }>;
}

/** Plans N reminders through planReminders, PLAN_BATCH subjects per transaction; due evenly across the window. */
async function plan(ds: DataSource, measures: Array<{ id: string; responsible: string }>, start: number): Promise<number> {
  const t0 = performance.now();
  let k = 0;
  for (let b = 0; b < measures.length; b += PLAN_BATCH) {
    await ds.transaction(async (m) => {
      for (const x of measures.slice(b, b + PLAN_BATCH)) {
        const intents = [];
        for (let j = 0; j < PER_SUBJECT && k < N; j++, k++) {
          intents.push({ kind: 'measure_due_soon' as const, occurrence: `bench-${j}`, recipients: [x.responsible], dueAt: new Date(start + (k / N) * WINDOW_S * 1000), webhooks: false });
        }
        await planReminders(m, { type: 'measure', id: x.id }, ['measure_due_soon'], intents);
      }
    });
  }
  return (performance.now() - t0) / 1000;
}

function spawnWorker(prefix: string): Promise<ChildProcess> {
  const entry = fileURLToPath(new URL('../apps/worker/src/main.js', import.meta.url));
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'info', DEMO_DATA: 'false',
    DATABASE_URL: DB_URL, REDIS_URL, JWT_SECRET: 'reminder-bench-secret-reminder-bench-secret-0123', QUEUE_PREFIX: prefix,
    REMINDER_SCAN_SECONDS: String(SCAN_S), WORKER_CONCURRENCY: String(CONCURRENCY), HEARTBEAT_INTERVAL_SECONDS: '60',
    // The workers' batch size, when given (default: the product's REMINDER_BATCH_SIZE default).
    ...(process.env.REMINDER_BATCH_SIZE ? { REMINDER_BATCH_SIZE: process.env.REMINDER_BATCH_SIZE } : {}),
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`worker not ready:\n${out}`)); }, 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.length > 20_000) out = out.slice(-10_000);
      if (out.includes('"worker started"')) { clearTimeout(timer); resolve(child); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`worker exited with ${code}:\n${out}`)); });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(20_000).then(() => child.kill('SIGKILL'))]);
}

async function dropPrefix(prefix: string): Promise<void> {
  const r = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

/** BullMQ alone: N no-op jobs added in bulk, drained by WORKERS workers of CONCURRENCY each. */
async function bullmqNoop(): Promise<{ addSeconds: number; drainSeconds: number; perSecond: number }> {
  const prefix = `drbench_noop_${process.pid}`;
  const conn = () => new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  const queue = new Queue('noop', { connection: conn(), prefix });
  try {
    const t0 = performance.now();
    for (let i = 0; i < N; i += 1000) {
      await queue.addBulk(Array.from({ length: Math.min(1000, N - i) }, (_, j) => ({ name: 'noop', data: { i: i + j }, opts: { removeOnComplete: true, removeOnFail: true } })));
    }
    const addSeconds = (performance.now() - t0) / 1000;
    let done = 0;
    let resolveDone!: () => void;
    const finished = new Promise<void>((r) => (resolveDone = r));
    const t1 = performance.now();
    const workers = Array.from({ length: WORKERS }, () => {
      const w = new Worker('noop', async () => undefined, { connection: conn(), prefix, concurrency: CONCURRENCY });
      w.on('completed', () => { if (++done === N) resolveDone(); });
      return w;
    });
    await Promise.race([finished, sleep(TIMEOUT_S * 1000)]);
    const drainSeconds = (performance.now() - t1) / 1000;
    await Promise.all(workers.map((w) => w.close()));
    return { addSeconds, drainSeconds, perSecond: done / drainSeconds };
  } finally {
    await queue.close();
    await dropPrefix(prefix);
  }
}

async function main() {
  await createDatabaseIfMissing(DB_URL);
  const config = benchConfig(DB_URL);
  await prepareDatabase(config);
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  const prefix = `drbench_rem_${process.pid}`;
  const children: ChildProcess[] = [];
  try {
    console.log(`Reminder bench: ${N.toLocaleString('en')} reminders across ${WINDOW_S} s, ${WORKERS} workers x concurrency ${CONCURRENCY}, scan every ${SCAN_S} s; ${cpus().length} CPUs, load ${load()}`);
    const measures = await prepare(ds);
    // Planned an hour ahead (out of the scan's reach) so that the workers can start first; then the
    // whole plan is moved in one statement so that the window starts LEAD_S from now (keeping the
    // spacing planReminders wrote).
    const planStart = Date.now() + 3600_000;
    const planSeconds = await plan(ds, measures, planStart);
    const [{ planned }] = await ds.query(`SELECT count(*)::int AS planned FROM reminders WHERE state = 'pending'`);
    console.log(`  planned ${planned.toLocaleString('en')} reminders in ${planSeconds.toFixed(1)} s (${Math.round(planned / planSeconds).toLocaleString('en')}/s); load ${load()}`);

    const workersReady = performance.now();
    for (let i = 0; i < WORKERS; i++) children.push(await spawnWorker(prefix));
    console.log(`  ${WORKERS} workers started in ${((performance.now() - workersReady) / 1000).toFixed(1)} s`);
    const start = Date.now() + LEAD_S * 1000;
    await ds.query(`UPDATE reminders SET due_at = due_at - make_interval(secs => $1) WHERE state = 'pending'`, [(planStart - start) / 1000]);
    const until = Date.now() + (LEAD_S + WINDOW_S + TIMEOUT_S) * 1000;
    let sent = 0;
    const loadSamples: number[] = [];
    while (Date.now() < until) {
      const [r] = await ds.query(`SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state IN ('pending','sending'))::int AS open FROM reminders`);
      sent = r.sent;
      loadSamples.push(loadavg()[0]!);
      if (r.open === 0) break;
      await sleep(500);
    }
    await Promise.all(children.map(stop));
    const [s] = await ds.query(`
      SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent,
             count(*) FILTER (WHERE state <> 'sent')::int AS other,
             string_agg(DISTINCT state, ',') FILTER (WHERE state <> 'sent') AS other_states,
             (SELECT count(*)::int FROM notifications) AS notifications,
             extract(epoch FROM max(sent_at) - min(sent_at))::float8 AS span,
             extract(epoch FROM max(sent_at) - min(due_at))::float8 AS total,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) FILTER (WHERE state = 'sent') AS p50,
             percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM sent_at - due_at)) FILTER (WHERE state = 'sent') AS p99,
             max(extract(epoch FROM sent_at - due_at)) FILTER (WHERE state = 'sent')::float8 AS max,
             min(extract(epoch FROM sent_at - due_at)) FILTER (WHERE state = 'sent')::float8 AS min
        FROM reminders`);
    const deliveriesPerSecond = s.sent / s.span;
    const offeredPerSecond = N / WINDOW_S;
    console.log(`  delivered ${s.sent.toLocaleString('en')} (${s.notifications.toLocaleString('en')} inbox rows, ${s.other} not sent${s.other_states ? `: ${s.other_states}` : ''}); load ${load()}`);

    const noop = await bullmqNoop();
    const share = deliveriesPerSecond / noop.perSecond;
    const rows: Array<[string, string]> = [
      ['reminders', N.toLocaleString('en')],
      ['window (due times spread across)', `${WINDOW_S} s (offered ${Math.round(offeredPerSecond).toLocaleString('en')}/s)`],
      ['workers x concurrency', `${WORKERS} x ${CONCURRENCY}`],
      ['scheduling (planReminders)', `${planSeconds.toFixed(1)} s (${Math.round(planned / planSeconds).toLocaleString('en')}/s)`],
      ['delivered', `${s.sent.toLocaleString('en')} in ${s.span.toFixed(1)} s (first to last sent)`],
      ['deliveries per second', Math.round(deliveriesPerSecond).toLocaleString('en')],
      ['lateness p50 / p99 / max', `${s.p50.toFixed(2)} s / ${s.p99.toFixed(2)} s / ${s.max.toFixed(2)} s`],
      ['BullMQ no-op jobs per second', `${Math.round(noop.perSecond).toLocaleString('en')} (${N.toLocaleString('en')} jobs in ${noop.drainSeconds.toFixed(1)} s; added in ${noop.addSeconds.toFixed(1)} s)`],
      ['deliveries / no-op rate', `${(share * 100).toFixed(1)} % (target >= 30 %)`],
      ['p99 lateness target (< 2 s)', s.p99 < 2 ? 'met' : `missed by ${(s.p99 - 2).toFixed(2)} s`],
      ['load average during delivery (1 min, mean / max)', `${(loadSamples.reduce((a, b) => a + b, 0) / loadSamples.length).toFixed(2)} / ${Math.max(...loadSamples).toFixed(2)} on ${cpus().length} CPUs`],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log('\n' + rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join('\n'));
    const result = {
      at: new Date().toISOString(), reminders: N, planned, windowSeconds: WINDOW_S, leadSeconds: LEAD_S, workers: WORKERS, concurrency: CONCURRENCY, scanSeconds: SCAN_S,
      schedulingSeconds: planSeconds, delivered: s.sent, notSent: s.other, spanSeconds: s.span, deliveriesPerSecond,
      latenessSeconds: { p50: s.p50, p99: s.p99, max: s.max, min: s.min },
      bullmqNoop: noop, shareOfNoopRate: share,
      load: { cpus: cpus().length, duringDelivery: loadSamples, atEnd: loadavg() },
    };
    const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
    mkdirSync(dir, { recursive: true });
    const file = `${dir}reminders-${result.at.replace(/[:.]/g, '-')}.json`;
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
    console.log(`\n  written ${file}`);
  } finally {
    await Promise.all(children.map(stop));
    await dropPrefix(prefix);
    await ds.destroy();
  }
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
