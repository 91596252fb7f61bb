import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createLogger } from '#config/logger.js';
import type { Actor } from '#domain/common/actor.js';
import { addDays, berlinAt, berlinToday, formatGermanDate } from '#domain/common/berlin-time.js';
import { Development } from '#domain/developments/development.entity.js';
import { EscalationRulesService } from '#domain/escalations/escalation-rules.service.js';
import { ThresholdRule } from '#domain/escalations/threshold-rule.entity.js';
import { MeasuresService } from '#domain/measures/measures.service.js';
import { REMINDER_RENDERERS } from '#domain/notifications/reminder-renderers.js';
import { RenderReads } from '#domain/notifications/render-reads.js';
import type { ReminderMessage } from '#domain/notifications/reminder-message.js';
import { Reminder } from '#domain/notifications/reminder.entity.js';
import { planLeadershipDigests } from '#domain/notifications/rules/digest-reminders.js';
import { digestWeeks } from '#domain/notifications/rules/reminder-timing.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import { RapportsService } from '#domain/rapports/rapports.service.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';
import { testConfig } from '#testing/test-config.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import { LEADERSHIP_DIGEST_INTERVAL_MS, LeadershipDigestProcessor } from '#worker/notifications/leadership-digest.processor.js';

let t: TestApp;
const DAY = 86_400_000;
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.db.query(`UPDATE threshold_rules SET active = false WHERE active AND name LIKE 'REM-TEST %'`);
  await t.close();
});

interface Row {
  id: string;
  kind: string;
  occurrence: string;
  recipient_id: string | null;
  channel: string;
  due_at: Date;
  state: string;
}

const ledger = (type: string, id: string): Promise<Row[]> =>
  t.db.query(`SELECT id, kind, occurrence, recipient_id, channel, due_at, state FROM reminders WHERE subject_type = $1 AND subject_id = $2 ORDER BY kind, occurrence, recipient_id, channel`, [type, id]);
const pending = (rows: Row[], kind: string) => rows.filter((r) => r.kind === kind && r.state === 'pending');
const recipients = (rows: Row[]) => [...new Set(rows.map((r) => r.recipient_id))].sort();
const dues = (rows: Row[]) => [...new Set(rows.map((r) => r.due_at.toISOString()))];
const sorted = (...ids: string[]) => [...ids].sort();

async function render(id: string): Promise<ReminderMessage | null> {
  const r = await t.db.getRepository(Reminder).findOneByOrFail({ id });
  return REMINDER_RENDERERS[r.kind]!(new RenderReads(t.db.manager), r);
}
/** The inbox row of this kind for this person. */
const rowOf = (rows: Row[], kind: string, person: TestPerson, occurrence = '') => {
  const row = rows.find((r) => r.kind === kind && r.recipient_id === person.person.id && r.channel === 'inbox' && r.occurrence === occurrence);
  if (!row) throw new Error(`no ${kind} row for ${person.person.id}`);
  return row;
};
const actor = (p: TestPerson): Actor => ({ id: p.person.id, agencyId: p.agency.id, roles: p.person.roles, accessConfirmed: true });

/**
 * A planned meeting of an (inactive) series, written straight into the tables: the series API's
 * RRULE probe runs in a worker thread with a 2 s budget, which a loaded CI machine can miss.
 */
async function plannedMeeting(coordinator: TestPerson, agencyIds: string[], startsAt: Date): Promise<{ id: string; version: number }> {
  const [series] = (await t.db.query(
    `INSERT INTO rapport_series (title, rrule, start_date, start_time, location, duration_minutes, agency_ids, active, created_by)
     VALUES ($1, 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', $2, '10:00', 'Rathaus, Raum 204', 120, $3, false, $4) RETURNING id, title`,
    [`REM Rapport ${randomUUID().slice(0, 8)}`, berlinToday(), agencyIds, coordinator.person.id],
  )) as Array<{ id: string; title: string }>;
  const [meeting] = (await t.db.query(
    `INSERT INTO rapports (kind, series_id, occurrence_start, title, starts_at, ends_at, location, status, agency_ids)
     VALUES ('regular', $1, $2, $3, $2, $4, 'Rathaus, Raum 204', 'planned', $5) RETURNING id, version`,
    [series!.id, startsAt, series!.title, new Date(startsAt.getTime() + 2 * HOUR), agencyIds],
  )) as Array<{ id: string; version: number }>;
  return meeting!;
}

