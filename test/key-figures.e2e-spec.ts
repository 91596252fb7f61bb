import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Development } from '#domain/developments/development.entity.js';
import { KeyFigure } from '#domain/key-figures/key-figure.entity.js';
import { addDays, berlinStartOfDay, berlinToday } from '#domain/common/berlin-time.js';
import { MeasureEvent } from '#domain/measures/measure-event.entity.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { holdScopeCounter } from '#testing/scope-hold.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1/measures';
const today = () => berlinToday();
/** The measures here started four weeks ago: 4 complete weekly periods, baseline the 3 weeks before. */
const START_OFFSET = -28;
const start = () => addDays(today(), START_OFFSET);

let coordinator: TestPerson;
let owner: TestPerson;
let outsider: TestPerson;
let police: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator']);
  owner = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'public_order_office' }) });
  outsider = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'youth_office' }) });
  police = await t.make.person(['liaison', 'leadership'], { agency: await t.make.agency({ kind: 'police' }) });
});
afterAll(async () => {
  await t.close();
});

/**
 * Each test works around its own point, on a cell of the city of its own (claimTestArea: unique
 * across suites and runs), so that counts in the circles are exactly the ones the test logged.
 */
const spot = () => claimTestArea(t.db);

async function district(): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: `KF-Bezirk ${randomUUID().slice(0, 6)}`, code: `KF-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
}
async function place(lat: number, lon: number, districtId: string | null = null): Promise<Place> {
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `KF-Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat, lon, districtId, address: null, active: true }));
}

/** Noon (Berlin) of the day `offset` days after the measure's start. */
const dayAt = (offset: number) => new Date(berlinStartOfDay(addDays(start(), offset)).getTime() + 12 * 3600_000);

interface DevSpec {
  day: number;
  n?: number;
  lat: number;
  lon: number;
  placeId?: string | null;
  districtId?: string | null;
  by?: TestPerson;
  category?: Development['category'];
  visibility?: Development['visibility'];
  visibleAgencyIds?: string[];
  withdrawn?: boolean;
  /** Default 3. */
  count?: number | null;
}
async function log(specs: DevSpec[]): Promise<void> {
  const rows = specs.flatMap((s) => Array.from({ length: s.n ?? 1 }, () => {
    const by = s.by ?? owner;
    return {
      category: s.category ?? 'syringe_finds', observedAt: dayAt(s.day), lat: s.lat, lon: s.lon, placeId: s.placeId ?? null, districtId: s.districtId ?? null,
      count: s.count === undefined ? 3 : s.count, substances: [], severity: 2, description: 'Testfund', reportingAgencyId: by.agency.id, reporterId: by.person.id,
      visibility: s.visibility ?? 'all', visibleAgencyIds: s.visibleAgencyIds ?? [],
      ...(s.withdrawn ? { withdrawnAt: new Date(), withdrawnBy: by.person.id, withdrawalReason: 'doppelt' } : {}),
    };
  }));
  if (rows.length) await t.db.getRepository(Development).insert(rows);
}

