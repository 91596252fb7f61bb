import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Development } from '#domain/developments/development.entity.js';
import { addDays, berlinStartOfDay, berlinToday } from '#domain/common/berlin-time.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import { createLogger } from '#config/logger.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1';
const today = () => berlinToday();
const start = () => addDays(today(), -28);

let coordinator: TestPerson;
let leader: TestPerson;
let policeLeader: TestPerson;
let police: TestPerson;
let owner: TestPerson;
let ownerB: TestPerson;
let d: District;
/** measures.rapport_id is a foreign key: the rapport the dashboard is asked about has to exist. */
let rapportId: string;
const ids: Record<string, string> = {};

async function measure(who: TestPerson, over: Record<string, unknown> = {}): Promise<string> {
  const res = await request(t.server).post(`${API}/measures`).set(coordinator.auth).send({
    title: `Dashboard ${randomUUID().slice(0, 6)}`, owningAgencyId: who.agency.id, responsibleId: who.person.id, deadline: addDays(today(), 30),
    districtIds: [d.id], startDate: start(), ...over,
  });
  if (res.status !== 201) throw new Error(`measure: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}
const setStatus = (who: TestPerson, id: string, body: object) => request(t.server).post(`${API}/measures/${id}/status`).set(who.auth).send(body).expect(200);
const dashboard = (who: TestPerson, qs = '') => request(t.server).get(`${API}/dashboard?districtId=${d.id}${qs}`).set(who.auth);

const dayAt = (offset: number) => new Date(berlinStartOfDay(addDays(start(), offset)).getTime() + 12 * 3600_000);
/** A place on a cell of the city of its own (claimTestArea), so that circles around it count only this suite's data. */
async function place(): Promise<Place> {
  const { lat, lon } = await claimTestArea(t.db);
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `DB-Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat, lon, districtId: null, address: null, active: true }));
}
async function log(p: { lat: number; lon: number; id?: string }, day: number, n: number, by: TestPerson, visibility: Development['visibility'] = 'all', dLat = 0): Promise<void> {
  const rows = Array.from({ length: n }, () => ({
    category: 'syringe_finds' as const, observedAt: dayAt(day), lat: p.lat + dLat, lon: p.lon, placeId: dLat ? null : p.id ?? null, districtId: null, count: 1, substances: [],
    severity: 2, description: '', reportingAgencyId: by.agency.id, reporterId: by.person.id, visibility, visibleAgencyIds: [],
  }));
  await t.db.getRepository(Development).insert(rows);
}
const kf = (measureId: string, body: object) => request(t.server).post(`${API}/measures/${measureId}/key-figures`).set(coordinator.auth).send({
  name: 'Spritzenfunde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 56), ...body,
}).expect(201);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  leader = await t.make.person(['leadership']);
  const policeAgency = await t.make.agency({ kind: 'police' });
  policeLeader = await t.make.person(['leadership'], { agency: policeAgency });
  police = await t.make.person(['liaison'], { agency: policeAgency });
  owner = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'public_order_office' }) });
  ownerB = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'street_cleaning' }) });
  const dr = t.db.getRepository(District);
  d = await dr.save(dr.create({ name: 'Dashboard-Bezirk', code: `DB-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));

  ids.planned = await measure(owner);
  ids.overdue = await measure(owner);
  ids.blocked = await measure(owner);
  ids.done = await measure(owner);
  ids.cancelled = await measure(owner);
  ids.soon = await measure(owner, { deadline: addDays(today(), 3) });
  [{ id: rapportId }] = await t.db.query(
    `INSERT INTO rapports (kind, title, goal, starts_at, ends_at, location, agency_ids, status) VALUES ('extended', 'Dashboard-Rapport', 'Lage klären', now(), now() + interval '2 hours', 'Rathaus', '{}', 'held') RETURNING id`,
  ) as [{ id: string }];
  ids.rapport = await measure(ownerB, { rapportId });
  await t.db.query(`UPDATE measures SET deadline = $2 WHERE id = $1`, [ids.overdue, addDays(today(), -5)]);
  await t.db.query(`UPDATE measures SET deadline = $2 WHERE id = $1`, [ids.done, addDays(today(), -2)]);
  await setStatus(owner, ids.overdue, { status: 'in_progress' });
  await setStatus(owner, ids.blocked, { status: 'blocked', reason: 'Haushaltssperre' });
  await setStatus(owner, ids.done, { status: 'in_progress' });
  await setStatus(owner, ids.done, { status: 'done', note: 'umgesetzt' });
  await setStatus(coordinator, ids.cancelled, { status: 'cancelled', reason: 'entfällt' });

  // Key figures: a success (visible to all), a displacement, and one counted from police-only records.
  const p1 = await place();
  await log(p1, -4, 10, owner);
  await log(p1, 2, 6, owner);
  await log(p1, 24, 2, owner);
  await kf(ids.planned, { placeIds: [p1.id] });

  const p2 = await place();
  await log(p2, -4, 10, owner); // A before
  await log(p2, 2, 3, owner); // A after
  await log(p2, -4, 1, owner, 'all', 300 / 111_195); // B before (300 m north)
  await log(p2, 2, 8, owner, 'all', 300 / 111_195); // B after
  // A control district with a steady count keeps the quotient independent of other suites' data.
  const ctrl = await dr.save(dr.create({ name: 'Kontrollbezirk', code: `DBC-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
  const far = { lat: 51.255, lon: 12.54 + Math.random() * 0.002 };
  for (const day of [-6, 6]) {
    await t.db.getRepository(Development).insert(Array.from({ length: 10 }, () => ({
      category: 'syringe_finds' as const, observedAt: dayAt(day), ...far, placeId: null, districtId: ctrl.id, count: 1, substances: [], severity: 2, description: '',
      reportingAgencyId: owner.agency.id, reporterId: owner.person.id, visibility: 'all' as const, visibleAgencyIds: [],
    })));
  }
  await kf(ids.soon, { point: { lat: p2.lat, lon: p2.lon, radiusM: 200 }, controlDistrictId: ctrl.id });

  const p3 = await place();
  await log(p3, -4, 10, police, 'own_agency');
  await log(p3, 24, 2, police, 'own_agency');
  await kf(ids.blocked, { placeIds: [p3.id] });
});
afterAll(async () => {
  await t.close();
});

describe('GET /dashboard', () => {
  it('is for leadership and coordinators', async () => {
    for (const roles of [['liaison'], ['admin']] as const) {
      const res = await dashboard(await t.make.person([...roles])).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
    }
    await dashboard(leader).expect(200);
    await dashboard(coordinator).expect(200);
  });

  it('shows per owning agency the counts by status, overdue, due soon and the completion rate', async () => {
    const res = await dashboard(leader).expect(200);
    expect(res.body).toMatchObject({ today: today(), period: { from: addDays(today(), -90), to: today() }, filters: { districtId: d.id, rapportId: null } });
    const a = res.body.agencies.find((x: { agency: { id: string } }) => x.agency.id === owner.agency.id);
    expect(a).toMatchObject({
      agency: { id: owner.agency.id, code: owner.agency.code, name: owner.agency.name },
      total: 6, byStatus: { planned: 2, in_progress: 1, blocked: 1, done: 1, cancelled: 1 }, open: 4,
      overdue: 1, maxDaysOverdue: 5, dueNext14Days: 1,
      // Of the two not cancelled measures due in the period (overdue, done) one is done.
      completion: { dueInPeriod: 2, doneOfDue: 1, rate: 0.5, completedInPeriod: 1 },
    });
    expect(res.body.agencies.map((x: { agency: { id: string } }) => x.agency.id).sort()).toEqual([owner.agency.id, ownerB.agency.id].sort());
    expect(res.body.totals).toMatchObject({ total: 7, open: 5, overdue: 1 });
    expect(res.body.overdueMeasures).toEqual([expect.objectContaining({ id: ids.overdue, days: 5, status: 'in_progress', deadline: addDays(today(), -5), agency: expect.objectContaining({ id: owner.agency.id }), responsible: { id: owner.person.id, displayName: owner.person.displayName } })]);
    expect(res.body.upcomingDeadlines).toEqual([expect.objectContaining({ id: ids.soon, days: 3 })]);

    const narrow = await dashboard(leader, `&from=${addDays(today(), -1)}&to=${today()}`).expect(200);
    expect(narrow.body.totals.completion).toMatchObject({ dueInPeriod: 0, rate: null, completedInPeriod: 1 });
  });

  it('counts key figures on/off track for the viewer (visibility applies) and lists the displacement flags', async () => {
    const res = await dashboard(leader).expect(200);
    const a = res.body.agencies.find((x: { agency: { id: string } }) => x.agency.id === owner.agency.id);
    // The police-only figure has nothing the leader may see: no data; the other two are on track.
    expect(a.keyFigures).toEqual({ total: 3, onTrack: 2, offTrack: 0, noData: 1, notEvaluated: 0, stale: 0 });
    expect(a.displacementFlagged).toBe(1);
    expect(res.body.displacementFlags).toEqual([expect.objectContaining({ measure: expect.objectContaining({ id: ids.soon, agencyId: owner.agency.id }), keyFigure: expect.objectContaining({ name: 'Spritzenfunde' }) })]);
    expect(res.body.displacementFlags[0].wdq).toBeLessThan(0);

    const forPolice = await dashboard(policeLeader).expect(200);
    const p = forPolice.body.agencies.find((x: { agency: { id: string } }) => x.agency.id === owner.agency.id);
    expect(p.keyFigures).toMatchObject({ total: 3, onTrack: 3, noData: 0 });
  });

  it('re-evaluates key figures when developments change', async () => {
    await dashboard(coordinator).expect(200);
    const m = await request(t.server).get(`${API}/measures/${ids.planned}`).set(coordinator.auth).expect(200);
    const placeId = m.body.keyFigures[0].placeIds[0];
    const p = await t.db.getRepository(Place).findOneByOrFail({ id: placeId });
    await log(p, 25, 20, owner);
    const res = await dashboard(coordinator).expect(200);
    const a = res.body.agencies.find((x: { agency: { id: string } }) => x.agency.id === owner.agency.id);
    expect(a.keyFigures).toMatchObject({ onTrack: 1, offTrack: 1, stale: 0 });
    expect(res.body.keyFigureFreshness.refreshedNow).toBeGreaterThan(0);
  });

  it('notices a development that commits after a newer one (the commit-ordered change counter, not the newest timestamp)', async () => {
    const dr = t.db.getRepository(District);
    const own = await dr.save(dr.create({ name: 'Spät', code: `DBL-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const p = await place();
    const id = await measure(owner, { districtIds: [own.id] });
    await kf(id, { placeIds: [p.id] });
    const url = `${API}/dashboard?districtId=${own.id}`;
    // A transaction that starts now (its rows get updated_at = its start) and writes later.
    const late = t.db.createQueryRunner();
    await late.connect();
    try {
      await late.startTransaction();
      await late.query('SELECT now()');
      await log(await place(), 25, 1, owner); // elsewhere, committed at once, with a newer timestamp
      expect((await request(t.server).get(url).set(leader.auth).expect(200)).body.keyFigureFreshness.refreshedNow).toBe(1);
      await late.manager.getRepository(Development).insert({
        category: 'syringe_finds', observedAt: dayAt(25), lat: p.lat, lon: p.lon, placeId: p.id, districtId: null, count: 1, substances: [], severity: 2,
        description: '', reportingAgencyId: owner.agency.id, reporterId: owner.person.id, visibility: 'all', visibleAgencyIds: [],
      });
      await late.commitTransaction();
    } finally {
      await late.release();
    }
    const res = await request(t.server).get(url).set(leader.auth).expect(200);
    expect(res.body.keyFigureFreshness.refreshedNow).toBe(1);
    expect(res.body.totals.keyFigures).toMatchObject({ total: 1, stale: 0, notEvaluated: 0 });
  });

  it('answers at once when many key figures are stale, and the worker refreshes them', async () => {
    const dr = t.db.getRepository(District);
    const own = await dr.save(dr.create({ name: 'Viele Kennzahlen', code: `DBM-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const p = await place();
    await log(p, -4, 4, owner);
    const id = await measure(owner, { districtIds: [own.id] });
    for (let i = 0; i < 12; i++) await kf(id, { name: `Kennzahl ${i}`, placeIds: [p.id] });
    const url = `${API}/dashboard?districtId=${own.id}`;
    const first = await request(t.server).get(url).set(leader.auth).expect(200);
    expect(first.body.totals.keyFigures).toMatchObject({ total: 12, notEvaluated: 12 });
    expect(first.body.keyFigureFreshness).toMatchObject({ refreshedNow: 0, refreshingInBackground: true });
    // Nothing refreshes them without a worker: the answer stays "not evaluated", never made up.
    await new Promise((r) => setTimeout(r, 300));
    expect((await request(t.server).get(url).set(leader.auth).expect(200)).body.totals.keyFigures).toMatchObject({ notEvaluated: 12 });
    const worker = await createWorkerContext(t.config, createLogger('error', 'worker-test'));
    let tally = first.body.totals.keyFigures;
    for (let i = 0; i < 50 && tally.notEvaluated + tally.stale > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tally = (await request(t.server).get(url).set(leader.auth).expect(200)).body.totals.keyFigures;
    }
    await worker.close();
    expect(tally).toMatchObject({ total: 12, notEvaluated: 0, stale: 0, onTrack: 12 });
  });

  it("follows a measure's reassignment and cancellation in the key-figure counts", async () => {
    const dr = t.db.getRepository(District);
    const own = await dr.save(dr.create({ name: 'Umzug', code: `DBR-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const p = await place();
    const id = await measure(owner, { districtIds: [own.id] });
    await kf(id, { placeIds: [p.id] });
    const url = `${API}/dashboard?districtId=${own.id}`;
    const agencies = async () => (await request(t.server).get(url).set(leader.auth).expect(200)).body.agencies
      .map((x: { agency: { id: string }; keyFigures: { total: number } }) => [x.agency.id, x.keyFigures.total]);
    expect(await agencies()).toEqual([[owner.agency.id, 1]]);
    await request(t.server).patch(`${API}/measures/${id}`).set(coordinator.auth).send({ owningAgencyId: ownerB.agency.id, responsibleId: ownerB.person.id, version: 1 }).expect(200);
    expect(await agencies()).toEqual([[ownerB.agency.id, 1]]);
    await setStatus(coordinator, id, { status: 'cancelled', reason: 'erledigt sich' });
    expect(await agencies()).toEqual([[ownerB.agency.id, 0]]);
  });

  it('filters by rapport', async () => {
    const res = await request(t.server).get(`${API}/dashboard?rapportId=${rapportId}`).set(leader.auth).expect(200);
    expect(res.body.agencies).toEqual([expect.objectContaining({ agency: expect.objectContaining({ id: ownerB.agency.id }), total: 1 })]);
    expect(res.body.totals.total).toBe(1);
  });

  it('refuses bad filters with the field', async () => {
    const cases: Array<[string, string, string]> = [
      [`&from=${today()}&to=${addDays(today(), -1)}`, 'INVALID_RANGE', 'to'],
      ['&from=gestern', 'VALIDATION_FAILED', 'from'],
      ['&to=2031-02-30', 'VALIDATION_FAILED', 'to'],
      ['&rapportId=7', 'VALIDATION_FAILED', 'rapportId'],
      ['&status=done', 'VALIDATION_FAILED', 'status'],
    ];
    for (const [qs, code, field] of cases) {
      const res = await dashboard(leader, qs).expect(400);
      expect({ qs, code: res.body.code, field: res.body.field }).toEqual({ qs, code, field });
    }
  });
});
