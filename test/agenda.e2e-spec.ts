import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { Development } from '#domain/developments/development.entity.js';
import { Measure } from '#domain/measures/measure.entity.js';
import { District } from '#domain/places/district.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const SERIES = '/api/v1/rapport-series';
const RAPPORTS = '/api/v1/rapports';
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function district(): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: `AG-Bezirk ${randomUUID().slice(0, 6)}`, code: `AG-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
}

/** Developments written straight into the table, at `at`, visible to all unless said otherwise. */
async function log(n: number, at: Date, districtId: string, by: TestPerson, over: Partial<Development> = {}): Promise<string[]> {
  const rows = Array.from({ length: n }, () => ({
    category: 'syringe_finds' as const, observedAt: at, lat: 51.3, lon: 12.2, placeId: null, districtId,
    count: 5, substances: [], severity: 2, description: 'Spritzen gefunden', reportingAgencyId: by.agency.id, reporterId: by.person.id,
    visibility: 'all' as const, visibleAgencyIds: [], ...over,
  }));
  const res = await t.db.getRepository(Development).insert(rows);
  return res.identifiers.map((i) => String(i.id));
}

async function setup() {
  const police = await t.make.agency({ kind: 'police' });
  const youth = await t.make.agency({ kind: 'youth_office' });
  const coordinator = await t.make.person(['coordinator']);
  const cop = await t.make.person(['liaison'], { agency: police });
  const social = await t.make.person(['liaison'], { agency: youth });
  const outsider = await t.make.person(['liaison']);
  const res = await request(t.server).post(SERIES).set(coordinator.auth).send({
    title: `AG-Rapport ${randomUUID().slice(0, 8)}`, agencyIds: [police.id, youth.id], rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU',
    startDate: berlinToday(), startTime: '10:00', location: 'Rathaus', durationMinutes: 120,
  }).expect(201);
  const meetings = await request(t.server).get(RAPPORTS).query({ seriesId: res.body.id }).set(coordinator.auth).expect(200);
  const meeting = meetings.body.items[0] as { id: string };
  return { police, youth, coordinator, cop, social, outsider, meeting, seriesId: res.body.id as string };
}

const agenda = (who: TestPerson, id: string) => request(t.server).get(`${RAPPORTS}/${id}/agenda`).set(who.auth);
const itemOf = (body: any, districtId: string) => body.items.find((i: any) => i.district?.id === districtId);

describe('the agenda builds itself on convene and is read per reader', () => {
  it('generates district, measure items; counts only what each reader may see; 404 for a non-participant', async () => {
    const s = await setup();
    const d = await district();
    const hiddenOnly = await district();
    const now = Date.now();
    const shared = await log(2, new Date(now - DAY), d.id, s.social);
    const [policeOnly] = await log(1, new Date(now - 2 * DAY), d.id, s.cop, { visibility: 'own_agency' });
    await log(1, new Date(now - 90 * DAY), d.id, s.social); // the period before (60 days back from 60 days ago)
    const [hidden] = await log(1, new Date(now - DAY), hiddenOnly.id, s.cop, { visibility: 'own_agency' });
    const overdue = await t.db.getRepository(Measure).save(t.db.getRepository(Measure).create({
      title: `AG-Maßnahme ${randomUUID().slice(0, 6)}`, owningAgencyId: s.police.id, responsibleId: s.cop.person.id,
      startDate: addDays(berlinToday(), -10), deadline: addDays(berlinToday(), -1), createdBy: s.coordinator.person.id,
    }));

    const raised = await request(t.server).post('/api/v1/escalations').set(s.cop.auth)
      .send({ reason: 'many_syringe_finds', text: 'Viele Spritzenfunde', developmentIds: [policeOnly] }).expect(201);

    // Planned: no agenda yet.
    expect((await agenda(s.coordinator, s.meeting.id).expect(200)).body.items).toEqual([]);
    await request(t.server).post(`${RAPPORTS}/${s.meeting.id}/status`).set(s.coordinator.auth).send({ status: 'convened' }).expect(200);

    // What is stored: ids and the period only, never counts.
    const stored = await t.db.query(`SELECT kind, source FROM agenda_items WHERE rapport_id = $1 ORDER BY position`, [s.meeting.id]) as Array<{ kind: string; source: any }>;
    const storedDistrict = stored.find((x) => x.source.districtId === d.id)!;
    expect(Object.keys(storedDistrict.source).sort()).toEqual(['developmentIds', 'districtId', 'since', 'until']);
    expect([...storedDistrict.source.developmentIds].sort()).toEqual([...shared, policeOnly].sort());

    // The police liaison sees the police-only development; the youth office's does not.
    const forCop = (await agenda(s.cop, s.meeting.id).expect(200)).body;
    const forSocial = (await agenda(s.social, s.meeting.id).expect(200)).body;
    expect(itemOf(forCop, d.id)).toMatchObject({ kind: 'district', title: `Lage im Bezirk ${d.name}`, categories: [{ category: 'syringe_finds', count: 3, previous: 1, change: 2 }] });
    expect([...itemOf(forCop, d.id).developmentIds].sort()).toEqual([...shared, policeOnly].sort());
    expect(itemOf(forSocial, d.id)).toMatchObject({ categories: [{ category: 'syringe_finds', count: 2, previous: 1, change: 1 }] });
    expect([...itemOf(forSocial, d.id).developmentIds].sort()).toEqual([...shared].sort());
    const p = itemOf(forSocial, d.id).period;
    expect(new Date(p.until).getTime() - new Date(p.since).getTime()).toBe(new Date(p.since).getTime() - new Date(p.previousSince).getTime());
    // A district whose developments the reader cannot see at all: zero counts, no ids.
    expect(itemOf(forCop, hiddenOnly.id)).toMatchObject({ categories: [{ category: 'syringe_finds', count: 1, previous: 0, change: 1 }], developmentIds: [hidden] });
    expect(itemOf(forSocial, hiddenOnly.id)).toMatchObject({ categories: [], developmentIds: [] });

    const measures = forSocial.items.find((i: any) => i.kind === 'measures');
    expect(measures.title).toBe('Maßnahmen fällig oder überfällig');
    expect(measures.measures).toContainEqual({ id: overdue.id, title: overdue.title, deadline: overdue.deadline, status: 'planned' });
    expect(forSocial.items.map((i: any) => i.position)).toEqual(forSocial.items.map((_: any, i: number) => i));

    // The escalation raised by the police: the police liaison and the coordinator read it, the youth office's liaison does not.
    const escalationIds = (body: any) => body.items.find((i: any) => i.kind === 'escalations').escalations.map((e: any) => e.id);
    expect(forCop.items.find((i: any) => i.kind === 'escalations').title).toBe('Offene Eskalationen');
    expect(escalationIds(forCop)).toContain(raised.body.id);
    expect(escalationIds((await agenda(s.coordinator, s.meeting.id).expect(200)).body)).toContain(raised.body.id);
    expect(escalationIds(forSocial)).not.toContain(raised.body.id);

    const denied = await agenda(s.outsider, s.meeting.id).expect(404);
    expect(denied.body.code).toBe('RAPPORT_NOT_FOUND');
  });
});

describe('the key-figures item: measures off track or flagged by the displacement watch, per reader', () => {
  it('keeps measure ids only; a reader who may not see the restricted finds behind an off-track figure sees neither the flag nor the measure in it', async () => {
    const s = await setup();
    const d = await district();
    const measure = await t.db.getRepository(Measure).save(t.db.getRepository(Measure).create({
      title: `AG-KF-Maßnahme ${randomUUID().slice(0, 6)}`, owningAgencyId: s.police.id, responsibleId: s.cop.person.id,
      startDate: addDays(berlinToday(), -14), deadline: addDays(berlinToday(), 30), createdBy: s.coordinator.person.id,
    }));
    const kf = await request(t.server).post(`/api/v1/measures/${measure.id}/key-figures`).set(s.coordinator.auth).send({
      name: 'Spritzenfunde im Bezirk', categories: ['syringe_finds'], districtIds: [d.id], period: 'week', baselinePeriods: 1,
      targetKind: 'absolute', targetValue: 0, targetDate: addDays(berlinToday(), 60),
    }).expect(201);
    // Finds in the last complete week that only the police may see: off track for the police, nothing logged for anyone else.
    await log(3, new Date(Date.now() - 3 * DAY), d.id, s.cop, { visibility: 'own_agency' });

    await request(t.server).post(`${RAPPORTS}/${s.meeting.id}/status`).set(s.coordinator.auth).send({ status: 'convened' }).expect(200);
    const [stored] = await t.db.query(`SELECT title, source FROM agenda_items WHERE rapport_id = $1 AND kind = 'key_figures'`, [s.meeting.id]) as Array<{ title: string; source: any }>;
    expect(stored!.title).toBe('Kennzahlen: Ziel verfehlt oder Verdrängung vermutet');
    expect(Object.keys(stored!.source)).toEqual(['measureIds']);
    expect(stored!.source.measureIds).toContain(measure.id);

    const item = async (who: TestPerson) => (await agenda(who, s.meeting.id).expect(200)).body.items.find((i: any) => i.kind === 'key_figures');
    const forCop = await item(s.cop);
    expect(forCop.measures).toContainEqual({ id: measure.id, title: measure.title, deadline: measure.deadline, status: 'planned' });
    expect(forCop.keyFigures).toContainEqual({ measureId: measure.id, keyFigureId: kf.body.id, name: 'Spritzenfunde im Bezirk', status: 'off_track', displacementSuspected: false });
    // The same judgement as the key-figures API gives the same reader.
    const kfApi = await request(t.server).get(`/api/v1/measures/${measure.id}/key-figures`).set(s.cop.auth).expect(200);
    expect(kfApi.body.keyFigures[0].status).toBe('off_track');

    // The youth office, the coordinator (of another agency) and a police member whose access is not confirmed yet may not
    // see the finds: no flag, the measure not listed, nothing that says why.
    const unconfirmed = await t.make.person(['liaison'], { agency: s.police, confirmed: false });
    for (const who of [s.social, s.coordinator, unconfirmed]) {
      const other = await item(who);
      expect(other.measures.map((x: any) => x.id)).not.toContain(measure.id);
      expect(other.keyFigures.map((x: any) => x.measureId)).not.toContain(measure.id);
    }
    expect((await request(t.server).get(`/api/v1/measures/${measure.id}/key-figures`).set(s.social.auth).expect(200)).body.keyFigures[0].status).toBe('no_data');
    // A non-participant reads no agenda at all.
    await agenda(s.outsider, s.meeting.id).expect(404);
  });
});

describe('coordinators edit the agenda while the meeting lies ahead', () => {
  it('add, retitle, reorder, remove; bad input is 400 naming the field with nothing stored; after held 409', async () => {
    const s = await setup();
    const base = `${RAPPORTS}/${s.meeting.id}/agenda`;
    const add = (title: unknown) => request(t.server).post(`${base}/items`).set(s.coordinator.auth).send({ title });
    const one = (await add('Begrüßung').expect(201)).body.items;
    const two = (await add('  Verschiedenes  ').expect(201)).body.items;
    expect(two.map((i: any) => [i.title, i.kind, i.position])).toEqual([...one.map((i: any) => [i.title, i.kind, i.position]), ['Verschiedenes', 'custom', one.length]]);
    const mine = two.slice(-2).map((i: any) => i.id) as string[];
    const all = two.map((i: any) => i.id) as string[];

    expect((await add('   ').expect(400)).body).toMatchObject({ field: 'title' });
    await request(t.server).post(`${base}/items`).set(s.cop.auth).send({ title: 'Von der Polizei' }).expect(403);

    // Retitling names the item's version (If-Match or body): without it 428, stale 409 with the agenda as it is now.
    const patch = (itemId: string, body: object, ifMatch?: string) => {
      const req = request(t.server).patch(`${base}/items/${itemId}`).set(s.coordinator.auth);
      return (ifMatch ? req.set('If-Match', ifMatch) : req).send(body);
    };
    const itemVersion = two.find((i: any) => i.id === mine[0]).version as number;
    expect((await patch(mine[0]!, { title: 'Ohne Version' }).expect(428)).body).toMatchObject({ code: 'VERSION_REQUIRED', field: 'version' });
    const renamed = await patch(mine[0]!, { title: 'Begrüßung und Protokoll' }, `"${itemVersion}"`).expect(200);
    const renamedItem = renamed.body.items.find((i: any) => i.id === mine[0]);
    expect(renamedItem).toMatchObject({ title: 'Begrüßung und Protokoll', version: itemVersion + 1 });
    const stale = await patch(mine[0]!, { title: 'Veraltet', version: itemVersion }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: itemVersion + 1 });
    expect(stale.body.current.items.find((i: any) => i.id === mine[0]).title).toBe('Begrüßung und Protokoll');
    expect((await patch(mine[0]!, { title: 'x', version: 0 }).expect(400)).body.errors[0].field).toBe('version');
    await patch(randomUUID(), { title: 'x', version: 1 }).expect(404);

    // The order names every item, so it is based on the agenda as a whole: its version (ETag of GET, or `version`),
    // which every change raises (the retitle above made the version read before it stale).
    const order = (itemIds: unknown, version?: number) => request(t.server).put(`${base}/order`).set(s.coordinator.auth).send({ itemIds, ...(version === undefined ? {} : { version }) });
    const reversed = [...all].reverse();
    const read = await agenda(s.coordinator, s.meeting.id).expect(200);
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    expect(read.body.version).toBe(renamed.body.version);
    expect((await order(reversed).expect(428)).body.code).toBe('VERSION_REQUIRED');
    const staleOrder = await order(reversed, read.body.version - 1).expect(409);
    expect(staleOrder.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: read.body.version });
    expect(staleOrder.body.current.items.map((i: any) => i.id)).toEqual(all);
    const reordered = await request(t.server).put(`${base}/order`).set(s.coordinator.auth).set('If-Match', read.headers.etag as string).send({ itemIds: reversed }).expect(200);
    expect(reordered.body.items.map((i: any) => i.id)).toEqual(reversed);
    expect(reordered.body.version).toBe(read.body.version + 1);
    const v = reordered.body.version as number;
    // Bad orders: nothing changes.
    expect((await order([...reversed.slice(1), randomUUID()], v).expect(400)).body).toMatchObject({ code: 'AGENDA_ITEM_UNKNOWN', field: `itemIds.${reversed.length - 1}` });
    expect((await order(reversed.slice(1), v).expect(400)).body).toMatchObject({ code: 'AGENDA_ORDER_INCOMPLETE', field: 'itemIds' });
    expect((await order([reversed[0], ...reversed], v).expect(400)).body).toMatchObject({ code: 'AGENDA_ITEM_REPEATED', field: `itemIds.${1}` });
    expect((await order(['nope'], v).expect(400)).body.errors[0].field).toMatch(/^itemIds/);
    expect((await order(reversed, -1).expect(400)).body.errors[0].field).toBe('version');
    const unchanged = (await agenda(s.coordinator, s.meeting.id).expect(200)).body;
    expect(unchanged.items.map((i: any) => i.id)).toEqual(reversed);
    expect(unchanged.version).toBe(v);

    const removed = await request(t.server).delete(`${base}/items/${mine[1]}`).set(s.coordinator.auth).expect(200);
    expect(removed.body.items.map((i: any) => i.id)).toEqual(reversed.filter((id) => id !== mine[1]));
    expect(removed.body.items.map((i: any) => i.position)).toEqual(removed.body.items.map((_: any, i: number) => i));
    expect(removed.body.version).toBe(v + 1);

    // Convening keeps the items added while planned first and appends the generated ones.
    await request(t.server).post(`${RAPPORTS}/${s.meeting.id}/status`).set(s.coordinator.auth).send({ status: 'convened' }).expect(200);
    const convened = (await agenda(s.coordinator, s.meeting.id).expect(200)).body.items;
    expect(convened.slice(0, reversed.length - 1).map((i: any) => i.id)).toEqual(reversed.filter((id) => id !== mine[1]));
    expect(convened.map((i: any) => i.position)).toEqual(convened.map((_: any, i: number) => i));

    // Held: the agenda is the record now.
    await t.db.query(`UPDATE rapports SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = $1`, [s.meeting.id]);
    await request(t.server).post(`${RAPPORTS}/${s.meeting.id}/status`).set(s.coordinator.auth).send({ status: 'held' }).expect(200);
    const before = (await agenda(s.coordinator, s.meeting.id).expect(200)).body.items;
    expect((await add('Zu spät').expect(409)).body.code).toBe('RAPPORT_NOT_CHANGEABLE');
    expect((await patch(mine[0]!, { title: 'Zu spät', version: renamedItem.version }).expect(409)).body.code).toBe('RAPPORT_NOT_CHANGEABLE');
    await request(t.server).delete(`${base}/items/${mine[0]}`).set(s.coordinator.auth).expect(409);
    const frozen = (await agenda(s.coordinator, s.meeting.id).expect(200)).body.version;
    expect((await order([...before.map((i: any) => i.id)].reverse(), frozen).expect(409)).body.code).toBe('RAPPORT_NOT_CHANGEABLE');
    // (Key-figure flags are counted live for the reader; the items themselves stay as they were.)
    const withoutLive = (items: any[]) => items.map(({ keyFigures: _k, measures: _m, ...rest }: any) => rest);
    expect(withoutLive((await agenda(s.coordinator, s.meeting.id).expect(200)).body.items)).toEqual(withoutLive(before));

    // "Since the last rapport" for the next meeting: the start of the one just held, in the summary and in its agenda.
    const heldStart = (await request(t.server).get(`${RAPPORTS}/${s.meeting.id}`).set(s.coordinator.auth).expect(200)).body.startsAt as string;
    const list = await request(t.server).get(RAPPORTS).query({ seriesId: s.seriesId, status: 'planned' }).set(s.coordinator.auth).expect(200);
    const next = list.body.items[0].id as string;
    const summary = (rapportId: string, who: TestPerson = s.cop, more: object = {}) => request(t.server).get('/api/v1/developments/summary').query({ rapportId, ...more }).set(who.auth);
    expect((await summary(next).expect(200)).body.since).toBe(heldStart);
    expect((await summary(s.meeting.id).expect(422)).body).toMatchObject({ code: 'NO_EARLIER_RAPPORT', field: 'rapportId' });
    expect((await summary(next, s.outsider).expect(404)).body.code).toBe('RAPPORT_NOT_FOUND');
    expect((await summary(next, s.cop, { since: heldStart }).expect(400)).body).toMatchObject({ code: 'SINCE_OR_RAPPORT', field: 'since' });
    const d = await district();
    await log(1, new Date(Date.now() - 60_000), d.id, s.cop);
    await request(t.server).post(`${RAPPORTS}/${next}/status`).set(s.coordinator.auth).send({ status: 'convened' }).expect(200);
    expect(itemOf((await agenda(s.cop, next).expect(200)).body, d.id).period.since).toBe(heldStart);
    const periods = (await agenda(s.cop, next).expect(200)).body.items.filter((i: any) => i.kind === 'district').map((i: any) => i.period.since);
    expect(periods.length).toBeGreaterThan(0);
    expect(new Set(periods)).toEqual(new Set([heldStart]));
  });
});
