import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OpenAPIObject } from '@nestjs/swagger';
import request from 'supertest';
import { responseSchemasOf } from '#api/common/response-schemas.js';
import { accessRules, allSchemas, deref, operationsOf, structuralProblems, type OpenApiDocument } from '#testing/openapi.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * The OpenAPI document (issue 7, section 7) describes every answer a client has to handle: the
 * success schema of each operation, and its errors as problem+json with one shared schema.
 */
let t: TestApp;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  doc = (await request(t.server).get('/api/docs/openapi.json').expect(200)).body as OpenApiDocument;
});
afterAll(async () => {
  await t.close();
});

const PROBLEM_REF = '#/components/schemas/ProblemDto';

describe('OpenAPI document', () => {
  it('is structurally sound (refs resolve, path parameters declared, known keywords and types)', () => {
    expect(structuralProblems(doc)).toEqual([]);
  });

  it('documents every route of the app, and nothing else', () => {
    const documented = operationsOf(doc).map((o) => `${o.method} ${o.path}`).sort();
    expect(documented).toEqual([...accessRules(t.app).keys()].sort());
  });

  it('gives every operation a success answer with a schema (204: no body)', () => {
    const missing: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      const ok = Object.entries(op.responses).filter(([s]) => /^2\d\d$/.test(s));
      if (ok.length === 0) missing.push(`${method} ${path}: no 2xx`);
      for (const [status, r] of ok) {
        if (status === '204') {
          if (r.content) missing.push(`${method} ${path} 204 has content`);
          continue;
        }
        const media = Object.entries(r.content ?? {});
        if (media.length === 0) missing.push(`${method} ${path} ${status}: no content`);
        for (const [type, m] of media) {
          const s = m.schema ? deref(doc, m.schema) : undefined;
          const described = s && (['text/csv', 'text/calendar', 'application/pdf'].includes(type) ? s.type === 'string' : s.type === 'object' && Object.keys(s.properties ?? {}).length > 0);
          if (!described) missing.push(`${method} ${path} ${status} ${type}: no schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('documents the errors that apply to each operation as problem+json with the shared schema', () => {
    const rules = accessRules(t.app);
    const missing: string[] = [];
    for (const { method, path, op } of operationsOf(doc)) {
      const rule = rules.get(`${method} ${path}`);
      const expected = new Set<string>();
      if (rule?.kind !== 'public') ['401', '503'].forEach((s) => expected.add(s));
      if (rule?.kind === 'roles') expected.add('403');
      if ((op.parameters ?? []).length > 0 || op.requestBody) expected.add('400');
      if ((op.parameters ?? []).some((p) => p.in === 'path')) expected.add('404');
      if (op.requestBody) ['413', '415'].forEach((s) => expected.add(s));
      for (const status of expected) if (!op.responses[status]) missing.push(`${method} ${path}: ${status} not documented`);
      for (const [status, r] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status) || path === '/health') continue;
        const keys = Object.keys(r.content ?? {});
        const schema = r.content?.['application/problem+json']?.schema;
        if (keys.length !== 1 || schema?.$ref !== PROBLEM_REF) missing.push(`${method} ${path} ${status}: not application/problem+json with ${PROBLEM_REF}`);
      }
    }
    expect(missing).toEqual([]);
    const problem = doc.components.schemas.ProblemDto!;
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']));
    expect(Object.keys(problem.properties ?? {})).toEqual(expect.arrayContaining(['requestId', 'field', 'errors']));
    expect(deref(doc, problem.properties!.errors!.items!).required).toEqual(expect.arrayContaining(['field', 'code', 'message']));
  });

  it('types scalars as scalars: no empty object where a number or string was meant, no array of untyped arrays', () => {
    const bad: string[] = [];
    for (const { where, schema } of allSchemas(doc)) {
      const opaque = schema.type === 'object' && !schema.properties && schema.additionalProperties === undefined && !schema.allOf && !schema.oneOf && !schema.anyOf && !schema.$ref;
      if (opaque) bad.push(`${where}: type object without properties`);
      if (schema.type === 'array' && (!schema.items || (!schema.items.type && !schema.items.$ref && !schema.items.enum))) bad.push(`${where}: array items without a type`);
      if (schema.type === 'array' && schema.items?.type === 'array' && !schema.items.items) bad.push(`${where}: items of type array without their own items`);
    }
    expect(bad).toEqual([]);
  });

  it('says what the nullable fields and string lists named in issue 7 are', () => {
    const s = doc.components.schemas;
    const prop = (schema: string, name: string) => s[schema]!.properties![name]!;
    expect(prop('DevelopmentResponseDto', 'count')).toMatchObject({ type: 'integer', nullable: true });
    expect(prop('DevelopmentResponseDto', 'withdrawnAt')).toMatchObject({ type: 'string', format: 'date-time', nullable: true });
    expect(prop('PersonResponseDto', 'deputyId')).toMatchObject({ type: 'string', nullable: true });
    expect(prop('PlaceResponseDto', 'address')).toMatchObject({ type: 'string', nullable: true });
    for (const dto of ['CreatePersonDto', 'UpdatePersonDto', 'SetDeputyDto']) expect(prop(dto, 'deputyId')).toMatchObject({ type: 'string', nullable: true });
    for (const dto of ['CreatePlaceDto', 'UpdatePlaceDto']) expect(prop(dto, 'address')).toMatchObject({ type: 'string', nullable: true });
    for (const dto of ['CreateDevelopmentDto', 'UpdateDevelopmentDto', 'DevelopmentResponseDto']) {
      expect(prop(dto, 'substances')).toMatchObject({ type: 'array', items: { type: 'string' } });
      expect(prop(dto, 'visibleAgencyIds')).toMatchObject({ type: 'array', items: { type: 'string' } });
    }
  });

  it('gives every JSON answer a compiled serializer, except where its schema is free-form (issue 11)', () => {
    // The audit's and the measure history's `changes` are field -> value maps of whatever changed.
    const { compiled, kept } = responseSchemasOf(doc as unknown as OpenAPIObject);
    expect(Object.fromEntries([...kept].filter(([, why]) => why !== 'no JSON body' && !why.startsWith('answers ')))).toEqual({
      'GET /api/v1/audit': 'AuditEntryResponseDto.changes: free-form object',
      'POST /api/v1/measures/:id/notes': 'MeasureEventDto.changes: free-form object',
      'GET /api/v1/measures/:id/history': 'MeasureEventDto.changes: free-form object',
    });
    const json = operationsOf(doc).filter(({ op }) => Object.entries(op.responses).some(([status, r]) => /^2/.test(status) && r.content?.['application/json']));
    expect(compiled.size).toBe(json.length - 3);
  });
});
