import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Agency } from '#domain/agencies/agency.entity.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { loadDemoDirectory } from '#domain/demo/demo-city.js';
import { loadDemoDevelopments } from '#domain/demo/demo-developments.js';
import { loadDemoPlaces } from '#domain/demo/demo-places.js';
import { Development } from '#domain/developments/development.entity.js';
import { Substance } from '#domain/developments/substance.entity.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1/developments';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/**
 * Each test gets its own district: a small square on its own cell of the city (claimTestArea:
 * unique across suites and runs, >= 1.3 km apart, so that sensitive places of one never lie
 * within 200 m of another).
 */
interface Area {
  district: District;
  lat: number;
  lon: number;
  /** A point dx/dy metres east/north of the centre. */
  at(dxM: number, dyM: number): { lat: number; lon: number };
  place(kind: 'scene' | 'sensitive' | 'other', dxM?: number, dyM?: number, over?: Partial<Place>): Promise<Place>;
}
async function area(): Promise<Area> {
  const { lat, lon, at } = await claimTestArea(t.db);
  const h = 0.004;
  const repo = t.db.getRepository(District);
  const district = await repo.save(repo.create({
    name: `Testbezirk ${randomUUID().slice(0, 6)}`, code: `TD-${randomUUID().slice(0, 8).toUpperCase()}`, active: true,
    boundary: { type: 'Polygon', coordinates: [[[lon - h, lat - h], [lon + h, lat - h], [lon + h, lat + h], [lon - h, lat + h], [lon - h, lat - h]]] },
    minLat: lat - h, maxLat: lat + h, minLon: lon - h, maxLon: lon + h,
  }));
  return {
    district, lat, lon, at,
    async place(kind, dxM = 0, dyM = 0, over = {}) {
      const p = t.db.getRepository(Place);
      return p.save(p.create({
        name: `${kind === 'sensitive' ? 'Kita' : 'Platz'} ${randomUUID().slice(0, 6)}`, kind, sensitiveKind: kind === 'sensitive' ? 'kindergarten' : null,
        ...at(dxM, dyM), districtId: district.id, address: null, active: true, ...over,
      }));
    },
  };
}

const post = (who: TestPerson, body: object) => request(t.server).post(API).set(who.auth).send(body);
const get = (who: TestPerson, path: string) => request(t.server).get(`${API}${path}`).set(who.auth);
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const HOUR = 3600_000;
const DAY = 24 * HOUR;

function base(a: Area, over: Record<string, unknown> = {}) {
  return { category: 'syringe_finds', observedAt: ago(HOUR), ...a.at(0, 0), count: 3, substances: ['heroin'], severity: 2, description: 'Spritzen im Gebüsch gefunden', visibility: 'all', ...over };
}