/** An owning agency with responsible, deputy, another liaison and its leadership; leadership and a coordinator elsewhere. */
async function team() {
  const agency = await t.make.agency({ kind: 'street_cleaning' });
  const coordinator = await t.make.person(['coordinator']);
  const responsible = await t.make.person(['liaison'], { agency });
  const deputy = await t.make.person(['liaison'], { agency });
  const liaison = await t.make.person(['liaison'], { agency });
  const leader = await t.make.person(['leadership'], { agency });
  const otherLeader = await t.make.person(['leadership']);
  return { agency, coordinator, responsible, deputy, liaison, leader, otherLeader };
}
type Team = Awaited<ReturnType<typeof team>>;

const SECRET = `Vertrauliche Beschreibung ${randomUUID()}`;
const measureBody = (tm: Team, over: Record<string, unknown> = {}) => ({
  title: `REM Spritzenbehälter ${randomUUID().slice(0, 6)}`, description: SECRET, owningAgencyId: tm.agency.id,
  responsibleId: tm.responsible.person.id, deputyId: tm.deputy.person.id, deadline: addDays(berlinToday(), 30), ...over,
});
async function createMeasure(tm: Team, over: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await request(t.server).post('/api/v1/measures').set(tm.coordinator.auth).send(measureBody(tm, over));
  if (res.status !== 201) throw new Error(`measure: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
const patchMeasure = (tm: Team, id: string, version: number, b: object) => request(t.server).patch(`/api/v1/measures/${id}`).set(tm.coordinator.auth).set('If-Match', `"${version}"`).send(b);

describe('measures: the deadline ladder', () => {
  it('plans 7 days and 1 day before, overdue, leadership and coordinators at 08:00 Berlin, across the October DST switch', async () => {
    const tm = await team();
    // The clocks go back on Sunday 31.10.2027: the deadline is the Monday after.
    const m = await createMeasure(tm, { deadline: '2027-11-01' });
    const rows = await ledger('measure', m.id);
    const carriers = sorted(tm.responsible.person.id, tm.deputy.person.id);
    expect(dues(pending(rows, 'measure_due_soon'))).toEqual(['2027-10-25T06:00:00.000Z']); // 08:00 CEST
    expect(pending(rows, 'measure_due_soon').every((r) => r.occurrence === 'T-7')).toBe(true);
    expect(dues(pending(rows, 'measure_due_tomorrow'))).toEqual(['2027-10-31T07:00:00.000Z']); // 08:00 CET, the switch day
    expect(dues(pending(rows, 'measure_overdue'))).toEqual(['2027-11-02T07:00:00.000Z']);
    expect(dues(pending(rows, 'measure_overdue_leadership'))).toEqual(['2027-11-09T07:00:00.000Z']);
    expect(dues(pending(rows, 'measure_overdue_coordinators'))).toEqual(['2027-11-16T07:00:00.000Z']);
    for (const kind of ['measure_due_soon', 'measure_due_tomorrow', 'measure_overdue']) {
      expect(recipients(pending(rows, kind))).toEqual(carriers);
      // Default channels: the inbox and e-mail for each recipient.
      expect(pending(rows, kind).map((r) => r.channel).sort()).toEqual(['email', 'email', 'inbox', 'inbox']);
    }
    expect(recipients(pending(rows, 'measure_overdue_leadership'))).toEqual([tm.leader.person.id]);
    const coordinators = recipients(pending(rows, 'measure_overdue_coordinators'));
    expect(coordinators).toContain(tm.coordinator.person.id);
    expect(coordinators).not.toContain(tm.otherLeader.person.id);
    expect(coordinators).not.toContain(tm.liaison.person.id);
  });

  it('a measure agreed late gets no reminder whose time had already passed', async () => {
    const tm = await team();
    const m = await createMeasure(tm, { deadline: addDays(berlinToday(), 3) });
    const rows = await ledger('measure', m.id);
    expect(pending(rows, 'measure_due_soon')).toEqual([]);
    expect(pending(rows, 'measure_due_tomorrow')).toHaveLength(4);
  });

  it('moves with the deadline, re-plans a new responsible person, withdraws when cancelled; what was sent stays sent', async () => {
    const tm = await team();
    const m = await createMeasure(tm, { deadline: addDays(berlinToday(), 30) });
    let rows = await ledger('measure', m.id);
    const sent = rowOf(rows, 'measure_due_soon', tm.responsible, 'T-7');
    await t.db.query(`UPDATE reminders SET state = 'sent', sent_at = now() WHERE id = $1`, [sent.id]);

    let res = await patchMeasure(tm, m.id, m.version, { deadline: addDays(berlinToday(), 40) }).expect(200);
    rows = await ledger('measure', m.id);
    const movedDue = rowOf(rows, 'measure_due_soon', tm.deputy, 'T-7').due_at.toISOString();
    expect(movedDue).toBe(berlinAt(addDays(berlinToday(), 33), 8).toISOString());
    const stillSent = rows.find((r) => r.id === sent.id)!;
    expect(stillSent).toMatchObject({ state: 'sent', due_at: sent.due_at });

    res = await patchMeasure(tm, m.id, res.body.version, { responsibleId: tm.liaison.person.id }).expect(200);
    rows = await ledger('measure', m.id);
    expect(recipients(pending(rows, 'measure_overdue'))).toEqual(sorted(tm.liaison.person.id, tm.deputy.person.id));
    expect(rows.filter((r) => r.recipient_id === tm.responsible.person.id && r.state === 'pending')).toEqual([]);
    expect(rows.find((r) => r.id === sent.id)!.state).toBe('sent');

    await request(t.server).post(`/api/v1/measures/${m.id}/status`).set(tm.coordinator.auth).set('If-Match', `"${res.body.version}"`)
      .send({ status: 'cancelled', reason: 'Nicht mehr nötig' }).expect(200);
    rows = await ledger('measure', m.id);
    expect(rows.filter((r) => r.state === 'pending')).toEqual([]);
    expect(rows.find((r) => r.id === sent.id)!.state).toBe('sent');
  });

  it('milestones: due soon, tomorrow and overdue to the responsible person and the deputy; done withdraws', async () => {
    const tm = await team();
    const m = await createMeasure(tm, { deadline: addDays(berlinToday(), 60) });
    const ms = await request(t.server).post(`/api/v1/measures/${m.id}/milestones`).set(tm.responsible.auth).send({ title: 'Standorte abgestimmt', dueDate: addDays(berlinToday(), 20) }).expect(201);
    let rows = await ledger('milestone', ms.body.id);
    expect(pending(rows, 'milestone_due_soon').map((r) => r.occurrence)).toEqual(['T-7', 'T-7', 'T-7', 'T-7']);
    expect(recipients(pending(rows, 'milestone_due_tomorrow'))).toEqual(sorted(tm.responsible.person.id, tm.deputy.person.id));
    expect(recipients(pending(rows, 'milestone_overdue'))).toEqual(sorted(tm.responsible.person.id, tm.deputy.person.id));
    const msg = await render(rowOf(rows, 'milestone_due_soon', tm.deputy, 'T-7').id);
    expect(msg).toMatchObject({ title: `Meilenstein in 20 Tagen fällig: Standorte abgestimmt`, link: `/measures/${m.id}` });
    expect(msg!.text).toContain(`(Frist ${formatGermanDate(addDays(berlinToday(), 20))})`);
    expect(msg!.text).toContain('Sie sind als Vertretung eingetragen.');

    await request(t.server).patch(`/api/v1/measures/${m.id}/milestones/${ms.body.id}`).set(tm.responsible.auth).set('If-Match', `"${ms.body.version}"`).send({ done: true }).expect(200);
    rows = await ledger('milestone', ms.body.id);
    expect(rows.filter((r) => r.state === 'pending')).toEqual([]);
    expect(await render(rowOf(rows, 'milestone_overdue', tm.responsible).id)).toBeNull();
  });

  it('renders German text with titles only, and drops what no longer applies', async () => {
    const tm = await team();
    // Agreed 20 days ago with a deadline 16 days ago: the ladder up to the coordinators is due.
    const then = new Date(Date.now() - 20 * DAY);
    const deadline = addDays(berlinToday(), -16);
    const view = await t.app.get(MeasuresService).create(actor(tm.coordinator), { ...measureBody(tm), deadline, title: `REM Überfällig ${randomUUID().slice(0, 6)}` }, then);
    const id = view.measure.id;
    const rows = await ledger('measure', id);
    expect(pending(rows, 'measure_due_soon')).toEqual([]); // its time had passed when the measure was agreed
    expect(await render(rowOf(rows, 'measure_due_tomorrow', tm.responsible).id)).toBeNull(); // overdue by now
    const overdue = await render(rowOf(rows, 'measure_overdue', tm.responsible).id);
    expect(overdue).toEqual({
      title: `Überfällig: ${view.measure.title}`,
      text: `Die Maßnahme „${view.measure.title}“ ist seit 16 Tagen überfällig (Frist ${formatGermanDate(deadline)}). Bitte aktualisieren Sie den Stand oder lassen Sie eine neue Frist vereinbaren. Sie sind als verantwortliche Person eingetragen.`,
      link: `/measures/${id}`,
    });
    const lead = await render(rowOf(rows, 'measure_overdue_leadership', tm.leader).id);
    expect(lead!.text).toContain(`Verantwortlich: ${tm.responsible.person.displayName}`);
    const coord = await render(rowOf(rows, 'measure_overdue_coordinators', tm.coordinator).id);
    expect(coord!.text).toContain('Tagesordnung des nächsten Rapports');
    for (const msg of [overdue, lead, coord]) expect(JSON.stringify(msg)).not.toContain(SECRET);

    // Escalated to the coordinators, the measure is on the next rapport's generated agenda.
    const agencyA = await t.make.agency({ kind: 'police' });
    await t.make.person(['liaison'], { agency: agencyA });
    const meeting = await plannedMeeting(tm.coordinator, [agencyA.id], new Date(Date.now() + 10 * DAY));
    await request(t.server).post(`/api/v1/rapports/${meeting!.id}/status`).set(tm.coordinator.auth).set('If-Match', `"${meeting!.version}"`).send({ status: 'convened' }).expect(200);
    const [item] = (await t.db.query(`SELECT source FROM agenda_items WHERE rapport_id = $1 AND kind = 'measures'`, [meeting!.id])) as Array<{ source: { measureIds: string[] } }>;
    expect(item!.source.measureIds).toContain(id);

    // Someone else is responsible now: the old responsible person's reminder no longer applies.
    await t.db.query(`UPDATE measures SET responsible_id = $2 WHERE id = $1`, [id, tm.liaison.person.id]);
    expect(await render(rowOf(rows, 'measure_overdue', tm.responsible).id)).toBeNull();
    await t.db.query(`UPDATE measures SET status = 'cancelled', status_reason = 'x' WHERE id = $1`, [id]);
    expect(await render(rowOf(rows, 'measure_overdue_coordinators', tm.coordinator).id)).toBeNull();
  });
});

describe('meetings', () => {
  /** Agency A (two liaisons, its leadership), agency B (one liaison), a coordinator, a guest invited by name, an outsider. */
  async function meetingTeam() {
    const agencyA = await t.make.agency({ kind: 'police' });
    const agencyB = await t.make.agency({ kind: 'youth_office' });
    const coordinator = await t.make.person(['coordinator']);
    const a1 = await t.make.person(['liaison'], { agency: agencyA });
    const a2 = await t.make.person(['liaison'], { agency: agencyA });
    const leadA = await t.make.person(['leadership'], { agency: agencyA });
    const b1 = await t.make.person(['liaison'], { agency: agencyB });
    const guest = await t.make.person(['liaison']);
    const outsider = await t.make.person(['liaison']);
    return { agencyA, agencyB, coordinator, a1, a2, leadA, b1, guest, outsider };
  }
  type MT = Awaited<ReturnType<typeof meetingTeam>>;

  const move = (tm: MT, id: string, version: number, startsAt: string) =>
    request(t.server).patch(`/api/v1/rapports/${id}`).set(tm.coordinator.auth).set('If-Match', `"${version}"`).send({ startsAt }).expect(200);
  const setStatus = (tm: MT, id: string, b: object) => request(t.server).post(`/api/v1/rapports/${id}/status`).set(tm.coordinator.auth).send(b).expect(200);

  it('convene invites at once with the .ics, calls for developments 7 days and sends the agenda 2 days before; a move announces the update and moves them; a cancellation withdraws all but itself', async () => {
    const tm = await meetingTeam();
    let meeting = await plannedMeeting(tm.coordinator, [tm.agencyA.id, tm.agencyB.id], new Date('2027-03-02T09:00:00.000Z'));
    // Tuesday 09.03.2027 10:00 Berlin (CET).
    let res = await move(tm, meeting.id, meeting.version, '2027-03-09T09:00:00.000Z');
    let rows = await ledger('rapport', meeting.id);
    // Planned: only the call to the liaisons of the participating agencies.
    expect(recipients(pending(rows, 'rapport_call_for_developments'))).toEqual(sorted(tm.a1.person.id, tm.a2.person.id, tm.b1.person.id));
    expect(dues(pending(rows, 'rapport_call_for_developments'))).toEqual(['2027-03-02T07:00:00.000Z']);
    expect(rows.filter((r) => r.kind !== 'rapport_call_for_developments')).toEqual([]);

    const before = Date.now();
    res = await setStatus(tm, meeting.id, { status: 'convened', personIds: [tm.guest.person.id] });
    rows = await ledger('rapport', meeting.id);
    const invitees = sorted(tm.a1.person.id, tm.a2.person.id, tm.b1.person.id, tm.guest.person.id);
    expect(recipients(pending(rows, 'rapport_invitation'))).toEqual(invitees);
    for (const r of pending(rows, 'rapport_invitation')) expect(Math.abs(r.due_at.getTime() - before)).toBeLessThan(60_000);
    expect(recipients(pending(rows, 'rapport_agenda'))).toEqual(invitees);
    expect(dues(pending(rows, 'rapport_agenda'))).toEqual(['2027-03-07T07:00:00.000Z']);
    expect(pending(rows, 'rapport_update')).toEqual([]); // the move before convening is no update for anyone
    expect(rows.some((r) => r.recipient_id === tm.outsider.person.id || r.recipient_id === tm.leadA.person.id)).toBe(false);

    const invitation = await render(rowOf(rows, 'rapport_invitation', tm.a1).id);
    expect(invitation!.title).toMatch(/^Einladung: REM Rapport .* am 09\.03\.2027 um 10:00 Uhr$/);
    expect(invitation!.text).toContain('Ort: Rathaus, Raum 204');
    const ics = String(invitation!.attachments![0]!.content);
    expect(ics).toContain('METHOD:REQUEST');
    // The same invitation as the calendar API's: UID and SEQUENCE.
    const api = await request(t.server).get(`/api/v1/rapports/${meeting.id}/ics`).set(tm.a1.auth).expect(200);
    const line = (s: string, name: string) => s.split('\r\n').find((l) => l.startsWith(`${name}:`));
    expect(line(ics, 'UID')).toBe(`UID:rapport-${meeting.id}@drogenrapport`);
    expect(line(ics, 'UID')).toBe(line(api.text, 'UID'));
    expect(line(ics, 'SEQUENCE')).toBe(line(api.text, 'SEQUENCE'));
    const agenda = await render(rowOf(rows, 'rapport_agenda', tm.guest).id);
    expect(agenda!.text).toContain('Tagesordnung:');
    expect(await render(rowOf(rows, 'rapport_call_for_developments', tm.b1).id)).toMatchObject({ title: 'Bitte Entwicklungen erfassen: Rapport am 09.03.2027 um 10:00 Uhr' });

    // One invitation went out already.
    const sent = rowOf(rows, 'rapport_invitation', tm.a2);
    await t.db.query(`UPDATE reminders SET state = 'sent', sent_at = now() WHERE id = $1`, [sent.id]);

    // Moved a week on: an update (occurrence = the new SEQUENCE) at once; the call and the agenda move.
    meeting = (await t.db.query(`SELECT id, version FROM rapports WHERE id = $1`, [meeting.id]))[0];
    res = await move(tm, meeting.id, meeting.version, '2027-03-16T09:00:00.000Z');
    expect((await t.db.query(`SELECT sequence FROM rapports WHERE id = $1`, [meeting.id]))[0].sequence).toBe(2);
    rows = await ledger('rapport', meeting.id);
    expect(recipients(pending(rows, 'rapport_update'))).toEqual(invitees);
    expect(pending(rows, 'rapport_update').every((r) => r.occurrence === '2')).toBe(true);
    expect(dues(pending(rows, 'rapport_call_for_developments'))).toEqual(['2027-03-09T07:00:00.000Z']);
    expect(dues(pending(rows, 'rapport_agenda'))).toEqual(['2027-03-14T07:00:00.000Z']);
    const update = await render(rowOf(rows, 'rapport_update', tm.a2, '2').id);
    expect(update!.title).toMatch(/^Geändert: REM Rapport .* jetzt am 16\.03\.2027 um 10:00 Uhr$/);
    expect(String(update!.attachments![0]!.content)).toContain('SEQUENCE:2');

    // Cancelled: only the cancellation (METHOD:CANCEL) is left pending; what went out stays sent.
    const reason = `Vertraulicher Absagegrund ${randomUUID()}`;
    await setStatus(tm, meeting.id, { status: 'cancelled', reason });
    rows = await ledger('rapport', meeting.id);
    expect([...new Set(rows.filter((r) => r.state === 'pending').map((r) => r.kind))]).toEqual(['rapport_cancellation']);
    expect(recipients(pending(rows, 'rapport_cancellation'))).toEqual(invitees);
    expect(rows.find((r) => r.id === sent.id)!.state).toBe('sent');
    const cancellation = await render(rowOf(rows, 'rapport_cancellation', tm.a1).id);
    expect(cancellation!.title).toMatch(/^Abgesagt: REM Rapport .* am 16\.03\.2027 um 10:00 Uhr$/);
    expect(String(cancellation!.attachments![0]!.content)).toContain('METHOD:CANCEL');
    expect(JSON.stringify(cancellation)).not.toContain(reason);
    // A reminder still waiting for a worker no longer applies once the meeting is cancelled.
    expect(await render(rowOf(rows, 'rapport_invitation', tm.b1).id)).toBeNull();
    expect(await render(rowOf(rows, 'rapport_agenda', tm.b1).id)).toBeNull();
  });

  it('minutes published: a notice with the link to the minutes and the PDF; someone invited later gets their own invitation', async () => {
    const tm = await meetingTeam();
    const meeting = await plannedMeeting(tm.coordinator, [tm.agencyA.id, tm.agencyB.id], new Date(Date.now() + 10 * DAY));
    await setStatus(tm, meeting.id, { status: 'convened' });
    await request(t.server).post(`/api/v1/rapports/${meeting.id}/invitations`).set(tm.coordinator.auth).send({ personIds: [tm.guest.person.id] }).expect((r) => expect(r.status).toBeLessThan(300));
    let rows = await ledger('rapport', meeting.id);
    expect(recipients(pending(rows, 'rapport_invitation'))).toContain(tm.guest.person.id);

    const [{ starts_at: startsAt }] = await t.db.query(`SELECT starts_at FROM rapports WHERE id = $1`, [meeting.id]);
    const after = new Date(startsAt.getTime() + 3 * HOUR);
    const rapports = t.app.get(RapportsService);
    await rapports.changeStatus(actor(tm.coordinator), meeting.id, { status: 'held' }, undefined, after);
    rows = await ledger('rapport', meeting.id);
    expect(rows.filter((r) => r.state === 'pending')).toEqual([]); // nothing left to say before the minutes
    await rapports.changeStatus(actor(tm.coordinator), meeting.id, { status: 'minutes_published' }, undefined, new Date(after.getTime() + DAY));
    rows = await ledger('rapport', meeting.id);
    expect(recipients(pending(rows, 'rapport_minutes_published'))).toEqual(sorted(tm.a1.person.id, tm.a2.person.id, tm.b1.person.id, tm.guest.person.id));
    const msg = await render(rowOf(rows, 'rapport_minutes_published', tm.b1).id);
    expect(msg).toMatchObject({ link: `/rapports/${meeting.id}/minutes` });
    expect(msg!.text).toContain(`/api/v1/rapports/${meeting.id}/minutes.pdf`);
  });
});

describe('escalations', () => {
  async function district(): Promise<District> {
    const r = t.db.getRepository(District);
    return r.save(r.create({ name: `REM-Bezirk ${randomUUID().slice(0, 6)}`, code: `REM-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
  }
  async function develop(by: TestPerson, over: Partial<Development>): Promise<string> {
    const res = await t.db.getRepository(Development).insert({
      category: 'syringe_finds', observedAt: new Date(Date.now() - HOUR), lat: 51.3, lon: 12.2, placeId: null, districtId: null, count: 3, substances: [], severity: 2,
      description: SECRET, reportingAgencyId: by.agency.id, reporterId: by.person.id, visibility: 'all', visibleAgencyIds: [], ...over,
    });
    return String(res.identifiers[0]!.id);
  }

  it('a raised escalation goes to every coordinator at once; each sees only the count of linked developments they may see', async () => {
    const police = await t.make.agency({ kind: 'police' });
    const raiser = await t.make.person(['liaison'], { agency: police });
    const policeCoordinator = await t.make.person(['coordinator'], { agency: police });
    const otherCoordinator = await t.make.person(['coordinator']);
    const d = await district();
    const hidden = await develop(raiser, { districtId: d.id, visibility: 'own_agency' });
    const text = `Vertraulicher Eskalationstext ${randomUUID()}`;
    const res = await request(t.server).post('/api/v1/escalations').set(raiser.auth).send({ reason: 'many_syringe_finds', text, developmentIds: [hidden] }).expect(201);
    const rows = await ledger('escalation', res.body.id);
    const to = recipients(pending(rows, 'escalation_proposed'));
    expect(to).toEqual(expect.arrayContaining([policeCoordinator.person.id, otherCoordinator.person.id]));
    expect(to).not.toContain(raiser.person.id);
    expect(pending(rows, 'escalation_sensitive_breach')).toEqual([]);

    const own = await render(rowOf(rows, 'escalation_proposed', policeCoordinator).id);
    expect(own!.title).toBe('Eskalation vorgeschlagen: viele Spritzenfunde');
    expect(own!.text).toContain('Verknüpfte Entwicklungen, die Sie sehen dürfen: 1.');
    // The other coordinator may not see the police-only development: no count at all, nothing derived from it.
    const other = await render(rowOf(rows, 'escalation_proposed', otherCoordinator).id);
    expect(other!.text).not.toMatch(/Entwicklung/);
    expect(other!.link).toBe(`/escalations/${res.body.id}`);
    for (const msg of [own, other]) {
      expect(JSON.stringify(msg)).not.toContain(text);
      expect(JSON.stringify(msg)).not.toContain(SECRET);
    }

    // Dismissed: the pending proposals are withdrawn, and one still in a worker's hands no longer renders.
    await request(t.server).post(`/api/v1/escalations/${res.body.id}/dismiss`).set(otherCoordinator.auth).set('If-Match', '"1"').send({ reason: 'Lage beruhigt' }).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await ledger('escalation', res.body.id)).filter((r) => r.state === 'pending')).toEqual([]);
    expect(await render(rowOf(rows, 'escalation_proposed', otherCoordinator).id)).toBeNull();
  });

  it('a threshold breach near a particularly sensitive place also goes to the leadership, naming the rule and the place', async () => {
    const coordinator = await t.make.person(['coordinator']);
    const leader = await t.make.person(['leadership']);
    const liaison = await t.make.person(['liaison']);
    const d = await district();
    const a = await claimTestArea(t.db);
    const kita = await t.db.getRepository(Place).save(t.db.getRepository(Place).create({
      name: `REM-Kita ${randomUUID().slice(0, 6)}`, kind: 'sensitive', sensitiveKind: 'kindergarten', lat: a.lat, lon: a.lon, districtId: d.id, address: null, active: true,
    }));
    const rule = await request(t.server).post('/api/v1/threshold-rules').set(coordinator.auth)
      .send({ name: `REM-TEST ${randomUUID().slice(0, 8)}`, categories: ['syringe_finds'], scopeKind: 'sensitive', windowDays: 1, minCount: 2 }).expect(201);
    await develop(liaison, { nearestSensitivePlaceId: kita.id, districtId: d.id });
    await develop(liaison, { nearestSensitivePlaceId: kita.id, districtId: d.id });
    const rules = t.app.get(EscalationRulesService);
    await rules.evaluate(await t.db.getRepository(ThresholdRule).findOneByOrFail({ id: rule.body.id }), kita.id, new Date());
    // Whoever opened it (another suite's worker may sweep first): one proposal for the rule and place.
    const [proposal] = (await t.db.query(`SELECT id FROM escalations WHERE rule_id = $1 AND scope_id = $2 AND status = 'proposed'`, [rule.body.id, kita.id])) as Array<{ id: string }>;
    const rows = await ledger('escalation', proposal!.id);
    expect(recipients(pending(rows, 'escalation_proposed'))).toContain(coordinator.person.id);
    const leaders = recipients(pending(rows, 'escalation_sensitive_breach'));
    expect(leaders).toContain(leader.person.id);
    expect(leaders).not.toContain(coordinator.person.id);
    const msg = await render(rowOf(rows, 'escalation_sensitive_breach', leader).id);
    expect(msg!.title).toBe('Schwelle überschritten bei einer besonders schutzwürdigen Einrichtung: viele Spritzenfunde');
    expect(msg!.text).toContain(`Die Schwellenregel „${rule.body.name}“ schlägt in der Nähe von ${kita.name} (Bezirk ${d.name}) eine Eskalation vor`);
    expect(msg!.text).toContain('Verknüpfte Entwicklungen, die Sie sehen dürfen: 2.');
  });
});

