// `npm run bench:http`: the API's throughput and latency over HTTP against two bare Fastify + pg
// servers on the same database (issue 11). Only HTTP and the database schema are used: the bench
// users and their inbox are rows, everything else goes through the API's routes.
//
//   1. Bench data of --size developments (bench/bench-data.ts, ANALYZE included) in
//      --database-url; a database already loaded with that size is reused (its COMMENT says so).
//   2. The built API (dist/apps/api/src/main.js) once with bench/pg-capture.js preloaded: one request
//      per route (after a warm-up, in the state the route is measured in), the statements it ran
//      cut out per route. Its process ends; the measured API runs without the preload.
//   3. Three servers beside each other: the API, "bare-same" (the captured statements per request)
//      and "bare-single" (one statement per request), see bench/bare-server.ts.
//   4. autocannon per route and --connections, --duration s a round, --rounds rounds interleaved
//      (bare-single, bare-same, API, bare-single, ...), load average and each server's max RSS
//      (/proc/<pid>/status VmRSS, sampled every 250 ms, child processes included) per round.
//   5. A markdown table, and JSON in bench/results/http-<time>.json.
//
// --embedded measures `npm start` (PGlite, the demo city in a fresh data directory; the demo
// police liaison and the coordinator) instead: no bare servers, no ratios or targets. Every child process is ended on exit, error and SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { prepareDatabase } from '#database/prepare-database.js';
import { dataSourceOptions } from '#database/typeorm-options.js';
import type { BarePlan, BareRoute } from './bare-server.js';
import { loadDevelopments, recreateDatabase } from './bench-data.js';
import { benchConfig, createDatabaseIfMissing } from './bench-kit.js';
import type { CapturedStatement } from './pg-capture.js';

const { values: flags } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    connections: { type: 'string', default: '16,64' },
    duration: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '2' },
    routes: { type: 'string' },
    embedded: { type: 'boolean', default: false },
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_bench_http' },
    'redis-url': { type: 'string', default: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/5' },
    'base-port': { type: 'string', default: '3301' },
  },
});
const SIZE = Number(flags.size);
const CONNECTIONS = flags.connections!.split(',').map(Number);
const DURATION = Number(flags.duration);
const ROUNDS = Number(flags.rounds);
const DB_URL = flags['database-url']!;
const REDIS_URL = flags['redis-url']!;
const PORT = Number(flags['base-port']);
const PORTS = { api: PORT, bareSingle: PORT + 1, bareSame: PORT + 2, capture: PORT + 3 };
if (![SIZE, DURATION, ROUNDS, PORT, ...CONNECTIONS].every((n) => Number.isInteger(n) && n > 0)) throw new Error('--size, --duration, --rounds, --base-port and --connections take positive integers.');

const API_ENTRY = fileURLToPath(new URL('../apps/api/src/main.js', import.meta.url));
/** Node's flags from the scripts a user runs (`npm run start:api`, `npm start`), so that the bench measures the product as started. */
const PACKAGE_SCRIPTS = (JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> }).scripts;
const nodeFlags = (script: string) => PACKAGE_SCRIPTS[script]!.split(/\s+/).filter((arg) => arg.startsWith('--'));
const CAPTURE_PRELOAD = fileURLToPath(new URL('./pg-capture.js', import.meta.url));
const BARE_ENTRY = fileURLToPath(new URL('./bare-server.js', import.meta.url));
const START_SCRIPT = fileURLToPath(new URL('../../scripts/start.mjs', import.meta.url));
const RESULTS = fileURLToPath(new URL('../../bench/results/', import.meta.url));
const WORK = mkdtempSync(join(tmpdir(), 'drbench-http-'));
const PASSWORD = 'Http-Bench-Passwort-2026';
const DEMO_PASSWORD = 'Lindenbrueck-Demo-2026';
const JWT_SECRET = `http-bench-${process.pid}-0123456789abcdef0123456789abcdef`;
const QUEUE_PREFIX = `drbench_http_${process.pid}`;
/** The product's pool size on PostgreSQL (libs/database/typeorm-options.ts); the bare servers get the same. */
const POOL_SIZE = 10;
/** Measures the status-change route cycles through (in_progress <-> blocked), far more than connections. */
const MEASURE_POOL = 400;
const DAY = 24 * 3600 * 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load1 = () => Number(loadavg()[0]!.toFixed(2));

