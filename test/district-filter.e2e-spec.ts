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
 * One district filter (libs/domain/places/district-filter.ts): every route that filters by district
 * answers with the same records.
 */
let t: TestApp;
let coordinator: TestPerson;
let leader: TestPerson;
let liaison: TestPerson;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  leader = await t.make.person(['leadership']);
  liaison = await t.make.person(['liaison']);
});
afterAll(async () => {
  await t.close();
});

async function district(): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: 'Filterbezirk', code: `DF-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
}
async function place(districtId: string): Promise<Place> {
  const { lat, lon } = await claimTestArea(t.db);
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `DF-Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat, lon, districtId, address: null, active: true }));
}

describe('filtering by district', () => {
  it('gives the same measures in the list, the export and the dashboard, and the same developments in the list, export, trends and key figures', async () => {
    const d = await district();
    const elsewhere = await district();
    const inD = await place(d.id);
    const outside = await place(elsewhere.id);
    const measure = async (over: object) => (await request(t.server).post('/api/v1/measures').set(coordinator.auth).send({
      title: `DF ${randomUUID().slice(0, 6)}`, owningAgencyId: liaison.agency.id, responsibleId: liaison.person.id, deadline: addDays(berlinToday(), 20), ...over,
    }).expect(201)).body as { id: string; title: string };
    const named = await measure({ districtIds: [d.id] });
    const byPlace = await measure({ placeIds: [inD.id] });
    await measure({ placeIds: [outside.id], districtIds: [elsewhere.id] });

    const listed = (await request(t.server).get(`/api/v1/measures?districtId=${d.id}`).set(coordinator.auth).expect(200)).body.items.map((m: { id: string }) => m.id);
    expect(listed.sort()).toEqual([named.id, byPlace.id].sort());
    const csv = (await request(t.server).get(`/api/v1/measures/export.csv?districtId=${d.id}`).set(coordinator.auth).expect(200)).text;
    expect(csv.split('\r\n').filter((l) => l.startsWith('DF ')).map((l) => l.split(';')[0]).sort()).toEqual([named.title, byPlace.title].sort());
    expect((await request(t.server).get(`/api/v1/dashboard?districtId=${d.id}`).set(leader.auth).expect(200)).body.totals.total).toBe(2);

    const observedAt = new Date(Date.now() - 2 * 24 * 3600_000).toISOString();
    for (const p of [inD, inD, outside]) {
      await request(t.server).post('/api/v1/developments').set(liaison.auth).send({ category: 'syringe_finds', observedAt, placeId: p.id, severity: 2, visibility: 'all' }).expect(201);
    }
    const devs = (await request(t.server).get(`/api/v1/developments?districtId=${d.id}`).set(liaison.auth).expect(200)).body.items;
    expect(devs).toHaveLength(2);
    const devCsv = (await request(t.server).get(`/api/v1/developments/export.csv?districtId=${d.id}`).set(liaison.auth).expect(200)).text;
    expect(devCsv.split('\r\n').filter((l) => l.includes(inD.name))).toHaveLength(2);
    expect(devCsv).not.toContain(outside.name);
    const from = encodeURIComponent(new Date(Date.now() - 7 * 24 * 3600_000).toISOString());
    const trends = (await request(t.server).get(`/api/v1/developments/trends?from=${from}&districtId=${d.id}`).set(liaison.auth).expect(200)).body;
    expect(trends.series.reduce((n: number, s: { total: number }) => n + s.total, 0)).toBe(2);
    await request(t.server).post(`/api/v1/measures/${named.id}/key-figures`).set(coordinator.auth).send({
      name: 'Funde im Bezirk', categories: ['syringe_finds'], districtIds: [d.id], targetKind: 'absolute', targetValue: 0, targetDate: addDays(berlinToday(), 30),
    }).expect(201);
    const kf = (await request(t.server).get(`/api/v1/measures/${named.id}/key-figures`).set(liaison.auth).expect(200)).body.keyFigures[0];
    // The measure starts today: the developments of two days ago fall into its baseline.
    expect([...kf.baseline, ...kf.actual].reduce((n: number, p: { count: number }) => n + p.count, 0)).toBe(2);
  });
});