async function create(who: TestPerson, body: object): Promise<{ id: string; version: number; [k: string]: unknown }> {
  const res = await post(who, body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const countFor = (agency: Agency) => t.db.getRepository(Development).countBy({ reportingAgencyId: agency.id });
const auditFor = (entityId: string, action?: string) => t.db.getRepository(AuditEntry).find({ where: { entityType: 'development', entityId, ...(action ? { action: action as AuditEntry['action'] } : {}) }, order: { id: 'ASC' } });

describe('create', () => {
  it('stores a development at coordinates: district snapped, nearest sensitive place with distance, agency and reporter from the token', async () => {
    const a = await area();
    const kita = await a.place('sensitive', 100, 0);
    await a.place('sensitive', 180, 0);
    const liaison = await t.make.person(['liaison']);
    const res = await post(liaison, base(a, { substances: ['heroin', 'crack', 'heroin'] })).expect(201);
    expect(res.body).toMatchObject({
      category: 'syringe_finds', district: { id: a.district.id }, place: null, count: 3, severity: 2, visibility: 'all', visibleAgencyIds: [],
      reportingAgency: { id: liaison.agency.id, code: liaison.agency.code }, reporterId: liaison.person.id, withdrawn: false, version: 1,
      nearestSensitivePlace: { id: kita.id, name: kita.name, sensitiveKind: 'kindergarten' },
    });
    expect(res.body.substances).toEqual(['heroin', 'crack']);
    expect(Math.abs(res.body.nearestSensitivePlace.distanceM - 100)).toBeLessThanOrEqual(2);
    const audit = await auditFor(res.body.id, 'create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(liaison.person.id);
    // Free text is only marked as set, its content never enters the trail.
    expect(audit[0]!.changes.description).toEqual({ changed: true });
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('Gebüsch');
  });

  it('takes coordinates and district from a place, and stores no sensitive place beyond the radius', async () => {
    const a = await area();
    const scene = await a.place('scene', 50, 50);
    await a.place('sensitive', 50 + 300, 50);
    const liaison = await t.make.person(['liaison']);
    const { lat: _lat, lon: _lon, ...body } = base(a, { placeId: scene.id });
    const res = await post(liaison, body).expect(201);
    expect(res.body).toMatchObject({ place: { id: scene.id, name: scene.name }, district: { id: a.district.id }, lat: scene.lat, lon: scene.lon, nearestSensitivePlace: null });
  });

  it('accepts observedAt slightly ahead (clock skew) and refuses more', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    await post(liaison, base(a, { observedAt: new Date(Date.now() + 2 * 60_000).toISOString() })).expect(201);
    const res = await post(liaison, base(a, { observedAt: new Date(Date.now() + HOUR).toISOString() })).expect(422);
    expect(res.body).toMatchObject({ code: 'OBSERVED_IN_FUTURE', field: 'observedAt' });
  });

  it('needs the liaison role', async () => {
    const a = await area();
    const coordinator = await t.make.person(['coordinator', 'admin', 'leadership']);
    const res = await post(coordinator, base(a)).expect(403);
    expect(res.body.code).toBe('ROLE_REQUIRED');
    expect(await countFor(coordinator.agency)).toBe(0);
  });

  it('refuses reportingAgencyId and reporterId in the body (whitelist), storing nothing', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const other = await t.make.person(['liaison']);
    for (const extra of [{ reportingAgencyId: other.agency.id }, { reporterId: other.person.id }]) {
      const res = await post(liaison, base(a, extra)).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: Object.keys(extra)[0], code: 'UNKNOWN_FIELD' })]));
    }
    expect(await countFor(liaison.agency)).toBe(0);
    expect(await countFor(other.agency)).toBe(0);
  });

  it('refuses each kind of bad input with the field, and stores nothing', async () => {
    const a = await area();
    const inactivePlace = await a.place('scene', 0, 0, { active: false });
    const inactiveCode = `inaktiv_${randomUUID().slice(0, 6)}`;
    await t.db.getRepository(Substance).save({ code: inactiveCode, label: 'Inaktiv', active: false });
    const liaison = await t.make.person(['liaison']);
    const noCoords = (o: Record<string, unknown>) => { const { lat: _a, lon: _b, ...rest } = base(a, o); return rest; };
    const cases: Array<[string, object, number, string, string]> = [
      ['latitude out of range', base(a, { lat: 95 }), 400, 'VALIDATION_FAILED', 'lat'],
      ['longitude out of range', base(a, { lon: -190 }), 400, 'VALIDATION_FAILED', 'lon'],
      ['latitude outside the city', base(a, { lat: 52.52 }), 422, 'OUTSIDE_CITY_AREA', 'lat'],
      ['longitude outside the city', base(a, { lon: 13.4 }), 422, 'OUTSIDE_CITY_AREA', 'lon'],
      ['observedAt in the future', base(a, { observedAt: new Date(Date.now() + 10 * 60_000).toISOString() }), 422, 'OBSERVED_IN_FUTURE', 'observedAt'],
      ['observedAt without a time zone', base(a, { observedAt: '2026-01-01T10:00:00' }), 400, 'VALIDATION_FAILED', 'observedAt'],
      ['observedAt not a date', base(a, { observedAt: 'yesterday' }), 400, 'VALIDATION_FAILED', 'observedAt'],
      ['negative count', base(a, { count: -1 }), 400, 'VALIDATION_FAILED', 'count'],
      ['unknown category', base(a, { category: 'rumours' }), 400, 'VALIDATION_FAILED', 'category'],
      ['severity above 5', base(a, { severity: 6 }), 400, 'VALIDATION_FAILED', 'severity'],
      ['severity below 1', base(a, { severity: 0 }), 400, 'VALIDATION_FAILED', 'severity'],
      ['description too long', base(a, { description: 'x'.repeat(4001) }), 400, 'VALIDATION_FAILED', 'description'],
      ['unknown substance', base(a, { substances: ['heroin', 'zauberpilz'] }), 422, 'SUBSTANCE_NOT_FOUND', 'substances'],
      ['inactive substance', base(a, { substances: [inactiveCode] }), 422, 'SUBSTANCE_INACTIVE', 'substances'],
      ['inactive place', noCoords({ placeId: inactivePlace.id }), 422, 'PLACE_INACTIVE', 'placeId'],
      ['unknown place', noCoords({ placeId: randomUUID() }), 422, 'PLACE_NOT_FOUND', 'placeId'],
      ['neither place nor coordinates', noCoords({}), 400, 'LOCATION_REQUIRED', 'placeId'],
      ['latitude without longitude', { ...noCoords({}), lat: a.lat }, 400, 'LOCATION_REQUIRED', 'lon'],
      ['place and coordinates', base(a, { placeId: inactivePlace.id }), 400, 'PLACE_OR_COORDINATES', 'lat'],
      ['unknown visibility', base(a, { visibility: 'public' }), 400, 'VALIDATION_FAILED', 'visibility'],
      ['named agencies: unknown agency', base(a, { visibility: 'agencies', visibleAgencyIds: [liaison.agency.id, randomUUID()] }), 422, 'AGENCY_NOT_FOUND', 'visibleAgencyIds'],
      ['named agencies: empty list', base(a, { visibility: 'agencies', visibleAgencyIds: [] }), 400, 'VISIBLE_AGENCIES_REQUIRED', 'visibleAgencyIds'],
      ['named agencies: no list', base(a, { visibility: 'agencies' }), 400, 'VISIBLE_AGENCIES_REQUIRED', 'visibleAgencyIds'],
      ['agency list without visibility agencies', base(a, { visibility: 'all', visibleAgencyIds: [liaison.agency.id] }), 400, 'VISIBLE_AGENCIES_NOT_ALLOWED', 'visibleAgencyIds'],
      ['agency ids not uuids', base(a, { visibility: 'agencies', visibleAgencyIds: ['POL'] }), 400, 'VALIDATION_FAILED', 'visibleAgencyIds'],
    ];
    for (const [name, body, status, code, field] of cases) {
      const res = await post(liaison, body);
      expect({ name, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ name, status, code, field });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await countFor(liaison.agency)).toBe(0);
  });
});

