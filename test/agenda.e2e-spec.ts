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

    const renamed = await request(t.server).patch(`${base}/items/${mine[0]}`).set(s.coordinator.auth).send({ title: 'Begrüßung und Protokoll' }).expect(200);
    expect(renamed.body.items.find((i: any) => i.id === mine[0]).title).toBe('Begrüßung und Protokoll');
    await request(t.server).patch(`${base}/items/${randomUUID()}`).set(s.coordinator.auth).send({ title: 'x' }).expect(404);

    const order = (itemIds: unknown) => request(t.server).put(`${base}/order`).set(s.coordinator.auth).send({ itemIds });
    const reversed = [...all].reverse();
    expect((await order(reversed).expect(200)).body.items.map((i: any) => i.id)).toEqual(reversed);
    // Bad orders: nothing changes.
    expect((await order([...reversed.slice(1), randomUUID()]).expect(400)).body).toMatchObject({ code: 'AGENDA_ITEM_UNKNOWN', field: `itemIds.${reversed.length - 1}` });
    expect((await order(reversed.slice(1)).expect(400)).body).toMatchObject({ code: 'AGENDA_ORDER_INCOMPLETE', field: 'itemIds' });
    expect((await order([reversed[0], ...reversed]).expect(400)).body).toMatchObject({ code: 'AGENDA_ITEM_REPEATED', field: `itemIds.${1}` });
    expect((await order(['nope']).expect(400)).body.errors[0].field).toMatch(/^itemIds/);
    expect((await agenda(s.coordinator, s.meeting.id).expect(200)).body.items.map((i: any) => i.id)).toEqual(reversed);

    const removed = await request(t.server).delete(`${base}/items/${mine[1]}`).set(s.coordinator.auth).expect(200);
    expect(removed.body.items.map((i: any) => i.id)).toEqual(reversed.filter((id) => id !== mine[1]));
    expect(removed.body.items.map((i: any) => i.position)).toEqual(removed.body.items.map((_: any, i: number) => i));

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
    await request(t.server).patch(`${base}/items/${mine[0]}`).set(s.coordinator.auth).send({ title: 'Zu spät' }).expect(409);
    await request(t.server).delete(`${base}/items/${mine[0]}`).set(s.coordinator.auth).expect(409);
    await order([...before.map((i: any) => i.id)].reverse()).expect(409);
    expect((await agenda(s.coordinator, s.meeting.id).expect(200)).body.items).toEqual(before);

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
