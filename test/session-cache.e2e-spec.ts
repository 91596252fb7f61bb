import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { SessionAccessCache } from '#api/auth/session-access.cache.js';
import { TEST_PASSWORD, type TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * The session check is reused for a while (SessionAccessCache), and every API process hears of a
 * change made through any other (LISTEN/NOTIFY, issue 11). Two API processes on one database: this
 * one (A, in-process, whose cache the test can ask) and the built API as a child process (B, needs
 * `npm run build`; npm test does it). Each case first has both answer with the session, so that
 * both hold the check, then changes it through one of them, then asks both.
 */
const WINDOW = '60';
let t: TestApp;
let b: ChildProcess | undefined;
let bBase = '';

beforeAll(async () => {
  t = await createTestApp({ SESSION_CACHE_SECONDS: WINDOW });
  const entry = 'dist/apps/api/src/main.js';
  expect(existsSync(entry)).toBe(true);
  const child = spawn(process.execPath, [entry], {
    env: {
      PATH: process.env.PATH, NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'info', DEMO_DATA: 'false', API_DOCS: 'false',
      DATABASE_URL: t.config.databaseUrl, REDIS_URL: t.config.REDIS_URL, QUEUE_PREFIX: t.config.QUEUE_PREFIX,
      JWT_SECRET: t.config.jwtSecret, SESSION_CACHE_SECONDS: WINDOW,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  b = child;
  let out = '';
  bBase = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API B not ready in time:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/"url":"(http:\/\/[^"]+)\/api\/v1".*"msg":"api listening"/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`API B exited with ${code}:\n${out}`)); });
  });
}, 120_000);

afterAll(async () => {
  if (b && b.exitCode === null) {
    const exited = new Promise((resolve) => b!.once('exit', resolve));
    b.kill('SIGTERM');
    await exited;
  }
  await t?.close();
});

