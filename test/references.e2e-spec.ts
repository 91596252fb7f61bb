import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * One check for ids that arrive in input (issue 7 §5): each must exist and be active, and every
 * refusal has the same shape: 422, the field, `<KIND>_NOT_FOUND` / `<KIND>_INACTIVE`, and the ids.
 */
let t: TestApp;
let coordinator: TestPerson;
let admin: TestPerson;
let liaison: TestPerson;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  admin = await t.make.person(['admin']);
  liaison = await t.make.person(['liaison']);
});
afterAll(async () => {
  await t.close();
});

async function place(active = true): Promise<Place> {
  const { lat, lon } = await claimTestArea(t.db);
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `Ref-Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat, lon, districtId: null, address: null, active }));
}
async function district(active = true): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: 'Ref-Bezirk', code: `REF-${randomUUID().slice(0, 8).toUpperCase()}`, active, boundary: null }));
}
const measureBody = (over: Record<string, unknown> = {}) => ({
  title: `Referenzen ${randomUUID().slice(0, 6)}`, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: addDays(berlinToday(), 30), ...over,
});
async function development(over: Record<string, unknown>) {
  const { at } = await claimTestArea(t.db);
  return request(t.server).post('/api/v1/developments').set(liaison.auth)
    .send({ category: 'complaint', observedAt: new Date(Date.now() - 3600_000).toISOString(), ...at(0, 0), severity: 1, visibility: 'all', ...over });
}

describe('ids in input', () => {
  it('are refused alike when unknown or deactivated, wherever they arrive', async () => {
    const offPlace = await place(false);
    const offDistrict = await district(false);
    const offAgency = await t.make.agency({ active: false });
    const retired = await t.make.person(['liaison'], { agency: liaison.agency, active: false });
    const ghost = randomUUID();
    const measure = await request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody()).expect(201);
    const kf = (body: object) => request(t.server).post(`/api/v1/measures/${measure.body.id}/key-figures`).set(coordinator.auth)
      .send({ name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(berlinToday(), 40), ...body });

    const cases: Array<[string, () => Promise<request.Response>, string, string, { unknown: string[]; inactive: string[] }]> = [
      ['measure: deactivated place', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ placeIds: [offPlace.id] })), 'PLACE_INACTIVE', 'placeIds', { unknown: [], inactive: [offPlace.id] }],
      ['measure: deactivated district', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ districtIds: [offDistrict.id] })), 'DISTRICT_INACTIVE', 'districtIds', { unknown: [], inactive: [offDistrict.id] }],
      ['measure: unknown and deactivated places', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ placeIds: [offPlace.id, ghost] })), 'PLACE_NOT_FOUND', 'placeIds', { unknown: [ghost], inactive: [offPlace.id] }],
      ['measure: unknown responsible person', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ responsibleId: ghost })), 'PERSON_NOT_FOUND', 'responsibleId', { unknown: [ghost], inactive: [] }],
      ['measure: deactivated deputy', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ deputyId: retired.person.id })), 'PERSON_INACTIVE', 'deputyId', { unknown: [], inactive: [retired.person.id] }],
      ['measure: deactivated owning agency', () => request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ owningAgencyId: offAgency.id })), 'AGENCY_INACTIVE', 'owningAgencyId', { unknown: [], inactive: [offAgency.id] }],
      ['key figure: deactivated place', () => kf({ placeIds: [offPlace.id] }), 'PLACE_INACTIVE', 'placeIds', { unknown: [], inactive: [offPlace.id] }],
      ['key figure: deactivated district', () => kf({ districtIds: [offDistrict.id] }), 'DISTRICT_INACTIVE', 'districtIds', { unknown: [], inactive: [offDistrict.id] }],
      ['development: deactivated agency in visibleAgencyIds', () => development({ visibility: 'agencies', visibleAgencyIds: [offAgency.id] }), 'AGENCY_INACTIVE', 'visibleAgencyIds', { unknown: [], inactive: [offAgency.id] }],
      ['development: unknown substance', () => development({ substances: ['heroin', 'zauberpilz'] }), 'SUBSTANCE_NOT_FOUND', 'substances', { unknown: ['zauberpilz'], inactive: [] }],
      ['development: deactivated place', () => development({ lat: undefined, lon: undefined, placeId: offPlace.id }), 'PLACE_INACTIVE', 'placeId', { unknown: [], inactive: [offPlace.id] }],
      ['person: deactivated agency', () => request(t.server).post('/api/v1/people').set(admin.auth).send({ agencyId: offAgency.id, email: `r-${randomUUID()}@test.invalid`, displayName: 'Neu', roles: ['liaison'], password: 'Ein-langes-Passwort-2026' }), 'AGENCY_INACTIVE', 'agencyId', { unknown: [], inactive: [offAgency.id] }],
    ];
    for (const [name, send, code, field, ids] of cases) {
      const res = await send();
      expect({ name, status: res.status, code: res.body.code, field: res.body.field, unknown: res.body.unknown, inactive: res.body.inactive })
        .toEqual({ name, status: 422, code, field, ...ids });
    }
  });

  it('keeps ids a record already holds when they are deactivated later, but refuses adding them anew', async () => {
    const p = await place();
    const other = await place();
    const m = await request(t.server).post('/api/v1/measures').set(coordinator.auth).send(measureBody({ placeIds: [p.id] })).expect(201);
    await request(t.server).post(`/api/v1/places/${p.id}/deactivate`).set(coordinator.auth).expect(200);
    await request(t.server).post(`/api/v1/places/${other.id}/deactivate`).set(coordinator.auth).expect(200);
    const url = `/api/v1/measures/${m.body.id}`;
    const kept = await request(t.server).patch(url).set(coordinator.auth).send({ title: 'Weiter', placeIds: [p.id], version: 1 }).expect(200);
    expect(kept.body.places).toEqual([{ id: p.id, name: p.name }]);
    const added = await request(t.server).patch(url).set(coordinator.auth).send({ placeIds: [p.id, other.id], version: 2 }).expect(422);
    expect(added.body).toMatchObject({ code: 'PLACE_INACTIVE', field: 'placeIds', unknown: [], inactive: [other.id] });
  });
});