describe('weekly leadership digest', () => {
  it('plans one per leadership person and ISO week (Monday 08:00 Berlin), also when two workers plan at once, and renders what the person may see', async () => {
    const leader = await t.make.person(['leadership']);
    const liaison = await t.make.person(['liaison']);
    await Promise.all([1, 2, 3].map(() => t.db.transaction((m) => planLeadershipDigests(m))));
    const rows = (await t.db.query(
      `SELECT id, kind, occurrence, recipient_id, channel, due_at, state FROM reminders WHERE kind = 'leadership_weekly_digest' AND recipient_id = ANY($1::uuid[]) ORDER BY occurrence`,
      [[leader.person.id, liaison.person.id]],
    )) as Row[];
    const weeks = digestWeeks(new Date()).filter((w) => w.at.getTime() >= Date.now() || rows.some((r) => r.occurrence === w.week));
    // Digests go by e-mail by default (DEFAULT_CHANNELS), one row per person, week and channel.
    expect(rows.map((r) => [r.occurrence, r.recipient_id, r.channel, r.due_at.toISOString()])).toEqual(weeks.map((w) => [w.week, leader.person.id, 'email', w.at.toISOString()]));
    const msg = await render(rows.at(-1)!.id);
    expect(msg!.title).toMatch(/^Wochenüberblick KW \d+\/\d{4}$/);
    expect(msg!.text).toMatch(/Maßnahmen: geplant: \d+, in Arbeit: \d+, erledigt: \d+, blockiert: \d+, abgebrochen: \d+\./);
    expect(msg!.text).toMatch(/Offene Eskalationen: \d+\./);
    expect(msg!.link).toBe('/dashboard');
    // Not (or no longer) leadership: nothing to say.
    const fake = { ...(await t.db.getRepository(Reminder).findOneByOrFail({ id: rows.at(-1)!.id })), recipientId: liaison.person.id };
    expect(await REMINDER_RENDERERS.leadership_weekly_digest!(new RenderReads(t.db.manager), fake)).toBeNull();
  });

  it('is the worker\'s periodic leadership-digest job; two workers running it plan one row per person, channel and week', async () => {
    const prefix = `drtest_digest_${process.pid}`;
    const contexts: INestApplicationContext[] = [];
    try {
      for (let i = 0; i < 2; i++) contexts.push(await createWorkerContext(testConfig({ QUEUE_PREFIX: prefix }), createLogger('error', 'worker-test')));
      const [a, b] = contexts as [INestApplicationContext, INestApplicationContext];
      const scheduler = await a.get(QueueBackend).queue('maintenance').getJobScheduler('leadership-digest');
      expect(Number(scheduler?.every)).toBe(LEADERSHIP_DIGEST_INTERVAL_MS);
      const leader = await t.make.person(['leadership']);
      await Promise.all([a.get(LeadershipDigestProcessor).plan(), b.get(LeadershipDigestProcessor).plan()]);
      const [{ n, distinct }] = await t.db.query(
        `SELECT count(*)::int AS n, count(DISTINCT occurrence)::int AS distinct FROM reminders WHERE kind = 'leadership_weekly_digest' AND recipient_id = $1`, [leader.person.id],
      );
      expect(n).toBe(distinct);
      expect(n).toBeGreaterThanOrEqual(1);
    } finally {
      for (const c of contexts) await c.close();
    }
  });
});
