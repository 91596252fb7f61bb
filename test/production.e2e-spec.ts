import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, TestApp } from '#testing/test-app.js';

describe('NODE_ENV=production and the API index', () => {
  let prod: TestApp;
  let prodWithDocs: TestApp;
  let dev: TestApp;

  beforeAll(async () => {
    prod = await createTestApp({ NODE_ENV: 'production' });
    prodWithDocs = await createTestApp({ NODE_ENV: 'production', API_DOCS: 'true' });
    dev = await createTestApp();
  });

  afterAll(async () => {
    await prod.close();
    await prodWithDocs.close();
    await dev.close();
  });

  it('production serves no API docs unless API_DOCS=true', async () => {
    for (const path of ['/api/docs', '/api/docs/openapi.json']) {
      const res = await request(prod.server).get(path).expect(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const doc = await request(prodWithDocs.server).get('/api/docs/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    await request(prodWithDocs.server).get('/api/docs').expect(200);
  });

  it('GET /api/v1 (the address npm start prints) answers with links that work, docs only where served', async () => {
    const res = await request(dev.server).get('/api/v1').expect(200);
    expect(res.body).toMatchObject({ name: 'Drogenrapport API', version: '1', links: { health: '/health', login: '/api/v1/auth/login', docs: '/api/docs', openapi: '/api/docs/openapi.json' } });
    expect(res.headers['x-request-id']).toBeTruthy();
    await request(dev.server).get(res.body.links.health).expect(200);
    await request(dev.server).get(res.body.links.openapi).expect(200);
    // The login link is the login route: a wrong password is a 401 problem, not a 404.
    await request(dev.server).post(res.body.links.login).send({ email: 'nobody@test.invalid', password: 'wrong password 1' }).expect(401);

    const inProd = await request(prod.server).get('/api/v1').expect(200);
    expect(inProd.body.links).toEqual({ health: '/health', login: '/api/v1/auth/login' });
  });
});
