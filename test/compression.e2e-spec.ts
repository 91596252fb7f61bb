import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { webRoot } from '#api/web/web-app.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * Answers of 1 KB and more are compressed when the client asks (issue 11), and only then.
 * Through Fastify's inject, which hands back the bytes as sent (supertest would decode them).
 */
let t: TestApp;
let reader: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  reader = await t.make.person();
  // Enough agencies that the list is well over 1 KB however empty the database was.
  for (let i = 0; i < 12; i++) await t.make.agency();
});
afterAll(async () => {
  await t.close();
});

const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: reader.auth.Authorization, ...headers } });

describe('compression', () => {
  it('a large answer comes gzip- or br-compressed when asked, and decodes to the same JSON as the plain one', async () => {
    // Other suites add agencies meanwhile: compare a compressed answer with the plain ones just
    // before and after it, once those two agree.
    const around = async (encoding: string) => {
      for (let i = 0; i < 5; i++) {
        const before = await get('/api/v1/agencies?limit=50');
        const packed = await get('/api/v1/agencies?limit=50', { 'accept-encoding': encoding });
        const after = await get('/api/v1/agencies?limit=50');
        if (before.payload === after.payload) return { plain: before, packed };
      }
      throw new Error('the agencies list kept changing');
    };
    const { plain, packed: gz } = await around('gzip');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gz.headers['content-type']).toBe(plain.headers['content-type']);
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.payload));
    const { plain: plain2, packed: br } = await around('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain2.payload));
  });

  it('a small answer is not compressed, and nothing is without Accept-Encoding', async () => {
    const me = await get('/api/v1/me', { 'accept-encoding': 'gzip, br' });
    expect(me.statusCode).toBe(200);
    expect(me.rawPayload.length).toBeLessThan(1024);
    expect(me.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(me.payload)).toMatchObject({ id: reader.person.id });
    const problem = await get('/api/v1/developments/not-a-uuid', { 'accept-encoding': 'gzip' });
    expect(problem.statusCode).toBe(400);
    expect(problem.headers['content-encoding']).toBeUndefined();
    expect(problem.headers['content-type']).toContain('application/problem+json');
  });

  it('a download keeps its type and file name when compressed', async () => {
    const csv = await get('/api/v1/developments/export.csv', { 'accept-encoding': 'gzip' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="/);
    const text = csv.headers['content-encoding'] === 'gzip' ? gunzipSync(csv.rawPayload).toString('utf8') : csv.payload;
    const plain = await get('/api/v1/developments/export.csv');
    expect(text.split('\n')[0]).toBe(plain.payload.split('\n')[0]);
  });

  it('serves the web interface\'s files compressed at build time, byte for byte the built file', async () => {
    const root = webRoot();
    // npm test builds dist/web; without a build there is nothing to serve.
    expect(root).toBeDefined();
    const js = readdirSync(`${root}/assets`).find((f) => f.endsWith('.js') && existsSync(`${root}/assets/${f}.br`))!;
    expect(js).toBeDefined();
    const original = readFileSync(`${root}/assets/${js}`);
    const br = await get(`/assets/${js}`, { 'accept-encoding': 'br, gzip' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.rawPayload.equals(readFileSync(`${root}/assets/${js}.br`))).toBe(true);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    const gz = await get(`/assets/${js}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);
    const plain = await get(`/assets/${js}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
    // The compressed copies are not addresses of their own: like any unknown path, the interface's page.
    expect((await get(`/assets/${js}.br`)).headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
