import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { RequestMethod } from '@nestjs/common';
import request from 'supertest';
import { ACCESS_KEY, AccessRule } from '#api/auth/access.decorators.js';
import { createTestApp, TestApp } from '#testing/test-app.js';
import { ROLES } from '#domain/people/role.js';

let t: TestApp;

interface Route {
  method: string;
  path: string;
  where: string;
  rule: AccessRule | undefined;
}

/** Every route of the app, read from Nest's metadata (so a new controller is covered automatically). */
function routes(): Route[] {
  const modules = t.app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const reflector = t.app.get(Reflector);
  const out: Route[] = [];
  const controllers = [...modules.values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const ctrl = wrapper.metatype as (new (...a: unknown[]) => unknown) | undefined;
    if (!ctrl) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, ctrl) ?? '');
    for (const name of scanner.getAllMethodNames(ctrl.prototype)) {
      const handler = ctrl.prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler);
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]!;
      const full = `/${[base, String(path)].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
      const prefix = base === 'health' ? '' : '/api/v1';
      out.push({ method, path: `${prefix}${full}`, where: `${ctrl.name}.${name}`, rule: reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler, ctrl]) });
    }
  }
  return out;
}

const concrete = (path: string) => path.replace(/:[A-Za-z]+/g, randomUUID());
const send = (method: string, path: string) => (request(t.server) as unknown as Record<string, (p: string) => request.Test>)[method.toLowerCase()]!(concrete(path));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('deny by default', () => {
  it('every route declares who may call it', () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(10);
    const undeclared = all.filter((r) => !r.rule).map((r) => `${r.method} ${r.path} (${r.where})`);
    expect(undeclared).toEqual([]);
  });

  it('every non-public route refuses an anonymous caller with 401', async () => {
    for (const r of routes().filter((x) => x.rule?.kind !== 'public')) {
      const res = await send(r.method, r.path);
      expect([`${r.method} ${r.path}`, res.status]).toEqual([`${r.method} ${r.path}`, 401]);
      expect(res.body.code).toBe('AUTH_REQUIRED');
    }
  });

  it('every role-restricted route refuses a signed-in person without the role with 403', async () => {
    const tokens = new Map<string, string>();
    for (const role of ROLES) tokens.set(role, (await t.make.person([role])).token);
    for (const r of routes()) {
      if (r.rule?.kind !== 'roles') continue;
      const rule = r.rule;
      const outsider = ROLES.find((role) => !rule.roles.includes(role))!;
      const res = await send(r.method, r.path).set('Authorization', `Bearer ${tokens.get(outsider)}`).send({});
      expect([`${r.method} ${r.path} as ${outsider}`, res.status, res.body.code]).toEqual([`${r.method} ${r.path} as ${outsider}`, 403, 'ROLE_REQUIRED']);
    }
  });
});

describe('HTTP conventions', () => {
  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await request(t.server).get('/api/docs/openapi.json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/agencies', '/api/v1/auth/login', '/health']));
    const ui = await request(t.server).get('/api/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('sets security headers and a request id on every answer', async () => {
    const res = await request(t.server).get('/api/v1/me');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers['x-request-id']);
  });

  it('answers unknown addresses with problem+json 404', async () => {
    const res = await request(t.server).get('/api/v1/nothing-here').expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
