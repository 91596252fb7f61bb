import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApiApp } from '#api/api-app.factory.js';
import { createLogger } from '#config/logger.js';
import { prepareDatabase } from '#database/prepare-database.js';
import { Factories, TestPerson } from '#testing/factories.js';
import { TcpProxy } from '#testing/tcp-proxy.js';
import { testConfig } from '#testing/test-config.js';

/**
 * What people send (query strings, bodies, cursors, tokens, cookies) never reaches a log line, also
 * not through an error message or a stack trace; every line of a request carries its request id.
 * The logger's output stream is captured at debug level.
 */
describe('logging', () => {
  const MARKER = `zqxmarker${randomUUID().slice(0, 8)}`;
  const lines: string[] = [];
  let app: NestFastifyApplication;
  let pgProxy: TcpProxy;
  let who: TestPerson;

  beforeAll(async () => {
    const db = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
    pgProxy = await new TcpProxy(db.hostname, Number(db.port || 5432)).start();
    const viaProxy = new URL(db.toString());
    viaProxy.port = String(pgProxy.port);
    const config = testConfig({ DATABASE_URL: viaProxy.toString(), LOG_LEVEL: 'debug' });
    await prepareDatabase(config);
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    app = await createApiApp(config, { logger: createLogger('debug', 'api-test', sink) });
    who = await new Factories(app, app.get<DataSource>(getDataSourceToken())).person(['coordinator']);
  });

  afterAll(async () => {
    pgProxy.resume();
    await app.close();
    await pgProxy.stop();
  });

  it('keeps query, body, cursor and headers out of every line, errors and stack traces included', async () => {
    const server = app.getHttpServer();
    const forgedCursor = Buffer.from(JSON.stringify({ v: MARKER, id: MARKER })).toString('base64url');
    const statuses: number[] = [];
    const send = async (r: request.Test) => statuses.push((await r).status);

    await send(request(server).get(`/api/v1/developments?cursor=${MARKER}`).set(who.auth));
    await send(request(server).get(`/api/v1/developments?cursor=${forgedCursor}`).set(who.auth));
    await send(request(server).get(`/api/v1/places?cursor=${forgedCursor}`).set(who.auth));
    await send(request(server).get(`/api/v1/developments?from=${MARKER}&${MARKER}=1`).set(who.auth));
    await send(request(server).post('/api/v1/developments').set(who.auth).send({ description: MARKER, category: MARKER, lat: MARKER }));
    await send(request(server).post('/api/v1/auth/login').send({ email: `${MARKER}@test.invalid`, password: MARKER }));
    await send(request(server).post('/api/v1/auth/login').set('content-type', 'application/json').send(`{"email":"${MARKER}`));
    await send(request(server).get('/api/v1/agencies').set('authorization', `Bearer ${MARKER}`).set('cookie', `session=${MARKER}`));
    await send(request(server).get(`/api/v1/${MARKER}/x?q=${MARKER}`));
    // The database gone: the paths that end in 5xx log an error, with its stack.
    pgProxy.cut();
    await send(request(server).get(`/api/v1/developments?cursor=${forgedCursor}`).set(who.auth));
    await send(request(server).post('/api/v1/developments').set(who.auth).send({ description: MARKER, category: 'needles', lat: 51.34, lon: 12.37 }));
    await send(request(server).post('/api/v1/auth/login').send({ email: `${MARKER}@test.invalid`, password: MARKER }));
    pgProxy.resume();

    expect(statuses.some((s) => s >= 500)).toBe(true);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const errors = parsed.filter((l) => l.level === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((l) => typeof (l.err as { stack?: unknown } | undefined)?.stack === 'string')).toBe(true);
    expect(lines.filter((l) => l.toLowerCase().includes(MARKER))).toEqual([]);

    // One line per request, each with its request id; error lines inside a request carry it too.
    const requestLines = parsed.filter((l) => l.msg === 'request');
    expect(requestLines).toHaveLength(statuses.length);
    for (const l of [...requestLines, ...parsed.filter((p) => p.msg === 'unhandled error')]) expect(typeof l.requestId).toBe('string');
  });
});
