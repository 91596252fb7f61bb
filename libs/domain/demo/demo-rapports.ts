import type { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import type { Agency } from '../agencies/agency.entity.js';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { addDays, berlinStartOfDay, berlinToday } from '../common/berlin-time.js';
import { EscalationRulesService } from '../escalations/escalation-rules.service.js';
import { EscalationsService } from '../escalations/escalations.service.js';
import { ThresholdRulesService } from '../escalations/threshold-rules.service.js';
import { KeyFiguresService } from '../key-figures/key-figures.service.js';
import { MeasuresService } from '../measures/measures.service.js';
import type { Person } from '../people/person.entity.js';
import type { Place } from '../places/place.entity.js';
import { AgendaService } from '../rapports/agenda.service.js';
import { MinutesService } from '../rapports/minutes.service.js';
import { RapportSeriesService } from '../rapports/rapport-series.service.js';
import { RapportsService } from '../rapports/rapports.service.js';
import { nextOccurrences, type Recurrence } from '../rapports/recurrence.js';

/**
 * The rapports of the demo city "Lindenbrück", made through the same domain services as through
 * the API (so the demo obeys the same rules): a series every two months whose first two meetings
 * were convened, held and their minutes published with agreed measures, the third convened with its
 * generated agenda (the coordinator added a topic per discussed item to the held ones, and each minutes
 * entry is written under its topic); a threshold rule on syringe finds near particularly sensitive places, evaluated
 * once so that it proposes an escalation for Kita Sonnenschein, and the extended rapport convened
 * from it. The past is replayed by passing the services the time of each step. Minutes describe
 * places and work, never people.
 */
export interface DemoRapportContext {
  agencies: Map<string, Agency>;
  people: Map<string, Person>;
  places: Map<string, Place>;
}

export const DEMO_SERIES_TITLE = 'Drogenrapport Lindenbrück';
export const DEMO_RULE_NAME = 'Spritzenfunde im Umfeld besonders sensibler Orte';
const RRULE = 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU';
const SERIES_AGENCIES = ['POL-MITTE', 'OA', 'JA', 'DH-SUCHT', 'STADTREIN', 'STREETWORK', 'GA', 'SOZ', 'QM-OST'];
const EXTENDED_AGENCIES = ['POL-MITTE', 'OA', 'JA', 'STADTREIN', 'GA', 'SOZ'];
const HOUR = 3600_000;
const DAY = 24 * HOUR;

const MAIL = {
  coordinator: 'koordination@demo.drogenrapport.invalid',
  police: 'polizei@demo.drogenrapport.invalid',
  order: 'ordnungsamt@demo.drogenrapport.invalid',
  youth: 'jugendamt@demo.drogenrapport.invalid',
  help: 'drogenhilfe@demo.drogenrapport.invalid',
  street: 'streetwork@demo.drogenrapport.invalid',
  cleaning: 'stadtreinigung@demo.drogenrapport.invalid',
};

interface HeldMeeting {
  entries: Array<{ heading: string; notes: string; decisions: string }>;
  /** Agreed in the entry with the same index; deadlines in days from today (the measures still run). */
  measures: Array<{ entry: number; title: string; description: string; agency: string; responsible: string; deadline: number; place?: string }>;
}

const HELD: HeldMeeting[] = [
  {
    entries: [
      { heading: 'Lage am Stadtpark Ost', notes: 'Die Spritzenfunde am Spielplatzrand und am Zaun der Kita Sonnenschein nehmen seit Wochen zu. Die Kita berichtet von Funden am Außenzaun.', decisions: 'Polizei und Ordnungsamt prüfen gemeinsame Schwerpunktkontrollen; die Stadtreinigung verstärkt die Reinigung.' },
      { heading: 'Bahnhofsvorplatz', notes: 'Anhaltende Beschwerden von Gewerbetreibenden und Fahrgästen über Verunreinigung am Abend.', decisions: 'Das Ordnungsamt lädt die Gewerbetreibenden zu einem gemeinsamen Termin ein.' },
    ],
    measures: [
      { entry: 0, title: 'Reinigungsintervall am Spielplatzrand im Stadtpark Ost verdoppeln', description: 'Zweimal täglich Kontrolle und Reinigung des Spielplatzrands und des Kita-Zauns.', agency: 'STADTREIN', responsible: MAIL.cleaning, deadline: 45, place: 'scene-park' },
    ],
  },
  {
    entries: [
      { heading: 'Stadtpark Ost: Zwischenbilanz', notes: 'Seit den Schwerpunktkontrollen gehen die Funde am Spielplatzrand zurück; die Kita meldet Entspannung.', decisions: 'Präsenz wird fortgesetzt und in der nächsten Sitzung erneut bewertet.' },
      { heading: 'Uferweg am Kanal', notes: 'Streetwork und Stadtreinigung melden eine neue Ansammlung und vermehrte Spritzenfunde am Uferweg; vermutlich eine Verdrängung aus dem Stadtpark.', decisions: 'Die Suchtberatung baut die aufsuchende Beratung am Uferweg aus; das Ordnungsamt beobachtet die Lage.' },
    ],
    measures: [
      { entry: 1, title: 'Lagebild Uferweg: wöchentliche Begehung mit Streetwork', description: 'Wöchentliche gemeinsame Begehung von Ordnungsamt und Streetwork; Ergebnisse für den nächsten Drogenrapport.', agency: 'OA', responsible: MAIL.order, deadline: 30, place: 'scene-ufer' },
      { entry: 0, title: 'Elterninformation der Kita Sonnenschein zur Lage im Park', description: 'Kurze schriftliche Information der Eltern über die vereinbarten Maßnahmen und Ansprechpartner.', agency: 'JA', responsible: MAIL.youth, deadline: 14, place: 'kita-sonnenschein' },
    ],
  },
];

/**
 * A DataSource as the domain services use it (transaction, manager, getRepository, query), bound to
 * the demo seed's transaction: everything the services do runs there (their own transactions become
 * savepoints), so the demo city is stored whole or not at all, under the seed's advisory lock.
 */
function transactionBound(m: EntityManager): DataSource {
  return {
    manager: m,
    transaction: (...args: unknown[]) => (m.transaction as (...a: unknown[]) => Promise<unknown>)(...args),
    getRepository: (target: unknown) => m.getRepository(target as never),
    query: (sql: string, params?: unknown[]) => m.query(sql, params),
  } as unknown as DataSource;
}

/**
 * The series starts on the first of a month chosen so that its first two meetings lie in the past
 * (more than a day back, so they can be held) and the third at least a day ahead (so it can be convened).
 */
function seriesStart(now: Date): { recurrence: Recurrence; meetings: Date[] } {
  const today = berlinToday(now);
  for (let monthsBack = 2; monthsBack <= 6; monthsBack++) {
    const d = new Date(`${today.slice(0, 7)}-01T12:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() - monthsBack);
    const recurrence: Recurrence = { rrule: RRULE, startDate: d.toISOString().slice(0, 10), startTime: '10:00' };
    const meetings = nextOccurrences(recurrence, berlinStartOfDay(recurrence.startDate), 3);
    if (meetings.length === 3 && meetings[1]!.getTime() < now.getTime() - DAY && meetings[2]!.getTime() > now.getTime() + DAY) return { recurrence, meetings };
  }
  throw new Error('demo rapports: no series start puts two meetings behind and one ahead');
}

/** The series' planned meeting (the series keeps exactly one ahead). */
async function plannedMeeting(m: EntityManager, seriesId: string): Promise<string | undefined> {
  const [row] = await m.query(`SELECT id FROM rapports WHERE series_id = $1 AND status = 'planned' ORDER BY starts_at LIMIT 1`, [seriesId]) as Array<{ id: string }>;
  return row?.id;
}

export interface DemoRapportResult {
  seriesId: string;
  heldIds: string[];
  convenedId: string;
  ruleId: string;
  escalationId: string;
  extendedId: string;
}

export async function loadDemoRapports(m: EntityManager, ctx: DemoRapportContext, now = new Date()): Promise<DemoRapportResult> {
  const person = (mail: string) => {
    const p = ctx.people.get(mail);
    if (!p) throw new Error(`demo rapports: unknown person ${mail}`);
    return p;
  };
  const agency = (code: string) => {
    const a = ctx.agencies.get(code);
    if (!a) throw new Error(`demo rapports: unknown agency ${code}`);
    return a.id;
  };
  const kita = ctx.places.get('kita-sonnenschein');
  if (!kita) throw new Error('demo rapports: Kita Sonnenschein is missing');
  const c = person(MAIL.coordinator);
  const coordinator: Actor = { id: c.id, agencyId: c.agencyId, roles: c.roles, accessConfirmed: true };

  const db = transactionBound(m);
  const audit = new AuditService(m.getRepository(AuditEntry));
  const measures = new MeasuresService(db, audit);
  const seriesService = new RapportSeriesService(db, audit);
  const rapports = new RapportsService(db, audit);
  const minutes = new MinutesService(db, audit, measures);
  const agenda = new AgendaService(db, audit, new KeyFiguresService(db, audit, new AppConfig()));
  const rules = new ThresholdRulesService(db, audit);
  const ruleEvaluation = new EscalationRulesService(db, audit);
  const escalations = new EscalationsService(db, audit, rapports);

  // The series, created (as it was) three weeks before its first meeting.
  const { recurrence, meetings } = seriesStart(now);
  const series = await seriesService.create(coordinator, {
    title: DEMO_SERIES_TITLE, agencyIds: SERIES_AGENCIES.map(agency), ...recurrence,
    location: 'Rathaus Lindenbrück, Sitzungssaal 2', durationMinutes: 120,
  }, new Date(meetings[0]!.getTime() - 21 * DAY));

  const heldIds: string[] = [];
  for (const [i, held] of HELD.entries()) {
    const at = meetings[i]!;
    const id = await plannedMeeting(m, series.series.id);
    if (!id) throw new Error('demo rapports: the series did not plan its next meeting');
    const convened = await rapports.changeStatus(coordinator, id, { status: 'convened' }, undefined, new Date(at.getTime() - 14 * DAY));
    // The coordinator adds a topic for each discussion; the minutes are written under them.
    const itemIds: string[] = [];
    for (const e of held.entries) itemIds.push((await agenda.addItem(coordinator, id, e.heading)).id);
    // Everyone came except the one invitee of the last agency, who was excused.
    const invitees = convened.invitations.map((inv) => inv.personId);
    await rapports.recordAttendance(coordinator, id, invitees.map((personId, k) => ({ personId, attendance: k === invitees.length - 1 ? 'excused' : 'present' })), new Date(at.getTime() + 2 * HOUR));
    await rapports.changeStatus(coordinator, id, { status: 'held' }, undefined, new Date(at.getTime() + 2 * HOUR));
    const entryIds: string[] = [];
    for (const [k, e] of held.entries.entries()) entryIds.push((await minutes.addEntry(coordinator, id, { notes: e.notes, decisions: e.decisions, agendaItemId: itemIds[k] })).id);
    for (const ms of held.measures) {
      await minutes.agreeMeasure(coordinator, id, entryIds[ms.entry]!, {
        title: ms.title, description: ms.description, owningAgencyId: agency(ms.agency), responsibleId: person(ms.responsible).id,
        deadline: addDays(berlinToday(now), ms.deadline), priority: 'high', placeIds: ms.place ? [ctx.places.get(ms.place)!.id] : [],
      });
    }
    // Three days after the meeting, or an hour ago when the meeting was only yesterday (a publication lies in the past).
    await rapports.changeStatus(coordinator, id, { status: 'minutes_published' }, undefined, new Date(Math.min(at.getTime() + 3 * DAY, now.getTime() - HOUR)));
    heldIds.push(id);
  }

  // The next meeting, convened now: its agenda builds itself from what happened since the last one.
  const nextId = await plannedMeeting(m, series.series.id);
  if (!nextId) throw new Error('demo rapports: the series has no meeting ahead');
  const convened = await rapports.changeStatus(coordinator, nextId, { status: 'convened' }, undefined, now);

  // The rule fires on the finds around Kita Sonnenschein (demo developments); evaluated once, as the worker would.
  const rule = await rules.create(coordinator, {
    name: DEMO_RULE_NAME, categories: ['syringe_finds'], scopeKind: 'sensitive', windowDays: 28, minCount: 3, risePercent: null,
  });
  await ruleEvaluation.evaluateAll(now);
  const [proposal] = await m.query(
    `SELECT id FROM escalations WHERE rule_id = $1 AND scope_id = $2 AND status = 'proposed'`, [rule.id, kita.id],
  ) as Array<{ id: string }>;
  if (!proposal) throw new Error('demo rapports: the rule did not fire near Kita Sonnenschein');

  // The coordinator convenes the extended rapport with leadership for it, next week at 14:00.
  const startsAt = new Date(berlinStartOfDay(addDays(berlinToday(now), 7)).getTime() + 14 * HOUR);
  const extended = await escalations.convene(coordinator, proposal.id, {
    title: 'Erweiterter Drogenrapport: Umfeld Kita Sonnenschein', location: 'Rathaus Lindenbrück, Sitzungssaal 1',
    goal: 'Gemeinsam mit den Leitungen verbindlich vereinbaren, wie das Umfeld der Kita Sonnenschein dauerhaft frei von Spritzenfunden bleibt.',
    startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), agencyIds: EXTENDED_AGENCIES.map(agency),
  }, undefined, now);

  return { seriesId: series.series.id, heldIds, convenedId: convened.rapport.id, ruleId: rule.id, escalationId: proposal.id, extendedId: extended.rapport.id };
}
