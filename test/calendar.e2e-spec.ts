import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/** Calendar data (issue 8): a meeting as an iCalendar invitation, and the personal feed. */
let t: TestApp;
const RAPPORTS = '/api/v1/rapports';
const FEED = '/api/v1/me/calendar-feed';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function team() {
  const agencyA = await t.make.agency({ kind: 'police' });
  const agencyB = await t.make.agency({ kind: 'youth_office' });
  const coordinator = await t.make.person(['coordinator']);
  const a1 = await t.make.person(['liaison'], { agency: agencyA });
  const b1 = await t.make.person(['liaison'], { agency: agencyB });
  const guest = await t.make.person(['liaison']);
  const outsider = await t.make.person(['liaison']);
  return { agencyA, agencyB, coordinator, a1, b1, guest, outsider };
}
type Team = Awaited<ReturnType<typeof team>>;

/** A series whose first meeting lies ahead; returns that meeting. The title needs TEXT escaping. */
async function meeting(tm: Team, agencyIds = [tm.agencyA.id, tm.agencyB.id]): Promise<Record<string, any>> {
  const title = `Drogenrapport; Mitte, Nord ${randomUUID().slice(0, 8)}`;
  const series = await request(t.server).post('/api/v1/rapport-series').set(tm.coordinator.auth).send({
    title, agencyIds, rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', startDate: berlinToday(), startTime: '10:00', location: 'Rathaus, Raum 204', durationMinutes: 120,
  }).expect(201);
  const list = await request(t.server).get(RAPPORTS).query({ seriesId: series.body.id }).set(tm.coordinator.auth).expect(200);
  return list.body.items[0];
}

const status = (who: TestPerson, id: string, body: object) => request(t.server).post(`${RAPPORTS}/${id}/status`).set(who.auth).send(body).expect(200);
const ics = (who: TestPerson, id: string) => request(t.server).get(`${RAPPORTS}/${id}/ics`).set(who.auth);
const parse = (text: string) => new ICAL.Component(ICAL.parse(text));
const utc = (c: ICAL.Component, prop: string) => {
  const v = c.getFirstPropertyValue(prop) as ICAL.Time;
  return [v.zone?.tzid, v.toJSDate().toISOString()];
};
const mail = (p: TestPerson) => `mailto:${p.person.email}`;

