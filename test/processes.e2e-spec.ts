import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DEMO_AGENCIES, DEMO_PASSWORD } from '#domain/demo/demo-city.js';

/**
 * The built product as a user starts it: `npm start` (embedded database) and the separate API and
 * worker processes on PostgreSQL/Redis. Needs `npm run build` (npm test does it).
 */
const DIST = 'dist/apps';
const children = new Set<ChildProcess>();
const dirs: string[] = [];

interface Started {
  child: ChildProcess;
  base: string;
  output: () => string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn', PORT: '0', ...extra };
  return env;
}

/** `entry` under dist/apps, or a path from the repository root (scripts/start.mjs). */
function start(entry: string, env: NodeJS.ProcessEnv, ready: RegExp): Promise<Started> {
  const path = entry.startsWith('scripts/') ? entry : join(DIST, entry);
  expect(existsSync(path)).toBe(true);
  const child = spawn(process.execPath, [path], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.on('exit', () => children.delete(child));
  let out = '';
  return new Promise((resolve, reject) => {
    // A first embedded start (PGlite, migrations, the demo city) took over 90 s on the loaded CI machine.
    const timer = setTimeout(() => reject(new Error(`not ready in time:\n${out}`)), 150_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(ready);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: m[1] ?? '', output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`exited with ${code}:\n${out}`)); });
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function runToExit(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [entry.startsWith('scripts/') ? entry : join(DIST, entry)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, output })));
}

