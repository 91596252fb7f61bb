import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { MeasureEvent } from '#domain/measures/measure-event.entity.js';
import { Measure } from '#domain/measures/measure.entity.js';
import { Milestone } from '#domain/measures/milestone.entity.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1/measures';
const today = () => berlinToday();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** An owning agency with a responsible person, a deputy and another liaison; a coordinator elsewhere. */
interface Team {
  coordinator: TestPerson;
  responsible: TestPerson;
  deputy: TestPerson;
  liaison: TestPerson;
  outsider: TestPerson;
}

async function team(): Promise<Team> {
  const agency = await t.make.agency({ kind: 'street_cleaning' });
  const coordinator = await t.make.person(['coordinator']);
  const responsible = await t.make.person(['liaison'], { agency });
  const deputy = await t.make.person(['liaison'], { agency });
  const liaison = await t.make.person(['liaison'], { agency });
  const outsider = await t.make.person(['liaison']);
  return { coordinator, responsible, deputy, liaison, outsider };
}

const body = (tm: Team, over: Record<string, unknown> = {}) => ({
  title: `Zwei weitere Spritzenabwurfbehälter ${randomUUID().slice(0, 6)}`,
  description: 'Aufstellen am Nordeingang und am Spielplatzrand; vereinbart im Drogenrapport.',
  owningAgencyId: tm.responsible.agency.id,
  responsibleId: tm.responsible.person.id,
  deputyId: tm.deputy.person.id,
  deadline: addDays(today(), 30),
  priority: 'high',
  ...over,
});