async function onB(path: string, who: TestPerson | string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; code?: string }> {
  const token = typeof who === 'string' ? who : who.token;
  const res = await fetch(`${bBase}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const body = (await res.json().catch(() => ({}))) as { code?: string };
  return { status: res.status, code: body.code };
}

const onA = async (path: string, who: TestPerson | string) => {
  const res = await request(t.server).get(`/api/v1${path}`).set('Authorization', `Bearer ${typeof who === 'string' ? who : who.token}`);
  return { status: res.status, code: (res.body as { code?: string }).code };
};

/** An UPDATE that fires no trigger (session_replication_role = replica), so no notification: what a cache would miss. */
async function silently(sql: string, params: unknown[]): Promise<void> {
  const c = new pg.Client({ connectionString: t.config.databaseUrl });
  await c.connect();
  try {
    await c.query('SET session_replication_role = replica');
    await c.query(sql, params);
  } finally {
    await c.end();
  }
}

describe('session check reused across requests, ended at once across processes', () => {
  it('B reuses its check: a change that sends no notification is not seen by B, but by A, which had not checked yet', async () => {
    const p = await t.make.person();
    expect(await onB('/me', p)).toMatchObject({ status: 200 });
    await silently(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE person_id = $1`, [p.person.id]);
    // Shows that the cases below would fail without the notification: B still holds the check.
    expect(await onB('/me', p)).toMatchObject({ status: 200 });
    expect((await request(t.server).get('/api/v1/me').set(p.auth).expect(401)).body.code).toBe('SESSION_ENDED');
  });

  // A change through one process: that process answers only once its own cache heard it, so the
  // caller's next request there is refused; the other process hears it as soon as PostgreSQL
  // delivers the notification (caughtUp: everything committed before has been heard).
  it('a logout through B: B refuses the very next request, A as soon as it heard', async () => {
    const p = await t.make.person();
    expect(await onA('/me', p)).toMatchObject({ status: 200 });
    expect(await onB('/me', p)).toMatchObject({ status: 200 });
    expect(await onB('/auth/logout', p, { method: 'POST' })).toMatchObject({ status: 204 });
    expect(await onB('/me', p)).toEqual({ status: 401, code: 'SESSION_ENDED' });
    await t.app.get(SessionAccessCache).caughtUp();
    expect(await onA('/me', p)).toEqual({ status: 401, code: 'SESSION_ENDED' });
  });

  it('a deactivation through B: B refuses the very next request, A as soon as it heard', async () => {
    const admin = await t.make.person(['admin']);
    const p = await t.make.person();
    expect(await onA('/me', p)).toMatchObject({ status: 200 });
    expect(await onB('/me', p)).toMatchObject({ status: 200 });
    expect(await onB(`/people/${p.person.id}/deactivate`, admin, { method: 'POST' })).toMatchObject({ status: 200 });
    expect(await onB('/me', p)).toEqual({ status: 401, code: 'ACCOUNT_DISABLED' });
    await t.app.get(SessionAccessCache).caughtUp();
    expect(await onA('/me', p)).toEqual({ status: 401, code: 'ACCOUNT_DISABLED' });
  });

  it('a role taken away through B: both refuse the route that needs it, B at once, A as soon as it heard', async () => {
    const admin = await t.make.person(['admin']);
    const p = await t.make.person(['liaison', 'coordinator']);
    expect(await onA('/reminders?limit=1', p)).toMatchObject({ status: 200 });
    expect(await onB('/reminders?limit=1', p)).toMatchObject({ status: 200 });
    expect(await onB(`/people/${p.person.id}`, admin, { method: 'PATCH', body: { roles: ['liaison'], version: p.person.version } })).toMatchObject({ status: 200 });
    expect(await onB('/reminders?limit=1', p)).toEqual({ status: 403, code: 'ROLE_REQUIRED' });
    await t.app.get(SessionAccessCache).caughtUp();
    expect(await onA('/reminders?limit=1', p)).toEqual({ status: 403, code: 'ROLE_REQUIRED' });
    expect(await onA('/me', p)).toMatchObject({ status: 200 });
  });

  it('a password change through A ends the other sessions: A refuses the very next request, B as soon as it heard; the session that changed it goes on', async () => {
    const p = await t.make.person();
    const other = await request(t.server).post('/api/v1/auth/login').set('x-forwarded-for', '10.99.1.1').send({ email: p.person.email, password: TEST_PASSWORD }).expect(200);
    const otherToken = other.body.accessToken as string;
    for (const ask of [onA, onB]) expect(await ask('/me', otherToken)).toMatchObject({ status: 200 });
    await request(t.server).post('/api/v1/me/password').set(p.auth).set('x-forwarded-for', '10.99.1.2')
      .send({ oldPassword: TEST_PASSWORD, newPassword: 'Another-Password-2026' }).expect(204);
    expect(await onA('/me', otherToken)).toEqual({ status: 401, code: 'SESSION_ENDED' });
    // B offers no way to ask whether it heard: asked until it refuses, the answers before that all 200 from its cache.
    let answer = await onB('/me', otherToken);
    for (let i = 0; i < 50 && answer.status === 200; i++) answer = await onB('/me', otherToken);
    expect(answer).toEqual({ status: 401, code: 'SESSION_ENDED' });
    expect(await onB('/me', p)).toMatchObject({ status: 200 });
  });

  it('a lost listening connection forgets every check: what changed meanwhile is seen after it listens again', async () => {
    const cache = t.app.get(SessionAccessCache);
    const p = await t.make.person();
    await request(t.server).get('/api/v1/me').set(p.auth).expect(200);
    await silently(`UPDATE sessions SET revoked_at = now(), revoked_reason = 'logout' WHERE person_id = $1`, [p.person.id]);
    await request(t.server).get('/api/v1/me').set(p.auth).expect(200);
    const before = cache.listenCount;
    const admin = new pg.Client({ connectionString: t.config.databaseUrl });
    await admin.connect();
    // Both processes' listening connections go; each listens again on a new one.
    const { rows } = await admin.query(`SELECT pg_terminate_backend(pid, 10000) AS gone FROM pg_stat_activity WHERE application_name = 'drogenrapport-session-access' AND datname = current_database()`);
    await admin.end();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    await cache.whenListening(before);
    expect((await request(t.server).get('/api/v1/me').set(p.auth).expect(401)).body.code).toBe('SESSION_ENDED');
    // B listens again as well and serves as before.
    const q = await t.make.person();
    await expect(onB('/me', q)).resolves.toMatchObject({ status: 200 });
  }, 30_000);
});
