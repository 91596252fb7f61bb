import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { DEMO_DISTRICTS, DEMO_PLACES, loadDemoPlaces } from '#domain/demo/demo-places.js';
import { Substance } from '#domain/developments/substance.entity.js';
import { District } from '#domain/places/district.entity.js';
import { haversineMeters } from '#domain/places/geo.js';
import { GeoLookupService } from '#domain/places/geo-lookup.service.js';
import { Place } from '#domain/places/place.entity.js';
import { assertInCityArea } from '#domain/places/places.service.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
let coordinator: TestPerson;
let liaison: TestPerson;
let admin: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  liaison = await t.make.person(['liaison']);
  admin = await t.make.person(['admin']);
});
afterAll(async () => {
  await t.close();
});

const api = () => request(t.server);
const rnd = () => randomUUID().slice(0, 8).toUpperCase();
const code = () => `T-${rnd()}`;

type Ring = number[][];
const square = (lon: number, lat: number, size: number): Ring => [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]];
const polygon = (...rings: Ring[]) => ({ type: 'Polygon', coordinates: rings });

/**
 * Each test gets its own small square of the city (0.002° wide) on a cell of its own
 * (claimTestArea: unique across suites and runs), so that the boundaries of one test never decide
 * the district of another test's place (the suites share one database). `gap` lies beside the
 * square, in no boundary.
 */
async function cell() {
  const { lat, lon } = await claimTestArea(t.db);
  return { lat, lon, boundary: polygon(square(lon, lat, 0.002)), inside: { lat: lat + 0.001, lon: lon + 0.001 }, gap: { lat: lat + 0.003, lon: lon + 0.001 } };
}

async function makeDistrict(body: Record<string, unknown> = {}) {
  const res = await api().post('/api/v1/districts').set(coordinator.auth).send({ name: `Bezirk ${rnd()}`, code: code(), ...body }).expect(201);
  return res.body as { id: string; code: string; name: string; version: number; boundary: unknown; active: boolean };
}

async function makePlace(body: Record<string, unknown>) {
  const res = await api().post('/api/v1/places').set(coordinator.auth).send({ name: `Ort ${rnd()}`, kind: 'other', ...body }).expect(201);
  return res.body as { id: string; name: string; kind: string; sensitiveKind: string | null; districtId: string | null; district: { id: string; code: string } | null; version: number; lat: number; lon: number; address: string | null; active: boolean };
}

const audit = (entityType: string, entityId: string) => t.db.getRepository(AuditEntry).find({ where: { entityType, entityId }, order: { id: 'ASC' } });
const districtsNamed = (name: string) => t.db.getRepository(District).countBy({ name });
const placesNamed = (name: string) => t.db.getRepository(Place).countBy({ name });