async function create(tm: Team, over: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await request(t.server).post(API).set(tm.coordinator.auth).send(body(tm, over));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const status = (who: TestPerson, id: string, b: object, headers: Record<string, string> = {}) =>
  request(t.server).post(`${API}/${id}/status`).set(who.auth).set(headers).send(b);
const load = (id: string) => t.db.getRepository(Measure).findOneByOrFail({ id });
const events = (id: string) => t.db.getRepository(MeasureEvent).find({ where: { measureId: id }, order: { id: 'ASC' } });
const audit = (entityId: string) => t.db.getRepository(AuditEntry).find({ where: { entityType: 'measure', entityId }, order: { id: 'ASC' } });
const countByTitle = (title: string) => t.db.getRepository(Measure).countBy({ title });

async function district(): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: `Bezirk ${randomUUID().slice(0, 6)}`, code: `M-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
}
async function place(districtId: string | null): Promise<Place> {
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat: 51.34, lon: 12.37, districtId, address: null, active: true }));
}

describe('create', () => {
  it('records a measure: planned, not overdue, start today, with milestones, history and audit (free text not copied)', async () => {
    const tm = await team();
    const d = await district();
    const p = await place(d.id);
    const res = await request(t.server).post(API).set(tm.coordinator.auth)
      .send(body(tm, { placeIds: [p.id], districtIds: [d.id], milestones: [{ title: 'Standorte abgestimmt', dueDate: addDays(today(), 7) }] }))
      .expect(201);
    expect(res.body).toMatchObject({
      status: 'planned', allowedTransitions: ['in_progress', 'blocked', 'cancelled'], priority: 'high', overdue: false, daysOverdue: 0,
      startDate: today(), deadline: addDays(today(), 30), statusReason: null, completionNote: null, completedAt: null, version: 1,
      owningAgency: { id: tm.responsible.agency.id, code: tm.responsible.agency.code },
      responsible: { id: tm.responsible.person.id, displayName: tm.responsible.person.displayName },
      deputy: { id: tm.deputy.person.id }, places: [{ id: p.id, name: p.name }], districts: [{ id: d.id, name: d.name }],
      createdBy: tm.coordinator.person.id, keyFigures: [],
    });
    expect(res.body.milestones).toEqual([expect.objectContaining({ title: 'Standorte abgestimmt', done: false, dueDate: addDays(today(), 7) })]);
    const hist = await events(res.body.id);
    expect(hist.map((e) => e.kind)).toEqual(['created', 'milestone_added']);
    expect(hist[0]!.changes.description).toEqual({ changed: true });
    expect(hist[0]!.changes.deadline).toEqual({ new: addDays(today(), 30) });
    const trail = await audit(res.body.id);
    expect(trail.map((a) => a.action)).toEqual(['create']);
    expect(trail[0]!.changes.description).toEqual({ changed: true });
    expect(JSON.stringify(trail[0]!.changes)).not.toContain('Nordeingang');
  });

  it('is for coordinators only (403 before validation), storing nothing', async () => {
    const tm = await team();
    const leader = await t.make.person(['leadership', 'admin']);
    for (const who of [tm.responsible, leader]) {
      const b = body(tm);
      const res = await request(t.server).post(API).set(who.auth).send(b).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
      expect(await countByTitle(b.title)).toBe(0);
    }
  });

  it('refuses each kind of bad input with the field, and stores nothing', async () => {
    const tm = await team();
    const inactive = await t.make.person(['liaison'], { agency: tm.responsible.agency, active: false });
    const inactiveAgency = await t.make.agency({ active: false });
    const personOfInactive = await t.make.person(['liaison'], { agency: inactiveAgency });
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['deadline in the past', { deadline: addDays(today(), -1) }, 422, 'DEADLINE_IN_PAST', 'deadline'],
      ['deadline not a date', { deadline: 'next friday' }, 400, 'VALIDATION_FAILED', 'deadline'],
      ['deadline not a calendar day', { deadline: '2031-02-30' }, 400, 'VALIDATION_FAILED', 'deadline'],
      ['deadline before the start', { startDate: addDays(today(), 40) }, 400, 'DEADLINE_BEFORE_START', 'deadline'],
      ['responsible of another agency', { responsibleId: tm.outsider.person.id }, 422, 'RESPONSIBLE_NOT_IN_AGENCY', 'responsibleId'],
      ['responsible inactive', { responsibleId: inactive.person.id, deputyId: null }, 422, 'PERSON_INACTIVE', 'responsibleId'],
      ['responsible unknown', { responsibleId: randomUUID() }, 422, 'PERSON_NOT_FOUND', 'responsibleId'],
      ['deputy of another agency', { deputyId: tm.outsider.person.id }, 422, 'DEPUTY_NOT_IN_AGENCY', 'deputyId'],
      ['deputy inactive', { deputyId: inactive.person.id }, 422, 'PERSON_INACTIVE', 'deputyId'],
      ['deputy is the responsible person', { deputyId: tm.responsible.person.id }, 400, 'DEPUTY_IS_RESPONSIBLE', 'deputyId'],
      ['owning agency unknown', { owningAgencyId: randomUUID() }, 422, 'AGENCY_NOT_FOUND', 'owningAgencyId'],
      ['owning agency inactive', { owningAgencyId: inactiveAgency.id, responsibleId: personOfInactive.person.id, deputyId: null }, 422, 'AGENCY_INACTIVE', 'owningAgencyId'],
      ['unknown priority', { priority: 'asap' }, 400, 'VALIDATION_FAILED', 'priority'],
      ['status given on create', { status: 'done' }, 400, 'VALIDATION_FAILED', 'status'],
      ['no title', { title: '' }, 400, 'VALIDATION_FAILED', 'title'],
      ['unknown place', { placeIds: [randomUUID()] }, 422, 'PLACE_NOT_FOUND', 'placeIds'],
      ['unknown district', { districtIds: [randomUUID()] }, 422, 'DISTRICT_NOT_FOUND', 'districtIds'],
      ['milestone without a due date', { milestones: [{ title: 'x' }] }, 400, 'VALIDATION_FAILED', 'milestones.0.dueDate'],
      ['rapportId not a uuid', { rapportId: 'rapport-7' }, 400, 'VALIDATION_FAILED', 'rapportId'],
      ['rapportId of no rapport (a foreign key since the minutes)', { rapportId: randomUUID() }, 422, 'RAPPORT_NOT_FOUND', 'rapportId'],
    ];
    for (const [name, over, code, errCode, field] of cases) {
      const b = body(tm, over);
      const res = await request(t.server).post(API).set(tm.coordinator.auth).send(b);
      expect({ name, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ name, status: code, code: errCode, field });
      expect(await t.db.getRepository(Measure).countBy({ owningAgencyId: tm.responsible.agency.id })).toBe(0);
    }
  });
});

describe('read', () => {
  it('everyone signed in reads a measure (the shared agreement), with its version as ETag', async () => {
    const tm = await team();
    const m = await create(tm);
    for (const who of [tm.outsider, await t.make.person(['leadership']), await t.make.person(['admin'])]) {
      const res = await request(t.server).get(`${API}/${m.id}`).set(who.auth).expect(200);
      expect(res.body).toMatchObject({ id: m.id, title: m.title, description: m.description });
      expect(res.headers.etag).toBe('"1"');
    }
    await request(t.server).get(`${API}/${randomUUID()}`).set(tm.outsider.auth).expect(404);
    const bad = await request(t.server).get(`${API}/nope`).set(tm.outsider.auth).expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_ID', field: 'id' });
    await request(t.server).get(`${API}/${m.id}`).expect(401);
  });

  it('lists with filters (agency, status, overdue, district via its places, person) and pagination by deadline', async () => {
    const tm = await team();
    const d = await district();
    const p = await place(d.id);
    const a = await create(tm, { deadline: addDays(today(), 3) });
    const b = await create(tm, { deadline: addDays(today(), 5), placeIds: [p.id] });
    const c = await create(tm, { deadline: addDays(today(), 9), districtIds: [d.id] });
    await t.db.query(`UPDATE measures SET start_date = $2, deadline = $3 WHERE id = $1`, [a.id, addDays(today(), -20), addDays(today(), -2)]);
    await status(tm.responsible, b.id, { status: 'in_progress' }).expect(200);
    const list = (qs: string) => request(t.server).get(`${API}?owningAgencyId=${tm.responsible.agency.id}${qs}`).set(tm.outsider.auth).expect(200);
    expect((await list('')).body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id, c.id]);
    expect((await list('&overdue=true')).body.items).toEqual([expect.objectContaining({ id: a.id, overdue: true, daysOverdue: 2 })]);
    expect((await list('&overdue=false')).body.items.map((x: { id: string }) => x.id)).toEqual([b.id, c.id]);
    expect((await list('&status=in_progress')).body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await list('&status=planned,in_progress')).body.items).toHaveLength(3);
    expect((await list(`&districtId=${d.id}`)).body.items.map((x: { id: string }) => x.id)).toEqual([b.id, c.id]);
    expect((await list(`&placeId=${p.id}`)).body.items.map((x: { id: string }) => x.id)).toEqual([b.id]);
    expect((await list(`&personId=${tm.deputy.person.id}`)).body.items).toHaveLength(3);
    const page1 = await list('&limit=2');
    expect(page1.body.items.map((x: { id: string }) => x.id)).toEqual([a.id, b.id]);
    const page2 = await list(`&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect(page2.body.nextCursor).toBeNull();
    const bad = await request(t.server).get(`${API}?status=finished`).set(tm.outsider.auth).expect(400);
    expect(bad.body.field).toBe('status');
  });
});