// ---------------------------------------------------------------------------------------------
// Child processes: every one is ended when the harness ends, however it ends.
const children = new Set<ChildProcess>();

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = openSync(join(WORK, `${name}.log`), 'a');
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', log, log], detached: false });
  closeSync(log);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  for (const pid of descendants(child.pid!)) try { process.kill(pid, 'SIGTERM'); } catch { /* gone */ }
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
}

function killAllNow(): void {
  for (const c of children) {
    for (const pid of descendants(c.pid!)) try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ }
    c.kill('SIGKILL');
  }
}
process.on('exit', killAllNow);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => { killAllNow(); process.exit(130); });

async function waitHealthy(base: string, child: ChildProcess, name: string, timeoutMs = 180_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}; see ${join(WORK, `${name}.log`)}:\n${tail(name)}`);
    try {
      const r = await fetch(`${base}/health`);
      if (r.ok) return;
    } catch { /* not yet */ }
    await sleep(250);
  }
  throw new Error(`${name} not healthy after ${timeoutMs / 1000} s:\n${tail(name)}`);
}

const tail = (name: string) => { try { return readFileSync(join(WORK, `${name}.log`), 'utf8').slice(-3000); } catch { return ''; } };

// ---------------------------------------------------------------------------------------------
// Memory: RSS of a process and its descendants, from /proc.
function descendants(pid: number): number[] {
  const out: number[] = [];
  let ppids: Map<number, number[]>;
  try {
    ppids = new Map();
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      let stat: string;
      try { stat = readFileSync(`/proc/${entry}/stat`, 'utf8'); } catch { continue; }
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      ppids.set(ppid, [...(ppids.get(ppid) ?? []), Number(entry)]);
    }
  } catch {
    return out;
  }
  const walk = (p: number) => { for (const c of ppids.get(p) ?? []) { out.push(c); walk(c); } };
  walk(pid);
  return out;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const p of [pid, ...descendants(pid)]) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch { /* gone */ }
  }
  return Math.round(kb / 1024);
}

// ---------------------------------------------------------------------------------------------
// Bench data and users.
async function ensureData(): Promise<void> {
  const name = new URL(DB_URL).pathname.slice(1);
  if (!name.includes('bench')) throw new Error(`Refusing "${name}": the bench database's name must contain "bench".`);
  await createDatabaseIfMissing(DB_URL);
  const marker = `drogenrapport http bench: ${SIZE} developments loaded`;
  const c = new pg.Client({ connectionString: DB_URL });
  await c.connect();
  const [row] = (await c.query(`SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = $1`, [name])).rows;
  await c.end();
  const config = benchConfig(DB_URL);
  if (row?.d === marker) {
    console.log(`Reusing ${name}: ${SIZE.toLocaleString('en')} developments already loaded.`);
    await prepareDatabase(config);
    return;
  }
  console.log(`Loading ${SIZE.toLocaleString('en')} developments into ${name} (recreated) ...`);
  await recreateDatabase(DB_URL);
  await prepareDatabase(config);
  const ds = new DataSource(dataSourceOptions(config));
  await ds.initialize();
  try {
    await loadDevelopments(ds, SIZE);
    await ds.query(`COMMENT ON DATABASE "${name}" IS '${marker}'`);
  } finally {
    await ds.destroy();
  }
}

interface BenchUsers { liaison: { email: string; password: string }; lead: { email: string; password: string } }

/**
 * Two people of agency B-3 (named on part of the restricted records, as in the other benches),
 * access confirmed: a liaison (writes, lists, inbox) and a leader who is also coordinator
 * (dashboard, creating the measures). The liaison's inbox gets 60 notifications, 20 unread.
 */