describe('visibility', () => {
  let a: Area;
  let police: TestPerson;
  let policeChief: TestPerson;
  let named: TestPerson;
  let other: TestPerson;
  let coordinator: TestPerson;
  let admin: TestPerson;
  let ownOnly: { id: string };
  let toNamed: { id: string };
  let toAll: { id: string };
  const since = ago(30 * DAY);

  beforeAll(async () => {
    a = await area();
    police = await t.make.person(['liaison']);
    policeChief = await t.make.person(['leadership'], { agency: police.agency });
    named = await t.make.person(['liaison']);
    other = await t.make.person(['liaison']);
    coordinator = await t.make.person(['coordinator', 'liaison']);
    admin = await t.make.person(['admin', 'coordinator', 'leadership'], { agency: coordinator.agency });
    ownOnly = await create(police, base(a, { category: 'dealing', visibility: 'own_agency', description: 'Handel beobachtet' }));
    toNamed = await create(police, base(a, { category: 'dealing', visibility: 'agencies', visibleAgencyIds: [named.agency.id], description: 'Handel beobachtet' }));
    toAll = await create(police, base(a, { category: 'dealing', visibility: 'all', description: 'Handel beobachtet' }));
  });

  const listIds = async (who: TestPerson, query = '') => (await get(who, `?districtId=${a.district.id}${query}`).expect(200)).body.items.map((d: { id: string }) => d.id).sort();
  const trendTotal = async (who: TestPerson) => {
    const res = await get(who, `/trends?from=${encodeURIComponent(since)}&districtId=${a.district.id}&interval=month`).expect(200);
    return res.body.series.reduce((s: number, x: { total: number }) => s + x.total, 0);
  };
  const summaryTotal = async (who: TestPerson) => {
    const res = await get(who, `/summary?since=${encodeURIComponent(since)}`).expect(200);
    return res.body.agencies.find((x: { agencyId: string }) => x.agencyId === police.agency.id)?.total ?? 0;
  };
  const exportRows = async (who: TestPerson) => {
    const res = await get(who, `/export.csv?districtId=${a.district.id}`).expect(200);
    return res.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).length - 1;
  };

  it('the reporting agency sees all three everywhere, whatever the role', async () => {
    for (const who of [police, policeChief]) {
      expect(await listIds(who)).toEqual([ownOnly.id, toNamed.id, toAll.id].sort());
      await get(who, `/${ownOnly.id}`).expect(200);
      expect(await trendTotal(who)).toBe(3);
      expect(await summaryTotal(who)).toBe(3);
      expect(await exportRows(who)).toBe(3);
    }
  });

  it('a named agency sees the record shared with it, not the own-agency one', async () => {
    await get(named, `/${toNamed.id}`).expect(200);
    expect((await get(named, `/${ownOnly.id}`).expect(404)).body.code).toBe('DEVELOPMENT_NOT_FOUND');
    expect(await listIds(named)).toEqual([toNamed.id, toAll.id].sort());
    expect(await trendTotal(named)).toBe(2);
    expect(await summaryTotal(named)).toBe(2);
    expect(await exportRows(named)).toBe(2);
  });

  it('another agency, its coordinator and its admin see only what is for all: 404 and absent from every count', async () => {
    for (const who of [other, coordinator, admin]) {
      for (const hidden of [ownOnly, toNamed]) {
        const res = await get(who, `/${hidden.id}`).expect(404);
        // The same answer as for an id that never existed.
        const missing = await get(who, `/${randomUUID()}`).expect(404);
        expect({ code: res.body.code, detail: res.body.detail }).toEqual({ code: missing.body.code, detail: missing.body.detail });
      }
      await get(who, `/${toAll.id}`).expect(200);
      expect(await listIds(who)).toEqual([toAll.id]);
      expect(await listIds(who, `&agencyId=${police.agency.id}&category=dealing`)).toEqual([toAll.id]);
      expect(await trendTotal(who)).toBe(1);
      expect(await summaryTotal(who)).toBe(1);
      expect(await exportRows(who)).toBe(1);
    }
  });

  it('changing what one cannot see is 404; changing what one sees but does not own is 403', async () => {
    const patch = { severity: 5, version: 1 };
    for (const who of [other, coordinator, admin]) {
      expect((await request(t.server).patch(`${API}/${ownOnly.id}`).set(who.auth).send(patch).expect(404)).body.code).toBe('DEVELOPMENT_NOT_FOUND');
      await request(t.server).post(`${API}/${toNamed.id}/withdraw`).set(who.auth).send({ reason: 'x' }).expect(404);
      expect((await request(t.server).patch(`${API}/${toAll.id}`).set(who.auth).send(patch).expect(403)).body.code).toBe('NOT_REPORTING_AGENCY');
      await request(t.server).post(`${API}/${toAll.id}/withdraw`).set(who.auth).send({ reason: 'x' }).expect(403);
    }
    await request(t.server).patch(`${API}/${toNamed.id}`).set(named.auth).send(patch).expect(403);
    // Leadership of the reporting agency reads, but only liaisons correct.
    await request(t.server).patch(`${API}/${toAll.id}`).set(policeChief.auth).send(patch).expect(403);
    const unchanged = await t.db.getRepository(Development).findOneByOrFail({ id: toAll.id });
    expect(unchanged.severity).toBe(2);
  });

  it('audits reads of restricted records (single and in lists), not of records for all', async () => {
    const before = (await auditFor(toNamed.id, 'read')).filter((e) => e.actorId === named.person.id).length;
    await get(named, `/${toNamed.id}`).expect(200);
    await listIds(named);
    const after = (await auditFor(toNamed.id, 'read')).filter((e) => e.actorId === named.person.id);
    expect(after.length).toBe(before + 2);
    const ownReads = (await auditFor(ownOnly.id, 'read')).filter((e) => e.actorId === police.person.id).length;
    await listIds(police);
    expect((await auditFor(ownOnly.id, 'read')).filter((e) => e.actorId === police.person.id).length).toBe(ownReads + 1);
    await get(named, `/${toAll.id}`).expect(200);
    expect(await auditFor(toAll.id, 'read')).toHaveLength(0);
  });
});

