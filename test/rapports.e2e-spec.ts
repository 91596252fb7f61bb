import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createLogger } from '#config/logger.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { addDays, berlinToday, formatBerlin } from '#domain/common/berlin-time.js';
import { RapportInvitation } from '#domain/rapports/rapport-invitation.entity.js';
import { RapportSeries } from '#domain/rapports/rapport-series.entity.js';
import { Rapport } from '#domain/rapports/rapport.entity.js';
import { nextOccurrences } from '#domain/rapports/recurrence.js';
import { JobProducer } from '#queue/job-producer.js';
import { QueueBackend } from '#queue/queue-backend.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';
import { testConfig } from '#testing/test-config.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import { RapportSeriesProcessor, RAPPORT_SERIES_ENSURE_INTERVAL_MS } from '#worker/rapports/rapport-series.processor.js';

let t: TestApp;
const SERIES = '/api/v1/rapport-series';
const RAPPORTS = '/api/v1/rapports';
const RRULE = 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Two participating agencies (A with two liaisons, B with one), a coordinator, leadership, and people outside. */
async function team() {
  const agencyA = await t.make.agency({ kind: 'police' });
  const agencyB = await t.make.agency({ kind: 'youth_office' });
  const coordinator = await t.make.person(['coordinator']);
  const leadership = await t.make.person(['leadership']);
  const a1 = await t.make.person(['liaison'], { agency: agencyA });
  const a2 = await t.make.person(['liaison'], { agency: agencyA });
  const b1 = await t.make.person(['liaison'], { agency: agencyB });
  const outsider = await t.make.person(['liaison']);
  const outsideAdmin = await t.make.person(['admin']);
  const guest = await t.make.person(['liaison']);
  return { agencyA, agencyB, coordinator, leadership, a1, a2, b1, outsider, outsideAdmin, guest };
}
type Team = Awaited<ReturnType<typeof team>>;

const seriesBody = (tm: Team, over: Record<string, unknown> = {}) => ({
  title: `Drogenrapport ${randomUUID().slice(0, 8)}`,
  agencyIds: [tm.agencyA.id, tm.agencyB.id],
  rrule: RRULE,
  startDate: berlinToday(),
  startTime: '10:00',
  location: 'Rathaus, Raum 204',
  durationMinutes: 120,
  ...over,
});