async function ensureUsers(): Promise<BenchUsers> {
  const c = new pg.Client({ connectionString: DB_URL });
  await c.connect();
  try {
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    for (const [email, roles] of [['http-liaison@bench.invalid', '{liaison}'], ['http-lead@bench.invalid', '{leadership,coordinator}']] as const) {
      await c.query(
        `INSERT INTO people (agency_id, email, display_name, roles, password_hash, access_confirmed_at)
         SELECT id, $1, 'HTTP-Bench ' || $2, $2::text[], $3, now() FROM agencies WHERE code = 'B-3'
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true, roles = EXCLUDED.roles,
                                           access_confirmed_at = coalesce(people.access_confirmed_at, now())`,
        [email, roles, hash],
      );
    }
    await c.query(`
      WITH p AS (SELECT id FROM people WHERE email = 'http-liaison@bench.invalid'),
           r AS (INSERT INTO reminders (kind, subject_type, occurrence, recipient_id, channel, due_at, state, sent_at)
                 SELECT 'measure_due_soon', 'measure', 'http-bench-' || g, p.id, 'inbox', now() - g * interval '1 hour', 'sent', now() - g * interval '1 hour'
                   FROM generate_series(1, 60) g, p
                 ON CONFLICT ON CONSTRAINT reminders_once DO NOTHING
                 RETURNING id, recipient_id, occurrence, due_at)
      INSERT INTO notifications (person_id, reminder_id, kind, subject_type, title, link, created_at, read_at)
      SELECT r.recipient_id, r.id, 'measure_due_soon', 'measure', 'Frist in 7 Tagen: HTTP-Bench ' || r.occurrence, '/massnahmen', r.due_at,
             CASE WHEN split_part(r.occurrence, '-', 3)::int > 20 THEN r.due_at + interval '1 hour' END
        FROM r`);
  } finally {
    await c.end();
  }
  return { liaison: { email: 'http-liaison@bench.invalid', password: PASSWORD }, lead: { email: 'http-lead@bench.invalid', password: PASSWORD } };
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers (only the API's routes).
async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  let json: unknown = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: r.status, json, text };
}

async function expectOk(p: Promise<{ status: number; json: any; text: string }>, what: string): Promise<any> {
  const r = await p;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
  return r.json;
}

async function login(base: string, who: { email: string; password: string }): Promise<string> {
  return (await expectOk(call(base, 'POST', '/api/v1/auth/login', undefined, who), `login ${who.email}`)).accessToken as string;
}

