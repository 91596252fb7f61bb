import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Agency } from '#domain/agencies/agency.entity.js';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { Development } from '#domain/developments/development.entity.js';
import { Substance } from '#domain/developments/substance.entity.js';
import { Measure } from '#domain/measures/measure.entity.js';
import { Place } from '#domain/places/place.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * No input is a 5xx: each case here answered 500 (or stored something it should not) before
 * issue 7. Every refusal is problem+json naming the field, and leaves nothing behind.
 */
let t: TestApp;
let port: number;
let admin: TestPerson;
let coordinator: TestPerson;
let liaison: TestPerson;
let measure: { id: string; version: number };
let milestoneId: string;
let keyFigureId: string;
let development: { id: string; version: number };
let place: { id: string; version: number };
const V1 = '/api/v1';
const UUID = '0c7d8e1e-4c5a-4b8e-9c1d-2f3e4a5b6c7d';
const tag = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen(0, '127.0.0.1');
  port = (t.server.address() as AddressInfo).port;
  admin = await t.make.person(['admin']);
  coordinator = await t.make.person(['coordinator']);
  liaison = await t.make.person(['liaison']);
  const m = await request(t.server).post(`${V1}/measures`).set(coordinator.auth).send({
    title: `Eingabetest ${tag()}`, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: addDays(berlinToday(), 30),
    milestones: [{ title: 'Angebot liegt vor', dueDate: addDays(berlinToday(), 10) }],
  }).expect(201);
  measure = m.body;
  milestoneId = m.body.milestones[0].id;
  const kf = await request(t.server).post(`${V1}/measures/${measure.id}/key-figures`).set(coordinator.auth)
    .send({ name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(berlinToday(), 30) }).expect(201);
  keyFigureId = kf.body.id;
  development = (await request(t.server).post(`${V1}/developments`).set(liaison.auth).send({
    category: 'complaint', observedAt: new Date(Date.now() - 3600_000).toISOString(), lat: 51.3, lon: 12.3, severity: 2, visibility: 'all',
  }).expect(201)).body;
  place = (await request(t.server).post(`${V1}/places`).set(coordinator.auth).send({ name: `Platz ${tag()}`, kind: 'other', lat: 51.3, lon: 12.3, address: 'Am Markt 1' }).expect(201)).body;
});
afterAll(async () => {
  await t.close();
});