describe('districts', () => {
  it('a coordinator creates a district with a boundary; its bounding box is stored and the change audited', async () => {
    const c = await cell();
    const res = await api().post('/api/v1/districts').set(coordinator.auth).send({ name: ' Lindenau ', code: `t-${rnd()}`, boundary: c.boundary }).expect(201);
    expect(res.body).toMatchObject({ name: 'Lindenau', code: expect.stringMatching(/^T-[0-9A-F]{8}$/), boundary: c.boundary, active: true, version: 1 });
    expect(res.body.minLat).toBeUndefined();
    const row = await t.db.getRepository(District).findOneByOrFail({ id: res.body.id });
    expect(row).toMatchObject({ minLat: c.lat, maxLat: c.lat + 0.002, minLon: c.lon, maxLon: c.lon + 0.002 });
    const entries = await audit('district', res.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actorId: coordinator.person.id });
    expect(entries[0]!.changes).toMatchObject({ name: { new: 'Lindenau' }, code: { new: res.body.code }, boundary: { changed: true }, active: { new: true } });
  });

  it('a district without a boundary has no bounding box', async () => {
    const d = await makeDistrict();
    expect(d.boundary).toBeNull();
    expect(await t.db.getRepository(District).findOneByOrFail({ id: d.id })).toMatchObject({ minLat: null, maxLat: null, minLon: null, maxLon: null });
  });

  it('refuses a duplicate code (also in other case) with 409 and stores nothing', async () => {
    const d = await makeDistrict();
    const name = `Doppelt ${rnd()}`;
    const res = await api().post('/api/v1/districts').set(coordinator.auth).send({ name, code: d.code.toLowerCase() }).expect(409);
    expect(res.body).toMatchObject({ code: 'DISTRICT_CODE_TAKEN', field: 'code' });
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(await districtsNamed(name)).toBe(0);
    const other = await makeDistrict();
    const upd = await api().patch(`/api/v1/districts/${other.id}`).set(coordinator.auth).send({ code: d.code }).expect(409);
    expect(upd.body.code).toBe('DISTRICT_CODE_TAKEN');
    expect((await api().get(`/api/v1/districts/${other.id}`).set(liaison.auth).expect(200)).body.code).toBe(other.code);
  });

  const c0 = [[12.3, 51.3], [12.31, 51.3], [12.31, 51.31], [12.3, 51.31]];
  it.each([
    ['fewer than 4 positions', polygon([[12.3, 51.3], [12.31, 51.3], [12.3, 51.3]]), 'TOO_FEW_POSITIONS'],
    ['first != last', polygon(c0), 'NOT_CLOSED'],
    ['longitude out of range', polygon([[12.3, 51.3], [190, 51.3], [12.31, 51.31], [12.3, 51.3]]), 'OUT_OF_RANGE'],
    ['latitude out of range', polygon([[12.3, 51.3], [12.31, 91], [12.31, 51.31], [12.3, 51.3]]), 'OUT_OF_RANGE'],
    ['a position that is not numbers', polygon([[12.3, 51.3], ['12.31', 51.3], [12.31, 51.31], [12.3, 51.3]] as Ring), 'INVALID_POSITION'],
    ['collinear positions', polygon([[12.3, 51.3], [12.31, 51.31], [12.32, 51.32], [12.3, 51.3]]), 'DEGENERATE'],
    ['a lopsided bow tie', polygon([[12.3, 51.3], [12.32, 51.32], [12.32, 51.3], [12.3, 51.31], [12.3, 51.3]]), 'SELF_INTERSECTING'],
    ['another GeoJSON type', { type: 'Point', coordinates: [12.3, 51.3] }, 'NOT_A_POLYGON'],
    ['no rings', { type: 'Polygon', coordinates: [] }, 'NOT_A_POLYGON'],
  ])('refuses a boundary with %s: 400 on field "boundary", nothing stored', async (_label, boundary, reason) => {
    const name = `Kaputt ${rnd()}`;
    const res = await api().post('/api/v1/districts').set(coordinator.auth).send({ name, code: code(), boundary }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_BOUNDARY', field: 'boundary', reason });
    expect(await districtsNamed(name)).toBe(0);
  });

  it('refuses non-finite numbers (1e400 parses to Infinity) and a boundary that is not an object', async () => {
    const name = `Kaputt ${rnd()}`;
    const raw = `{"name":"${name}","code":"${code()}","boundary":{"type":"Polygon","coordinates":[[[12.3,51.3],[1e400,51.3],[12.31,51.31],[12.3,51.3]]]}}`;
    const res = await api().post('/api/v1/districts').set(coordinator.auth).set('content-type', 'application/json').send(raw).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_BOUNDARY', field: 'boundary', reason: 'INVALID_POSITION' });
    for (const boundary of ['POLYGON((12.3 51.3, ...))', [[12.3, 51.3]], 42]) {
      const r = await api().post('/api/v1/districts').set(coordinator.auth).send({ name, code: code(), boundary }).expect(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'boundary' });
    }
    expect(await districtsNamed(name)).toBe(0);
  });

  it('names bad fields and refuses unknown ones', async () => {
    const bad = await api().post('/api/v1/districts').set(coordinator.auth).send({ name: '', code: 'ÄÖÜ', extra: 1 }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['name', 'code', 'extra']));
  });

  it('updates name, code and boundary (bounding box follows, null removes it) with a version check, audited', async () => {
    const a = await cell();
    const b = await cell();
    const d = await makeDistrict({ boundary: a.boundary });
    const newCode = code();
    const res = await api().patch(`/api/v1/districts/${d.id}`).set(coordinator.auth).send({ name: 'Neu', code: newCode, boundary: b.boundary, version: 1 }).expect(200);
    expect(res.body).toMatchObject({ name: 'Neu', code: newCode, boundary: b.boundary, version: 2 });
    expect(await t.db.getRepository(District).findOneByOrFail({ id: d.id })).toMatchObject({ minLat: b.lat, minLon: b.lon, maxLat: b.lat + 0.002, maxLon: b.lon + 0.002 });

    const stale = await api().patch(`/api/v1/districts/${d.id}`).set(coordinator.auth).send({ name: 'Alt', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    const nullName = await api().patch(`/api/v1/districts/${d.id}`).set(coordinator.auth).send({ name: null }).expect(400);
    expect(nullName.body.field).toBe('name');
    const badBoundary = await api().patch(`/api/v1/districts/${d.id}`).set(coordinator.auth).send({ boundary: polygon(c0) }).expect(400);
    expect(badBoundary.body.field).toBe('boundary');

    await api().patch(`/api/v1/districts/${d.id}`).set(coordinator.auth).send({ boundary: null }).expect(200);
    expect(await t.db.getRepository(District).findOneByOrFail({ id: d.id })).toMatchObject({ name: 'Neu', boundary: null, minLat: null, maxLon: null, version: 3 });

    const entries = await audit('district', d.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update']);
    expect(entries[1]!.changes).toEqual({ name: { old: d.name, new: 'Neu' }, code: { old: d.code, new: newCode }, boundary: { changed: true } });
    expect(entries[2]!.changes).toEqual({ boundary: { changed: true } });
  });

  it('deactivates and reactivates (never deletes), each audited', async () => {
    const d = await makeDistrict();
    expect((await api().post(`/api/v1/districts/${d.id}/deactivate`).set(coordinator.auth).expect(200)).body.active).toBe(false);
    expect((await api().get(`/api/v1/districts/${d.id}`).set(liaison.auth).expect(200)).body.active).toBe(false);
    expect((await api().post(`/api/v1/districts/${d.id}/reactivate`).set(coordinator.auth).expect(200)).body.active).toBe(true);
    await api().delete(`/api/v1/districts/${d.id}`).set(coordinator.auth).expect(404);
    expect((await audit('district', d.id)).map((e) => e.action)).toEqual(['create', 'deactivate', 'reactivate']);
  });

  it('lists with filters, an allowlisted sort and cursor pagination', async () => {
    const tag = rnd();
    const ds = [];
    for (let i = 0; i < 3; i++) ds.push(await makeDistrict({ name: `Liste ${tag} ${i}` }));
    await api().post(`/api/v1/districts/${ds[1]!.id}/deactivate`).set(coordinator.auth).expect(200);

    const first = await api().get('/api/v1/districts').query({ q: tag, limit: 2 }).set(liaison.auth).expect(200);
    expect(first.body.items.map((d: { name: string }) => d.name)).toEqual([`Liste ${tag} 0`, `Liste ${tag} 1`]);
    const second = await api().get('/api/v1/districts').query({ q: tag, limit: 2, cursor: first.body.nextCursor }).set(liaison.auth).expect(200);
    expect(second.body.items.map((d: { name: string }) => d.name)).toEqual([`Liste ${tag} 2`]);
    expect(second.body.nextCursor).toBeNull();

    const active = await api().get('/api/v1/districts').query({ q: tag, active: 'true', sort: 'code', order: 'desc' }).set(liaison.auth).expect(200);
    expect(active.body.items.map((d: { id: string }) => d.id).sort()).toEqual([ds[0]!.id, ds[2]!.id].sort());
    const byCode = await api().get('/api/v1/districts').query({ q: ds[2]!.code }).set(liaison.auth).expect(200);
    expect(byCode.body.items.map((d: { id: string }) => d.id)).toEqual([ds[2]!.id]);

    expect((await api().get('/api/v1/districts').query({ sort: 'boundary' }).set(liaison.auth).expect(400)).body.field).toBe('sort');
    expect((await api().get('/api/v1/districts').query({ cursor: 'nonsense' }).set(liaison.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
  });

  it('reads one; unknown and malformed ids are refused', async () => {
    const d = await makeDistrict();
    expect((await api().get(`/api/v1/districts/${d.id}`).set(liaison.auth).expect(200)).body).toMatchObject({ id: d.id, code: d.code });
    expect((await api().get(`/api/v1/districts/${randomUUID()}`).set(liaison.auth).expect(404)).body.code).toBe('DISTRICT_NOT_FOUND');
    expect((await api().get('/api/v1/districts/not-a-uuid').set(liaison.auth).expect(400)).body.code).toBe('INVALID_ID');
  });

  it('only coordinators change districts; reading needs a sign-in', async () => {
    const d = await makeDistrict();
    for (const who of [liaison, admin]) {
      const name = `Verboten ${rnd()}`;
      const res = await api().post('/api/v1/districts').set(who.auth).send({ name, code: code() }).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
      expect(await districtsNamed(name)).toBe(0);
    }
    expect((await api().patch(`/api/v1/districts/${d.id}`).set(liaison.auth).send({ name: 'x' }).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await api().post(`/api/v1/districts/${d.id}/deactivate`).set(liaison.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await api().get('/api/v1/districts').expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await api().get(`/api/v1/districts/${d.id}`).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await api().post('/api/v1/districts').send({ name: 'x', code: code() }).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await audit('district', d.id)).map((e) => e.action)).toEqual(['create']);
  });
});

describe('places', () => {
  it('derives the district from the boundary that contains the point; audits without copying the address', async () => {
    const c = await cell();
    const d = await makeDistrict({ boundary: c.boundary });
    const res = await api().post('/api/v1/places').set(coordinator.auth)
      .send({ name: ' Szeneplatz Test ', kind: 'scene', lat: c.inside.lat, lon: c.inside.lon, address: ' Teststraße 1 ' }).expect(201);
    expect(res.body).toMatchObject({
      name: 'Szeneplatz Test', kind: 'scene', sensitiveKind: null, lat: c.inside.lat, lon: c.inside.lon,
      districtId: d.id, district: { id: d.id, code: d.code, name: d.name }, address: 'Teststraße 1', active: true, version: 1,
    });
    const entries = await audit('place', res.body.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actorId: coordinator.person.id });
    expect(entries[0]!.changes).toMatchObject({ kind: { new: 'scene' }, districtId: { new: d.id }, address: { changed: true } });
    expect(JSON.stringify(entries[0]!.changes)).not.toContain('Teststraße');
  });

  it('outside every boundary the district comes from the body, or stays empty', async () => {
    const c = await cell();
    const manual = await makeDistrict();
    const given = await makePlace({ lat: c.gap.lat, lon: c.gap.lon, districtId: manual.id });
    expect(given).toMatchObject({ districtId: manual.id, district: { code: manual.code } });
    const none = await makePlace({ lat: c.gap.lat, lon: c.gap.lon });
    expect(none).toMatchObject({ districtId: null, district: null });
  });

  it('refuses an unknown or deactivated district (422) and one that contradicts the boundaries; nothing stored', async () => {
    const c = await cell();
    const inside = await makeDistrict({ boundary: c.boundary });
    const other = await makeDistrict();
    const inactive = await makeDistrict();
    await api().post(`/api/v1/districts/${inactive.id}/deactivate`).set(coordinator.auth).expect(200);
    const name = `Ort ${rnd()}`;
    const post = (body: object) => api().post('/api/v1/places').set(coordinator.auth).send({ name, kind: 'other', ...body });

    const unknown = await post({ lat: c.gap.lat, lon: c.gap.lon, districtId: randomUUID() }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'DISTRICT_NOT_FOUND', field: 'districtId' });
    const off = await post({ lat: c.gap.lat, lon: c.gap.lon, districtId: inactive.id }).expect(422);
    expect(off.body).toMatchObject({ code: 'DISTRICT_INACTIVE', field: 'districtId' });
    const mismatch = await post({ lat: c.inside.lat, lon: c.inside.lon, districtId: other.id }).expect(422);
    expect(mismatch.body).toMatchObject({ code: 'DISTRICT_MISMATCH', field: 'districtId', derivedDistrictId: inside.id });
    const malformed = await post({ lat: c.gap.lat, lon: c.gap.lon, districtId: 'abc' }).expect(400);
    expect(malformed.body.field).toBe('districtId');
    expect(await placesNamed(name)).toBe(0);
    // Naming the district the boundary gives is fine.
    expect((await post({ lat: c.inside.lat, lon: c.inside.lon, districtId: inside.id }).expect(201)).body.districtId).toBe(inside.id);
  });

  it('ignores the boundary of a deactivated district', async () => {
    const c = await cell();
    const d = await makeDistrict({ boundary: c.boundary });
    await api().post(`/api/v1/districts/${d.id}/deactivate`).set(coordinator.auth).expect(200);
    expect((await makePlace({ lat: c.inside.lat, lon: c.inside.lon })).districtId).toBeNull();
  });

  it('a sensitive place needs its sub-kind, and only a sensitive place may have one (400, nothing stored)', async () => {
    const c = await cell();
    const name = `Sensibel ${rnd()}`;
    const post = (body: object) => api().post('/api/v1/places').set(coordinator.auth).send({ name, lat: c.gap.lat, lon: c.gap.lon, ...body });
    expect((await post({ kind: 'sensitive' }).expect(400)).body).toMatchObject({ code: 'SENSITIVE_KIND_REQUIRED', field: 'sensitiveKind' });
    expect((await post({ kind: 'sensitive', sensitiveKind: null }).expect(400)).body).toMatchObject({ code: 'SENSITIVE_KIND_REQUIRED', field: 'sensitiveKind' });
    expect((await post({ kind: 'scene', sensitiveKind: 'school' }).expect(400)).body).toMatchObject({ code: 'SENSITIVE_KIND_NOT_ALLOWED', field: 'sensitiveKind' });
    expect((await post({ kind: 'sensitive', sensitiveKind: 'hospital' }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'sensitiveKind' });
    expect((await post({ kind: 'market' }).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
    expect(await placesNamed(name)).toBe(0);
    for (const sensitiveKind of ['kindergarten', 'school', 'playground', 'youth_facility']) {
      expect((await post({ kind: 'sensitive', sensitiveKind }).expect(201)).body.sensitiveKind).toBe(sensitiveKind);
    }
  });

  it('refuses coordinates out of range (400) or outside the city area plus margin (422), naming the field; nothing stored', async () => {
    const name = `Koordinaten ${rnd()}`;
    const post = (lat: unknown, lon: unknown) => api().post('/api/v1/places').set(coordinator.auth).send({ name, kind: 'other', lat, lon });
    expect((await post(95, 12.3).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
    expect((await post(51.3, -200).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lon' });
    expect((await post('51.3', 12.3).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lat' });
    expect((await post(51.3, null).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lon' });
    // Munich; and lat/lon swapped
    expect((await post(48.137, 11.575).expect(422)).body).toMatchObject({ code: 'OUTSIDE_CITY_AREA', field: 'lat' });
    expect((await post(12.37, 51.34).expect(422)).body).toMatchObject({ code: 'OUTSIDE_CITY_AREA', field: 'lat' });
    // Latitude fine, longitude 0.2° (about 14 km) east of the box
    const east = await post(51.34, 12.75).expect(422);
    expect(east.body).toMatchObject({ code: 'OUTSIDE_CITY_AREA', field: 'lon', area: { minLat: 51.25, maxLat: 51.45, minLon: 12.2, maxLon: 12.55, marginKm: 5 } });
    // 6 km south of the box is outside the 5 km margin
    expect((await post(51.25 - 6 / 111.2, 12.3).expect(422)).body.field).toBe('lat');
    expect(await placesNamed(name)).toBe(0);
    // 3 km outside is within the margin
    await post(51.25 - 3 / 111.2, 12.2 - 3 / 69.5).expect(201);
  });

  it('updates: moving re-derives the district, kind changes keep the sub-kind rule, versions are checked, audited', async () => {
    const a = await cell();
    const b = await cell();
    const da = await makeDistrict({ boundary: a.boundary });
    const db = await makeDistrict({ boundary: b.boundary });
    const p = await makePlace({ kind: 'sensitive', sensitiveKind: 'school', lat: a.inside.lat, lon: a.inside.lon, address: 'Am Test 1' });
    expect(p.districtId).toBe(da.id);

    const moved = await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ lat: b.inside.lat, lon: b.inside.lon, version: 1 }).expect(200);
    expect(moved.body).toMatchObject({ districtId: db.id, district: { code: db.code }, version: 2 });
    // Leaving every boundary drops a derived district ...
    const out = await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ lat: b.gap.lat }).expect(200);
    expect(out.body.districtId).toBeNull();
    // ... and a district given by hand applies there.
    const manual = await makeDistrict();
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ districtId: manual.id }).expect(200)).body.districtId).toBe(manual.id);
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ lon: b.gap.lon + 0.0001 }).expect(200)).body.districtId).toBe(manual.id);
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ districtId: randomUUID() }).expect(422)).body.code).toBe('DISTRICT_NOT_FOUND');
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ lat: 48.1 }).expect(422)).body).toMatchObject({ code: 'OUTSIDE_CITY_AREA', field: 'lat' });

    // Leaving "sensitive" clears the sub-kind; naming one for another kind is refused.
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ kind: 'scene', sensitiveKind: 'school' }).expect(400)).body.code).toBe('SENSITIVE_KIND_NOT_ALLOWED');
    const scene = await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ kind: 'scene' }).expect(200);
    expect(scene.body).toMatchObject({ kind: 'scene', sensitiveKind: null });
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ kind: 'sensitive' }).expect(400)).body.code).toBe('SENSITIVE_KIND_REQUIRED');
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ sensitiveKind: 'playground' }).expect(400)).body.code).toBe('SENSITIVE_KIND_NOT_ALLOWED');
    const back = await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ kind: 'sensitive', sensitiveKind: 'playground', address: null }).expect(200);
    expect(back.body).toMatchObject({ kind: 'sensitive', sensitiveKind: 'playground', address: null });

    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ name: 'x', version: 1 }).expect(409)).body.code).toBe('VERSION_CONFLICT');
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ name: null }).expect(400)).body.field).toBe('name');
    expect((await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ lat: null }).expect(400)).body.field).toBe('lat');
    // An unchanged patch writes nothing.
    const same = await api().patch(`/api/v1/places/${p.id}`).set(coordinator.auth).send({ name: back.body.name }).expect(200);
    expect(same.body.version).toBe(back.body.version);

    const entries = await audit('place', p.id);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'update', 'update', 'update', 'update', 'update']);
    // Only what changed: two cells may share their latitude or their longitude.
    const latChange = a.inside.lat !== b.inside.lat ? { lat: { old: a.inside.lat, new: b.inside.lat } } : {};
    const lonChange = a.inside.lon !== b.inside.lon ? { lon: { old: a.inside.lon, new: b.inside.lon } } : {};
    expect(entries[1]!.changes).toEqual({ ...latChange, ...lonChange, districtId: { old: da.id, new: db.id } });
    expect(entries[6]!.changes).toEqual({ kind: { old: 'scene', new: 'sensitive' }, sensitiveKind: { old: null, new: 'playground' }, address: { changed: true } });
    const row = await t.db.getRepository(Place).findOneByOrFail({ id: p.id });
    expect(row).toMatchObject({ kind: 'sensitive', sensitiveKind: 'playground', districtId: manual.id });
  });

  it('deactivates and reactivates (never deletes), each audited', async () => {
    const c = await cell();
    const p = await makePlace({ lat: c.gap.lat, lon: c.gap.lon });
    expect((await api().post(`/api/v1/places/${p.id}/deactivate`).set(coordinator.auth).expect(200)).body).toMatchObject({ active: false, version: 2 });
    await api().post(`/api/v1/places/${p.id}/deactivate`).set(coordinator.auth).expect(200);
    expect((await api().get(`/api/v1/places/${p.id}`).set(liaison.auth).expect(200)).body.active).toBe(false);
    expect((await api().post(`/api/v1/places/${p.id}/reactivate`).set(coordinator.auth).expect(200)).body.active).toBe(true);
    await api().delete(`/api/v1/places/${p.id}`).set(coordinator.auth).expect(404);
    expect(await t.db.getRepository(Place).countBy({ id: p.id })).toBe(1);
    expect((await audit('place', p.id)).map((e) => e.action)).toEqual(['create', 'deactivate', 'reactivate']);
    expect((await api().post(`/api/v1/places/${randomUUID()}/deactivate`).set(coordinator.auth).expect(404)).body.code).toBe('PLACE_NOT_FOUND');
  });

  it('lists with filters (kind, sub-kind, district, active, text, radius), an allowlisted sort and cursor pagination', async () => {
    const c = await cell();
    const d = await makeDistrict({ boundary: c.boundary });
    const tag = rnd();
    const scene = await makePlace({ name: `${tag} A Szene`, kind: 'scene', lat: c.inside.lat, lon: c.inside.lon });
    const kita = await makePlace({ name: `${tag} B Kita`, kind: 'sensitive', sensitiveKind: 'kindergarten', lat: c.inside.lat + 0.0005, lon: c.inside.lon, address: `Gasse ${tag}` });
    const far = await makePlace({ name: `${tag} C Weit`, kind: 'other', lat: c.gap.lat, lon: c.gap.lon });
    await api().post(`/api/v1/places/${far.id}/deactivate`).set(coordinator.auth).expect(200);
    const ids = async (query: Record<string, unknown>) =>
      (await api().get('/api/v1/places').query({ q: tag, ...query }).set(liaison.auth).expect(200)).body.items.map((p: { id: string }) => p.id);

    expect(await ids({})).toEqual([scene.id, kita.id, far.id]);
    expect(await ids({ kind: 'scene' })).toEqual([scene.id]);
    expect(await ids({ sensitiveKind: 'kindergarten' })).toEqual([kita.id]);
    expect(await ids({ districtId: d.id })).toEqual([scene.id, kita.id]);
    expect(await ids({ active: 'false' })).toEqual([far.id]);
    expect(await ids({ sort: 'name', order: 'desc' })).toEqual([far.id, kita.id, scene.id]);
    expect(await ids({ q: `Gasse ${tag}` })).toEqual([kita.id]);
    // kita is about 56 m from the scene place, far about 220 m
    expect(haversineMeters(scene.lat, scene.lon, kita.lat, kita.lon)).toBeLessThan(100);
    expect(await ids({ nearLat: scene.lat, nearLon: scene.lon, radiusM: 100 })).toEqual([scene.id, kita.id]);
    expect(await ids({ nearLat: scene.lat, nearLon: scene.lon, radiusM: 1000 })).toEqual([scene.id, kita.id, far.id]);

    const first = await api().get('/api/v1/places').query({ q: tag, limit: 2 }).set(liaison.auth).expect(200);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([scene.id, kita.id]);
    expect(first.body.items[0]).toMatchObject({ district: { id: d.id, code: d.code } });
    const second = await api().get('/api/v1/places').query({ q: tag, limit: 2, cursor: first.body.nextCursor }).set(liaison.auth).expect(200);
    expect(second.body).toMatchObject({ items: [{ id: far.id }], nextCursor: null });

    expect((await api().get('/api/v1/places').query({ sort: 'lat' }).set(liaison.auth).expect(400)).body.field).toBe('sort');
    expect((await api().get('/api/v1/places').query({ nearLat: 51.3 }).set(liaison.auth).expect(400)).body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['nearLon', 'radiusM']));
    expect((await api().get('/api/v1/places').query({ nearLat: 'x', nearLon: 12.3, radiusM: 10 }).set(liaison.auth).expect(400)).body.field).toBe('nearLat');
    expect((await api().get('/api/v1/places').query({ kind: 'market' }).set(liaison.auth).expect(400)).body.field).toBe('kind');
  });

  it('reads one; unknown and malformed ids are refused', async () => {
    const c = await cell();
    const p = await makePlace({ lat: c.gap.lat, lon: c.gap.lon });
    expect((await api().get(`/api/v1/places/${p.id}`).set(liaison.auth).expect(200)).body).toMatchObject({ id: p.id, name: p.name });
    expect((await api().get(`/api/v1/places/${randomUUID()}`).set(liaison.auth).expect(404)).body.code).toBe('PLACE_NOT_FOUND');
    expect((await api().get('/api/v1/places/1').set(liaison.auth).expect(400)).body.code).toBe('INVALID_ID');
  });

  it('only coordinators change places; reading needs a sign-in', async () => {
    const c = await cell();
    const p = await makePlace({ lat: c.gap.lat, lon: c.gap.lon });
    for (const who of [liaison, admin]) {
      const name = `Verboten ${rnd()}`;
      const res = await api().post('/api/v1/places').set(who.auth).send({ name, kind: 'other', lat: c.gap.lat, lon: c.gap.lon }).expect(403);
      expect(res.body).toMatchObject({ code: 'ROLE_REQUIRED', requiredRoles: ['coordinator'] });
      expect(await placesNamed(name)).toBe(0);
    }
    expect((await api().patch(`/api/v1/places/${p.id}`).set(liaison.auth).send({ name: 'x' }).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await api().post(`/api/v1/places/${p.id}/deactivate`).set(liaison.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await api().post(`/api/v1/places/${p.id}/reactivate`).set(liaison.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await api().get('/api/v1/places').expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await api().get(`/api/v1/places/${p.id}`).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await api().post('/api/v1/places').send({ name: 'x', kind: 'other', lat: c.gap.lat, lon: c.gap.lon }).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect((await audit('place', p.id)).map((e) => e.action)).toEqual(['create']);
    expect(await t.db.getRepository(Place).findOneByOrFail({ id: p.id })).toMatchObject({ name: p.name, active: true, version: 1 });
  });
});

describe('substances', () => {
  const sub = () => `t_${randomUUID().replace(/-/g, '').slice(0, 10)}`;

  it('everyone signed in reads the seeded list', async () => {
    const res = await api().get('/api/v1/substances').set(liaison.auth).expect(200);
    const codes = res.body.items.map((s: { code: string }) => s.code);
    expect(codes).toEqual(expect.arrayContaining(['crack', 'crystal_meth', 'heroin', 'cocaine', 'unknown', 'other']));
    expect(res.body.items.find((s: { code: string }) => s.code === 'cocaine')).toMatchObject({ label: 'Kokain', active: true });
    expect((await api().get('/api/v1/substances').expect(401)).body.code).toBe('AUTH_REQUIRED');
  });

  it('an admin adds one (audited); duplicates are 409 and bad codes 400, nothing stored', async () => {
    const code = sub();
    const res = await api().post('/api/v1/substances').set(admin.auth).send({ code, label: ' Nitazene ' }).expect(201);
    expect(res.body).toMatchObject({ code, label: 'Nitazene', active: true });
    expect((await api().get('/api/v1/substances').set(liaison.auth).expect(200)).body.items.map((s: { code: string }) => s.code)).toContain(code);
    const entries = await audit('substance', code);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'create', actorId: admin.person.id, changes: { code: { new: code }, label: { new: 'Nitazene' } } });

    expect((await api().post('/api/v1/substances').set(admin.auth).send({ code, label: 'Noch mal' }).expect(409)).body).toMatchObject({ code: 'SUBSTANCE_CODE_TAKEN', field: 'code' });
    expect((await api().post('/api/v1/substances').set(admin.auth).send({ code: 'heroin', label: 'Heroin 2' }).expect(409)).body.code).toBe('SUBSTANCE_CODE_TAKEN');
    for (const bad of ['Crack', 'x', '1abc', 'mit leerzeichen', 'a'.repeat(41)]) {
      expect((await api().post('/api/v1/substances').set(admin.auth).send({ code: bad, label: 'X' }).expect(400)).body.field).toBe('code');
    }
    expect((await api().post('/api/v1/substances').set(admin.auth).send({ code: sub(), label: '' }).expect(400)).body.field).toBe('label');
    expect(await t.db.getRepository(Substance).countBy({ label: 'Noch mal' })).toBe(0);
    expect(await t.db.getRepository(Substance).findOneByOrFail({ code: 'heroin' })).toMatchObject({ label: 'Heroin' });
  });

  it('only admins add or deactivate', async () => {
    const code = sub();
    for (const who of [coordinator, liaison]) {
      const res = await api().post('/api/v1/substances').set(who.auth).send({ code, label: 'X' }).expect(403);
      expect(res.body).toMatchObject({ code: 'ROLE_REQUIRED', requiredRoles: ['admin'] });
    }
    expect((await api().post('/api/v1/substances').send({ code, label: 'X' }).expect(401)).body.code).toBe('AUTH_REQUIRED');
    expect(await t.db.getRepository(Substance).countBy({ code })).toBe(0);
    expect((await api().post('/api/v1/substances/crack/deactivate').set(coordinator.auth).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect(await t.db.getRepository(Substance).findOneByOrFail({ code: 'crack' })).toMatchObject({ active: true });
  });

  it('an admin deactivates and reactivates one (audited); the active filter follows', async () => {
    const code = sub();
    await api().post('/api/v1/substances').set(admin.auth).send({ code, label: 'Testsubstanz' }).expect(201);
    expect((await api().post(`/api/v1/substances/${code}/deactivate`).set(admin.auth).expect(200)).body).toMatchObject({ code, active: false });
    const codes = async (active: string) => (await api().get('/api/v1/substances').query({ active }).set(liaison.auth).expect(200)).body.items.map((s: { code: string }) => s.code);
    expect(await codes('true')).not.toContain(code);
    expect(await codes('false')).toContain(code);
    expect((await api().post(`/api/v1/substances/${code}/reactivate`).set(admin.auth).expect(200)).body.active).toBe(true);
    expect(await codes('true')).toContain(code);
    expect((await audit('substance', code)).map((e) => e.action)).toEqual(['create', 'deactivate', 'reactivate']);

    expect((await api().post('/api/v1/substances/t_does_not_exist/deactivate').set(admin.auth).expect(404)).body.code).toBe('SUBSTANCE_NOT_FOUND');
    expect((await api().post('/api/v1/substances/NOT-A-CODE/deactivate').set(admin.auth).expect(400)).body).toMatchObject({ code: 'INVALID_CODE', field: 'code' });
    expect((await api().get('/api/v1/substances').query({ active: 'maybe' }).set(liaison.auth).expect(400)).body.field).toBe('active');
  });
});

describe('demo places (Lindenbrück)', () => {
  const rollback = new Error('rollback');

  it('loads districts and places with the documented keys, districts from the boundaries and the intended distances', async () => {
    expect(new Set(DEMO_PLACES.map((p) => p.key)).size).toBe(DEMO_PLACES.length);
    for (const d of DEMO_DISTRICTS) expect(d.code).toMatch(/^[A-Z0-9][A-Z0-9-]{0,19}$/);
    for (const p of DEMO_PLACES) expect(() => assertInCityArea(t.config, p.lat, p.lon)).not.toThrow();

    // Inside a transaction that is rolled back, so that the demo districts never decide the
    // districts of other tests' places.
    await expect(t.db.transaction(async (m) => {
      const places = await loadDemoPlaces(m);
      const districts = new Map((await m.find(District)).map((d) => [d.id, d.code]));
      const at = (key: string) => {
        const p = places.get(key);
        if (!p) throw new Error(`demo place ${key} missing`);
        return p;
      };
      const codeOf = (key: string) => (at(key).districtId ? districts.get(at(key).districtId!) : null);
      const dist = (a: string, b: string) => haversineMeters(at(a).lat, at(a).lon, at(b).lat, at(b).lon);

      expect(places.size).toBe(DEMO_PLACES.length);
      expect(at('scene-bahnhof')).toMatchObject({ name: 'Bahnhofsvorplatz', kind: 'scene' });
      expect(at('scene-park')).toMatchObject({ name: 'Stadtpark Ost', kind: 'scene' });
      expect(at('kita-sonnenschein')).toMatchObject({ name: 'Kita Sonnenschein', kind: 'sensitive', sensitiveKind: 'kindergarten' });
      expect(at('schule-ost')).toMatchObject({ name: 'Grundschule am Park', kind: 'sensitive', sensitiveKind: 'school' });
      expect(at('spielplatz-mitte')).toMatchObject({ kind: 'sensitive', sensitiveKind: 'playground' });
      expect(at('jugendhaus-nord')).toMatchObject({ kind: 'sensitive', sensitiveKind: 'youth_facility' });
      expect(at('scene-ufer')).toMatchObject({ kind: 'scene' });
      expect(DEMO_PLACES.filter((p) => p.kind === 'other').length).toBeGreaterThanOrEqual(3);

      expect(codeOf('scene-bahnhof')).toBe('MITTE');
      expect(codeOf('spielplatz-mitte')).toBe('MITTE');
      expect(codeOf('scene-park')).toBe('OST');
      expect(codeOf('kita-sonnenschein')).toBe('OST');
      expect(codeOf('schule-ost')).toBe('OST');
      expect(codeOf('scene-ufer')).toBe('WEST');
      expect(codeOf('jugendhaus-nord')).toBe('NORD');
      expect(codeOf('wertstoffhof')).toBe('HAFEN');
      for (const p of places.values()) expect(p.districtId).not.toBeNull();

      expect(dist('scene-park', 'kita-sonnenschein')).toBeGreaterThan(110);
      expect(dist('scene-park', 'kita-sonnenschein')).toBeLessThan(130);
      expect(dist('scene-park', 'schule-ost')).toBeGreaterThan(170);
      expect(dist('scene-park', 'schule-ost')).toBeLessThan(190);
      expect(dist('scene-bahnhof', 'spielplatz-mitte')).toBeGreaterThan(140);
      expect(dist('scene-bahnhof', 'spielplatz-mitte')).toBeLessThan(160);

      // The service's own lookup agrees with the demo loader.
      const geo = t.app.get(GeoLookupService);
      for (const key of ['scene-bahnhof', 'scene-park', 'scene-ufer', 'jugendhaus-nord']) {
        expect(await geo.districtAt(at(key).lat, at(key).lon, m)).toBe(at(key).districtId);
      }
      expect(await geo.nearestSensitivePlace(at('scene-park').lat, at('scene-park').lon, m, 200)).toEqual({ placeId: at('kita-sonnenschein').id, distanceM: expect.any(Number) });
      expect(await geo.nearestSensitivePlace(at('scene-bahnhof').lat, at('scene-bahnhof').lon, m, 200)).toMatchObject({ placeId: at('spielplatz-mitte').id });
      expect(await geo.nearestSensitivePlace(at('scene-ufer').lat, at('scene-ufer').lon, m, 200)).toBeNull();
      throw rollback;
    })).rejects.toBe(rollback);
    expect(await t.db.getRepository(District).countBy({ code: 'MITTE' })).toBe(0);
  });
});