/** MEASURE_POOL measures of the liaison's agency in progress, the liaison responsible (made once through the API, then reused). */
async function ensureMeasures(base: string, coordinator: string, liaison: string): Promise<string[]> {
  const me = await expectOk(call(base, 'GET', '/api/v1/me', liaison), 'me');
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await expectOk(call(base, 'GET', `/api/v1/measures?limit=200&owningAgencyId=${me.agency?.id ?? me.agencyId}&status=in_progress,blocked${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, liaison), 'measures');
    for (const m of page.items) if (String(m.title).startsWith('HTTP-Bench-Maßnahme') && m.responsible?.id === me.id) ids.push(m.id);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && ids.length < MEASURE_POOL);
  const missing = MEASURE_POOL - ids.length;
  if (missing > 0) console.log(`  creating ${missing} measures through the API ...`);
  const deadline = new Date(Date.now() + 120 * DAY).toISOString().slice(0, 10);
  for (let i = 0; i < missing; i += 8) {
    ids.push(...await Promise.all(Array.from({ length: Math.min(8, missing - i) }, async (_, j) => {
      const m = await expectOk(call(base, 'POST', '/api/v1/measures', coordinator, {
        title: `HTTP-Bench-Maßnahme ${Date.now()}-${i + j}`, owningAgencyId: me.agency?.id ?? me.agencyId, responsibleId: me.id, deadline,
      }), 'create measure');
      await expectOk(call(base, 'POST', `/api/v1/measures/${m.id}/status`, liaison, { status: 'in_progress' }), 'start measure');
      return m.id as string;
    })));
  }
  return ids.slice(0, MEASURE_POOL);
}

// ---------------------------------------------------------------------------------------------
// Routes.
type Who = 'liaison' | 'lead';
interface RouteDef {
  key: string;
  title: string;
  method: 'GET' | 'POST';
  pattern: string;
  who: Who;
  /** The request autocannon sends; measures pick their own. */
  path: () => string;
  body?: () => unknown;
  /** Sent (unmeasured) before every measured request on the same connection: a write that makes the cache cold. */
  writeBefore?: boolean;
  warm?: boolean;
  /** Issue 11's target for this route, checked on the API's figures. */
  targets: Array<{ text: string; check: (s: Summary) => boolean | null }>;
}

interface Fixtures { placeId: string; developmentId: string; measures: string[]; measureState: Map<string, string>; from: string; to: string }

function routes(f: Fixtures): RouteDef[] {
  let k = 0;
  const nextMeasure = () => f.measures[k++ % f.measures.length]!;
  const trendsPath = () => `/api/v1/developments/trends?from=${encodeURIComponent(f.from)}&to=${encodeURIComponent(f.to)}&interval=week`;
  const p99 = (s: Summary) => s.connections === 64 ? s.api.p99 < 100 : null;
  const ratio = (key: 'vsSame' | 'vsSingle', min: number) => (s: Summary) => s.ratios ? s.ratios[key] >= min : null;
  const rss = (s: Summary) => s.connections === 64 ? s.api.rssMaxMb < 250 : null;
  return [
    { key: 'dev-create', title: 'POST development', method: 'POST', pattern: '/api/v1/developments', who: 'liaison', path: () => '/api/v1/developments',
      body: () => ({ category: 'syringe_finds', observedAt: new Date(Date.now() - 3600_000).toISOString(), placeId: f.placeId, count: 3, substances: ['heroin'], severity: 2, description: 'HTTP-Bench: Spritzen im Gebüsch gefunden', visibility: 'all' }),
      targets: [{ text: 'API >= 35 % of bare-single', check: ratio('vsSingle', 0.35) }, { text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }, { text: 'RSS < 250 MB at 64', check: rss }] },
    { key: 'dev-list', title: 'GET developments, first page', method: 'GET', pattern: '/api/v1/developments', who: 'liaison', path: () => '/api/v1/developments?limit=50',
      targets: [{ text: 'API >= 40 % of bare-single', check: ratio('vsSingle', 0.4) }, { text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }, { text: 'RSS < 250 MB at 64', check: rss }] },
    { key: 'dev-get', title: 'GET one development', method: 'GET', pattern: '/api/v1/developments/:id', who: 'liaison', path: () => `/api/v1/developments/${f.developmentId}`,
      targets: [{ text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }] },
    { key: 'trends-after-write', title: 'GET trends, whole city, a year by week, right after a write', method: 'GET', pattern: '/api/v1/developments/trends', who: 'liaison', path: trendsPath, writeBefore: true,
      targets: [{ text: 'p95 < 50 ms', check: (s) => s.api.p95 < 50 }, { text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }] },
    { key: 'trends-cached', title: 'GET trends, whole city, a year by week, cached', method: 'GET', pattern: '/api/v1/developments/trends', who: 'liaison', path: trendsPath, warm: true,
      targets: [{ text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }] },
    { key: 'dashboard', title: 'GET dashboard', method: 'GET', pattern: '/api/v1/dashboard', who: 'lead', path: () => '/api/v1/dashboard',
      targets: [{ text: 'p95 < 30 ms', check: (s) => s.api.p95 < 30 }, { text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }] },
    { key: 'measure-status', title: 'POST measure status change', method: 'POST', pattern: '/api/v1/measures/:id/status', who: 'liaison',
      path: () => `/api/v1/measures/${nextMeasure()}/status`,
      targets: [{ text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }] },
    { key: 'inbox', title: 'GET inbox (me/notifications)', method: 'GET', pattern: '/api/v1/me/notifications', who: 'liaison', path: () => '/api/v1/me/notifications',
      targets: [{ text: 'API >= 60 % of bare-same', check: ratio('vsSame', 0.6) }, { text: 'p99 < 100 ms at 64', check: p99 }] },
  ];
}

/** The next status of a bench measure: in_progress <-> blocked (a reason is required for blocked). */
function statusBody(state: Map<string, string>, id: string): { status: string; reason?: string } {
  return state.get(id) === 'blocked' ? { status: 'in_progress' } : { status: 'blocked', reason: 'HTTP-Bench: wartet auf Zuständigkeit' };
}

// ---------------------------------------------------------------------------------------------
// Capture: one request per route on an API with bench/pg-capture.js preloaded.
function apiEnv(port: number, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'info', DEMO_DATA: 'false',
    DATABASE_URL: DB_URL, REDIS_URL, JWT_SECRET, QUEUE_PREFIX, PORT: String(port), HOST: '127.0.0.1', ...extra,
  };
}

async function capture(defs: RouteDef[], users: BenchUsers, f: Fixtures): Promise<Map<string, { statements: CapturedStatement[]; status: number; body: unknown; pathId?: string }>> {
  const file = join(WORK, 'statements.jsonl');
  writeFileSync(file, '');
  const child = startChild('api-capture', ['--import', CAPTURE_PRELOAD, API_ENTRY], apiEnv(PORTS.capture, { BENCH_PG_CAPTURE_FILE: file }));
  const base = `http://127.0.0.1:${PORTS.capture}`;
  const out = new Map<string, { statements: CapturedStatement[]; status: number; body: unknown; pathId?: string }>();
    let lastPath = '';
  try {
    await waitHealthy(base, child, 'api-capture');
    const tokens = { liaison: await login(base, users.liaison), lead: await login(base, users.lead) };
    const createDef = defs.find((d) => d.key === 'dev-create')!;
    const send = async (d: RouteDef) => {
      let path = d.path();
      lastPath = path;
      let body = d.body?.();
      if (d.key === 'measure-status') {
        const id = /measures\/([^/]+)\//.exec(path)![1]!;
        body = statusBody(f.measureState, id);
        path = `/api/v1/measures/${id}/status`;
        const r = await call(base, d.method, path, tokens[d.who], body);
        if (r.status === 200) f.measureState.set(id, (body as { status: string }).status);
        return r;
      }
      return call(base, d.method, path, tokens[d.who], body);
    };
    for (const d of defs) {
      // Twice untimed first: lazy loads and caches of the first request are not what is measured.
      for (let i = 0; i < 2; i++) {
        if (d.writeBefore) await send(createDef);
        await send(d);
      }
      if (d.writeBefore) await send(createDef);
      await sleep(200); // statements of earlier requests that finish late (audit after the answer) stay out
      const from = statSync(file).size;
      const r = await send(d);
      await sleep(200);
      if (r.status >= 300) throw new Error(`capture of ${d.key}: HTTP ${r.status} ${r.text.slice(0, 500)}`);
      const lines = readFileSync(file).subarray(from).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as CapturedStatement);
      out.set(d.key, { statements: lines, status: r.status, body: r.json, pathId: /\/([0-9a-f-]{36})(\/|$|\?)/.exec(lastPath)?.[1] });
    }
  } finally {
    await stopChild(child);
  }
  return out;
}

/**
 * For a write the INSERT/UPDATE of the route's own table (also as the first part of a WITH, as the
 * status change's UPDATE ... RETURNING its view); for a read the SELECT that returned the most rows (then the slowest).
 */
function singleIndex(def: RouteDef, statements: CapturedStatement[]): number {
  const table = def.key === 'dev-create' ? /^\s*(WITH \w+ AS \(\s*)?INSERT INTO "?developments"?/i : def.key === 'measure-status' ? /^\s*(WITH \w+ AS \(\s*)?UPDATE "?measures"?/i : null;
  if (table) {
    const i = statements.findIndex((s) => table.test(s.text));
    // A write's floor is its own INSERT/UPDATE: a changed statement shape must not fall back to a read.
    if (i < 0) throw new Error(`${def.key}: the captured statements hold no write of its row for bare-single`);
    return i;
  }
  let best = -1;
  statements.forEach((s, i) => {
    const b = statements[best];
    if (/^\s*(WITH|SELECT)/i.test(s.text) && (!b || s.rows > b.rows || (s.rows === b.rows && s.end - s.start > b.end - b.start))) best = i;
  });
  if (best < 0) throw new Error(`${def.key}: no statement to run in bare-single`);
  return best;
}

// ---------------------------------------------------------------------------------------------
// Measuring.
interface Round {
  server: string;
  round: number;
  requestsPerSecond: number;
  p50: number; p95: number; p99: number;
  measured: number;
  non2xx: number; errors: number; timeouts: number;
  statuses: Record<string, number>;
  rssMaxMb: number;
  load1: { start: number; end: number };
}
interface ServerFigures { requestsPerSecond: number; p50: number; p95: number; p99: number; rssMaxMb: number; non2xx: number; errors: number }
interface Summary {
  route: string; title: string; connections: number;
  api: ServerFigures; bareSame?: ServerFigures; bareSingle?: ServerFigures;
  ratios?: { vsSame: number; vsSingle: number };
  targets: Array<{ text: string; met: boolean | null }>;
  rounds: Round[];
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function runRound(server: string, target: { base: string; pid: number; api: boolean }, def: RouteDef, connections: number, tokens: Record<Who, string>, f: Fixtures, createDef: RouteDef, round: number): Promise<Round> {
  const headers = (who: Who, json: boolean) => ({ authorization: `Bearer ${tokens[who]}`, 'x-bench-route': '', ...(json ? { 'content-type': 'application/json' } : {}) });
  const measured = def.method === 'POST' ? (def.key === 'dev-create' ? 201 : 200) : 200;
  const requests: autocannon.Request[] = [];
  if (def.writeBefore) {
    requests.push({ method: 'POST', path: createDef.path(), headers: { ...headers('liaison', true), 'x-bench-route': createDef.key }, setupRequest: (req) => ({ ...req, body: JSON.stringify(createDef.body!()) }) });
  }
  if (def.key === 'measure-status') {
    requests.push({
      method: 'POST', path: '/', headers: { ...headers(def.who, true), 'x-bench-route': def.key },
      setupRequest: (req, ctx) => {
        const path = def.path();
        const id = /measures\/([^/]+)\//.exec(path)![1]!;
        const body = statusBody(f.measureState, id);
        ctx.id = id;
        ctx.status = body.status;
        return { ...req, path, body: JSON.stringify(body) };
      },
      onResponse: (status, _body, ctx) => { if (target.api && status === 200) f.measureState.set(String(ctx.id), String(ctx.status)); },
    });
  } else {
    requests.push({
      method: def.method, path: def.path(), headers: { ...headers(def.who, def.method === 'POST'), 'x-bench-route': def.key },
      ...(def.body ? { setupRequest: (req: autocannon.Request) => ({ ...req, body: JSON.stringify(def.body!()) }) } : {}),
    });
  }
  // The bare servers' replays moved the measures too: the API round starts from their real status.
  if (def.key === 'measure-status' && target.api) await syncMeasureStates(target.base, tokens.liaison, f);
  if (def.warm) await fetch(`${target.base}${def.path()}`, { headers: headers(def.who, false) as Record<string, string> & { 'x-bench-route': string } }).then((r) => r.text());
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let rssMax = 0;
  const sampler = setInterval(() => { rssMax = Math.max(rssMax, rssMb(target.pid)); }, 250);
  rssMax = rssMb(target.pid);
  const loadStart = load1();
  const instance = autocannon({ url: target.base, connections, duration: DURATION, requests, timeout: 30 });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === measured) latencies.push(ms);
  });
  const result = await instance;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const errors = result.errors;
  const non2xx = result.non2xx;
  const r: Round = {
    server, round, requestsPerSecond: latencies.length / DURATION, measured: latencies.length,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
    non2xx, errors, timeouts: result.timeouts, statuses, rssMaxMb: rssMax, load1: { start: loadStart, end: load1() },
  };
  const loud = non2xx || errors || result.timeouts ? `   !!! ${non2xx} non-2xx, ${errors} errors, ${result.timeouts} timeouts (statuses ${JSON.stringify(statuses)}) !!!` : '';
  console.log(`  ${def.key} c=${connections} ${server.padEnd(11)} round ${round}: ${r.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1)} p95 ${r.p95.toFixed(1)} p99 ${r.p99.toFixed(1)} ms  RSS ${r.rssMaxMb} MB  load ${r.load1.start} -> ${r.load1.end}${loud}`);
  return r;
}

function figures(rounds: Round[]): ServerFigures {
  const mean = (f: (r: Round) => number) => rounds.reduce((a, r) => a + f(r), 0) / rounds.length;
  return {
    requestsPerSecond: mean((r) => r.requestsPerSecond), p50: mean((r) => r.p50), p95: mean((r) => r.p95), p99: mean((r) => r.p99),
    rssMaxMb: Math.max(...rounds.map((r) => r.rssMaxMb)), non2xx: rounds.reduce((a, r) => a + r.non2xx, 0), errors: rounds.reduce((a, r) => a + r.errors + r.timeouts, 0),
  };
}

// ---------------------------------------------------------------------------------------------
async function dropQueuePrefix(): Promise<void> {
  if (flags.embedded) return;
  const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await r.connect();
    let cursor = '0';
    do {
      const [next, keys] = await r.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await r.del(...keys);
    } while (cursor !== '0');
  } finally {
    r.disconnect();
  }
}

