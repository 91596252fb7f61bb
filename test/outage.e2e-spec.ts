import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { TEST_PASSWORD } from '#testing/factories.js';
import { TcpProxy } from '#testing/tcp-proxy.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/** Issue 7 §2: a dependency failure is never an authentication failure, and never a 500. */
describe('while the database does not answer', () => {
  let t: TestApp;
  let pgProxy: TcpProxy;

  beforeAll(async () => {
    const db = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
    pgProxy = await new TcpProxy(db.hostname, Number(db.port || 5432)).start();
    const viaPg = new URL(db.toString());
    viaPg.port = String(pgProxy.port);
    t = await createTestApp({ DATABASE_URL: viaPg.toString() });
  });

  afterAll(async () => {
    pgProxy.resume();
    await t.close();
    await pgProxy.stop();
  });

  const expectUnavailable = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(res.body.requestId).toEqual(expect.any(String));
    expect(res.headers['retry-after']).toMatch(/^[1-9][0-9]*$/);
  };

  it('a valid token gets 503 with Retry-After, not 401; the same token works again once it is back', async () => {
    const { auth, person, refreshToken } = await t.make.person(['coordinator']);
    await request(t.server).get('/api/v1/me').set(auth).expect(200);
    pgProxy.cut();
    try {
      expectUnavailable(await request(t.server).get('/api/v1/me').set(auth));
      expectUnavailable(await request(t.server).get('/api/v1/people').set(auth));
      // Sign-in and refresh: "the database is down" must not read as wrong credentials either.
      expectUnavailable(await request(t.server).post('/api/v1/auth/login').set('x-forwarded-for', '10.98.0.1').send({ email: person.email, password: TEST_PASSWORD }));
      expectUnavailable(await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }));
    } finally {
      pgProxy.resume();
    }
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await request(t.server).get('/api/v1/me').set(auth)).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    await request(t.server).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
  });
});