describe('correct and withdraw', () => {
  it('a liaison of the reporting agency corrects with the current version; a stale version is 409', async () => {
    const a = await area();
    const scene = await a.place('scene', 30, 30);
    const kita = await a.place('sensitive', 80, 30);
    const liaison = await t.make.person(['liaison']);
    const colleague = await t.make.person(['liaison'], { agency: liaison.agency });
    const dev = await create(liaison, base(a));
    const res = await request(t.server).patch(`${API}/${dev.id}`).set(colleague.auth)
      .send({ severity: 4, count: 7, description: 'korrigiert', placeId: scene.id, version: 1 }).expect(200);
    expect(res.body).toMatchObject({ severity: 4, count: 7, description: 'korrigiert', place: { id: scene.id }, lat: scene.lat, nearestSensitivePlace: { id: kita.id }, version: 2 });
    const stale = await request(t.server).patch(`${API}/${dev.id}`).set(liaison.auth).send({ severity: 1, version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2 });
    expect((await request(t.server).patch(`${API}/${dev.id}`).set(liaison.auth).send({ severity: 1 }).expect(428)).body).toMatchObject({ code: 'VERSION_REQUIRED', field: 'version' });
    const update = (await auditFor(dev.id, 'update'))[0]!;
    expect(update.actorId).toBe(colleague.person.id);
    expect(update.changes.severity).toEqual({ old: 2, new: 4 });
    expect(update.changes.description).toEqual({ changed: true });
    expect(JSON.stringify(update.changes)).not.toContain('korrigiert');
  });

  it('validates a correction like a new entry', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const dev = await create(liaison, base(a));
    const patch = (body: object) => request(t.server).patch(`${API}/${dev.id}`).set(liaison.auth).send({ version: 1, ...body });
    expect((await patch({ lat: 52.6, lon: 13.4 }).expect(422)).body).toMatchObject({ code: 'OUTSIDE_CITY_AREA', field: 'lat' });
    expect((await patch({ substances: ['zauberpilz'] }).expect(422)).body.field).toBe('substances');
    expect((await patch({ visibility: 'agencies' }).expect(400)).body.field).toBe('visibleAgencyIds');
    expect((await patch({ reporterId: randomUUID() }).expect(400)).body.errors[0]).toMatchObject({ field: 'reporterId', code: 'UNKNOWN_FIELD' });
    expect((await patch({ observedAt: new Date(Date.now() + DAY).toISOString() }).expect(422)).body.field).toBe('observedAt');
    for (const field of ['category', 'severity', 'visibility', 'description', 'observedAt', 'substances']) {
      expect((await patch({ [field]: null }).expect(400)).body.field).toBe(field);
    }
    await patch({ count: -3 }).expect(400);
    const unchanged = await t.db.getRepository(Development).findOneByOrFail({ id: dev.id });
    expect(unchanged.version).toBe(1);
    // Narrowing and widening the audience.
    const named = await t.make.agency();
    const narrowed = await patch({ visibility: 'agencies', visibleAgencyIds: [named.id] }).expect(200);
    expect(narrowed.body).toMatchObject({ visibility: 'agencies', visibleAgencyIds: [named.id] });
    const widened = await request(t.server).patch(`${API}/${dev.id}`).set(liaison.auth).send({ visibility: 'all', version: 2 }).expect(200);
    expect(widened.body).toMatchObject({ visibility: 'all', visibleAgencyIds: [] });
  });

  it('withdrawal keeps the record, marks it, takes it out of lists and counts, and is audited', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const dev = await create(liaison, base(a));
    const kept = await create(liaison, base(a));
    expect((await request(t.server).post(`${API}/${dev.id}/withdraw`).set(liaison.auth).send({}).expect(400)).body.field).toBe('reason');
    expect((await request(t.server).post(`${API}/${dev.id}/withdraw`).set(liaison.auth).send({ reason: 'doppelt', version: 7 }).expect(409)).body.code).toBe('VERSION_CONFLICT');
    const res = await request(t.server).post(`${API}/${dev.id}/withdraw`).set(liaison.auth).send({ reason: 'doppelt erfasst', version: 1 }).expect(200);
    expect(res.body).toMatchObject({ id: dev.id, withdrawn: true, withdrawalReason: 'doppelt erfasst', version: 2 });
    await get(liaison, `/${dev.id}`).expect(200);
    const ids = async (q: string) => (await get(liaison, `?districtId=${a.district.id}${q}`).expect(200)).body.items.map((d: { id: string }) => d.id);
    expect(await ids('')).toEqual([kept.id]);
    expect((await ids('&includeWithdrawn=true')).sort()).toEqual([dev.id, kept.id].sort());
    const trends = await get(liaison, `/trends?from=${encodeURIComponent(ago(7 * DAY))}&districtId=${a.district.id}`).expect(200);
    expect(trends.body.series.reduce((s: number, x: { total: number }) => s + x.total, 0)).toBe(1);
    const summary = await get(liaison, `/summary?since=${encodeURIComponent(ago(7 * DAY))}`).expect(200);
    expect(summary.body.agencies.find((x: { agencyId: string }) => x.agencyId === liaison.agency.id).total).toBe(1);
    expect((await request(t.server).post(`${API}/${dev.id}/withdraw`).set(liaison.auth).send({ reason: 'nochmal' }).expect(409)).body.code).toBe('DEVELOPMENT_WITHDRAWN');
    expect((await request(t.server).patch(`${API}/${dev.id}`).set(liaison.auth).send({ severity: 3, version: 2 }).expect(409)).body.code).toBe('DEVELOPMENT_WITHDRAWN');
    const audit = await auditFor(dev.id, 'withdraw');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes.withdrawalReason).toEqual({ changed: true });
    expect(JSON.stringify(audit[0]!.changes)).not.toContain('doppelt');
    expect(await t.db.getRepository(Development).countBy({ id: dev.id })).toBe(1);
  });
});