async function fixtures(base: string, tokens: Record<Who, string>): Promise<Fixtures> {
  const now = Date.now();
  const places = await expectOk(call(base, 'GET', '/api/v1/places?limit=20', tokens.liaison), 'places');
  const list = await expectOk(call(base, 'GET', '/api/v1/developments?limit=50', tokens.liaison), 'developments');
  const dev = list.items.find((d: { visibility: string }) => d.visibility === 'all') ?? list.items[0];
  if (!places.items.length || !dev) throw new Error('the bench data has no places or developments');
  return {
    placeId: places.items[0].id, developmentId: dev.id, measures: [], measureState: new Map(),
    // Fixed for the whole run, so that the cached variant can hit the cache; to lies a day ahead so the bench's own writes count.
    from: new Date(now - 365 * DAY).toISOString(), to: new Date(now + DAY).toISOString(),
  };
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const started = new Date();
  console.log(`HTTP bench: ${flags.embedded ? 'embedded mode (npm start, demo city)' : `${SIZE.toLocaleString('en')} developments`}, connections ${CONNECTIONS.join('/')}, ${DURATION} s x ${ROUNDS} rounds; ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  let users: BenchUsers;
  const servers: Array<{ name: string; base: string; child: ChildProcess; api: boolean }> = [];
  let captured: Awaited<ReturnType<typeof capture>> | null = null;
  let defs: RouteDef[];
  let f: Fixtures;
  let apiBase: string;
  if (flags.embedded) {
    const dataDir = join(WORK, 'data');
    users = { liaison: { email: 'polizei@demo.drogenrapport.invalid', password: DEMO_PASSWORD }, lead: { email: 'koordination@demo.drogenrapport.invalid', password: DEMO_PASSWORD } };
    const child = startChild('embedded', [...nodeFlags('start'), START_SCRIPT], { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir, PORT: String(PORTS.api), HOST: '127.0.0.1', LOG_LEVEL: 'info' });
    apiBase = `http://127.0.0.1:${PORTS.api}`;
    await waitHealthy(apiBase, child, 'embedded', 300_000);
    servers.push({ name: 'api', base: apiBase, child, api: true });
  } else {
    await ensureData();
    users = await ensureUsers();
    const child = startChild('api', [...nodeFlags('start:api'), API_ENTRY], apiEnv(PORTS.api));
    apiBase = `http://127.0.0.1:${PORTS.api}`;
    await waitHealthy(apiBase, child, 'api');
    servers.push({ name: 'api', base: apiBase, child, api: true });
  }
  let tokens: Record<Who, string> = { liaison: await login(apiBase, users.liaison), lead: await login(apiBase, users.lead) };
  f = await fixtures(apiBase, tokens);
  f.measures = await ensureMeasures(apiBase, tokens.lead, tokens.liaison);
  for (const id of f.measures) f.measureState.set(id, 'in_progress');
  await syncMeasureStates(apiBase, tokens.liaison, f);
  defs = routes(f);
  if (flags.routes) {
    const wanted = new Set(flags.routes.split(','));
    defs = defs.filter((d) => wanted.has(d.key));
    if (!defs.length) throw new Error(`--routes: none of ${flags.routes}; known: ${routes(f).map((d) => d.key).join(', ')}`);
  }
  const createDef = routes(f).find((d) => d.key === 'dev-create')!;

  if (!flags.embedded) {
    // The measured API must not hold the connections of the capture run's measures: stop it while capturing.
    console.log('Capturing the statements the API runs per route ...');
    const all = [...new Map([...defs, createDef].map((d) => [d.key, d])).values()];
    captured = await capture(all, users, f);
    await syncMeasureStates(apiBase, tokens.liaison, f);
    for (const [key, c] of captured) console.log(`  ${key}: ${c.statements.length} statements`);
    const bareRoutes: BareRoute[] = all.map((d) => {
      const c = captured!.get(d.key)!;
      return { key: d.key, method: d.method, pattern: d.pattern, statements: c.statements, pathId: d.pattern.includes(':id') ? c.pathId : undefined, single: singleIndex(d, c.statements), status: c.status, body: c.body };
    });
    for (const [name, mode, port] of [['bare-single', 'single', PORTS.bareSingle], ['bare-same', 'same', PORTS.bareSame]] as const) {
      const plan: BarePlan = { mode, port, databaseUrl: DB_URL, jwtSecret: JWT_SECRET, poolSize: POOL_SIZE, routes: bareRoutes };
      const planFile = join(WORK, `${name}.json`);
      writeFileSync(planFile, JSON.stringify(plan));
      const child = startChild(name, [BARE_ENTRY, planFile], { PATH: process.env.PATH, HOME: process.env.HOME });
      await waitHealthy(`http://127.0.0.1:${port}`, child, name);
      servers.unshift({ name, base: `http://127.0.0.1:${port}`, child, api: false });
    }
  }

  const summaries: Summary[] = [];
  try {
    for (const def of defs) {
      // Fresh tokens per route: a full run takes longer than an access token lives.
      tokens = { liaison: await login(apiBase, users.liaison), lead: await login(apiBase, users.lead) };
      for (const connections of CONNECTIONS) {
        const rounds: Round[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          for (const s of servers) {
            rounds.push(await runRound(s.name, { base: s.base, pid: s.child.pid!, api: s.api }, def, connections, tokens, f, createDef, round));
          }
        }
        const of = (name: string) => { const rs = rounds.filter((r) => r.server === name); return rs.length ? figures(rs) : undefined; };
        const s: Summary = { route: def.key, title: def.title, connections, api: of('api')!, bareSame: of('bare-same'), bareSingle: of('bare-single'), targets: [], rounds };
        if (s.bareSame && s.bareSingle) s.ratios = { vsSame: s.api.requestsPerSecond / s.bareSame.requestsPerSecond, vsSingle: s.api.requestsPerSecond / s.bareSingle.requestsPerSecond };
        if (!flags.embedded) s.targets = def.targets.map((t) => ({ text: t.text, met: t.check(s) })).filter((t) => t.met !== null);
        summaries.push(s);
      }
    }
  } finally {
    for (const s of servers) await stopChild(s.child);
    await dropQueuePrefix().catch(() => undefined);
  }

  const table = markdown(summaries);
  console.log(`\n${table}`);
  const anyErrors = summaries.some((s) => s.rounds.some((r) => r.non2xx || r.errors || r.timeouts));
  if (anyErrors) console.log('\n!!! Some rounds had non-2xx answers, errors or timeouts: their figures are not comparable (see the rounds above and the JSON). !!!');
  const result = {
    at: started.toISOString(), mode: flags.embedded ? 'embedded' : 'postgres', size: flags.embedded ? null : SIZE, connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS,
    machine: { cpus: cpus().length, loadAtEnd: loadavg() }, summaries,
    statements: captured ? Object.fromEntries([...captured].map(([k, c]) => [k, c.statements.map((s) => ({ text: s.text, client: s.client, ms: Number((s.end - s.start).toFixed(2)), rows: s.rows }))])) : undefined,
  };
  const file = `${RESULTS}http-${result.at.replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify(result, null, 2) + '\n');
  console.log(`\nwritten ${file}`);
}

/** The measures' real status, read through the API (the capture run moved some). */
async function syncMeasureStates(base: string, token: string, f: Fixtures): Promise<void> {
  for (let i = 0; i < f.measures.length; i += 16) {
    await Promise.all(f.measures.slice(i, i + 16).map(async (id) => {
      const m = await expectOk(call(base, 'GET', `/api/v1/measures/${id}`, token), 'measure');
      f.measureState.set(id, m.status);
    }));
  }
}

function markdown(summaries: Summary[]): string {
  const n = (x: number | undefined, d = 0) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const pct = (x: number | undefined) => (x === undefined ? '–' : `${(x * 100).toFixed(0)} %`);
  const lines = flags.embedded
    ? ['| route | conn | API req/s | p50 ms | p95 ms | p99 ms | RSS MB | errors |', '|---|---|---|---|---|---|---|---|']
    : ['| route | conn | API req/s | bare-same req/s | bare-single req/s | API/same | API/single | API p50 / p95 / p99 ms | RSS MB API / same / single | errors | targets |', '|---|---|---|---|---|---|---|---|---|---|---|'];
  for (const s of summaries) {
    const err = s.rounds.reduce((a, r) => a + r.non2xx + r.errors + r.timeouts, 0);
    const errText = err ? `**${err}**` : '0';
    if (flags.embedded) {
      lines.push(`| ${s.title} | ${s.connections} | ${n(s.api.requestsPerSecond)} | ${n(s.api.p50, 1)} | ${n(s.api.p95, 1)} | ${n(s.api.p99, 1)} | ${s.api.rssMaxMb} | ${errText} |`);
    } else {
      const targets = s.targets.map((t) => `${t.met ? 'met' : '**missed**'}: ${t.text}`).join('; ');
      lines.push(`| ${s.title} | ${s.connections} | ${n(s.api.requestsPerSecond)} | ${n(s.bareSame?.requestsPerSecond)} | ${n(s.bareSingle?.requestsPerSecond)} | ${pct(s.ratios?.vsSame)} | ${pct(s.ratios?.vsSingle)} | ${n(s.api.p50, 1)} / ${n(s.api.p95, 1)} / ${n(s.api.p99, 1)} | ${s.api.rssMaxMb} / ${s.bareSame?.rssMaxMb ?? '–'} / ${s.bareSingle?.rssMaxMb ?? '–'} | ${errText} | ${targets} |`);
    }
  }
  return lines.join('\n');
}

main().then(() => {
  rmSync(WORK, { recursive: true, force: true });
  process.exit(0);
}, (err) => {
  console.error(err);
  console.error(`child logs kept in ${WORK}`);
  killAllNow();
  process.exit(1);
});