describe('a meeting as an iCalendar invitation', () => {
  it('METHOD:REQUEST with a stable UID, UTC times, organizer and attendees with their answers; moved and cancelled raise SEQUENCE', async () => {
    const tm = await team();
    const m = await meeting(tm);
    const convened = await status(tm.coordinator, m.id, { status: 'convened', personIds: [tm.guest.person.id] });
    const inv = (p: TestPerson) => convened.body.invitations.find((i: any) => i.person.id === p.person.id).id;
    await request(t.server).post(`${RAPPORTS}/${m.id}/invitations/${inv(tm.a1)}/answer`).set(tm.a1.auth).send({ answer: 'accept' }).expect(200);
    await request(t.server).post(`${RAPPORTS}/${m.id}/invitations/${inv(tm.b1)}/answer`).set(tm.b1.auth).send({ answer: 'tentative' }).expect(200);

    const res = await ics(tm.a1, m.id).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of res.text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const cal = parse(res.text);
    expect([cal.getFirstPropertyValue('version'), cal.getFirstPropertyValue('method')]).toEqual(['2.0', 'REQUEST']);
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    const ev = cal.getFirstSubcomponent('vevent')!;
    expect(ev.getFirstPropertyValue('uid')).toBe(`rapport-${m.id}@drogenrapport`);
    expect(ev.getFirstPropertyValue('sequence')).toBe(0);
    expect(ev.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(utc(ev, 'dtstart')).toEqual(['UTC', m.startsAt]);
    expect(utc(ev, 'dtend')).toEqual(['UTC', m.endsAt]);
    expect([ev.getFirstPropertyValue('summary'), ev.getFirstPropertyValue('location'), ev.getFirstPropertyValue('status')]).toEqual([m.title, 'Rathaus, Raum 204', 'CONFIRMED']);
    const organizer = ev.getFirstProperty('organizer')!;
    expect([organizer.getFirstValue(), organizer.getParameter('cn')]).toEqual([mail(tm.coordinator), tm.coordinator.person.displayName]);
    const attendees = Object.fromEntries(ev.getAllProperties('attendee').map((a) => [a.getFirstValue(), a.getParameter('partstat')]));
    expect(attendees).toEqual({ [mail(tm.a1)]: 'ACCEPTED', [mail(tm.b1)]: 'TENTATIVE', [mail(tm.guest)]: 'NEEDS-ACTION' });

    // Moved: the same UID, a higher SEQUENCE, the new time.
    const newStart = new Date(new Date(m.startsAt).getTime() + 2 * 86_400_000);
    const moved = await request(t.server).patch(`${RAPPORTS}/${m.id}`).set(tm.coordinator.auth).set('If-Match', `"${convened.body.version}"`).send({ startsAt: newStart.toISOString() }).expect(200);
    const afterMove = parse((await ics(tm.a1, m.id).expect(200)).text).getFirstSubcomponent('vevent')!;
    expect([afterMove.getFirstPropertyValue('uid'), afterMove.getFirstPropertyValue('sequence')]).toEqual([`rapport-${m.id}@drogenrapport`, 1]);
    expect(utc(afterMove, 'dtstart')).toEqual(['UTC', newStart.toISOString()]);
    // A new title alone is no reschedule: SEQUENCE stays.
    await request(t.server).patch(`${RAPPORTS}/${m.id}`).set(tm.coordinator.auth).set('If-Match', `"${moved.body.version}"`).send({ title: `${m.title} (neu)` }).expect(200);
    expect(parse((await ics(tm.a1, m.id).expect(200)).text).getFirstSubcomponent('vevent')!.getFirstPropertyValue('sequence')).toBe(1);

    // Cancelled: METHOD:CANCEL, STATUS:CANCELLED, a higher SEQUENCE; the reason (free text) never leaves.
    await status(tm.coordinator, m.id, { status: 'cancelled', reason: 'Geheimer Absagegrund XYZ' });
    const cancelledText = (await ics(tm.b1, m.id).expect(200)).text;
    const cancelled = parse(cancelledText);
    expect(cancelled.getFirstPropertyValue('method')).toBe('CANCEL');
    const cev = cancelled.getFirstSubcomponent('vevent')!;
    expect([cev.getFirstPropertyValue('uid'), cev.getFirstPropertyValue('sequence'), cev.getFirstPropertyValue('status')]).toEqual([`rapport-${m.id}@drogenrapport`, 2, 'CANCELLED']);
    expect(cancelledText).not.toContain('Absagegrund');
  });

  it('reads like GET rapports/:id: others 404, without a token 401; an unconvened meeting has the neutral organizer', async () => {
    const tm = await team();
    const m = await meeting(tm);
    const denied = await ics(tm.outsider, m.id).expect(404);
    expect(denied.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(denied.body.code).toBe('RAPPORT_NOT_FOUND');
    await request(t.server).get(`${RAPPORTS}/${randomUUID()}/ics`).set(tm.coordinator.auth).expect(404);
    await request(t.server).get(`${RAPPORTS}/${m.id}/ics`).expect(401);
    const ev = parse((await ics(tm.a1, m.id).expect(200)).text).getFirstSubcomponent('vevent')!;
    expect(ev.getFirstPropertyValue('organizer')).toBe('mailto:noreply@drogenrapport.invalid');
    expect(ev.getAllProperties('attendee')).toHaveLength(0);
    expect(ev.getFirstPropertyValue('status')).toBe('TENTATIVE');
  });
});

describe('the personal calendar feed', () => {
  const strip = (text: string) => text.replace(/"requestId":"[^"]*"/, '"requestId":""');

  it('lists my meetings (VEVENT, cancelled ones too) and my measures (VTODO with DUE), without a bearer token, and nothing else', async () => {
    const tm = await team();
    const mine = await meeting(tm);
    await status(tm.coordinator, mine.id, { status: 'convened' });
    const gone = await meeting(tm);
    await status(tm.coordinator, gone.id, { status: 'convened' });
    await status(tm.coordinator, gone.id, { status: 'cancelled', reason: 'Verlegt auf später' });
    const notMine = await meeting(tm, [tm.agencyB.id]); // a1's agency does not take part
    await status(tm.coordinator, notMine.id, { status: 'convened' });

    const deadline = addDays(berlinToday(), 20);
    const measure = (responsible: TestPerson, title: string) => request(t.server).post('/api/v1/measures').set(tm.coordinator.auth).send({
      title, description: 'Vertrauliche Beschreibung QRS', owningAgencyId: responsible.agency.id, responsibleId: responsible.person.id, deadline, priority: 'normal',
    }).expect(201);
    const myMeasure = (await measure(tm.a1, `Spritzenbehälter, Nordeingang ${randomUUID().slice(0, 6)}`)).body;
    const otherMeasure = (await measure(tm.b1, `Fremde Maßnahme ${randomUUID().slice(0, 6)}`)).body;

    const created = await request(t.server).post(FEED).set(tm.a1.auth).expect(201);
    expect(created.body.path).toMatch(/^\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.body.url.endsWith(created.body.path)).toBe(true);
    const token = created.body.path.slice('/api/v1/calendar/'.length, -4);
    // Only the hash is stored.
    const [row] = await t.db.query(`SELECT token_hash FROM calendar_feeds WHERE person_id = $1`, [tm.a1.person.id]);
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));

    const res = await request(t.server).get(created.body.path).expect(200); // no Authorization header
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const cal = parse(res.text);
    expect(cal.getFirstPropertyValue('method')).toBeNull();
    const events = Object.fromEntries(cal.getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('uid'), e]));
    expect(Object.keys(events).sort()).toEqual([`rapport-${mine.id}@drogenrapport`, `rapport-${gone.id}@drogenrapport`].sort());
    expect(utc(events[`rapport-${mine.id}@drogenrapport`]!, 'dtstart')).toEqual(['UTC', mine.startsAt]);
    expect(events[`rapport-${gone.id}@drogenrapport`]!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[`rapport-${gone.id}@drogenrapport`]!.getFirstPropertyValue('sequence')).toBe(1);
    const todos = cal.getAllSubcomponents('vtodo');
    expect(todos.map((x) => x.getFirstPropertyValue('uid'))).toEqual([`measure-${myMeasure.id}@drogenrapport`]);
    const due = todos[0]!.getFirstPropertyValue('due') as ICAL.Time;
    expect([due.isDate, due.toString()]).toEqual([true, deadline]);
    expect([todos[0]!.getFirstPropertyValue('summary'), todos[0]!.getFirstPropertyValue('status')]).toEqual([myMeasure.title, 'NEEDS-ACTION']);
    for (const secret of ['Vertrauliche', 'Verlegt', otherMeasure.title, notMine.id, 'ATTENDEE', 'DESCRIPTION']) expect(res.text).not.toContain(secret);
  });

  it('GET says whether I have a feed and since when, never the address, and only about me', async () => {
    const tm = await team();
    expect((await request(t.server).get(FEED).set(tm.a1.auth).expect(200)).body).toEqual({ active: false, createdAt: null });
    const before = Date.now();
    const first = (await request(t.server).post(FEED).set(tm.a1.auth).expect(201)).body.path;
    const made = await request(t.server).get(FEED).set(tm.a1.auth).expect(200);
    expect(made.body.active).toBe(true);
    expect(new Date(made.body.createdAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(made.text).not.toContain(first.slice('/api/v1/calendar/'.length, -4));
    // Someone else's feed is not mine: b1 of another agency and a1's own colleague both have none.
    const colleague = await t.make.person(['liaison'], { agency: tm.agencyA });
    expect((await request(t.server).get(FEED).set(tm.b1.auth).expect(200)).body).toEqual({ active: false, createdAt: null });
    expect((await request(t.server).get(FEED).set(colleague.auth).expect(200)).body).toEqual({ active: false, createdAt: null });
    await request(t.server).delete(FEED).set(tm.a1.auth).expect(204);
    expect((await request(t.server).get(FEED).set(tm.a1.auth).expect(200)).body).toEqual({ active: false, createdAt: null });
    await request(t.server).get(FEED).expect(401);
  });

  it('a wrong, revoked, regenerated-away or never-issued token is one and the same 404', async () => {
    const tm = await team();
    const first = (await request(t.server).post(FEED).set(tm.a1.auth).expect(201)).body.path;
    await request(t.server).get(first).expect(200);
    const second = (await request(t.server).post(FEED).set(tm.a1.auth).expect(201)).body.path;
    expect(second).not.toBe(first);
    await request(t.server).get(second).expect(200);
    const regeneratedAway = await request(t.server).get(first).expect(404);

    await request(t.server).delete(FEED).set(tm.a1.auth).expect(204);
    const revoked = await request(t.server).get(second).expect(404);
    await request(t.server).delete(FEED).set(tm.a1.auth).expect(204); // nothing left to revoke: the same outcome
    await request(t.server).delete(FEED).expect(401);
    await request(t.server).post(FEED).expect(401);

    const never = await request(t.server).get(`/api/v1/calendar/${randomBytes(32).toString('base64url')}.ics`).expect(404);
    const wrongShape = await request(t.server).get('/api/v1/calendar/abc').expect(404);
    // A token of someone deactivated stops working as well.
    const leaver = await t.make.person(['liaison']);
    const leaverPath = (await request(t.server).post(FEED).set(leaver.auth).expect(201)).body.path;
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [leaver.person.id]);
    const deactivated = await request(t.server).get(leaverPath).expect(404);

    const answers = [regeneratedAway, revoked, never, wrongShape, deactivated];
    expect(answers[0]!.body).toMatchObject({ status: 404, code: 'CALENDAR_FEED_NOT_FOUND', field: 'token', instance: '/api/v1/calendar/:file' });
    expect(revoked.text).not.toContain(second.slice('/api/v1/calendar/'.length, -4)); // no answer repeats a token
    for (const a of answers) {
      expect(a.headers['content-type']).toBe(answers[0]!.headers['content-type']);
      expect(strip(a.text)).toBe(strip(answers[0]!.text));
    }
  });
});
