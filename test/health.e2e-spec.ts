import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { TcpProxy } from '#testing/tcp-proxy.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

describe('GET /health', () => {
  let t: TestApp;
  let pgProxy: TcpProxy;
  let redisProxy: TcpProxy;

  beforeAll(async () => {
    const db = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
    const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    pgProxy = await new TcpProxy(db.hostname, Number(db.port || 5432)).start();
    redisProxy = await new TcpProxy(redis.hostname, Number(redis.port || 6379)).start();
    const viaPg = new URL(db.toString());
    viaPg.port = String(pgProxy.port);
    const viaRedis = new URL(redis.toString());
    viaRedis.port = String(redisProxy.port);
    t = await createTestApp({ DATABASE_URL: viaPg.toString(), REDIS_URL: viaRedis.toString() });
  });

  afterAll(async () => {
    pgProxy.resume();
    redisProxy.resume();
    await t.close();
    await pgProxy.stop();
    await redisProxy.stop();
  });

  it('answers 200 when the database and the queue answer', async () => {
    const res = await request(t.server).get('/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', checks: { database: 'up', queue: 'up', queueBackend: 'redis', mail: 'not_configured' }, down: [] });
  });

  it('answers 503 within seconds, not a hang, when Redis is down', async () => {
    redisProxy.cut();
    const started = Date.now();
    const res = await request(t.server).get('/health').expect(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.body.checks).toMatchObject({ database: 'up', queue: 'down' });
    // Says which dependency is down, by name.
    expect(res.body.down).toEqual(['redis']);
    redisProxy.resume();
  });

  it('answers 503 when PostgreSQL is down, and 200 again once it is back', async () => {
    pgProxy.cut();
    const started = Date.now();
    const res = await request(t.server).get('/health').expect(503);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(res.body.checks.database).toBe('down');
    expect(res.body.down).toContain('postgres');
    pgProxy.resume();
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await request(t.server).get('/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
  });
});
