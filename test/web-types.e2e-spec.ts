import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import openapiTS, { astToString } from 'openapi-typescript';
import request from 'supertest';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * The web interface's API types (apps/web/src/api/schema.d.ts) are generated from this API's
 * OpenAPI document with openapi-typescript, never written by hand. This test fails when they are
 * stale; `UPDATE_WEB_TYPES=1 npm test -- test/web-types.e2e-spec.ts` (or `npm run web:types`) rewrites them.
 */
const TARGET = 'apps/web/src/api/schema.d.ts';
const HEADER = '// Generated from the API\'s OpenAPI document by test/web-types.e2e-spec.ts (npm run web:types). Do not edit.\n';
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('web interface API types', () => {
  it('are current with the OpenAPI document', async () => {
    const doc = (await request(t.server).get('/api/docs/openapi.json').expect(200)).body;
    const generated = HEADER + astToString(await openapiTS(doc, { alphabetize: true }));
    if (process.env.UPDATE_WEB_TYPES) writeFileSync(TARGET, generated);
    const committed = readFileSync(TARGET, 'utf8');
    if (committed !== generated) throw new Error(`${TARGET} is stale: run npm run web:types and commit it.`);
    expect(committed).toContain('"/api/v1/developments"');
  });
});
