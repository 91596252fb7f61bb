import { describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import Fastify from 'fastify';
import { firstDifference, responseSchemasOf, useResponseSchemas } from './response-schemas.js';

/** A document in the shapes @nestjs/swagger writes. */
const doc = {
  openapi: '3.0.0',
  info: { title: 't', version: '1' },
  paths: {
    '/things/{id}': {
      get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/ThingDto' } } } } } },
      delete: { responses: { 204: { description: 'gone' } } },
    },
    '/things/export.csv': { get: { responses: { 200: { description: 'ok', content: { 'text/csv': { schema: { type: 'string' } } } } } } },
    '/things/{id}/history': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/EventDto' } } } } } } } },
    '/loops': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/LoopDto' } } } } } } },
  },
  components: {
    schemas: {
      ThingDto: {
        type: 'object',
        required: ['id', 'at', 'owner', 'counts'],
        properties: {
          id: { type: 'string', format: 'uuid' },
          at: { type: 'string', format: 'date-time' },
          day: { type: 'string', format: 'date', example: '2026-03-01' },
          owner: { nullable: true, type: 'object', allOf: [{ $ref: '#/components/schemas/RefDto' }] },
          status: { type: 'string', enum: ['open', 'done'] },
          score: { type: 'number', nullable: true },
          counts: { type: 'object', additionalProperties: { type: 'integer' } },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
      RefDto: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
      EventDto: { type: 'object', properties: { kind: { type: 'string' }, changes: { type: 'object', additionalProperties: true } } },
      LoopDto: { type: 'object', properties: { next: { $ref: '#/components/schemas/LoopDto' } } },
    },
  },
} as unknown as OpenAPIObject;

describe('responseSchemasOf', () => {
  const plan = responseSchemasOf(doc);

  it('resolves references, writes nullable as a type list, keeps only date-time of the formats and no required', () => {
    expect(plan.compiled.get('GET /things/:id')).toEqual({
      200: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          day: { type: 'string' },
          owner: { type: ['object', 'null'], properties: { id: { type: 'string' }, name: { type: 'string' } } },
          status: { type: 'string' },
          score: { type: ['number', 'null'] },
          counts: { type: 'object', additionalProperties: { type: 'integer' } },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    });
  });

  it('keeps JSON.stringify, saying why, where the answer is not JSON or the schema would not carry every field', () => {
    expect(Object.fromEntries(plan.kept)).toEqual({
      'DELETE /things/:id': 'no JSON body',
      'GET /things/export.csv': 'answers text/csv',
      'GET /things/:id/history': 'EventDto.changes: free-form object',
      'GET /loops': 'LoopDto.next: LoopDto refers to itself',
    });
    expect(plan.compiled.size).toBe(1);
  });
});

async function serverWith(check: boolean, answer: () => unknown, routes = ['GET /things/:id']) {
  const fastify = Fastify();
  const plan = responseSchemasOf(doc);
  const logged: unknown[] = [];
  fastify.addHook('onRequest', (req, _reply, done) => {
    // Fastify's own error handler logs the thrown error as well; only the check's line matters here.
    req.log.error = ((obj: unknown, msg?: string) => {
      if (msg === 'compiled response serializer differs from JSON.stringify') logged.push(obj);
    }) as typeof req.log.error;
    done();
  });
  useResponseSchemas(fastify, plan, { check });
  for (const route of routes) {
    const [method, url] = route.split(' ') as [string, string];
    fastify.route({ method, url, handler: async () => answer() });
  }
  await fastify.ready();
  return { fastify, logged };
}

const thing = () => ({
  id: 'a1', at: new Date('2026-03-29T01:00:00.000Z'), day: '2026-03-29', owner: null, status: 'open', score: 1.5,
  counts: { alcohol: 3, crack: 0 }, tags: ['x', 'y'], undocumented: undefined,
});

describe('useResponseSchemas', () => {
  it('serialises a documented route with its compiled schema: what the schema does not name is not written', async () => {
    const { fastify } = await serverWith(false, () => ({ ...thing(), secret: 'not documented' }));
    const res = await fastify.inject('/things/a1');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(thing())));
    expect(res.body).not.toContain('secret');
  });

  it('writes Dates exactly as JSON.stringify does, under date-time and plain string', async () => {
    const dates = ['1970-01-01T00:00:00.000Z', '2026-03-29T00:59:59.999Z', '2026-10-25T01:00:00.010Z', '0999-12-31T23:59:59.100Z', '2100-02-28T12:00:00.000Z']
      .map((d) => new Date(d));
    for (const at of dates) {
      const { fastify } = await serverWith(true, () => ({ ...thing(), at, day: at }));
      const res = await fastify.inject('/things/a1');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ at: JSON.parse(JSON.stringify(at)), day: JSON.parse(JSON.stringify(at)) });
    }
  });

  it('check mode: an answer the schema would change is logged with where it differs (no values) and answered 500', async () => {
    for (const [wrong, at] of [
      [{ ...thing(), secret: 'x' }, '$.secret'],
      [{ ...thing(), id: null }, '$.id'],
      [{ ...thing(), counts: { alcohol: 1.5 } }, '$.counts.alcohol'],
      [{ ...thing(), id: 7 }, '$.id'],
    ] as const) {
      const { fastify, logged } = await serverWith(true, () => wrong);
      const res = await fastify.inject('/things/a1');
      expect(res.statusCode).toBe(500);
      expect(logged).toEqual([{ route: '/things/:id', status: 200, at }]);
    }
    const { fastify } = await serverWith(true, thing);
    expect((await fastify.inject('/things/a1')).statusCode).toBe(200);
  });

  it('refuses to start when a route of the plan is not registered under its pattern', async () => {
    await expect(serverWith(false, thing, ['GET /things/{id}'])).rejects.toThrow('response schemas for routes that were not registered: GET /things/:id');
  });
});

describe('firstDifference', () => {
  it.each([
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, null],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, '$.a[1].b'],
    [{ a: [1] }, { a: [1, 2] }, '$.a.length'],
    [{ a: 1 }, { a: 1, b: null }, '$.b'],
    [{ a: null }, { a: '' }, '$.a'],
    [{ a: {} }, { a: [] }, '$.a'],
  ])('%j vs %j -> %s', (e, a, at) => {
    expect(firstDifference(e, a, '$')).toBe(at);
  });
});