async function login(base: string, email: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  return { status: res.status, body: (await res.json()) as { accessToken: string } };
}

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start: the embedded mode', () => {
  it('starts with nothing configured, loads the demo city, keeps the data over a restart, and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drogenrapport-embedded-'));
    dirs.push(dataDir);
    const env = baseEnv({ DATA_DIR: dataDir });
    const first = await start('all-in-one/main.js', env, /API:\s+(http:\/\/\S+)\/api\/v1[\s\S]*password for all/);
    expect(first.output()).toContain('API docs:');
    expect(first.output()).toContain('koordination@demo.drogenrapport.invalid');
    // Without SMTP_URL the embedded mode keeps mail as .eml files, and says where.
    expect(first.output()).toContain(`E-Mail:    not sent: written as .eml files to ${join(dataDir, 'outbox-mail')}`);
    // The printed API address answers.
    expect((await fetch(`${first.base}/api/v1`)).status).toBe(200);
    const health = await (await fetch(`${first.base}/health`)).json() as { checks: Record<string, string> };
    expect(health.checks).toMatchObject({ database: 'up', queue: 'up', queueBackend: 'postgres', mail: 'outbox' });
    const { status, body } = await login(first.base, 'koordination@demo.drogenrapport.invalid');
    expect(status).toBe(200);
    const agencies = await (await fetch(`${first.base}/api/v1/agencies?limit=200`, { headers: { authorization: `Bearer ${body.accessToken}` } })).json() as { items: unknown[] };
    expect(agencies.items).toHaveLength(DEMO_AGENCIES.length);
    // A rapport series in the built product (its RRULE check runs in a worker thread, whose code
    // runs as ESM there and not under jest): created, and its first meeting planned with it.
    const auth = { authorization: `Bearer ${body.accessToken}`, 'content-type': 'application/json' };
    const ids = (agencies.items as Array<{ id: string }>).slice(0, 2).map((a) => a.id);
    const series = await fetch(`${first.base}/api/v1/rapport-series`, {
      method: 'POST', headers: auth,
      body: JSON.stringify({ title: 'Drogenrapport', agencyIds: ids, rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', startDate: new Date().toISOString().slice(0, 10), startTime: '10:00', location: 'Rathaus', durationMinutes: 120 }),
    });
    expect(series.status).toBe(201);
    const seriesId = ((await series.json()) as { id: string }).id;
    const planned = await (await fetch(`${first.base}/api/v1/rapports?seriesId=${seriesId}`, { headers: auth })).json() as { items: Array<{ status: string }> };
    expect(planned.items.map((m) => m.status)).toEqual(['planned']);
    // Developments are read and written as named prepared statements on the embedded database
    // too, from several pool connections at once (PGliteServer keeps their names apart).
    const police = (await login(first.base, 'polizei@demo.drogenrapport.invalid')).body.accessToken;
    const youth = (await login(first.base, 'jugendamt@demo.drogenrapport.invalid')).body.accessToken;
    const as = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
    const place = ((await (await fetch(`${first.base}/api/v1/places?limit=1`, { headers: as(police) })).json()) as { items: Array<{ id: string }> }).items[0]!;
    const posted = await fetch(`${first.base}/api/v1/developments`, {
      method: 'POST', headers: as(police),
      body: JSON.stringify({ category: 'dealing', observedAt: new Date(Date.now() - 60_000).toISOString(), placeId: place.id, severity: 3, visibility: 'own_agency' }),
    });
    expect(posted.status).toBe(201);
    const created = (await posted.json()) as { id: string; place: { id: string } };
    expect(created.place.id).toBe(place.id);
    const reads = await Promise.all(Array.from({ length: 8 }, async (_, i) => {
      const r = await fetch(`${first.base}/api/v1/developments${i % 2 ? `/${created.id}` : '?limit=5'}`, { headers: as(police) });
      return { status: r.status, body: (await r.json()) as { id?: string; items?: Array<{ id: string }> } };
    }));
    for (const [i, r] of reads.entries()) {
      expect(r.status).toBe(200);
      if (i % 2) expect(r.body).toEqual(created);
      else expect(r.body.items!.map((d) => d.id)).toContain(created.id);
    }
    // The youth office does not see the police's own-agency record, neither alone nor in the list.
    expect((await fetch(`${first.base}/api/v1/developments/${created.id}`, { headers: as(youth) })).status).toBe(404);
    const youthList = (await (await fetch(`${first.base}/api/v1/developments?limit=100`, { headers: as(youth) })).json()) as { items: Array<{ id: string }> };
    expect(youthList.items.length).toBeGreaterThan(0);
    expect(youthList.items.map((d) => d.id)).not.toContain(created.id);
    // The worker runs in the same process: its heartbeat reaches the database through the queue.
    let beat: string | null = null;
    for (let i = 0; i < 40 && !beat; i++) {
      beat = ((await (await fetch(`${first.base}/health`)).json()) as { worker: { lastHeartbeatAt: string | null } }).worker.lastHeartbeatAt;
      if (!beat) await new Promise((r) => setTimeout(r, 250));
    }
    expect(beat).not.toBeNull();
    expect(await stop(first.child)).toBe(0);

    // The restart as `npm start` does it: dist is up to date (npm test built it), so no build.
    // Checked before starting it: a build here would empty dist/web (vite) under the suites that
    // run beside this one and serve it (web-session answered 404 for index.html in one CI run).
    const current = spawnSync(process.execPath, ['scripts/build.mjs', '--check'], { encoding: 'utf8' });
    expect(`${current.status}: ${current.stdout}${current.stderr}`).toBe('0: ');
    const second = await start('scripts/start.mjs', env, /API:\s+(http:\/\/\S+)\/api\/v1[\s\S]*password for all/);
    expect(second.output()).not.toContain('loaded');
    expect(second.output()).not.toMatch(/building/i);
    // Same signing key and data: the token from the first run still works.
    const again = await fetch(`${second.base}/api/v1/agencies?limit=200`, { headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { items: unknown[] }).items).toHaveLength(DEMO_AGENCIES.length);
    expect(await stop(second.child)).toBe(0);
  }, 360_000);

  it('in production: refuses demo data with a message naming the variable, and starts without docs or demo logins', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'drogenrapport-prod-'));
    dirs.push(dataDir);
    const refused = await runToExit('all-in-one/main.js', baseEnv({ DATA_DIR: dataDir, NODE_ENV: 'production', DEMO_DATA: 'true' }));
    expect(refused.code).toBe(78);
    expect(refused.output).toMatch(/DEMO_DATA: must not be true when NODE_ENV=production/);

    const prod = await start('all-in-one/main.js', baseEnv({ DATA_DIR: dataDir, NODE_ENV: 'production', LOG_LEVEL: 'info' }), /API:\s+(http:\/\/\S+)\/api\/v1[\s\S]*Health:/);
    expect(prod.output()).not.toContain('API docs:');
    expect(prod.output()).not.toContain('password for all');
    expect((await fetch(`${prod.base}/api/docs/openapi.json`)).status).toBe(404);
    expect(((await (await fetch(`${prod.base}/health`)).json()) as { checks: Record<string, string> }).checks).toMatchObject({ database: 'up', queue: 'up' });
    // The embedded database's port takes no connection without this start's password.
    const m = prod.output().match(/"embeddedPort":(\d+)/);
    expect(m).not.toBeNull();
    const intruder = new pg.Client({ host: '127.0.0.1', port: Number(m![1]), user: 'postgres', database: 'postgres', password: 'postgres' });
    intruder.on('error', () => undefined);
    await expect(intruder.connect()).rejects.toMatchObject({ code: '28P01' });
    expect(await stop(prod.child)).toBe(0);
  }, 200_000);
});