describe('list', () => {
  let a: Area;
  let liaison: TestPerson;
  let other: TestPerson;
  let scene: Place;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    a = await area();
    scene = await a.place('scene', -200, -200);
    await a.place('sensitive', 0, 100);
    liaison = await t.make.person(['liaison']);
    other = await t.make.person(['liaison']);
    ids.nearKita = (await create(liaison, base(a, { ...a.at(0, 0), category: 'syringe_finds', severity: 3, observedAt: ago(1 * DAY), description: '14 Spritzen am Spielplatzrand gefunden' }))).id;
    ids.complaint = (await create(liaison, base(a, { ...a.at(250, 0), category: 'complaint', severity: 1, observedAt: ago(2 * DAY), description: 'Beschwerde über Lärm in der Nacht' }))).id;
    const { lat: _a, lon: _b, ...atScene } = base(a, { placeId: scene.id, category: 'dealing', severity: 5, observedAt: ago(10 * DAY), description: 'Handel am Platz' });
    ids.scene = (await create(liaison, atScene)).id;
    ids.byOther = (await create(other, base(a, { ...a.at(-250, 0), category: 'camping', severity: 2, observedAt: ago(3 * DAY), description: 'Zelte unter der Brücke' }))).id;
  });

  const list = async (q: string) => (await get(liaison, `?districtId=${a.district.id}${q}`).expect(200)).body.items.map((d: { id: string }) => d.id);

  it('sorts by observedAt descending by default', async () => {
    expect(await list('')).toEqual([ids.nearKita, ids.complaint, ids.byOther, ids.scene]);
  });

  it('filters by category (one or several), place, agency and period', async () => {
    expect(await list('&category=complaint')).toEqual([ids.complaint]);
    expect(await list('&category=complaint&category=dealing')).toEqual([ids.complaint, ids.scene]);
    expect(await list('&category=complaint,camping')).toEqual([ids.complaint, ids.byOther]);
    expect(await list(`&placeId=${scene.id}`)).toEqual([ids.scene]);
    expect(await list(`&agencyId=${other.agency.id}`)).toEqual([ids.byOther]);
    expect(await list(`&from=${encodeURIComponent(ago(5 * DAY))}&to=${encodeURIComponent(ago(1.5 * DAY))}`)).toEqual([ids.complaint, ids.byOther]);
    expect((await get(liaison, '?category=rumours').expect(400)).body.field).toBe('category');
  });

  it('filters by radius, by nearness to a sensitive place, and by words in the description', async () => {
    const c = a.at(0, 0);
    expect(await list(`&near=${c.lat},${c.lon}&radiusM=100`)).toEqual([ids.nearKita]);
    expect(await list(`&near=${c.lat},${c.lon}&radiusM=270`)).toEqual([ids.nearKita, ids.complaint, ids.byOther]);
    expect(await list(`&near=${c.lat},${c.lon}&radiusM=300`)).toHaveLength(4);
    expect(await list('&nearSensitiveOnly=true')).toEqual([ids.nearKita]);
    expect(await list('&nearSensitiveOnly=false')).toHaveLength(4);
    // German stemming: "Spritze" finds "Spritzen".
    expect(await list(`&q=${encodeURIComponent('Spritze')}`)).toEqual([ids.nearKita]);
    expect(await list(`&q=${encodeURIComponent('Zelt')}`)).toEqual([ids.byOther]);
    expect((await get(liaison, '?near=abc').expect(400)).body.field).toBe('near');
    expect((await get(liaison, '?near=95,12').expect(400)).body.field).toBe('near');
  });

  it('pages with a cursor and sorts by an allowlisted column only', async () => {
    const first = await get(liaison, `?districtId=${a.district.id}&limit=3&sort=severity&order=asc`).expect(200);
    expect(first.body.items.map((d: { severity: number }) => d.severity)).toEqual([1, 2, 3]);
    const second = await get(liaison, `?districtId=${a.district.id}&limit=3&sort=severity&order=asc&cursor=${first.body.nextCursor}`).expect(200);
    expect(second.body.items.map((d: { id: string }) => d.id)).toEqual([ids.scene]);
    expect(second.body.nextCursor).toBeNull();
    expect((await get(liaison, '?sort=description').expect(400)).body.field).toBe('sort');
    expect((await get(liaison, '?cursor=garbage').expect(400)).body.code).toBe('INVALID_CURSOR');
  });
});