async function createSeries(tm: Team, over: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await request(t.server).post(SERIES).set(tm.coordinator.auth).send(seriesBody(tm, over));
  if (res.status !== 201) throw new Error(`series: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const meetings = async (who: TestPerson, seriesId: string): Promise<Array<Record<string, any>>> => {
  const res = await request(t.server).get(RAPPORTS).query({ seriesId }).set(who.auth).expect(200);
  return res.body.items;
};
const upcoming = async (tm: Team, seriesId: string) => (await meetings(tm.coordinator, seriesId)).filter((m) => ['planned', 'convened'].includes(m.status));
const status = (who: TestPerson, id: string, body: object) => request(t.server).post(`${RAPPORTS}/${id}/status`).set(who.auth).send(body);
const answer = (who: TestPerson, id: string, invitationId: string, a: string) => request(t.server).post(`${RAPPORTS}/${id}/invitations/${invitationId}/answer`).set(who.auth).send({ answer: a });
const attendance = (who: TestPerson, id: string, entries: object[]) => request(t.server).post(`${RAPPORTS}/${id}/attendance`).set(who.auth).send({ entries });
const invitationOf = (m: Record<string, any>, p: TestPerson) => m.invitations.find((i: any) => i.person.id === p.person.id);
/** Lets time pass for one meeting: it began ten minutes ago. */
const begin = (id: string) => t.db.query(`UPDATE rapports SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = $1`, [id]);

describe('the regular rapport cycle', () => {
  it('series -> next meeting at 10:00 Berlin -> convene -> invitations -> answers (with deputy) -> held -> next meeting -> attendance', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    expect(series).toMatchObject({ rrule: RRULE, startTime: '10:00', timeZone: 'Europe/Berlin', active: true, durationMinutes: 120 });
    expect(series.agencies.map((a: any) => a.id).sort()).toEqual([tm.agencyA.id, tm.agencyB.id].sort());

    // The first meeting exists at once: the next slot of the rule, 10:00 local, two hours long.
    const [first, ...more] = await meetings(tm.coordinator, series.id);
    expect(more).toHaveLength(0);
    const expected = nextOccurrences({ rrule: RRULE, startDate: series.startDate, startTime: '10:00' }, new Date(), 1)[0]!;
    expect(first).toMatchObject({ kind: 'regular', status: 'planned', seriesId: series.id, startsAt: expected.toISOString(), occurrenceStart: expected.toISOString(), location: 'Rathaus, Raum 204', invitations: [] });
    expect(formatBerlin(new Date(first!.startsAt)).endsWith(' 10:00')).toBe(true);
    expect(new Date(first!.endsAt).getTime() - new Date(first!.startsAt).getTime()).toBe(120 * 60_000);

    // Convene: the liaisons of A and B, and the guest named; nobody else.
    const convened = await status(tm.coordinator, first!.id, { status: 'convened', personIds: [tm.guest.person.id] }).expect(200);
    expect(convened.body.status).toBe('convened');
    const invited = convened.body.invitations.map((i: any) => [i.person.id, i.via, i.response]).sort();
    expect(invited).toEqual([
      [tm.a1.person.id, 'agency', 'pending'], [tm.a2.person.id, 'agency', 'pending'], [tm.b1.person.id, 'agency', 'pending'], [tm.guest.person.id, 'person', 'pending'],
    ].sort());

    // The coordinator names one more person later; inviting someone twice keeps one invitation.
    const extra = await t.make.person(['leadership']);
    const added = await request(t.server).post(`${RAPPORTS}/${first!.id}/invitations`).set(tm.coordinator.auth).send({ personIds: [extra.person.id, tm.a1.person.id] }).expect(200);
    expect(invitationOf(added.body, extra)).toMatchObject({ via: 'person', response: 'pending' });
    expect(added.body.invitations).toHaveLength(5);
    await answer(extra, first!.id, invitationOf(added.body, extra).id, 'accept').expect(200);
    const unknown = await request(t.server).post(`${RAPPORTS}/${first!.id}/invitations`).set(tm.coordinator.auth).send({ personIds: [randomUUID()] }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'PERSON_NOT_FOUND', field: 'personIds' });

    // a1 sends the deputy (named after the invitations went out, so not yet invited).
    const deputy = await t.make.person(['liaison'], { agency: tm.agencyA });
    await t.db.query(`UPDATE people SET deputy_id = $1 WHERE id = $2`, [deputy.person.id, tm.a1.person.id]);
    const delegated = await answer(tm.a1, first!.id, invitationOf(convened.body, tm.a1).id, 'delegate').expect(200);
    expect(invitationOf(delegated.body, tm.a1).response).toBe('delegated');
    expect(invitationOf(delegated.body, deputy)).toMatchObject({ via: 'deputy', delegatedFromId: invitationOf(convened.body, tm.a1).id, response: 'pending' });

    await answer(deputy, first!.id, invitationOf(delegated.body, deputy).id, 'accept').expect(200);
    await answer(tm.a2, first!.id, invitationOf(convened.body, tm.a2).id, 'accept').expect(200);
    await answer(tm.b1, first!.id, invitationOf(convened.body, tm.b1).id, 'tentative').expect(200);
    const answered = await answer(tm.guest, first!.id, invitationOf(convened.body, tm.guest).id, 'decline').expect(200);
    expect(Object.fromEntries(answered.body.invitations.map((i: any) => [i.person.id, i.response]))).toEqual({
      [tm.a1.person.id]: 'delegated', [tm.a2.person.id]: 'accepted', [tm.b1.person.id]: 'tentative', [tm.guest.person.id]: 'declined', [deputy.person.id]: 'accepted', [extra.person.id]: 'accepted',
    });

    // Held only once it has begun; then the series plans its next meeting at once.
    const early = await status(tm.coordinator, first!.id, { status: 'held' }).expect(422);
    expect(early.body.code).toBe('MEETING_NOT_STARTED');
    await begin(first!.id);
    const held = await status(tm.coordinator, first!.id, { status: 'held' }).expect(200);
    expect(held.body).toMatchObject({ status: 'held', allowedTransitions: ['minutes_published'] });
    const next = await upcoming(tm, series.id);
    expect(next).toHaveLength(1);
    // The held meeting used its slot (it keeps occurrenceStart although it took place earlier): the next is the slot after.
    expect(next[0]).toMatchObject({ status: 'planned', occurrenceStart: nextOccurrences({ rrule: RRULE, startDate: series.startDate, startTime: '10:00' }, new Date(), 2)[1]!.toISOString() });
    expect(new Date(next[0]!.startsAt).getTime()).toBeGreaterThan(Date.now());

    const recorded = await attendance(tm.coordinator, first!.id, [
      { personId: deputy.person.id, attendance: 'present' }, { personId: tm.a2.person.id, attendance: 'present' },
      { personId: tm.a1.person.id, attendance: 'excused' }, { personId: tm.b1.person.id, attendance: 'absent' },
    ]).expect(200);
    expect(Object.fromEntries(recorded.body.invitations.map((i: any) => [i.person.id, i.attendance]))).toEqual({
      [tm.a1.person.id]: 'excused', [tm.a2.person.id]: 'present', [tm.b1.person.id]: 'absent', [tm.guest.person.id]: null, [deputy.person.id]: 'present', [extra.person.id]: null,
    });
    const trail = await t.db.getRepository(AuditEntry).countBy({ entityType: 'rapport', entityId: first!.id });
    expect(trail).toBeGreaterThanOrEqual(3); // planned by the series, convened, held
  });

  /** The next last Sunday of `month` (3: March, 10: October) at least two weeks ahead: the day Berlin switches clocks. */
  const nextSwitchSunday = (month: 3 | 10): string => {
    for (let year = new Date().getUTCFullYear(); ; year++) {
      const last = new Date(Date.UTC(year, month, 0)); // the month's last day
      const sunday = addDays(last.toISOString().slice(0, 10), -last.getUTCDay());
      if (sunday > addDays(berlinToday(), 14)) return sunday;
    }
  };

  it.each([
    ['March (summer time begins)', 3, ['09:00', '08:00']],
    ['October (summer time ends)', 10, ['08:00', '09:00']],
  ] as const)('keeps 10:00 Berlin across the switch in %s: the meetings before and after it, through the API', async (_when, month, utcTimes) => {
    const tm = await team();
    const switchDay = nextSwitchSunday(month);
    const weekBefore = addDays(switchDay, -7);
    // Weekly on Sunday from the Sunday before the switch: the first meeting lies before it.
    const series = await createSeries(tm, { rrule: 'FREQ=WEEKLY;BYDAY=SU', startDate: weekBefore });
    const [before] = await upcoming(tm, series.id);
    expect(before!.startsAt).toBe(`${weekBefore}T${utcTimes[0]}:00.000Z`);
    expect(formatBerlin(new Date(before!.startsAt))).toMatch(/ 10:00$/);
    // Cancelling it lets the series plan the next slot: on the day of the switch, still 10:00 local (another UTC hour).
    await status(tm.coordinator, before!.id, { status: 'cancelled', reason: 'Feiertag' }).expect(200);
    const [after] = await upcoming(tm, series.id);
    expect(after!.startsAt).toBe(`${switchDay}T${utcTimes[1]}:00.000Z`);
    expect(formatBerlin(new Date(after!.startsAt))).toMatch(/ 10:00$/);
    expect(new Date(after!.endsAt).getTime() - new Date(after!.startsAt).getTime()).toBe(120 * 60_000);
    // Its invitation says so too: the calendar file carries the same instant.
    const ics = await request(t.server).get(`${RAPPORTS}/${after!.id}/ics`).set(tm.a1.auth).expect(200);
    expect(ics.text).toContain(`DTSTART:${switchDay.replaceAll('-', '')}T${utcTimes[1]!.replace(':', '')}00Z`);
  });
});

describe('moving and cancelling one meeting keeps the series', () => {
  it('moves a planned meeting (version checked, never into the past), then cancels it; the series plans the following slot', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    const newStart = new Date(new Date(m!.startsAt).getTime() + 3 * 86_400_000 + 4 * 3_600_000);

    const noVersion = await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth).send({ startsAt: newStart.toISOString() }).expect(428);
    expect(noVersion.body.code).toBe('VERSION_REQUIRED');
    const past = await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth).set('If-Match', `"${m!.version}"`)
      .send({ startsAt: new Date(Date.now() - 3_600_000).toISOString() }).expect(422);
    expect(past.body).toMatchObject({ code: 'START_IN_PAST', field: 'startsAt' });

    const moved = await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth).set('If-Match', `"${m!.version}"`)
      .send({ startsAt: newStart.toISOString(), location: 'Polizeirevier, Saal 1' }).expect(200);
    expect(moved.body).toMatchObject({ startsAt: newStart.toISOString(), occurrenceStart: m!.occurrenceStart, location: 'Polizeirevier, Saal 1', version: m!.version + 1 });
    expect(new Date(moved.body.endsAt).getTime() - newStart.getTime()).toBe(120 * 60_000);
    const stale = await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth).send({ title: 'Anders', version: m!.version }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: m!.id, version: m!.version + 1 } });
    expect(await upcoming(tm, series.id)).toHaveLength(1); // the moved meeting is still the one ahead

    const noReason = await status(tm.coordinator, m!.id, { status: 'cancelled' }).expect(400);
    expect(noReason.body).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    const cancelled = await status(tm.coordinator, m!.id, { status: 'cancelled', reason: 'Fällt wegen Stadtfest aus.' }).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Fällt wegen Stadtfest aus.', allowedTransitions: [] });
    const [following] = await upcoming(tm, series.id);
    expect(new Date(following!.occurrenceStart).getTime()).toBeGreaterThan(new Date(m!.occurrenceStart).getTime());
    expect(formatBerlin(new Date(following!.startsAt)).endsWith(' 10:00')).toBe(true);

    const late = await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth).send({ startsAt: newStart.toISOString(), version: cancelled.body.version }).expect(409);
    expect(late.body.code).toBe('RAPPORT_NOT_CHANGEABLE');
    const revive = await status(tm.coordinator, m!.id, { status: 'convened' }).expect(409);
    expect(revive.body).toMatchObject({ code: 'INVALID_TRANSITION', allowed: [] });
  });

  it('a deactivated series plans nothing new; reactivating plans its next meeting', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    await request(t.server).post(`${SERIES}/${series.id}/deactivate`).set(tm.coordinator.auth).expect(200);
    await status(tm.coordinator, m!.id, { status: 'cancelled', reason: 'Reihe ruht.' }).expect(200);
    expect(await upcoming(tm, series.id)).toHaveLength(0);
    const back = await request(t.server).post(`${SERIES}/${series.id}/reactivate`).set(tm.coordinator.auth).expect(200);
    expect(back.body.active).toBe(true);
    expect(await upcoming(tm, series.id)).toHaveLength(1);
  });

  it('changes a series with its version; a new rule is checked', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const bad = await request(t.server).patch(`${SERIES}/${series.id}`).set(tm.coordinator.auth).send({ rrule: 'FREQ=NEVER', version: series.version }).expect(400);
    expect(bad.body).toMatchObject({ code: 'INVALID_RRULE', field: 'rrule' });
    const ok = await request(t.server).patch(`${SERIES}/${series.id}`).set(tm.coordinator.auth).set('If-Match', `"${series.version}"`).send({ location: 'Jugendamt, Raum 3' }).expect(200);
    expect(ok.body).toMatchObject({ location: 'Jugendamt, Raum 3', rrule: RRULE, version: series.version + 1 });
    const stale = await request(t.server).patch(`${SERIES}/${series.id}`).set(tm.coordinator.auth).send({ title: 'X', version: series.version }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: series.id, location: 'Jugendamt, Raum 3' } });
  });
});

describe('bad input: 4xx problem+json naming the field, nothing stored', () => {
  it.each([
    ['does not parse', { rrule: 'FREQ=MONTHLY;BYDAY=1XY' }],
    ['is no rule at all', { rrule: 'jeden zweiten Dienstag' }],
    ['yields no future date', { rrule: 'FREQ=MONTHLY;COUNT=1', startDate: addDays(berlinToday(), -60) }],
    ['never yields a date (a daily rule rrule would search for a minute)', { rrule: 'FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31' }],
    ['yields no date at all', { rrule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31' }],
  ])('an RRULE that %s: 400 INVALID_RRULE', async (_what, over) => {
    const tm = await team();
    const body = seriesBody(tm, over);
    const res = await request(t.server).post(SERIES).set(tm.coordinator.auth).send(body).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'INVALID_RRULE', field: 'rrule' });
    expect(await t.db.getRepository(RapportSeries).countBy({ title: body.title })).toBe(0);
    expect(await t.db.getRepository(Rapport).countBy({ title: body.title })).toBe(0);
  });

  it('a series starting more than a year back: 400 naming startDate', async () => {
    const tm = await team();
    const res = await request(t.server).post(SERIES).set(tm.coordinator.auth).send(seriesBody(tm, { startDate: addDays(berlinToday(), -400) })).expect(400);
    expect(res.body).toMatchObject({ code: 'START_DATE_TOO_EARLY', field: 'startDate' });
  });

  it('a series naming an unknown agency: 422 naming agencyIds, no series and no meeting', async () => {
    const tm = await team();
    const body = seriesBody(tm, { agencyIds: [tm.agencyA.id, randomUUID()] });
    const res = await request(t.server).post(SERIES).set(tm.coordinator.auth).send(body).expect(422);
    expect(res.body).toMatchObject({ code: 'AGENCY_NOT_FOUND', field: 'agencyIds' });
    expect(await t.db.getRepository(RapportSeries).countBy({ title: body.title })).toBe(0);
  });

  it('convening a meeting in the past: 422 MEETING_IN_PAST, still planned, no invitations', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    await begin(m!.id);
    const res = await status(tm.coordinator, m!.id, { status: 'convened', personIds: [tm.guest.person.id] }).expect(422);
    expect(res.body).toMatchObject({ code: 'MEETING_IN_PAST', field: 'startsAt' });
    expect((await t.db.getRepository(Rapport).findOneByOrFail({ id: m!.id })).status).toBe('planned');
    expect(await t.db.getRepository(RapportInvitation).countBy({ rapportId: m!.id })).toBe(0);
  });

  it("answering someone else's invitation: 403 NOT_YOUR_INVITATION (a colleague or the coordinator), the answer unchanged", async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    const convened = await status(tm.coordinator, m!.id, { status: 'convened' }).expect(200);
    const target = invitationOf(convened.body, tm.b1).id;
    for (const who of [tm.a1, tm.coordinator]) {
      const res = await answer(who, m!.id, target, 'decline').expect(403);
      expect(res.body).toMatchObject({ code: 'NOT_YOUR_INVITATION', field: 'invitationId' });
    }
    expect((await t.db.getRepository(RapportInvitation).findOneByOrFail({ id: target })).response).toBe('pending');
    const noDeputy = await answer(tm.b1, m!.id, target, 'delegate').expect(422);
    expect(noDeputy.body).toMatchObject({ code: 'NO_DEPUTY', field: 'answer' });
    expect((await t.db.getRepository(RapportInvitation).findOneByOrFail({ id: target })).response).toBe('pending');
  });

  it('attendance for a non-invitee: 422 NOT_INVITED naming the entry; the valid entries are not stored either', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    await status(tm.coordinator, m!.id, { status: 'convened' }).expect(200);
    const before = await attendance(tm.coordinator, m!.id, [{ personId: tm.a1.person.id, attendance: 'present' }]).expect(422);
    expect(before.body.code).toBe('MEETING_NOT_STARTED');
    await begin(m!.id);
    const res = await attendance(tm.coordinator, m!.id, [{ personId: tm.a1.person.id, attendance: 'present' }, { personId: tm.outsider.person.id, attendance: 'absent' }]).expect(422);
    expect(res.body).toMatchObject({ code: 'NOT_INVITED', field: 'entries.1.personId' });
    expect(await t.db.getRepository(RapportInvitation).countBy({ rapportId: m!.id, attendance: 'present' })).toBe(0);
    const bad = await attendance(tm.coordinator, m!.id, [{ personId: tm.a1.person.id, attendance: 'late' }]).expect(400);
    expect(bad.body.errors[0].field).toBe('entries.0.attendance');
  });
});

describe('who reads and who manages', () => {
  it('coordinators and leadership read everything; participating agencies and named guests their meetings; others 404', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    await status(tm.coordinator, m!.id, { status: 'convened', personIds: [tm.guest.person.id] }).expect(200);

    for (const who of [tm.coordinator, tm.leadership, tm.a1, tm.b1, tm.guest]) {
      await request(t.server).get(`${RAPPORTS}/${m!.id}`).set(who.auth).expect(200);
      expect((await meetings(who, series.id)).map((x) => x.id)).toContain(m!.id);
    }
    for (const who of [tm.coordinator, tm.leadership, tm.a1, tm.b1]) await request(t.server).get(`${SERIES}/${series.id}`).set(who.auth).expect(200);

    for (const who of [tm.outsider, tm.outsideAdmin]) {
      const one = await request(t.server).get(`${RAPPORTS}/${m!.id}`).set(who.auth).expect(404);
      expect(one.body.code).toBe('RAPPORT_NOT_FOUND');
      expect(await meetings(who, series.id)).toEqual([]);
      await request(t.server).get(`${SERIES}/${series.id}`).set(who.auth).expect(404);
      const list = await request(t.server).get(SERIES).query({ limit: 200 }).set(who.auth).expect(200);
      expect(list.body.items.map((s: any) => s.id)).not.toContain(series.id);
      // Not even the existence of an invitation leaks: 404, not 403.
      await answer(who, m!.id, invitationOf((await request(t.server).get(`${RAPPORTS}/${m!.id}`).set(tm.coordinator.auth)).body, tm.a1).id, 'accept').expect(404);
    }
    // A guest invited by name reads the meeting, not the series.
    await request(t.server).get(`${SERIES}/${series.id}`).set(tm.guest.auth).expect(404);
  });

  it('only coordinators manage series, meetings, invitations and attendance', async () => {
    const tm = await team();
    const series = await createSeries(tm);
    const [m] = await meetings(tm.coordinator, series.id);
    for (const who of [tm.a1, tm.leadership, tm.outsideAdmin]) {
      await request(t.server).post(SERIES).set(who.auth).send(seriesBody(tm)).expect(403);
      await request(t.server).patch(`${SERIES}/${series.id}`).set(who.auth).send({ title: 'X', version: 1 }).expect(403);
      await request(t.server).post(`${SERIES}/${series.id}/deactivate`).set(who.auth).expect(403);
      await request(t.server).patch(`${RAPPORTS}/${m!.id}`).set(who.auth).send({ title: 'X', version: 1 }).expect(403);
      await status(who, m!.id, { status: 'convened' }).expect(403);
      await request(t.server).post(`${RAPPORTS}/${m!.id}/invitations`).set(who.auth).send({ personIds: [tm.guest.person.id] }).expect(403);
      await attendance(who, m!.id, [{ personId: tm.a1.person.id, attendance: 'present' }]).expect(403);
    }
    const stored = await t.db.getRepository(Rapport).findOneByOrFail({ id: m!.id });
    expect(stored).toMatchObject({ status: 'planned', version: m!.version });
    expect(await t.db.getRepository(RapportInvitation).countBy({ rapportId: m!.id })).toBe(0);
  });
});

describe('the worker keeps a meeting ahead', () => {
  const contexts: INestApplicationContext[] = [];
  afterAll(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  it('is scheduled as a periodic job; two workers running it at once create one meeting; the queued job fills a series too', async () => {
    const prefix = `drtest_rs_${process.pid}`;
    for (let i = 0; i < 2; i++) contexts.push(await createWorkerContext(testConfig({ QUEUE_PREFIX: prefix }), createLogger('error', 'worker-test')));
    const [a, b] = contexts as [INestApplicationContext, INestApplicationContext];
    const scheduler = await a.get(QueueBackend).queue('maintenance').getJobScheduler('rapport-series-ensure');
    expect(Number(scheduler?.every)).toBe(RAPPORT_SERIES_ENSURE_INTERVAL_MS);

    const tm = await team();
    const series = await createSeries(tm);
    // As if the series had no meeting ahead (e.g. the planned one passed): the job must fill it, once.
    await t.db.query(`DELETE FROM rapport_invitations WHERE rapport_id IN (SELECT id FROM rapports WHERE series_id = $1)`, [series.id]);
    await t.db.query(`DELETE FROM rapports WHERE series_id = $1`, [series.id]);
    await Promise.all([a.get(RapportSeriesProcessor).ensure(), b.get(RapportSeriesProcessor).ensure(), a.get(RapportSeriesProcessor).ensure()]);
    const rows = await t.db.getRepository(Rapport).findBy({ seriesId: series.id });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe('planned');

    await t.db.query(`DELETE FROM rapports WHERE series_id = $1`, [series.id]);
    await a.get(JobProducer).add('rapport-series-ensure', {});
    let count = 0;
    for (let i = 0; i < 100 && count === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      count = await t.db.getRepository(Rapport).countBy({ seriesId: series.id });
    }
    expect(count).toBe(1);
  });
});