/** A request sent as is (supertest would re-encode the path), with the answer's headers. */
function raw(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: any }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON: the assertions below say so */ }
        resolve({ status: res.statusCode!, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** problem+json with the request id and the security headers, whatever produced the error. */
function expectProblem(res: { status: number; headers: http.IncomingHttpHeaders; body: any }, status: number, code: string, field?: string) {
  expect({ status: res.status, code: res.body?.code, field: res.body?.field }).toEqual({ status, code, field });
  expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(res.headers['x-request-id']).toEqual(expect.any(String));
  expect(res.body.requestId).toBe(res.headers['x-request-id']);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('forged page cursors', () => {
  // Each list, its default sort/order, and a value of the wrong type for its sort column.
  const lists: Array<[string, () => string, string, string, unknown, string]> = [
    ['agencies', () => `${V1}/agencies`, 'name', 'asc', 1, 'a text sort given a number'],
    ['districts', () => `${V1}/districts`, 'name', 'asc', { a: 1 }, 'a text sort given an object'],
    ['places', () => `${V1}/places`, 'name', 'asc', 'x\u0000', 'a text with NUL'],
    ['people', () => `${V1}/people`, 'displayName', 'asc', null, 'null on a NOT NULL column'],
    ['developments', () => `${V1}/developments`, 'observedAt', 'desc', 'x', 'a timestamp sort given a word'],
    ['measures', () => `${V1}/measures`, 'deadline', 'asc', '2026-02-30', 'a date sort given an impossible day'],
    ['measure history', () => `${V1}/measures/${measure.id}/history`, 'at', 'asc', 1, 'a timestamp sort given a number'],
    ['audit', () => `${V1}/audit`, 'at', 'desc', '-271821-04-20T00:00:00Z', 'a timestamp out of range'],
  ];

  it.each(lists)('%s: 400 INVALID_CURSOR for each forged cursor', async (_name, url, sort, order, wrongV) => {
    const who = url().includes('/audit') || url().includes('/people') ? admin : coordinator;
    const cursors = [
      b64({ v: 'x', id: 'y' }),
      b64({ v: 1, id: UUID }),
      b64({ s: sort, o: order, v: wrongV, id: UUID }),
      b64({ s: sort, o: order, v: wrongV, id: 'y' }),
      b64({ s: sort, o: order === 'asc' ? 'desc' : 'asc', v: wrongV, id: UUID }),
      b64({ s: sort, o: order, v: sort === 'at' || sort === 'observedAt' ? '2026-03-01T00:00:00.000000Z' : 'x', id: url().includes('audit') ? 'not-a-number' : 17 }),
      'not a cursor!',
      b64([1, 2]),
    ];
    for (const cursor of cursors) {
      const res = await request(t.server).get(url()).set(who.auth).query({ cursor });
      expect({ cursor, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ cursor, status: 400, code: 'INVALID_CURSOR', field: 'cursor' });
    }
  });

  it('a smallint sort refuses a value beyond its range; a real cursor still pages', async () => {
    const bad = await request(t.server).get(`${V1}/developments`).set(liaison.auth).query({ sort: 'severity', order: 'asc', cursor: b64({ s: 'severity', o: 'asc', v: 40000, id: UUID }) });
    expect(bad.body).toMatchObject({ status: 400, code: 'INVALID_CURSOR', field: 'cursor' });
    const first = await request(t.server).get(`${V1}/agencies`).set(coordinator.auth).query({ limit: 1 }).expect(200);
    await request(t.server).get(`${V1}/agencies`).set(coordinator.auth).query({ limit: 1, cursor: first.body.nextCursor }).expect(200);
  });
});

describe('JSON nested too deep', () => {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  it.each([
    ['POST', `${V1}/auth/login`, `{"email":"a@b.de","password":${deep(10_000)}}`, false],
    ['POST', `${V1}/auth/login`, deep(50_000), false],
    ['POST', `${V1}/developments`, `{"category":"complaint","extra":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, true],
    ['POST', `${V1}/agencies`, `{"name":${deep(33)}}`, true],
  ])('%s %s: 400 JSON_TOO_DEEP', async (method, path, body, signedIn) => {
    const res = await raw(method, path, body, { 'content-type': 'application/json', ...(signedIn ? (path.includes('developments') ? liaison.auth : coordinator.auth) : {}) });
    expectProblem(res, 400, 'JSON_TOO_DEEP', 'body');
  });

  it('32 levels are still read (and then validated as usual)', async () => {
    const res = await raw('POST', `${V1}/agencies`, `{"name":${deep(31)}}`, { 'content-type': 'application/json', ...coordinator.auth });
    expectProblem(res, 400, 'VALIDATION_FAILED', 'name');
  });
});

describe('NUL characters', () => {
  it('in a body string: 400 naming the field, nothing stored', async () => {
    const name = `Nul ${tag()}`;
    const cases: Array<[string, string, Record<string, string>, object, string]> = [
      ['POST', `${V1}/agencies`, coordinator.auth, { name: `${name}\u0000`, kind: 'other', code: `NU-${tag()}` }, 'name'],
      ['POST', `${V1}/developments`, liaison.auth, { category: 'complaint', observedAt: new Date().toISOString(), lat: 51.3, lon: 12.3, severity: 1, visibility: 'all', description: 'a\u0000b' }, 'description'],
      ['PATCH', `${V1}/places/${place.id}`, coordinator.auth, { address: 'Markt\u00001' }, 'address'],
      ['POST', `${V1}/measures/${measure.id}/milestones`, liaison.auth, { title: 'x\u0000', dueDate: addDays(berlinToday(), 5) }, 'title'],
      ['POST', `${V1}/measures`, coordinator.auth, { title: name, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: addDays(berlinToday(), 9), milestones: [{ title: 'ok', dueDate: addDays(berlinToday(), 5) }, { title: 'a\u0000', dueDate: addDays(berlinToday(), 5) }] }, 'milestones.1.title'],
      ['POST', `${V1}/districts`, coordinator.auth, { name, code: `N${tag()}`, boundary: { type: 'Polygon\u0000', coordinates: [] } }, 'boundary.type'],
      ['POST', `${V1}/auth/login`, {}, { email: 'a\u0000@example.org', password: 'x' }, 'email'],
      ['POST', `${V1}/auth/login`, {}, { email: 'a@example.org', password: 'x\u0000' }, 'password'],
    ];
    for (const [method, path, auth, body, field] of cases) {
      const res = await raw(method, path, JSON.stringify(body), { 'content-type': 'application/json', ...auth });
      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code: 'NUL_CHARACTER' })]);
    }
    expect(await t.db.getRepository(Agency).countBy({ name })).toBe(0);
    expect(await t.db.getRepository(Measure).countBy({ title: name })).toBe(0);
    expect((await t.db.getRepository(Place).findOneByOrFail({ id: place.id })).address).toBe('Am Markt 1');
  });

  it('in a query value or a path parameter: 400 naming it', async () => {
    const cases: Array<[string, TestPerson, string]> = [
      [`${V1}/agencies?q=a%00b`, coordinator, 'q'],
      [`${V1}/audit?entityId=x%00`, admin, 'entityId'],
      [`${V1}/developments?q=Spritzen%00`, liaison, 'q'],
      [`${V1}/people/%00`, admin, 'id'],
      [`${V1}/measures/${measure.id}/history?cursor=%00`, liaison, 'cursor'],
    ];
    for (const [path, who, field] of cases) expectProblem(await raw('GET', path, undefined, who.auth), 400, 'VALIDATION_FAILED', field);
    expectProblem(await raw('POST', `${V1}/substances/ab%00c/deactivate`, undefined, admin.auth), 400, 'VALIDATION_FAILED', 'code');
  });
});

describe('text of only spaces where a value is required', () => {
  it('is refused on create, naming the field, and nothing is stored', async () => {
    const blank = ' \t  ';
    const substanceCode = `s${tag().replace(/[^a-z0-9]/g, 'x')}`;
    const cases: Array<[string, TestPerson, object, string]> = [
      [`${V1}/agencies`, coordinator, { name: blank, kind: 'other', code: `BL-${tag()}` }, 'name'],
      [`${V1}/districts`, coordinator, { name: blank, code: `B${tag()}` }, 'name'],
      [`${V1}/places`, coordinator, { name: blank, kind: 'other', lat: 51.3, lon: 12.3 }, 'name'],
      [`${V1}/people`, admin, { agencyId: liaison.agency.id, email: `b-${tag()}@test.invalid`, displayName: blank, roles: ['liaison'], password: 'Ein-langes-Passwort-2026' }, 'displayName'],
      [`${V1}/substances`, admin, { code: substanceCode, label: blank }, 'label'],
      [`${V1}/measures`, coordinator, { title: blank, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: addDays(berlinToday(), 9) }, 'title'],
      [`${V1}/measures/${measure.id}/milestones`, liaison, { title: blank, dueDate: addDays(berlinToday(), 5) }, 'title'],
      [`${V1}/measures/${measure.id}/notes`, liaison, { text: blank }, 'text'],
      [`${V1}/measures/${measure.id}/key-figures`, coordinator, { name: blank, categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(berlinToday(), 30) }, 'name'],
      [`${V1}/developments/${development.id}/withdraw`, liaison, { reason: blank }, 'reason'],
    ];
    for (const [path, who, body, field] of cases) {
      const res = await request(t.server).post(path).set(who.auth).send(body);
      expect({ path, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', field });
      expect(res.body.errors).toEqual([expect.objectContaining({ field, code: 'IS_NOT_BLANK' })]);
    }
    expect(await t.db.getRepository(Substance).countBy({ code: substanceCode })).toBe(0);
    expect((await t.db.getRepository(Development).findOneByOrFail({ id: development.id })).withdrawnAt).toBeNull();
  });

  it('is refused in a PATCH, and a given text is stored trimmed', async () => {
    const agency = await t.make.agency();
    const cases: Array<[string, TestPerson, object, string]> = [
      [`${V1}/agencies/${agency.id}`, coordinator, { name: '   ' }, 'name'],
      [`${V1}/places/${place.id}`, coordinator, { name: '  ' }, 'name'],
      [`${V1}/measures/${measure.id}`, coordinator, { title: ' ' }, 'title'],
      [`${V1}/measures/${measure.id}/milestones/${milestoneId}`, liaison, { title: '\n' }, 'title'],
      [`${V1}/measures/${measure.id}/key-figures/${keyFigureId}`, coordinator, { name: '  ' }, 'name'],
    ];
    for (const [path, who, body, field] of cases) {
      const res = await request(t.server).patch(path).set(who.auth).send(body);
      expect({ path, status: res.status, field: res.body.field }).toEqual({ path, status: 400, field });
    }
    const renamed = await request(t.server).patch(`${V1}/agencies/${agency.id}`).set(coordinator.auth).send({ name: '  Ordnungsamt Nord  ' }).expect(200);
    expect(renamed.body.name).toBe('Ordnungsamt Nord');
  });
});

describe('null in a PATCH', () => {
  it('is refused for a field that cannot be cleared, naming it; nothing changes', async () => {
    const before = await t.db.getRepository(Measure).findOneByOrFail({ id: measure.id });
    const cases: Array<[string, TestPerson, object, string]> = [
      [`${V1}/measures/${measure.id}`, coordinator, { title: null }, 'title'],
      [`${V1}/measures/${measure.id}`, coordinator, { deadline: null }, 'deadline'],
      [`${V1}/measures/${measure.id}`, coordinator, { priority: null }, 'priority'],
      [`${V1}/measures/${measure.id}`, coordinator, { placeIds: null }, 'placeIds'],
      [`${V1}/measures/${measure.id}`, coordinator, { description: null }, 'description'],
      [`${V1}/measures/${measure.id}`, coordinator, { title: 'Neu', version: null }, 'version'],
      [`${V1}/measures/${measure.id}/milestones/${milestoneId}`, liaison, { done: null }, 'done'],
      [`${V1}/measures/${measure.id}/milestones/${milestoneId}`, liaison, { dueDate: null }, 'dueDate'],
      [`${V1}/measures/${measure.id}/key-figures/${keyFigureId}`, coordinator, { targetValue: null }, 'targetValue'],
      [`${V1}/measures/${measure.id}/key-figures/${keyFigureId}`, coordinator, { categories: null }, 'categories'],
      [`${V1}/developments/${development.id}`, liaison, { severity: null, version: development.version }, 'severity'],
      [`${V1}/places/${place.id}`, coordinator, { lat: null }, 'lat'],
    ];
    for (const [path, who, body, field] of cases) {
      const res = await request(t.server).patch(path).set(who.auth).send(body);
      expect({ path, body, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ path, body, status: 400, code: 'VALIDATION_FAILED', field });
    }
    const after = await t.db.getRepository(Measure).findOneByOrFail({ id: measure.id });
    expect(after.version).toBe(before.version);
    const status = await request(t.server).post(`${V1}/measures/${measure.id}/status`).set(liaison.auth).send({ status: 'in_progress', reason: null });
    expect(status.body).toMatchObject({ status: 400, field: 'reason' });
  });

  it('clears a nullable field', async () => {
    const res = await request(t.server).patch(`${V1}/places/${place.id}`).set(coordinator.auth).send({ address: null }).expect(200);
    expect(res.body.address).toBeNull();
  });
});

describe('impossible or out-of-range dates', () => {
  it('in filters: 400 naming the field', async () => {
    const cases: Array<[string, TestPerson, Record<string, string>, string]> = [
      [`${V1}/developments`, liaison, { from: '2026-02-30T00:00:00Z' }, 'from'],
      [`${V1}/developments`, liaison, { from: '9999-12-31T00:00:00Z' }, 'from'],
      [`${V1}/developments`, liaison, { to: '2026-03-01' }, 'to'],
      [`${V1}/developments/export.csv`, liaison, { to: '+275760-09-13T00:00:00Z' }, 'to'],
      [`${V1}/developments/trends`, liaison, { from: '-271821-04-20T00:00:00Z' }, 'from'],
      [`${V1}/developments/summary`, liaison, { since: '1899-12-31T23:00:00Z' }, 'since'],
      [`${V1}/audit`, admin, { from: '-271821-04-20' }, 'from'],
      [`${V1}/audit`, admin, { to: '+275760-09-13' }, 'to'],
      [`${V1}/audit`, admin, { from: '9999-12-31T00:00:00Z' }, 'from'],
      [`${V1}/measures`, liaison, { deadlineFrom: '2026-02-30' }, 'deadlineFrom'],
      [`${V1}/measures`, liaison, { deadlineTo: '9999-12-31' }, 'deadlineTo'],
      [`${V1}/measures/export.csv`, liaison, { deadlineFrom: '2101-01-01' }, 'deadlineFrom'],
      [`${V1}/dashboard`, coordinator, { from: '2026-02-30' }, 'from'],
    ];
    for (const [path, who, query, field] of cases) {
      const res = await request(t.server).get(path).set(who.auth).query(query);
      expect({ path, query, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ path, query, status: 400, code: 'VALIDATION_FAILED', field });
    }
  });

  it('in bodies: 400 naming the field, nothing stored', async () => {
    const title = `Datum ${tag()}`;
    const cases: Array<[string, string, TestPerson, object, string]> = [
      ['post', `${V1}/developments`, liaison, { category: 'complaint', observedAt: '1899-06-01T00:00:00Z', lat: 51.3, lon: 12.3, severity: 1, visibility: 'all' }, 'observedAt'],
      ['post', `${V1}/measures`, coordinator, { title, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: '2101-01-01' }, 'deadline'],
      ['post', `${V1}/measures`, coordinator, { title, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: '9999-12-31' }, 'deadline'],
      ['patch', `${V1}/measures/${measure.id}/milestones/${milestoneId}`, liaison, { dueDate: '2026-02-30' }, 'dueDate'],
      ['patch', `${V1}/measures/${measure.id}/key-figures/${keyFigureId}`, coordinator, { targetDate: '+275760-09-13' }, 'targetDate'],
      ['patch', `${V1}/developments/${development.id}`, liaison, { observedAt: '2026-03-01T09:30:00', version: development.version }, 'observedAt'],
    ];
    for (const [method, path, who, body, field] of cases) {
      const res = await request(t.server)[method as 'post'](path).set(who.auth).send(body);
      expect({ path, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED', field });
    }
    expect(await t.db.getRepository(Measure).countBy({ title })).toBe(0);
  });
});

describe("the router's and the parser's own errors", () => {
  it('come as problem+json with a request id and the security headers', async () => {
    expectProblem(await raw('GET', `${V1}/developments/%E0%A4%A`, undefined, liaison.auth), 400, 'BAD_URL', 'path');
    expectProblem(await raw('GET', `${V1}/developments/${'a'.repeat(5000)}`, undefined, liaison.auth), 414, 'URI_TOO_LONG', 'path');
    expectProblem(await raw('GET', `${V1}/${'a'.repeat(70_000)}`), 431, 'HEADERS_TOO_LARGE');
    expectProblem(await raw('GET', `${V1}/nothing-here`, undefined, liaison.auth), 404, 'NOT_FOUND');
    expectProblem(await raw('POST', `${V1}/agencies`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded', ...coordinator.auth }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'body');
    expectProblem(await raw('POST', `${V1}/agencies`, 'name', { 'content-type': 'text/plain', ...coordinator.auth }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'body');
    expectProblem(await raw('POST', `${V1}/agencies`, '{"name":', { 'content-type': 'application/json', ...coordinator.auth }), 400, 'MALFORMED_JSON', 'body');
    expectProblem(await raw('POST', `${V1}/agencies`, '{"__proto__":{"x":1}}', { 'content-type': 'application/json', ...coordinator.auth }), 400, 'MALFORMED_JSON', 'body');
    expectProblem(await raw('POST', `${V1}/agencies`, JSON.stringify({ name: 'x'.repeat(1_100_000) }), { 'content-type': 'application/json', ...coordinator.auth }), 413, 'BODY_TOO_LARGE', 'body');
  });
});