describe('trends and summary', () => {
  it('counts per category and district per Berlin week, with the change against the previous week', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const at = (iso: string, category = 'syringe_finds') => create(liaison, base(a, { observedAt: iso, category }));
    // Weeks (Berlin, Monday start): 2024-12-30 (lead-in), 2025-01-06, 2025-01-13, 2025-01-20.
    await at('2025-01-01T10:00:00Z');
    await at('2025-01-07T10:00:00Z');
    await at('2025-01-12T22:30:00Z'); // Sunday 23:30 in Berlin: still the week of 01-06
    await at('2025-01-12T23:30:00Z'); // Monday 00:30 in Berlin: the week of 01-13
    await at('2025-01-14T10:00:00Z');
    await at('2025-01-15T10:00:00Z');
    await at('2025-01-16T10:00:00Z');
    await at('2025-01-21T10:00:00Z', 'complaint');
    const res = await get(liaison, `/trends?from=2025-01-06T00:00:00%2B01:00&to=2025-01-27T00:00:00%2B01:00&interval=week&groupBy=district&districtId=${a.district.id}`).expect(200);
    expect(res.body.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['2025-01-06', '2025-01-13', '2025-01-20']);
    expect(res.body.buckets[0].start).toBe('2025-01-05T23:00:00.000Z');
    const syringes = res.body.series.find((s: { category: string }) => s.category === 'syringe_finds');
    expect(syringes).toMatchObject({ groupId: a.district.id, groupName: a.district.name, total: 6 });
    expect(syringes.points).toEqual([
      { bucket: '2025-01-06', count: 2, previous: 1, change: 1, changePercent: 100 },
      { bucket: '2025-01-13', count: 4, previous: 2, change: 2, changePercent: 100 },
      { bucket: '2025-01-20', count: 0, previous: 4, change: -4, changePercent: -100 },
    ]);
    const complaints = res.body.series.find((s: { category: string }) => s.category === 'complaint');
    expect(complaints.points[2]).toEqual({ bucket: '2025-01-20', count: 1, previous: 0, change: 1, changePercent: null });

    const monthly = await get(liaison, `/trends?from=2025-01-01T00:00:00%2B01:00&to=2025-02-01T00:00:00%2B01:00&interval=month&districtId=${a.district.id}&category=syringe_finds`).expect(200);
    expect(monthly.body.buckets.map((b: { bucket: string }) => b.bucket)).toEqual(['2025-01-01']);
    expect(monthly.body.series).toHaveLength(1);
    expect(monthly.body.series[0].points).toEqual([{ bucket: '2025-01-01', count: 7, previous: 0, change: 7, changePercent: null }]);
  });

  it('a repeated trend reflects every new, corrected and withdrawn development (no stale answer)', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const url = `/trends?from=${encodeURIComponent(ago(14 * DAY))}&to=${encodeURIComponent(ago(0))}&districtId=${a.district.id}`;
    const total = async () => (await get(liaison, url).expect(200)).body.series.reduce((n: number, x: { total: number }) => n + x.total, 0);
    const first = await create(liaison, base(a, { observedAt: ago(2 * DAY) }));
    expect(await total()).toBe(1);
    expect(await total()).toBe(1);
    await create(liaison, base(a, { observedAt: ago(3 * DAY) }));
    expect(await total()).toBe(2);
    await request(t.server).post(`${API}/${first.id}/withdraw`).set(liaison.auth).send({ reason: 'Doppelt erfasst' }).expect(200);
    expect(await total()).toBe(1);
  });

  it('a repeated trend shows a renamed district by its new name, and its compressed form decodes to the plain answer', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    const coordinator = await t.make.person(['coordinator']);
    await create(liaison, base(a, { observedAt: ago(2 * DAY) }));
    // A year by week: well over the 1 KB from which answers are compressed.
    const url = `${API}/trends?from=${encodeURIComponent(ago(365 * DAY))}&to=${encodeURIComponent(ago(0))}&districtId=${a.district.id}&interval=week`;
    const inject = (headers: Record<string, string> = {}) =>
      t.app.getHttpAdapter().getInstance().inject({ method: 'GET', url, headers: { authorization: liaison.auth.Authorization, ...headers } });
    const names = (body: { series: Array<{ groupName: string | null }> }) => [...new Set(body.series.map((x) => x.groupName))];
    const plain = await inject();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(names(JSON.parse(plain.payload))).toEqual([a.district.name]);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const gz = await inject({ 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.payload);
    const br = await inject({ 'accept-encoding': 'br;q=1, gzip;q=0.5' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.payload);
    expect((await inject({ 'accept-encoding': 'gzip' })).rawPayload.equals(gz.rawPayload)).toBe(true);

    const district = (await request(t.server).get(`/api/v1/districts/${a.district.id}`).set(coordinator.auth).expect(200)).body;
    await request(t.server).patch(`/api/v1/districts/${a.district.id}`).set(coordinator.auth).send({ name: `${a.district.name} (neu)`, version: district.version }).expect(200);
    expect(names(JSON.parse((await inject()).payload))).toEqual([`${a.district.name} (neu)`]);
  });

  it('counts reports or sums their count (measure=reports|sum), cached apart', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    await create(liaison, base(a, { observedAt: ago(2 * DAY), count: 14 }));
    const { count: _omitted, ...withoutCount } = base(a, { observedAt: ago(2 * DAY) });
    await create(liaison, withoutCount);
    const url = (measure?: string) => `/trends?from=${encodeURIComponent(ago(7 * DAY))}&to=${encodeURIComponent(ago(0))}&districtId=${a.district.id}${measure ? `&measure=${measure}` : ''}`;
    const total = async (measure?: string) => {
      const res = await get(liaison, url(measure)).expect(200);
      expect(res.body.measure).toBe(measure ?? 'reports');
      return res.body.series.reduce((n: number, x: { total: number }) => n + x.total, 0);
    };
    // One find of 14 syringes and one without a count: 2 reports; 14 + 1 summed.
    expect(await total()).toBe(2);
    expect(await total('sum')).toBe(15);
    expect(await total('reports')).toBe(2);
    expect(await total('sum')).toBe(15);
    expect((await get(liaison, url('syringes')).expect(400)).body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'measure' });
  });

  it('groups by place and validates its parameters', async () => {
    const a = await area();
    const p1 = await a.place('scene', 100, 100);
    const liaison = await t.make.person(['liaison']);
    const { lat: _a, lon: _b, ...atPlace } = base(a, { placeId: p1.id, observedAt: ago(2 * DAY) });
    await create(liaison, atPlace);
    await create(liaison, base(a, { observedAt: ago(2 * DAY) }));
    const res = await get(liaison, `/trends?from=${encodeURIComponent(ago(14 * DAY))}&groupBy=place&districtId=${a.district.id}`).expect(200);
    expect(res.body.series.map((s: { groupId: string | null; total: number }) => [s.groupId, s.total]).sort()).toEqual([[p1.id, 1], [null, 1]].sort());
    expect((await get(liaison, '/trends').expect(400)).body.field).toBe('from');
    expect((await get(liaison, `/trends?from=${encodeURIComponent(ago(DAY))}&interval=day`).expect(400)).body.field).toBe('interval');
    expect((await get(liaison, `/trends?from=${encodeURIComponent(ago(DAY))}&to=${encodeURIComponent(ago(2 * DAY))}`).expect(400)).body.code).toBe('INVALID_RANGE');
  });

  it('summarises per agency and category since a date, withdrawn left out', async () => {
    const a = await area();
    const liaison = await t.make.person(['liaison']);
    await create(liaison, base(a, { observedAt: ago(2 * DAY) }));
    await create(liaison, base(a, { observedAt: ago(3 * DAY) }));
    await create(liaison, base(a, { observedAt: ago(3 * DAY), category: 'complaint' }));
    await create(liaison, base(a, { observedAt: ago(40 * DAY), category: 'complaint' }));
    const gone = await create(liaison, base(a, { observedAt: ago(DAY), category: 'camping' }));
    await request(t.server).post(`${API}/${gone.id}/withdraw`).set(liaison.auth).send({ reason: 'Irrtum' }).expect(200);
    const res = await get(liaison, `/summary?since=${encodeURIComponent(ago(14 * DAY))}`).expect(200);
    const mine = res.body.agencies.find((x: { agencyId: string }) => x.agencyId === liaison.agency.id);
    expect(mine).toEqual({ agencyId: liaison.agency.id, agencyCode: liaison.agency.code, agencyName: liaison.agency.name, total: 3, byCategory: { syringe_finds: 2, complaint: 1 } });
    expect((await get(liaison, '/summary').expect(400)).body.field).toBe('since');
  });
});

