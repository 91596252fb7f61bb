import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Agency } from '#domain/agencies/agency.entity.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { createTestApp, TestApp, } from '#testing/test-app.js';
import type { TestPerson } from '#testing/factories.js';

let t: TestApp;
let coordinator: TestPerson;
let liaison: TestPerson;
const uniqueCode = () => `A-${Math.random().toString(36).slice(2, 10).toUpperCase()}`;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  liaison = await t.make.person(['liaison']);
});
afterAll(async () => {
  await t.close();
});

// Other test files run in parallel on the same database: count only agencies these tests name.
const count = () => t.db.getRepository(Agency).createQueryBuilder('a').where(`a.code LIKE 'XX-%' OR a.name IN ('Erste', 'Zweite')`).getCount();
const post = (body: unknown, who = coordinator) => request(t.server).post('/api/v1/agencies').set(who.auth).send(body as object);

describe('agencies', () => {
  it('a coordinator creates, reads, updates, deactivates and reactivates an agency; each step is audited', async () => {
    const code = uniqueCode();
    const created = await post({ name: 'Ordnungsamt Test', kind: 'public_order_office', code: code.toLowerCase() }).expect(201);
    expect(created.body).toMatchObject({ name: 'Ordnungsamt Test', kind: 'public_order_office', code, active: true, version: 1 });
    const id = created.body.id;
    await request(t.server).get(`/api/v1/agencies/${id}`).set(liaison.auth).expect(200);
    const updated = await request(t.server).patch(`/api/v1/agencies/${id}`).set(coordinator.auth).send({ name: 'Ordnungsamt Süd', version: 1 }).expect(200);
    expect(updated.body).toMatchObject({ name: 'Ordnungsamt Süd', version: 2 });
    expect((await request(t.server).post(`/api/v1/agencies/${id}/deactivate`).set(coordinator.auth).expect(200)).body.active).toBe(false);
    expect((await request(t.server).post(`/api/v1/agencies/${id}/reactivate`).set(coordinator.auth).expect(200)).body.active).toBe(true);
    const trail = await t.db.getRepository(AuditEntry).find({ where: { entityType: 'agency', entityId: id }, order: { id: 'ASC' } });
    expect(trail.map((e) => e.action)).toEqual(['create', 'update', 'deactivate', 'reactivate']);
    expect(trail[0]!.actorId).toBe(coordinator.person.id);
    expect(trail[1]!.changes).toEqual({ name: { old: 'Ordnungsamt Test', new: 'Ordnungsamt Süd' } });
  });

  it('refuses a duplicate short code (any case) with 409 and stores nothing', async () => {
    const code = uniqueCode();
    await post({ name: 'Erste', kind: 'police', code }).expect(201);
    const before = await count();
    const res = await post({ name: 'Zweite', kind: 'police', code: code.toLowerCase() }).expect(409);
    expect(res.body).toMatchObject({ code: 'AGENCY_CODE_TAKEN', field: 'code' });
    expect(await count()).toBe(before);
  });

  it('refuses a code change onto another agency\'s code', async () => {
    const a = await t.make.agency();
    const b = await t.make.agency();
    const res = await request(t.server).patch(`/api/v1/agencies/${b.id}`).set(coordinator.auth).send({ code: a.code }).expect(409);
    expect(res.body.code).toBe('AGENCY_CODE_TAKEN');
    expect((await t.db.getRepository(Agency).findOneByOrFail({ id: b.id })).code).toBe(b.code);
  });

  it('refuses a stale version with 409 and the current version, and keeps the record', async () => {
    const a = await t.make.agency();
    await request(t.server).patch(`/api/v1/agencies/${a.id}`).set(coordinator.auth).send({ name: 'Neu 1', version: 1 }).expect(200);
    const res = await request(t.server).patch(`/api/v1/agencies/${a.id}`).set(coordinator.auth).send({ name: 'Neu 2', version: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await t.db.getRepository(Agency).findOneByOrFail({ id: a.id })).name).toBe('Neu 1');
  });

  it.each([
    ['unknown field', { name: 'X', kind: 'police', code: 'XX-1', extra: true }, 'extra', 'UNKNOWN_FIELD'],
    ['wrong type', { name: 12, kind: 'police', code: 'XX-2' }, 'name', 'IS_STRING'],
    ['over-long name', { name: 'x'.repeat(201), kind: 'police', code: 'XX-3' }, 'name', 'MAX_LENGTH'],
    ['unknown kind', { name: 'X', kind: 'army', code: 'XX-4' }, 'kind', 'IS_IN'],
    ['bad code', { name: 'X', kind: 'police', code: 'a b' }, 'code', 'MATCHES'],
    ['missing name', { kind: 'police', code: 'XX-5' }, 'name', 'IS_STRING'],
  ])('refuses %s with 400 naming the field', async (_label, body, field, rule) => {
    const before = await count();
    const res = await post(body).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, code: rule })]));
    expect(await count()).toBe(before);
  });

  it('refuses null for a field that cannot be cleared, naming it', async () => {
    const a = await t.make.agency();
    const res = await request(t.server).patch(`/api/v1/agencies/${a.id}`).set(coordinator.auth).send({ name: null }).expect(400);
    expect(res.body.field).toBe('name');
    expect((await t.db.getRepository(Agency).findOneByOrFail({ id: a.id })).name).toBe(a.name);
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await request(t.server).post('/api/v1/agencies').set(coordinator.auth).set('content-type', 'application/json').send('{"name": "x",').expect(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('refuses an id that is not a UUID, and answers 404 for an unknown one', async () => {
    expect((await request(t.server).get('/api/v1/agencies/123').set(liaison.auth).expect(400)).body.code).toBe('INVALID_ID');
    expect((await request(t.server).get('/api/v1/agencies/00000000-0000-4000-8000-000000000000').set(liaison.auth).expect(404)).body.code).toBe('AGENCY_NOT_FOUND');
  });

  it('an admin manages agencies too (they set up an agency before its accounts); leadership may not', async () => {
    const admin = await t.make.person(['admin']);
    const leadership = await t.make.person(['leadership']);
    const created = await post({ name: 'Neue Behörde', kind: 'other', code: uniqueCode() }, admin).expect(201);
    const id = created.body.id;
    await request(t.server).patch(`/api/v1/agencies/${id}`).set(admin.auth).send({ name: 'Neue Behörde Nord', version: 1 }).expect(200);
    expect((await request(t.server).post(`/api/v1/agencies/${id}/deactivate`).set(admin.auth).expect(200)).body.active).toBe(false);
    expect((await request(t.server).post(`/api/v1/agencies/${id}/reactivate`).set(admin.auth).expect(200)).body.active).toBe(true);
    const trail = await t.db.getRepository(AuditEntry).find({ where: { entityType: 'agency', entityId: id }, order: { id: 'ASC' } });
    expect(trail.map((e) => [e.action, e.actorId])).toEqual(['create', 'update', 'deactivate', 'reactivate'].map((a) => [a, admin.person.id]));

    expect((await post({ name: 'X', kind: 'police', code: uniqueCode() }, leadership).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await request(t.server).patch(`/api/v1/agencies/${id}`).set(leadership.auth).send({ name: 'Y', version: 2 }).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await request(t.server).post(`/api/v1/agencies/${id}/deactivate`).set(leadership.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await request(t.server).get(`/api/v1/agencies/${id}`).set(leadership.auth).expect(200)).body).toMatchObject({ name: 'Neue Behörde Nord', active: true, version: 4 });
  });

  it('a liaison may read but not manage agencies', async () => {
    expect((await post({ name: 'X', kind: 'police', code: uniqueCode() }, liaison).expect(403)).body.code).toBe('ROLE_REQUIRED');
    await request(t.server).get('/api/v1/agencies').set(liaison.auth).expect(200);
  });

  it('lists with filters, a page-size limit, cursor pagination and allowlisted sorting only', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    for (let i = 0; i < 5; i++) await t.make.agency({ name: `Seite ${tag} ${i}`, kind: 'streetwork' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.server).get('/api/v1/agencies').set(liaison.auth)
        .query({ q: tag, limit: 2, sort: 'name', order: 'desc', ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...res.body.items.map((a: { name: string }) => a.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `Seite ${tag} ${i}`));
    expect((await request(t.server).get('/api/v1/agencies').set(liaison.auth).query({ limit: 201 }).expect(400)).body.field).toBe('limit');
    expect((await request(t.server).get('/api/v1/agencies').set(liaison.auth).query({ sort: 'name; DROP TABLE agencies' }).expect(400)).body.field).toBe('sort');
    expect((await request(t.server).get('/api/v1/agencies').set(liaison.auth).query({ cursor: 'garbage' }).expect(400)).body.code).toBe('INVALID_CURSOR');
    const inactive = await t.make.agency({ name: `Seite ${tag} inaktiv`, active: false });
    const active = await request(t.server).get('/api/v1/agencies').set(liaison.auth).query({ q: tag, active: 'true', limit: 50 }).expect(200);
    expect(active.body.items.map((a: { id: string }) => a.id)).not.toContain(inactive.id);
  });
});