describe('status workflow', () => {
  it('runs planned -> in_progress -> blocked (reason) -> in_progress -> done (note), keeping every step in the history', async () => {
    const tm = await team();
    const m = await create(tm);
    let res = await status(tm.responsible, m.id, { status: 'in_progress' }).expect(200);
    expect(res.body).toMatchObject({ status: 'in_progress', version: 2, allowedTransitions: ['done', 'blocked', 'cancelled'] });
    res = await status(tm.deputy, m.id, { status: 'blocked', reason: 'Baugenehmigung fehlt noch' }).expect(200);
    expect(res.body).toMatchObject({ status: 'blocked', statusReason: 'Baugenehmigung fehlt noch', allowedTransitions: ['planned', 'in_progress', 'cancelled'] });
    res = await status(tm.liaison, m.id, { status: 'in_progress' }).expect(200);
    expect(res.body).toMatchObject({ status: 'in_progress', statusReason: null });
    res = await status(tm.responsible, m.id, { status: 'done', note: 'Beide Behälter stehen seit Montag.' }).expect(200);
    expect(res.body).toMatchObject({ status: 'done', completionNote: 'Beide Behälter stehen seit Montag.', allowedTransitions: [], overdue: false, version: 5 });
    expect(res.body.completedAt).not.toBeNull();

    const hist = await request(t.server).get(`${API}/${m.id}/history`).set(tm.outsider.auth).expect(200);
    const items = hist.body.items as Array<{ kind: string; changes: Record<string, { old?: unknown; new?: unknown }>; note: string | null; actor: { id: string } }>;
    expect(items.map((e) => [e.kind, e.changes.status?.new ?? null, e.note, e.actor.id])).toEqual([
      ['created', 'planned', null, tm.coordinator.person.id],
      ['status_changed', 'in_progress', null, tm.responsible.person.id],
      ['status_changed', 'blocked', 'Baugenehmigung fehlt noch', tm.deputy.person.id],
      ['status_changed', 'in_progress', null, tm.liaison.person.id],
      ['status_changed', 'done', 'Beide Behälter stehen seit Montag.', tm.responsible.person.id],
    ]);
    expect(items[2]!.changes.status).toEqual({ old: 'in_progress', new: 'blocked' });
    // The audit trail marks reasons and notes as changed, never copies them.
    const trail = JSON.stringify((await audit(m.id)).map((a) => a.changes));
    expect(trail).not.toContain('Baugenehmigung');
    expect(trail).not.toContain('Behälter stehen');
  });

  it('refuses transitions that are not allowed with 409 and the allowed ones; an unknown status with 400; nothing stored', async () => {
    const tm = await team();
    const m = await create(tm);
    let res = await status(tm.responsible, m.id, { status: 'done', note: 'schon fertig' }).expect(409);
    expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', field: 'status', from: 'planned', to: 'done', allowed: ['in_progress', 'blocked', 'cancelled'] });
    res = await status(tm.responsible, m.id, { status: 'planned' }).expect(409);
    expect(res.body.allowed).toEqual(['in_progress', 'blocked', 'cancelled']);
    res = await status(tm.responsible, m.id, { status: 'finished' }).expect(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'status' });
    res = await status(tm.responsible, m.id, { status: 'blocked' }).expect(400);
    expect(res.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    res = await status(tm.responsible, m.id, { status: 'blocked', reason: '   ' }).expect(400);
    expect(res.body.code).toBe('REASON_REQUIRED');
    await status(tm.responsible, m.id, { status: 'in_progress' }).expect(200);
    res = await status(tm.responsible, m.id, { status: 'done' }).expect(400);
    expect(res.body).toMatchObject({ code: 'COMPLETION_NOTE_REQUIRED', field: 'note' });
    res = await status(tm.responsible, m.id, { status: 'done', note: 'ok', reason: 'x' }).expect(400);
    expect(res.body).toMatchObject({ code: 'REASON_NOT_ALLOWED', field: 'reason' });
    expect(await load(m.id)).toMatchObject({ status: 'in_progress', version: 2 });
    expect((await events(m.id)).length).toBe(2);

    await status(tm.responsible, m.id, { status: 'done', note: 'erledigt' }).expect(200);
    for (const to of ['planned', 'in_progress', 'blocked', 'cancelled']) {
      const who = to === 'cancelled' ? tm.coordinator : tm.responsible;
      res = await status(who, m.id, { status: to, reason: to === 'blocked' || to === 'cancelled' ? 'x' : undefined }).expect(409);
      expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
    }
  });

  it('lets only the owning agency, the responsible person and the deputy move it; others get 403 and nothing changes', async () => {
    const tm = await team();
    const m = await create(tm);
    const leader = await t.make.person(['leadership'], { agency: tm.responsible.agency });
    for (const who of [tm.outsider, tm.coordinator, await t.make.person(['admin'])]) {
      const res = await status(who, m.id, { status: 'in_progress' }).expect(403);
      expect(res.body.code).toBe('NOT_MEASURE_OWNER');
    }
    // Same agency but not a liaison (and not named): not carrying the measure.
    expect((await status(leader, m.id, { status: 'in_progress' }).expect(403)).body.code).toBe('NOT_MEASURE_OWNER');
    expect(await load(m.id)).toMatchObject({ status: 'planned', version: 1 });
    // A responsible person without the liaison role may still move it: the naming counts.
    const tm2 = await team();
    const named = await t.make.person(['leadership'], { agency: tm2.responsible.agency });
    const m2 = await create(tm2, { responsibleId: named.person.id });
    await status(named, m2.id, { status: 'in_progress' }).expect(200);
    await status(tm.outsider, randomUUID(), { status: 'in_progress' }).expect(404);
  });

  it('cancelling (with a reason) is for coordinators, from any open state', async () => {
    const tm = await team();
    for (const from of ['planned', 'in_progress', 'blocked']) {
      const m = await create(tm);
      if (from !== 'planned') await status(tm.responsible, m.id, { status: from, reason: from === 'blocked' ? 'wartet' : undefined }).expect(200);
      let res = await status(tm.responsible, m.id, { status: 'cancelled', reason: 'nicht mehr nötig' }).expect(403);
      expect(res.body.code).toBe('ROLE_REQUIRED');
      res = await status(tm.coordinator, m.id, { status: 'cancelled' }).expect(400);
      expect(res.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
      res = await status(tm.coordinator, m.id, { status: 'cancelled', reason: 'Szene hat sich aufgelöst' }).expect(200);
      expect(res.body).toMatchObject({ status: 'cancelled', statusReason: 'Szene hat sich aufgelöst', overdue: false });
    }
  });
});

describe('overdue (derived)', () => {
  it('is open and past the deadline in Berlin; not on the deadline day; not when done or cancelled', async () => {
    const tm = await team();
    const [late, dueToday, doneLate] = [await create(tm), await create(tm), await create(tm)];
    await t.db.query(`UPDATE measures SET start_date = $2, deadline = $3 WHERE id = ANY($1::uuid[])`, [[late.id, doneLate.id], addDays(today(), -30), addDays(today(), -4)]);
    await t.db.query(`UPDATE measures SET deadline = $2 WHERE id = $1`, [dueToday.id, today()]);
    const get = async (id: string) => (await request(t.server).get(`${API}/${id}`).set(tm.outsider.auth).expect(200)).body;
    expect(await get(late.id)).toMatchObject({ overdue: true, daysOverdue: 4 });
    expect(await get(dueToday.id)).toMatchObject({ overdue: false, daysOverdue: 0 });
    await status(tm.responsible, doneLate.id, { status: 'in_progress' }).expect(200);
    expect(await get(doneLate.id)).toMatchObject({ overdue: true });
    await status(tm.responsible, doneLate.id, { status: 'done', note: 'spät, aber erledigt' }).expect(200);
    expect(await get(doneLate.id)).toMatchObject({ overdue: false, daysOverdue: 0 });
    // Not a column: nothing named overdue is stored.
    const cols: Array<{ column_name: string }> = await t.db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'measures'`);
    expect(cols.map((c) => c.column_name)).not.toContain('overdue');
  });
});

describe('concurrent edits', () => {
  it('refuses a stale version (body or If-Match) with 409 and the current state, never overwriting', async () => {
    const tm = await team();
    const m = await create(tm);
    await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).send({ title: 'Erste Änderung', version: 1 }).expect(200);
    let res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).send({ title: 'Zweite Änderung', version: 1 }).expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version', currentVersion: 2, current: { id: m.id, title: 'Erste Änderung', version: 2 } });
    res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).set('If-Match', '"1"').send({ title: 'Zweite Änderung' }).expect(409);
    expect(res.body.current.title).toBe('Erste Änderung');
    res = await status(tm.responsible, m.id, { status: 'in_progress' }, { 'If-Match': 'W/"1"' }).expect(409);
    expect(res.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { status: 'planned', version: 2 } });
    expect(await load(m.id)).toMatchObject({ title: 'Erste Änderung', status: 'planned', version: 2 });

    res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).set('If-Match', 'abc').send({ title: 'x' }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_IF_MATCH', field: 'If-Match' });
    res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).set('If-Match', '"2"').send({ title: 'x', version: 1 }).expect(400);
    expect(res.body.code).toBe('VERSION_AMBIGUOUS');
    const etag = (await request(t.server).get(`${API}/${m.id}`).set(tm.coordinator.auth)).headers.etag!;
    res = await status(tm.responsible, m.id, { status: 'in_progress' }, { 'If-Match': etag }).expect(200);
    expect(res.body.version).toBe(3);
  });
});

describe('edit and reassign (coordinators)', () => {
  it('reassigns to another agency and person; the history and audit keep old and new; the old agency loses the measure', async () => {
    const tm = await team();
    const m = await create(tm);
    const other = await team();
    const res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth)
      .send({ owningAgencyId: other.responsible.agency.id, responsibleId: other.responsible.person.id, deputyId: null, deadline: addDays(today(), 60), version: 1 }).expect(200);
    expect(res.body).toMatchObject({ owningAgency: { id: other.responsible.agency.id }, responsible: { id: other.responsible.person.id }, deputy: null, deadline: addDays(today(), 60), version: 2 });
    const hist = await events(m.id);
    expect(hist.map((e) => e.kind)).toEqual(['created', 'updated']);
    expect(hist[1]!.changes).toMatchObject({
      owningAgencyId: { old: tm.responsible.agency.id, new: other.responsible.agency.id },
      responsibleId: { old: tm.responsible.person.id, new: other.responsible.person.id },
      deputyId: { old: tm.deputy.person.id, new: null },
      deadline: { old: addDays(today(), 30), new: addDays(today(), 60) },
    });
    expect((await audit(m.id)).map((a) => a.action)).toEqual(['create', 'update']);
    await status(tm.liaison, m.id, { status: 'in_progress' }).expect(403);
    await status(other.liaison, m.id, { status: 'in_progress' }).expect(200);
  });

  it('refuses bad reassignments and edits with the field; stores nothing; only coordinators edit', async () => {
    const tm = await team();
    const m = await create(tm);
    const other = await team();
    const inactive = await t.make.person(['liaison'], { agency: tm.responsible.agency, active: false });
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['responsible of another agency', { responsibleId: tm.outsider.person.id }, 422, 'RESPONSIBLE_NOT_IN_AGENCY', 'responsibleId'],
      ['responsible inactive', { responsibleId: inactive.person.id }, 422, 'PERSON_INACTIVE', 'responsibleId'],
      ['new agency, old responsible', { owningAgencyId: other.responsible.agency.id }, 422, 'RESPONSIBLE_NOT_IN_AGENCY', 'responsibleId'],
      ['new agency, old deputy', { owningAgencyId: other.responsible.agency.id, responsibleId: other.responsible.person.id }, 422, 'DEPUTY_NOT_IN_AGENCY', 'deputyId'],
      ['deadline in the past', { deadline: addDays(today(), -1) }, 422, 'DEADLINE_IN_PAST', 'deadline'],
      ['unknown priority', { priority: 'sofort' }, 400, 'VALIDATION_FAILED', 'priority'],
      ['status via PATCH', { status: 'done' }, 400, 'VALIDATION_FAILED', 'status'],
    ];
    for (const [name, patch, code, errCode, field] of cases) {
      const res = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).send({ ...patch, version: 1 });
      expect({ name, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ name, status: code, code: errCode, field });
    }
    const res = await request(t.server).patch(`${API}/${m.id}`).set(tm.responsible.auth).send({ priority: 'nonsense' }).expect(403);
    expect(res.body.code).toBe('ROLE_REQUIRED');
    expect(await load(m.id)).toMatchObject({ version: 1, owningAgencyId: tm.responsible.agency.id, responsibleId: tm.responsible.person.id, priority: 'high' });
    expect((await events(m.id)).length).toBe(1);

    await status(tm.responsible, m.id, { status: 'in_progress' }).expect(200);
    await status(tm.responsible, m.id, { status: 'done', note: 'fertig' }).expect(200);
    const closed = await request(t.server).patch(`${API}/${m.id}`).set(tm.coordinator.auth).send({ title: 'Neu', version: 3 }).expect(409);
    expect(closed.body.code).toBe('MEASURE_CLOSED');
  });
});

describe('progress notes and history', () => {
  it('keeps notes (text in the history, only a marker in the audit trail), oldest first, paginated', async () => {
    const tm = await team();
    const m = await create(tm);
    const res = await request(t.server).post(`${API}/${m.id}/notes`).set(tm.deputy.auth).send({ text: 'Standort mit dem Grünflächenamt abgestimmt.' }).expect(201);
    expect(res.body).toMatchObject({ kind: 'progress_note', note: 'Standort mit dem Grünflächenamt abgestimmt.', actor: { id: tm.deputy.person.id, agencyId: tm.responsible.agency.id } });
    await request(t.server).post(`${API}/${m.id}/notes`).set(tm.liaison.auth).send({ text: 'Lieferung bestellt.' }).expect(201);
    expect((await load(m.id)).version).toBe(1);
    const trail = await audit(m.id);
    expect(trail.map((a) => a.changes)).toEqual([expect.anything(), { progressNote: { changed: true } }, { progressNote: { changed: true } }]);
    expect(JSON.stringify(trail)).not.toContain('Grünflächenamt');

    const p1 = await request(t.server).get(`${API}/${m.id}/history?limit=2`).set(tm.outsider.auth).expect(200);
    expect(p1.body.items.map((e: { kind: string }) => e.kind)).toEqual(['created', 'progress_note']);
    const p2 = await request(t.server).get(`${API}/${m.id}/history?limit=2&cursor=${p1.body.nextCursor}`).set(tm.outsider.auth).expect(200);
    expect(p2.body.items.map((e: { note: string }) => e.note)).toEqual(['Lieferung bestellt.']);
    expect(p2.body.nextCursor).toBeNull();
    await request(t.server).get(`${API}/${randomUUID()}/history`).set(tm.outsider.auth).expect(404);
  });

  it('refuses notes from those who do not carry the measure, and empty notes', async () => {
    const tm = await team();
    const m = await create(tm);
    for (const who of [tm.outsider, tm.coordinator, await t.make.person(['leadership'])]) {
      const res = await request(t.server).post(`${API}/${m.id}/notes`).set(who.auth).send({ text: 'Ich mische mich ein.' }).expect(403);
      expect(res.body.code).toBe('NOT_MEASURE_OWNER');
    }
    const res = await request(t.server).post(`${API}/${m.id}/notes`).set(tm.responsible.auth).send({ text: '' }).expect(400);
    expect(res.body.field).toBe('text');
    expect((await events(m.id)).map((e) => e.kind)).toEqual(['created']);
  });
});

describe('milestones', () => {
  it('are added and ticked off by those who carry the measure, with versions and history', async () => {
    const tm = await team();
    const m = await create(tm);
    const res = await request(t.server).post(`${API}/${m.id}/milestones`).set(tm.responsible.auth).send({ title: 'Angebot liegt vor', dueDate: addDays(today(), 10) }).expect(201);
    expect(res.body).toMatchObject({ title: 'Angebot liegt vor', done: false, doneAt: null, version: 1 });
    const second = await request(t.server).post(`${API}/${m.id}/milestones`).set(tm.deputy.auth).send({ title: 'Auftrag vergeben', dueDate: addDays(today(), 20) }).expect(201);
    const ms = `${API}/${m.id}/milestones/${res.body.id}`;
    const done = await request(t.server).patch(ms).set(tm.liaison.auth).send({ done: true, version: 1 }).expect(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    expect(done.body.doneAt).not.toBeNull();
    const stale = await request(t.server).patch(ms).set(tm.liaison.auth).set('If-Match', '"1"').send({ title: 'x' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: res.body.id, done: true, version: 2 } });
    const view = await request(t.server).get(`${API}/${m.id}`).set(tm.outsider.auth).expect(200);
    expect(view.body.milestones.map((x: { id: string; done: boolean }) => [x.id, x.done])).toEqual([[res.body.id, true], [second.body.id, false]]);
    expect((await events(m.id)).map((e) => e.kind)).toEqual(['created', 'milestone_added', 'milestone_added', 'milestone_updated']);
  });

  it('refuses others (403), bad dates (400) and unknown milestones (404); nothing stored', async () => {
    const tm = await team();
    const m = await create(tm, { milestones: [{ title: 'Erster Schritt', dueDate: addDays(today(), 5) }] });
    const msId = m.milestones[0].id as string;
    for (const who of [tm.outsider, tm.coordinator]) {
      expect((await request(t.server).post(`${API}/${m.id}/milestones`).set(who.auth).send({ title: 'x', dueDate: addDays(today(), 3) }).expect(403)).body.code).toBe('NOT_MEASURE_OWNER');
      expect((await request(t.server).patch(`${API}/${m.id}/milestones/${msId}`).set(who.auth).send({ done: true }).expect(403)).body.code).toBe('NOT_MEASURE_OWNER');
    }
    expect((await request(t.server).post(`${API}/${m.id}/milestones`).set(tm.responsible.auth).send({ title: 'x', dueDate: '2031-13-01' }).expect(400)).body.field).toBe('dueDate');
    expect((await request(t.server).post(`${API}/${m.id}/milestones`).set(tm.responsible.auth).send({ title: 'x', dueDate: 'morgen' }).expect(400)).body.field).toBe('dueDate');
    await request(t.server).patch(`${API}/${m.id}/milestones/${randomUUID()}`).set(tm.responsible.auth).send({ done: true }).expect(404);
    expect(await t.db.getRepository(Milestone).findBy({ measureId: m.id })).toEqual([expect.objectContaining({ id: msId, done: false, version: 1 })]);
  });
});

describe('export.csv', () => {
  it('exports the filtered measures for spreadsheets (BOM, semicolons, CRLF, German headers, Berlin dates, defused formulas), audited', async () => {
    const tm = await team();
    const a = await create(tm, { title: '=HYPERLINK("http://x")', deadline: addDays(today(), 2) });
    const b = await create(tm, { title: 'Mehr Präsenz; auch abends', deadline: addDays(today(), 4) });
    await t.db.query(`UPDATE measures SET start_date = $2, deadline = $3 WHERE id = $1`, [b.id, addDays(today(), -10), addDays(today(), -3)]);
    const res = await request(t.server).get(`${API}/export.csv?owningAgencyId=${tm.responsible.agency.id}`).set(tm.outsider.auth).buffer(true)
      .parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks).toString('utf8'))); })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="massnahmen-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = res.body as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Titel;Status;Überfällig;Tage überfällig;Priorität;Federführende Behörde;Verantwortlich;Vertretung;Beginn;Frist;Orte;Stadtteile;Meilensteine erledigt;Meilensteine gesamt;Beschreibung;Begründung (blockiert/abgebrochen);Abschlussvermerk;Erledigt am;Angelegt am;Zuletzt geändert');
    expect(lines).toHaveLength(4);
    const [d, mo, y] = [addDays(today(), -3).slice(8, 10), addDays(today(), -3).slice(5, 7), addDays(today(), -3).slice(0, 4)];
    expect(lines[1]).toMatch(new RegExp(`^"Mehr Präsenz; auch abends";Geplant;ja;3;Hoch;`));
    expect(lines[1]).toContain(`;${d}.${mo}.${y};`);
    expect(lines[2]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)";Geplant;nein;;Hoch;/);
    expect(lines[3]).toBe('');
    const exports = await t.db.getRepository(AuditEntry).find({ where: { entityType: 'measure', action: 'export', actorId: tm.outsider.person.id } });
    expect(exports).toHaveLength(1);
    expect(exports[0]!.changes).toMatchObject({ rows: { new: 2 }, filter: { new: { owningAgencyId: tm.responsible.agency.id } } });
    expect(a.id).toBeDefined();
  });
});