async function measure(over: Record<string, unknown> = {}): Promise<{ id: string; startDate: string }> {
  const res = await request(t.server).post(API).set(coordinator.auth).send({
    title: `Kennzahl-Maßnahme ${randomUUID().slice(0, 6)}`, owningAgencyId: owner.agency.id, responsibleId: owner.person.id,
    startDate: start(), deadline: addDays(today(), 60), ...over,
  });
  if (res.status !== 201) throw new Error(`measure: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const addKf = (measureId: string, body: object, who: TestPerson = coordinator) => request(t.server).post(`${API}/${measureId}/key-figures`).set(who.auth).send(body);
const figures = (measureId: string, who: TestPerson) => request(t.server).get(`${API}/${measureId}/key-figures`).set(who.auth).expect(200).then((r) => r.body);
const counts = (periods: Array<{ count: number }>) => periods.map((p) => p.count);

describe('key figure over places: baseline, target, actual, status', () => {
  it('counts per week since the start against the baseline of the 3 weeks before, and judges the latest complete week', async () => {
    const s = await spot();
    const p = await place(s.lat, s.lon);
    // Baseline weeks 10/10/10, then 8, 6, 4, 3 in the four complete weeks; one withdrawn that never counts.
    await log([
      { day: -18, n: 10, ...s, placeId: p.id }, { day: -11, n: 10, ...s, placeId: p.id }, { day: -4, n: 10, ...s, placeId: p.id },
      { day: 1, n: 8, ...s, placeId: p.id }, { day: 9, n: 6, ...s, placeId: p.id }, { day: 16, n: 4, ...s, placeId: p.id }, { day: 24, n: 3, ...s, placeId: p.id },
      { day: 24, n: 5, ...s, placeId: p.id, withdrawn: true },
      // Another category at the place does not count.
      { day: 24, n: 7, ...s, placeId: p.id, category: 'complaint' },
    ]);
    const m = await measure({ placeIds: [p.id] });
    const kf = await addKf(m.id, { name: 'Spritzenfunde am Platz', categories: ['syringe_finds'], placeIds: [p.id], period: 'week', targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 56) }).expect(201);
    expect(kf.body).toMatchObject({ categories: ['syringe_finds'], placeIds: [p.id], point: null, period: 'week', baselinePeriods: 3, target: { kind: 'percent', value: -50 }, version: 1 });

    const out = await figures(m.id, outsider);
    expect(out).toMatchObject({ measureId: m.id, displacementSuspected: false });
    const r = out.keyFigures[0];
    expect(r.baseline.map((x: { start: string }) => x.start)).toEqual([addDays(start(), -21), addDays(start(), -14), addDays(start(), -7)]);
    expect(counts(r.baseline)).toEqual([10, 10, 10]);
    expect(counts(r.actual)).toEqual([8, 6, 4, 3, 0]);
    expect(r.actual.map((x: { complete: boolean }) => x.complete)).toEqual([true, true, true, true, false]);
    // Halfway to the target date the line stands at 10 + (5 - 10) x 0.5 = 7.5; the latest week has 3.
    expect(r).toMatchObject({ baselineAverage: 10, targetPerPeriod: 5, direction: 'decrease', expected: 7.5, latest: { count: 3 }, status: 'on_track', statusReason: 'at_or_below_expected', displacement: null });
  });

  it('is off track above the line, works per month, and has no data before the first complete period', async () => {
    const s = await spot();
    const d = await district();
    await log([{ day: -10, n: 2, ...s, districtId: d.id }, { day: 3, n: 9, ...s, districtId: d.id }, { day: 24, n: 9, ...s, districtId: d.id }]);
    const m = await measure({ districtIds: [d.id] });
    await addKf(m.id, { name: 'Wöchentlich, absolut', categories: ['syringe_finds'], districtIds: [d.id], targetKind: 'absolute', targetValue: 0, targetDate: addDays(start(), 28) }).expect(201);
    await addKf(m.id, { name: 'Monatlich', categories: ['syringe_finds'], districtIds: [d.id], period: 'month', baselinePeriods: 2, targetKind: 'absolute', targetValue: 1, targetDate: addDays(start(), 90) }).expect(201);
    const [weekly, monthly] = (await figures(m.id, owner)).keyFigures;
    expect(weekly).toMatchObject({ status: 'off_track', statusReason: 'above_expected', expected: 0 });
    expect(counts(weekly.actual)).toEqual([9, 0, 0, 9, 0]);
    expect(monthly.baseline).toHaveLength(2);
    expect(counts(monthly.baseline)).toEqual([0, 2]);
    expect(monthly.actual[0]).toMatchObject({ start: start(), count: 18 });
    // Four weeks after the start a month is complete only in February.
    if (!monthly.actual[0].complete) expect(monthly).toMatchObject({ status: 'no_data', statusReason: 'no_complete_period' });

    const future = await measure({ startDate: addDays(today(), 3) });
    await addKf(future.id, { name: 'Noch nicht begonnen', categories: ['syringe_finds'], point: { lat: s.lat, lon: s.lon, radiusM: 200 }, targetKind: 'percent', targetValue: -30, targetDate: addDays(today(), 40) }).expect(201);
    const r = (await figures(future.id, owner)).keyFigures[0];
    expect(r).toMatchObject({ actual: [], status: 'no_data', statusReason: 'no_complete_period', displacement: { available: false, reason: 'not_started' } });
  });
});

describe('visibility', () => {
  const total = (r: { baseline: Array<{ count: number }>; actual: Array<{ count: number }> }) => [...counts(r.baseline), ...counts(r.actual)].reduce((a, b) => a + b, 0);
  /** Everything of a result except the definition it was computed for. */
  const figuresOnly = ({ keyFigure: _definition, ...rest }: Record<string, unknown>) => rest;

  it('counts only what the viewer may see, and nothing in the answer tells that more exists; withdrawn never counts', async () => {
    const s = await spot();
    const p = await place(s.lat, s.lon);
    await log([
      { day: -5, n: 4, ...s, placeId: p.id }, { day: 2, n: 2, ...s, placeId: p.id },
      // Police operational information: police only.
      { day: -5, n: 6, ...s, placeId: p.id, by: police, visibility: 'own_agency' },
      // Named agencies: the police and the owning agency.
      { day: 2, n: 3, ...s, placeId: p.id, by: police, visibility: 'agencies', visibleAgencyIds: [owner.agency.id] },
      { day: 2, n: 5, ...s, placeId: p.id, withdrawn: true },
    ]);
    const m = await measure({ placeIds: [p.id] });
    await addKf(m.id, { name: 'Funde', categories: ['syringe_finds'], placeIds: [p.id], targetKind: 'absolute', targetValue: 1, targetDate: addDays(start(), 60) }).expect(201);

    const forOutsider = await figures(m.id, outsider);
    expect(total(forOutsider.keyFigures[0])).toBe(6);
    expect(Object.keys(forOutsider).sort()).toEqual(['displacementSuspected', 'keyFigures', 'measureId']);
    expect(JSON.stringify(forOutsider)).not.toMatch(/hidden/i);
    expect(total((await figures(m.id, owner)).keyFigures[0])).toBe(9);
    expect(total((await figures(m.id, police)).keyFigures[0])).toBe(15);
  });

  it('a 10 m circle over a police-only record gives another agency exactly what an empty circle gives', async () => {
    const s = await spot();
    const secret = s.at(0, 0);
    const empty = s.at(0, 250);
    // Once before the start (baseline) and once after (actual, and the displacement target area).
    await log([{ day: -3, ...secret, by: police, category: 'dealing', visibility: 'own_agency' }, { day: 3, ...secret, by: police, category: 'dealing', visibility: 'own_agency' }]);
    const m = await measure();
    const kf = (name: string, at: { lat: number; lon: number }) => ({ name, categories: ['dealing'], point: { ...at, radiusM: 10 }, targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 56) });
    await addKf(m.id, kf('Über dem Fund', secret)).expect(201);
    await addKf(m.id, kf('Leer', empty)).expect(201);

    for (const viewer of [outsider, owner]) {
      const [over, none] = (await figures(m.id, viewer)).keyFigures;
      expect(figuresOnly(over)).toEqual(figuresOnly(none));
      expect(total(over)).toBe(0);
    }
    // The police count it, in the baseline, the actual period and the target area of the displacement watch.
    const [forPolice, emptyForPolice] = (await figures(m.id, police)).keyFigures;
    expect(total(forPolice)).toBe(2);
    expect(forPolice.displacement.counts.target).toEqual({ before: 1, after: 1 });
    expect(figuresOnly(forPolice)).not.toEqual(figuresOnly(emptyForPolice));
  });

  it("a member of the police whose access is not yet confirmed gets what any other agency gets, also from the leadership dashboard's cache", async () => {
    const s = await spot();
    const d = await district();
    // Police only, in the latest complete week: off track for the police against a target of 0.
    await log([{ day: 24, n: 2, ...s, districtId: d.id, by: police, visibility: 'own_agency' }]);
    const m = await measure({ districtIds: [d.id] });
    await addKf(m.id, { name: 'Bezirk', categories: ['syringe_finds'], districtIds: [d.id], targetKind: 'absolute', targetValue: 0, targetDate: addDays(start(), 56) }).expect(201);
    const newcomer = await t.make.person(['liaison', 'leadership'], { agency: police.agency, confirmed: false });

    // The police's own evaluation is cached first, then the newcomer asks for the same view.
    const dashboard = async (who: TestPerson) => (await request(t.server).get('/api/v1/dashboard').set(who.auth).query({ districtId: d.id }).expect(200)).body.totals.keyFigures;
    expect(await dashboard(police)).toMatchObject({ total: 1, offTrack: 1, noData: 0 });
    expect(await dashboard(newcomer)).toMatchObject({ total: 1, offTrack: 0, noData: 1 });
    expect(total((await figures(m.id, newcomer)).keyFigures[0])).toBe(0);
    const atOnce = async (who: TestPerson) => ({ ...(await figures(m.id, who)).keyFigures[0], computedAt: null });
    expect(await atOnce(newcomer)).toEqual(await atOnce(outsider));
    expect(total((await figures(m.id, police)).keyFigures[0])).toBe(2);
  });
});

describe("the leadership dashboard's cache of key figures, per visibility scope", () => {
  const dashboard = async (who: TestPerson, districtId: string) => (await request(t.server).get('/api/v1/dashboard').set(who.auth).query({ districtId }).expect(200)).body;

  it('a change to a record hidden from the viewer neither moves their "developments changed" time nor makes their results stale', async () => {
    const s = await spot();
    const d = await district();
    await log([{ day: 24, ...s, districtId: d.id }]);
    const m = await measure({ districtIds: [d.id] });
    await addKf(m.id, { name: 'Bezirk', categories: ['syringe_finds'], districtIds: [d.id], targetKind: 'absolute', targetValue: 0, targetDate: addDays(start(), 56) }).expect(201);
    const viewer = await t.make.person(['leadership'], { agency: outsider.agency });
    const chief = await t.make.person(['leadership'], { agency: police.agency });
    await dashboard(chief, d.id);
    // Other suites write records visible to all meanwhile, which rightly move everyone's signal:
    // hold that counter while comparing.
    const release = await holdScopeCounter(t.db, 'all');
    let before, after;
    try {
      // Evaluated and cached by the first look; the second is the settled state.
      await dashboard(viewer, d.id);
      before = await dashboard(viewer, d.id);
      await log([{ day: 25, ...s, districtId: d.id, by: police, visibility: 'own_agency' }]);
      after = await dashboard(viewer, d.id);
    } finally {
      await release();
    }
    expect(after.keyFigureFreshness).toEqual(before.keyFigureFreshness);
    expect(after.keyFigureFreshness).toMatchObject({ refreshedNow: 0, refreshingInBackground: false });
    expect(after.totals.keyFigures).toEqual(before.totals.keyFigures);
    // The police see their change: their time moves and their result is brought up to date.
    const forChief = await dashboard(chief, d.id);
    expect(Date.parse(forChief.keyFigureFreshness.developmentsChangedAt)).toBeGreaterThan(Date.parse(before.keyFigureFreshness.developmentsChangedAt));
    expect(forChief.keyFigureFreshness.refreshedNow).toBe(1);
  });

  it('a record that leaves a viewer\'s sight leaves their cached results with it', async () => {
    const s = await spot();
    const d = await district();
    const m = await measure({ districtIds: [d.id] });
    await addKf(m.id, { name: 'Bezirk', categories: ['syringe_finds'], districtIds: [d.id], targetKind: 'absolute', targetValue: 0, targetDate: addDays(start(), 56) }).expect(201);
    const [dev] = await t.db.getRepository(Development).save([t.db.getRepository(Development).create({
      category: 'syringe_finds', observedAt: dayAt(24), lat: s.lat, lon: s.lon, placeId: null, districtId: d.id, count: 3, substances: [], severity: 2,
      description: 'Fund', reportingAgencyId: police.agency.id, reporterId: police.person.id, visibility: 'all', visibleAgencyIds: [],
    })]);
    const viewer = await t.make.person(['leadership'], { agency: outsider.agency });
    expect((await dashboard(viewer, d.id)).totals.keyFigures).toMatchObject({ offTrack: 1, stale: 0 });

    await request(t.server).patch(`/api/v1/developments/${dev!.id}`).set(police.auth).send({ visibility: 'own_agency', version: dev!.version }).expect(200);
    expect((await dashboard(viewer, d.id)).totals.keyFigures).toMatchObject({ offTrack: 0, noData: 1, stale: 0 });
  });
});

describe('displacement watch', () => {
  it('computes target area, buffer ring and control district before/after, the WDQ, and flags the measure', async () => {
    const s = await spot();
    const ctrl = await district();
    const inA = s.at(60, 0);
    const inB = s.at(0, 300);
    // The control district lies in the far south-east, away from every test's circles.
    const inC = { lat: 51.262, lon: 12.535 + Math.random() * 0.002 };
    await log([
      { day: -6, n: 10, ...inA }, { day: 5, n: 4, ...inA },
      { day: -6, n: 2, ...inB }, { day: 5, n: 6, ...inB },
      // Police-only in the buffer: counted for the police, hidden from others.
      { day: 6, n: 1, ...inB, by: police, visibility: 'own_agency' },
      { day: -9, n: 20, ...inC, districtId: ctrl.id }, { day: 9, n: 20, ...inC, districtId: ctrl.id },
      // Outside the outer ring (> 400 m) and not in the control district: ignored.
      { day: 5, n: 9, ...s.at(0, 550) },
    ]);
    const m = await measure();
    await addKf(m.id, {
      name: 'Spritzenfunde 200 m um den Platz', categories: ['syringe_finds'], point: { lat: s.lat, lon: s.lon, radiusM: 200 }, bufferFactor: 2, controlDistrictId: ctrl.id,
      targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 56),
    }).expect(201);

    const out = await figures(m.id, outsider);
    expect(out).toMatchObject({ displacementSuspected: true });
    const r = out.keyFigures[0];
    expect(counts(r.baseline)).toEqual([0, 0, 10]);
    expect(counts(r.actual)).toEqual([4, 0, 0, 0, 0]);
    // success = 4/20 - 10/20 = -0.3; buffer = 6/20 - 2/20 = 0.2; WDQ = 0.2 / -0.3
    expect(r.displacement).toMatchObject({
      available: true, radiusM: 200, bufferRadiusM: 400, control: { kind: 'district', districtId: ctrl.id },
      counts: { target: { before: 10, after: 4 }, buffer: { before: 2, after: 6 }, control: { before: 20, after: 20 } },
      successMeasure: -0.3, bufferMeasure: 0.2, wdq: -0.6667, wdqUndefinedReason: null,
      interpretation: 'displacement_smaller_than_effect', displacementSuspected: true, basis: 'relative_to_control',
    });
    const w = r.displacement.windows;
    expect(w.after.from).toBe(berlinStartOfDay(start()).toISOString());
    expect(Date.parse(w.before.to) - Date.parse(w.before.from)).toBe(Date.parse(w.after.to) - Date.parse(w.after.from));

    const forPolice = (await figures(m.id, police)).keyFigures[0];
    expect(forPolice.displacement.counts.buffer).toEqual({ before: 2, after: 7 });
  });

  it('is null with a reason when the control area is empty, and uses the rest of the city by default', async () => {
    const s = await spot();
    const emptyCtrl = await district();
    await log([{ day: -6, n: 5, ...s.at(0, 50) }, { day: 5, n: 1, ...s.at(0, 50) }, { day: 5, n: 3, ...s.at(0, 300) }]);
    const m = await measure();
    const base = { categories: ['syringe_finds'], point: { lat: s.lat, lon: s.lon, radiusM: 200 }, targetKind: 'absolute', targetValue: 1, targetDate: addDays(start(), 40) };
    await addKf(m.id, { ...base, name: 'Leere Kontrolle', controlDistrictId: emptyCtrl.id }).expect(201);
    await addKf(m.id, { ...base, name: 'Rest der Stadt', bufferFactor: 1.5 }).expect(201);
    const [empty, city] = (await figures(m.id, owner)).keyFigures;
    expect(empty.displacement).toMatchObject({ wdq: null, wdqUndefinedReason: 'control_area_empty', basis: 'raw_counts', displacementSuspected: true, counts: { control: { before: 0, after: 0 } } });
    expect(city.displacement).toMatchObject({ available: true, control: { kind: 'city', districtId: null }, bufferRadiusM: 300 });
    expect(city.displacement.counts.control.before).toBeGreaterThanOrEqual(0);
    expect(city.keyFigure.bufferFactor).toBe(1.5);
  });
});

describe('defining key figures', () => {
  it('refuses bad definitions with the field, and stores nothing', async () => {
    const m = await measure();
    const d = await district();
    const s = await spot();
    const ok = { name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 30) };
    const noCat = { ...ok } as Record<string, unknown>;
    delete noCat.categories;
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['no category', noCat, 400, 'VALIDATION_FAILED', 'categories'],
      ['empty category list', { ...ok, categories: [] }, 400, 'VALIDATION_FAILED', 'categories'],
      ['unknown category', { ...ok, categories: ['rumours'] }, 400, 'VALIDATION_FAILED', 'categories'],
      ['target date on the start', { ...ok, targetDate: start() }, 400, 'TARGET_DATE_NOT_AFTER_START', 'targetDate'],
      ['target date before the start', { ...ok, targetDate: addDays(start(), -10) }, 400, 'TARGET_DATE_NOT_AFTER_START', 'targetDate'],
      ['target date not a day', { ...ok, targetDate: '2031-02-30' }, 400, 'VALIDATION_FAILED', 'targetDate'],
      ['target date malformed', { ...ok, targetDate: 'Juni' }, 400, 'VALIDATION_FAILED', 'targetDate'],
      ['no target date', { ...ok, targetDate: undefined }, 400, 'VALIDATION_FAILED', 'targetDate'],
      ['percent below -100', { ...ok, targetValue: -150 }, 400, 'INVALID_TARGET', 'targetValue'],
      ['negative absolute target', { ...ok, targetKind: 'absolute', targetValue: -1 }, 400, 'INVALID_TARGET', 'targetValue'],
      ['unknown target kind', { ...ok, targetKind: 'relative' }, 400, 'VALIDATION_FAILED', 'targetKind'],
      ['unknown period', { ...ok, period: 'day' }, 400, 'VALIDATION_FAILED', 'period'],
      ['baseline of 0 periods', { ...ok, baselinePeriods: 0 }, 400, 'VALIDATION_FAILED', 'baselinePeriods'],
      ['point and places', { ...ok, placeIds: [(await place(s.lat, s.lon)).id], point: { lat: s.lat, lon: s.lon, radiusM: 200 } }, 400, 'LOCATION_AMBIGUOUS', 'point'],
      ['point outside the city', { ...ok, point: { lat: 52.52, lon: 13.4, radiusM: 200 } }, 422, 'OUTSIDE_CITY_AREA', 'point.lat'],
      ['radius too small', { ...ok, point: { lat: s.lat, lon: s.lon, radiusM: 1 } }, 400, 'VALIDATION_FAILED', 'point.radiusM'],
      ['buffer factor 1', { ...ok, point: { lat: s.lat, lon: s.lon, radiusM: 200 }, bufferFactor: 1 }, 400, 'INVALID_BUFFER_FACTOR', 'bufferFactor'],
      ['control district without point', { ...ok, districtIds: [d.id], controlDistrictId: d.id }, 400, 'DISPLACEMENT_NEEDS_POINT', 'controlDistrictId'],
      ['buffer factor without point', { ...ok, bufferFactor: 3 }, 400, 'DISPLACEMENT_NEEDS_POINT', 'bufferFactor'],
      ['unknown place', { ...ok, placeIds: [randomUUID()] }, 422, 'PLACE_NOT_FOUND', 'placeIds'],
      ['unknown control district', { ...ok, point: { lat: s.lat, lon: s.lon, radiusM: 200 }, controlDistrictId: randomUUID() }, 422, 'DISTRICT_NOT_FOUND', 'controlDistrictId'],
    ];
    for (const [name, body, status, code, field] of cases) {
      const res = await addKf(m.id, body);
      expect({ name, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ name, status, code, field });
    }
    expect(await t.db.getRepository(KeyFigure).countBy({ measureId: m.id })).toBe(0);
    expect((await t.db.getRepository(MeasureEvent).findBy({ measureId: m.id })).map((e) => e.kind)).toEqual(['created']);
  });

  it('is for coordinators; everyone signed in reads the figures', async () => {
    const m = await measure();
    const body = { name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 30) };
    for (const who of [owner, police]) {
      const res = await addKf(m.id, body, who).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
    }
    expect(await t.db.getRepository(KeyFigure).countBy({ measureId: m.id })).toBe(0);
    await addKf(randomUUID(), body).expect(404);
    await request(t.server).get(`${API}/${randomUUID()}/key-figures`).set(outsider.auth).expect(404);
    const admin = await t.make.person(['admin']);
    expect((await figures(m.id, admin)).keyFigures).toEqual([]);
  });

  it('changes with versions and history, is removed with a trace, and guards the start date and closed measures', async () => {
    const m = await measure();
    const kf = (await addKf(m.id, { name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 30) }).expect(201)).body;
    const url = `${API}/${m.id}/key-figures/${kf.id}`;
    const upd = await request(t.server).patch(url).set(coordinator.auth).send({ categories: ['syringe_finds', 'public_consumption'], targetValue: -30, version: 1 }).expect(200);
    expect(upd.body).toMatchObject({ categories: ['syringe_finds', 'public_consumption'], target: { value: -30 }, version: 2 });
    const stale = await request(t.server).patch(url).set(coordinator.auth).set('If-Match', '"1"').send({ name: 'x' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: kf.id, version: 2, name: 'Funde' } });
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ categories: [] }).expect(400)).body.field).toBe('categories');
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ targetDate: start() }).expect(400)).body.code).toBe('TARGET_DATE_NOT_AFTER_START');
    expect((await request(t.server).patch(url).set(owner.auth).send({ name: 'x' }).expect(403)).body.code).toBe('ROLE_REQUIRED');

    // Moving the measure's start past the target date would make the figure meaningless.
    const moved = await request(t.server).patch(`${API}/${m.id}`).set(coordinator.auth).send({ startDate: addDays(start(), 30), version: 1 }).expect(400);
    expect(moved.body).toMatchObject({ code: 'TARGET_DATE_NOT_AFTER_START', field: 'startDate' });

    await request(t.server).delete(url).set(owner.auth).expect(403);
    await request(t.server).delete(url).set(coordinator.auth).expect(204);
    await request(t.server).delete(url).set(coordinator.auth).expect(404);
    expect((await figures(m.id, owner)).keyFigures).toEqual([]);
    const kinds = (await t.db.getRepository(MeasureEvent).find({ where: { measureId: m.id }, order: { id: 'ASC' } })).map((e) => e.kind);
    expect(kinds).toEqual(['created', 'key_figure_added', 'key_figure_updated', 'key_figure_removed']);

    await request(t.server).post(`${API}/${m.id}/status`).set(coordinator.auth).send({ status: 'cancelled', reason: 'Zusammengelegt' }).expect(200);
    const closed = await addKf(m.id, { name: 'Funde', categories: ['syringe_finds'], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 30) }).expect(409);
    expect(closed.body.code).toBe('MEASURE_CLOSED');
  });
});

describe('reports or summed counts', () => {
  it('counts a find of 14 syringes as 1 report or as 14; one without a count adds 1 to the sum; a change of measure is a new version', async () => {
    const s = await spot();
    const p = await place(s.lat, s.lon);
    await log([{ day: 1, ...s, placeId: p.id, count: 14 }, { day: 1, ...s, placeId: p.id, count: null }, { day: 2, ...s, placeId: p.id, count: 0 }]);
    const m = await measure({ placeIds: [p.id] });
    const base = { categories: ['syringe_finds'], placeIds: [p.id], targetKind: 'percent', targetValue: -50, targetDate: addDays(start(), 56) };
    const reports = await addKf(m.id, { ...base, name: 'Funde' }).expect(201);
    expect(reports.body.measure).toBe('reports');
    const sum = await addKf(m.id, { ...base, name: 'Spritzen', measure: 'sum' }).expect(201);
    expect(sum.body.measure).toBe('sum');
    const actual = async () => (await figures(m.id, owner)).keyFigures.map((r: { actual: Array<{ count: number }> }) => r.actual[0]!.count);
    expect(await actual()).toEqual([3, 15]);

    const changed = await request(t.server).patch(`${API}/${m.id}/key-figures/${reports.body.id}`).set(coordinator.auth).send({ measure: 'sum', version: 1 }).expect(200);
    expect(changed.body).toMatchObject({ measure: 'sum', version: 2 });
    expect(await actual()).toEqual([15, 15]);
    await addKf(m.id, { ...base, name: 'x', measure: 'syringes' }).expect(400);
  });
});