describe('npm run start:api / start:worker on PostgreSQL and Redis', () => {
  const admin = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
  const dbName = `${admin.pathname.slice(1)}_procs`;
  const dbUrl = new URL(admin.toString());
  dbUrl.pathname = `/${dbName}`;
  const serverEnv = () => baseEnv({
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0',
    QUEUE_PREFIX: `drtest_procs_${process.pid}`,
    JWT_SECRET: 'process-test-secret-process-test-secret-0123',
  });

  async function onServer(...statements: string[]): Promise<void> {
    const c = new pg.Client({ connectionString: Object.assign(new URL(admin.toString()), { pathname: '/postgres' }).toString() });
    await c.connect();
    for (const sql of statements) await c.query(sql);
    await c.end();
  }

  afterAll(() => onServer(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));

  it('two APIs and two workers start together on an empty database (migrations under a lock) and stop on SIGTERM', async () => {
    await onServer(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`, `CREATE DATABASE "${dbName}"`);
    const ready = /"url":"(http:\/\/[^"]+)\/api\/v1".*"msg":"api listening"/;
    const env = { ...serverEnv(), LOG_LEVEL: 'info' };
    const [api1, api2, w1, w2] = await Promise.all([
      start('api/src/main.js', env, ready),
      start('api/src/main.js', env, ready),
      start('worker/src/main.js', env, /"worker started"()/),
      start('worker/src/main.js', env, /"worker started"()/),
    ]);
    for (const api of [api1!, api2!]) expect((await fetch(`${api.base}/health`)).status).toBe(200);
    const check = new pg.Client({ connectionString: dbUrl.toString() });
    await check.connect();
    const { rows } = await check.query('SELECT count(*)::int AS n FROM typeorm_migrations');
    await check.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(2);
    for (const p of [api1!, api2!, w1!, w2!]) expect(await stop(p.child)).toBe(0);
  }, 200_000);

  it('refuses to start with a message that names the missing or malformed variable', async () => {
    const noDb = await runToExit('api/src/main.js', baseEnv({}));
    expect(noDb.code).toBe(78);
    expect(noDb.output).toMatch(/DATABASE_URL: required/);
    const badPort = await runToExit('worker/src/main.js', { ...serverEnv(), PORT: 'eighty' });
    expect(badPort.code).toBe(78);
    expect(badPort.output).toMatch(/PORT: .*got "eighty"/);
    const noSecret = await runToExit('api/src/main.js', { ...serverEnv(), JWT_SECRET: '' });
    expect(noSecret.output).toMatch(/JWT_SECRET: required/);
  });
});