describe('filter by reporter (reportedBy=me)', () => {
  const ids = (res: request.Response) => res.body.items.map((d: { id: string }) => d.id).sort();
  const csvRows = (res: request.Response) => res.text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).length - 1;

  it('lists and exports only what the reader reported, with the other filters', async () => {
    const a = await area();
    const me = await t.make.person(['liaison']);
    const colleague = await t.make.person(['liaison'], { agency: me.agency });
    const mine = await create(me, base(a, { visibility: 'own_agency' }));
    const mineForAll = await create(me, base(a, { category: 'complaint' }));
    const withdrawn = await create(me, base(a, { observedAt: ago(2 * HOUR) }));
    await request(t.server).post(`${API}/${withdrawn.id}/withdraw`).set(me.auth).send({ reason: 'Doppelt erfasst' }).expect(200);
    const theirs = await create(colleague, base(a));
    const q = `?reportedBy=me&districtId=${a.district.id}`;
    expect(ids(await get(me, q).expect(200))).toEqual([mine.id, mineForAll.id].sort());
    expect(ids(await get(me, `${q}&includeWithdrawn=true`).expect(200))).toEqual([mine.id, mineForAll.id, withdrawn.id].sort());
    expect(ids(await get(me, `${q}&category=complaint`).expect(200))).toEqual([mineForAll.id]);
    expect(ids(await get(colleague, q).expect(200))).toEqual([theirs.id]);
    // Without the filter the agency's list, as before.
    expect(ids(await get(me, `?districtId=${a.district.id}`).expect(200))).toEqual([mine.id, mineForAll.id, theirs.id].sort());
    expect(csvRows(await get(me, `/export.csv${q}`).expect(200))).toBe(2);
  });

  it('takes only "me": no other person, no blank, no list', async () => {
    const me = await t.make.person(['liaison']);
    const colleague = await t.make.person(['liaison'], { agency: me.agency });
    for (const v of [colleague.person.id, '', 'ME', 'me,me', 'all']) {
      const res = await get(me, `?reportedBy=${v}`).expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'reportedBy' });
    }
    expect((await get(me, `?reportedBy=me&reportedBy=me`).expect(400)).body.field).toBe('reportedBy');
    expect((await get(me, `/export.csv?reportedBy=${colleague.person.id}`).expect(400)).body.field).toBe('reportedBy');
  });

  it('never returns what the reader may not see (any more): a move to another agency, an unconfirmed access', async () => {
    const a = await area();
    const mover = await t.make.person(['liaison']);
    const named = await t.make.person(['liaison']);
    const ownOnly = await create(mover, base(a, { visibility: 'own_agency', category: 'dealing' }));
    const shared = await create(mover, base(a, { visibility: 'agencies', visibleAgencyIds: [named.agency.id], category: 'dealing' }));
    const forAll = await create(mover, base(a, { visibility: 'all' }));
    const q = `?reportedBy=me&districtId=${a.district.id}`;
    expect(ids(await get(mover, q).expect(200))).toEqual([ownOnly.id, shared.id, forAll.id].sort());
    // Moved to another agency, even with confirmed access there: the old agency's records are gone
    // from the own list and its export, as from every other view.
    const newAgency = (await t.make.person(['liaison'])).agency;
    await t.db.query('UPDATE people SET agency_id = $1 WHERE id = $2', [newAgency.id, mover.person.id]);
    await t.accessSettled();
    expect(ids(await get(mover, q).expect(200))).toEqual([forAll.id]);
    expect(ids(await get(mover, `${q}&includeWithdrawn=true&category=dealing`).expect(200))).toEqual([]);
    expect(csvRows(await get(mover, `/export.csv${q}`).expect(200))).toBe(1);
    // Moved into the named agency: the shared one is back (the named agency sees it), the own-agency one is not.
    await t.db.query('UPDATE people SET agency_id = $1 WHERE id = $2', [named.agency.id, mover.person.id]);
    await t.accessSettled();
    expect(ids(await get(mover, q).expect(200))).toEqual([shared.id, forAll.id].sort());

    // A new member whose access their leadership has not confirmed yet sees only what is for all,
    // even of what they logged themselves.
    const newcomer = await t.make.person(['liaison'], { confirmed: false });
    const restricted = await create(newcomer, base(a, { visibility: 'own_agency' }));
    const open = await create(newcomer, base(a, { visibility: 'all' }));
    expect(ids(await get(newcomer, q).expect(200))).toEqual([open.id]);
    expect(csvRows(await get(newcomer, `/export.csv${q}`).expect(200))).toBe(1);
    expect(ids(await get(newcomer, `${q}&includeWithdrawn=true`).expect(200))).not.toContain(restricted.id);
  });
});

describe('trends filtered by reporting agency', () => {
  it('counts only that agency\'s developments, and of them only what the reader may see', async () => {
    const a = await area();
    const police = await t.make.person(['liaison']);
    const other = await t.make.person(['liaison']);
    await create(police, base(a, { visibility: 'own_agency', category: 'dealing' }));
    await create(police, base(a, { visibility: 'all', category: 'dealing' }));
    await create(other, base(a, { visibility: 'all', category: 'complaint' }));
    const totals = async (who: TestPerson, agencyId: string) => {
      const res = await get(who, `/trends?from=${encodeURIComponent(ago(7 * DAY))}&districtId=${a.district.id}&agencyId=${agencyId}`).expect(200);
      return Object.fromEntries(res.body.series.map((s: { category: string; total: number }) => [s.category, s.total]));
    };
    expect(await totals(police, police.agency.id)).toEqual({ dealing: 2 });
    expect(await totals(other, police.agency.id)).toEqual({ dealing: 1 });
    expect(await totals(police, other.agency.id)).toEqual({ complaint: 1 });
    expect((await get(police, `/trends?from=${encodeURIComponent(ago(DAY))}&agencyId=nope`).expect(400)).body.field).toBe('agencyId');
  });
});

describe('export.csv', () => {
  it('writes UTF-8 with BOM, semicolons, CRLF, German headers, Berlin dates, quoted and defused cells; audited without the search text', async () => {
    const a = await area();
    const kita = await a.place('sensitive', 60, 0, { name: 'Kita Sonnenschein' });
    const liaison = await t.make.person(['liaison']);
    await create(liaison, base(a, { observedAt: '2026-07-15T22:00:00Z', description: '=HYPERLINK("x");Spritzen\nzweite Zeile', substances: ['heroin', 'crack'], count: 14, severity: 4 }));
    const res = await get(liaison, `/export.csv?districtId=${a.district.id}&q=Spritzen`).expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lagemeldungen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Kategorie;Beobachtet am;Ort;Stadtteil;Anzahl;Substanzen;Schweregrad;Beschreibung;Meldende Behörde;Sichtbarkeit;Nächster sensibler Ort;Abstand (m);Zurückgezogen');
    expect(text.slice(1).split('\r\n').length).toBe(3);
    expect(lines[1]).toBe([
      'Spritzenfunde', '16.07.2026 00:00', '', a.district.name, '14', 'Heroin, Crack', '4', `"'=HYPERLINK(""x"");Spritzen\nzweite Zeile"`,
      liaison.agency.name, 'Alle Beteiligten', kita.name, '60', 'nein',
    ].join(';'));
    expect(lines[2]).toBe('');
    const exports = await t.db.getRepository(AuditEntry).find({ where: { action: 'export', entityType: 'development', actorId: liaison.person.id } });
    expect(exports).toHaveLength(1);
    expect(exports[0]!.changes.filter!.new).toMatchObject({ districtId: a.district.id, textSearch: true });
    expect(exports[0]!.changes.rows).toEqual({ new: 1 });
    expect(JSON.stringify(exports[0]!.changes)).not.toContain('Spritzen');
  });

  it('refuses more than 100,000 rows with EXPORT_TOO_LARGE', async () => {
    const liaison = await t.make.person(['liaison']);
    const viewer = await t.make.person(['liaison'], { agency: liaison.agency });
    // Own-agency rows of a fresh agency: invisible to every other test.
    await t.db.query(
      `INSERT INTO developments (category, observed_at, lat, lon, severity, reporting_agency_id, reporter_id, visibility)
       SELECT 'other', now() - (g || ' minutes')::interval, 51.3, 12.3, 1, $1, $2, 'own_agency' FROM generate_series(1, 100001) g`,
      [liaison.agency.id, liaison.person.id],
    );
    try {
      const res = await get(viewer, '/export.csv').expect(422);
      expect(res.body).toMatchObject({ code: 'EXPORT_TOO_LARGE', maxRows: 100000 });
      // Plus whatever other tests logged for all participants meanwhile.
      expect(res.body.rows).toBeGreaterThan(100000);
      await get(viewer, `/export.csv?from=${encodeURIComponent(ago(HOUR))}`).expect(200);
    } finally {
      await t.db.query('DELETE FROM developments WHERE reporting_agency_id = $1', [liaison.agency.id]);
    }
  });
});

describe('API documentation', () => {
  it('says that no personal data about drug users belongs in a development', async () => {
    const doc = (await request(t.server).get('/api/docs/openapi.json').expect(200)).body;
    expect(doc.components.schemas.CreateDevelopmentDto.properties.description.description).toMatch(/No personal data about drug users/);
    expect(doc.paths['/api/v1/developments'].post.description).toMatch(/No personal data about drug users/);
  });
});

describe('demo developments', () => {
  it('tell the park, station and canal stories, with police-only reports and finds near the kindergarten', async () => {
    const rollback = new Error('rollback');
    // Rolled back, so that the demo districts and places never decide anything in other tests.
    await expect(t.db.transaction(async (m) => {
      const { agencies, people } = await loadDemoDirectory(m, 'x');
      // The demo city starts with every access confirmed by its leadership (issue 7).
      expect([...people.values()].every((p) => p.accessConfirmedAt !== null)).toBe(true);
      const places = await loadDemoPlaces(m);
      const now = new Date();
      const n = await loadDemoDevelopments(m, { agencies, people, places }, now);
      expect(n).toBeGreaterThan(200);
      expect(n).toBeLessThan(600);
      const ids = [...agencies.values()].map((a) => a.id);
      const devs = await m.getRepository(Development).createQueryBuilder('d').where('d.reporting_agency_id IN (:...ids)', { ids }).getMany();
      expect(devs).toHaveLength(n);
      const weeksAgo = (d: Development) => (now.getTime() - d.observedAt.getTime()) / (7 * DAY);
      const inWeeks = (key: string, category: string, from: number, to: number) =>
        devs.filter((d) => d.category === category && weeksAgo(d) >= from && weeksAgo(d) < to && (d.placeId === places.get(key)!.id || (d.placeId === null && Math.abs(d.lat - places.get(key)!.lat) < 0.003 && Math.abs(d.lon - places.get(key)!.lon) < 0.004))).length;
      // Park: rising to a peak about two months ago, falling since.
      expect(inWeeks('scene-park', 'syringe_finds', 8, 12)).toBeGreaterThan(2 * inWeeks('scene-park', 'syringe_finds', 22, 26));
      expect(inWeeks('scene-park', 'syringe_finds', 8, 12)).toBeGreaterThan(2 * inWeeks('scene-park', 'syringe_finds', 0, 4));
      // Canal: a new scene in the last six weeks.
      expect(inWeeks('scene-ufer', 'new_scene', 0, 6)).toBe(1);
      const ufer = (from: number, to: number) => devs.filter((d) => d.districtId === places.get('scene-ufer')!.districtId && weeksAgo(d) >= from && weeksAgo(d) < to).length;
      expect(ufer(0, 6)).toBeGreaterThan(4 * ufer(6, 12));
      expect(inWeeks('scene-bahnhof', 'complaint', 0, 26)).toBeGreaterThan(40);
      // Police operational information is not for everyone.
      const police = agencies.get('POL-MITTE')!.id;
      const dealing = devs.filter((d) => d.category === 'dealing');
      expect(dealing.length).toBeGreaterThan(20);
      expect(dealing.every((d) => d.reportingAgencyId === police && d.visibility !== 'all')).toBe(true);
      expect(dealing.some((d) => d.visibility === 'own_agency')).toBe(true);
      expect(dealing.some((d) => d.visibility === 'agencies' && d.visibleAgencyIds.includes(agencies.get('OA')!.id))).toBe(true);
      // Derived like real data: districts from boundaries, the kindergarten as the nearest sensitive place.
      const kita = places.get('kita-sonnenschein')!;
      const nearKita = devs.filter((d) => d.nearestSensitivePlaceId === kita.id);
      expect(nearKita.length).toBeGreaterThan(30);
      expect(nearKita.every((d) => d.nearestSensitiveDistanceM! <= 200)).toBe(true);
      expect(devs.filter((d) => d.placeId === null).length).toBeGreaterThan(20);
      expect(devs.every((d) => d.districtId !== null && d.observedAt <= now)).toBe(true);
      expect(devs.every((d) => d.createdAt >= d.observedAt && d.createdAt <= now)).toBe(true);
      throw rollback;
    })).rejects.toBe(rollback);
  });
});
