import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import type { Agency } from '../agencies/agency.entity.js';
import { Development } from '../developments/development.entity.js';
import { resolveDevelopmentLocation } from '../developments/developments.service.js';
import { KeyFigure } from '../key-figures/key-figure.entity.js';
import { addDays, berlinStartOfDay, berlinToday } from '../common/berlin-time.js';
import type { MeasureEventChanges, MeasureEventKind } from '../measures/measure-event.entity.js';
import { MeasureEvent } from '../measures/measure-event.entity.js';
import type { MeasurePriority, MeasureStatus } from '../measures/measure-status.js';
import { Measure } from '../measures/measure.entity.js';
import { Milestone } from '../measures/milestone.entity.js';
import type { Person } from '../people/person.entity.js';
import { GeoLookupService } from '../places/geo-lookup.service.js';
import { planMeasureReminders } from '../notifications/rules/measure-reminders.js';
import type { Place } from '../places/place.entity.js';

/**
 * Measures of the demo city "Lindenbrück", in every state and some overdue, with key figures that
 * tell two stories on top of the demo developments (demo-developments.ts):
 * - success: the syringe finds at the Stadtpark Ost next to Kita Sonnenschein fall since the
 *   police and public order office started their focused presence about eight weeks ago;
 * - displacement: the daily cleaning and patrols around Kita Regenbogen (Westvorstadt) cut the
 *   finds there, while a new scene forms at the Uferweg about 900 m away, in the buffer ring of
 *   the key figure: the displacement watch flags it.
 * The finds around Kita Regenbogen are logged here (the developments demo has none there).
 * Nothing describes a person; the people are the invented demo officials.
 */
export interface DemoMeasureContext {
  agencies: Map<string, Agency>;
  people: Map<string, Person>;
  places: Map<string, Place>;
  config?: ConstructorParameters<typeof GeoLookupService>[0];
}

const MAIL = {
  coordinator: 'koordination@demo.drogenrapport.invalid',
  police: 'polizei@demo.drogenrapport.invalid',
  policeLead: 'polizei-leitung@demo.drogenrapport.invalid',
  order: 'ordnungsamt@demo.drogenrapport.invalid',
  youth: 'jugendamt@demo.drogenrapport.invalid',
  help: 'drogenhilfe@demo.drogenrapport.invalid',
  street: 'streetwork@demo.drogenrapport.invalid',
  cleaning: 'stadtreinigung@demo.drogenrapport.invalid',
};

interface DemoEvent {
  day: number;
  by: string;
  kind: MeasureEventKind;
  changes?: MeasureEventChanges;
  note?: string;
}

interface DemoMeasure {
  key: string;
  title: string;
  description: string;
  agency: string;
  responsible: string;
  deputy?: string;
  /** Days relative to today (Berlin). */
  start: number;
  deadline: number;
  priority: MeasurePriority;
  status: MeasureStatus;
  statusDay?: number;
  reason?: string;
  completionNote?: string;
  places?: string[];
  districts?: string[];
  milestones?: Array<{ title: string; due: number; doneDay?: number }>;
  history?: DemoEvent[];
}

const MEASURES: DemoMeasure[] = [
  {
    key: 'park-presence', title: 'Schwerpunktkontrollen und Präsenz im Stadtpark Ost',
    description: 'Tägliche gemeinsame Streifen von Polizei und Ordnungsamt am Nordeingang und am Spielplatzrand; Reinigung nach jedem Einsatz.',
    agency: 'POL-MITTE', responsible: MAIL.police, deputy: MAIL.policeLead, start: -56, deadline: 28, priority: 'urgent', status: 'in_progress', statusDay: -55,
    places: ['scene-park', 'kita-sonnenschein'],
    milestones: [{ title: 'Einsatzkonzept abgestimmt', due: -50, doneDay: -52 }, { title: 'Zwischenbilanz im Drogenrapport', due: 14 }],
    history: [
      { day: -55, by: MAIL.police, kind: 'status_changed', changes: { status: { old: 'planned', new: 'in_progress' } } },
      { day: -30, by: MAIL.police, kind: 'progress_note', note: 'Präsenz zeigt Wirkung: deutlich weniger Funde am Spielplatzrand, Kita meldet Entspannung.' },
      { day: -9, by: MAIL.policeLead, kind: 'progress_note', note: 'Streifen auf die Abendstunden verlegt; Ordnungsamt übernimmt die Vormittage.' },
    ],
  },
  {
    key: 'kita-wall', title: 'Mauer an der Kita Sonnenschein erhöhen und abschrägen',
    description: 'Die Mauer zum Park wird erhöht und oben abgeschrägt, damit dort nichts mehr abgelegt werden kann.',
    agency: 'JA', responsible: MAIL.youth, start: -60, deadline: 21, priority: 'high', status: 'in_progress', statusDay: -40, places: ['kita-sonnenschein'],
    milestones: [{ title: 'Angebot der Baufirma liegt vor', due: -30, doneDay: -33 }, { title: 'Bauauftrag erteilt', due: 0, doneDay: -2 }, { title: 'Bauabnahme', due: 20 }],
    history: [
      { day: -40, by: MAIL.youth, kind: 'status_changed', changes: { status: { old: 'planned', new: 'in_progress' } } },
      { day: -2, by: MAIL.youth, kind: 'progress_note', note: 'Auftrag ist erteilt, Baubeginn in der kommenden Woche.' },
    ],
  },
  {
    key: 'bins', title: 'Zwei zusätzliche Spritzenabwurfbehälter im Stadtpark Ost',
    description: 'Aufstellen am Nordeingang und an der Sitzgruppe; Leerung zweimal wöchentlich.',
    agency: 'STADTREIN', responsible: MAIL.cleaning, start: -70, deadline: -35, priority: 'normal', status: 'done', statusDay: -38,
    completionNote: 'Beide Behälter stehen seit dem 1. des Monats und werden zweimal wöchentlich geleert.', places: ['scene-park'],
    history: [
      { day: -65, by: MAIL.cleaning, kind: 'status_changed', changes: { status: { old: 'planned', new: 'in_progress' } } },
      { day: -38, by: MAIL.cleaning, kind: 'status_changed', changes: { status: { old: 'in_progress', new: 'done' }, completionNote: { changed: true } }, note: 'Beide Behälter stehen und werden zweimal wöchentlich geleert.' },
    ],
  },
  {
    key: 'kita-west-zone', title: 'Schutzzone Kita Regenbogen: tägliche Reinigung und Kontrollgänge',
    description: 'Ordnungsamt und Stadtreinigung gehen täglich das Umfeld der Kita ab; Funde werden sofort entsorgt.',
    agency: 'OA', responsible: MAIL.order, start: -49, deadline: -12, priority: 'high', status: 'in_progress', statusDay: -48, places: ['kita-west'], districts: ['WEST'],
    history: [
      { day: -48, by: MAIL.order, kind: 'status_changed', changes: { status: { old: 'planned', new: 'in_progress' } } },
      { day: -20, by: MAIL.order, kind: 'progress_note', note: 'Umfeld der Kita deutlich ruhiger; am Uferweg werden neuerdings mehr Funde gemeldet.' },
    ],
  },
  {
    key: 'streetwork-position', title: 'Eine zusätzliche Streetwork-Stelle für den Bahnhofsbereich',
    description: 'Zusätzliche Vollzeitstelle für aufsuchende Arbeit am Bahnhofsvorplatz und in der Unterführung.',
    agency: 'STREETWORK', responsible: MAIL.street, start: -80, deadline: -10, priority: 'high', status: 'blocked', statusDay: -25,
    reason: 'Die Stellenfreigabe durch den Haushalt steht noch aus.', places: ['scene-bahnhof'],
    history: [
      { day: -70, by: MAIL.street, kind: 'status_changed', changes: { status: { old: 'planned', new: 'in_progress' } } },
      { day: -25, by: MAIL.street, kind: 'status_changed', changes: { status: { old: 'in_progress', new: 'blocked' }, statusReason: { changed: true } }, note: 'Die Stellenfreigabe durch den Haushalt steht noch aus.' },
    ],
  },
  {
    key: 'traders', title: 'Runder Tisch mit Gewerbetreibenden am Bahnhofsvorplatz',
    description: 'Einladung der Gewerbetreibenden und der Wohnungsgesellschaft zu einem gemeinsamen Termin.',
    agency: 'OA', responsible: MAIL.order, start: -30, deadline: -3, priority: 'normal', status: 'planned', places: ['scene-bahnhof'],
  },
  {
    key: 'underpass-light', title: 'Beleuchtung der Unterführung Lindenbrücke verbessern',
    description: 'Hellere Leuchten und ein zusätzlicher Lichtpunkt am Treppenaufgang.',
    agency: 'STADTREIN', responsible: MAIL.cleaning, start: -5, deadline: 60, priority: 'low', status: 'planned', places: ['scene-bruecke'],
    milestones: [{ title: 'Ortstermin mit den Stadtwerken', due: 14 }],
  },
  {
    key: 'outreach-ufer', title: 'Aufsuchende Beratung am Uferweg ausbauen',
    description: 'Zwei zusätzliche Beratungszeiten pro Woche am Uferweg, mit Spritzentausch.',
    agency: 'DH-SUCHT', responsible: MAIL.help, start: -3, deadline: 10, priority: 'urgent', status: 'planned', places: ['scene-ufer'], districts: ['WEST'],
  },
  {
    key: 'cctv', title: 'Videobeobachtung am Bahnhofsvorplatz prüfen',
    description: 'Prüfung, ob eine Videobeobachtung rechtlich möglich und verhältnismäßig ist.',
    agency: 'POL-MITTE', responsible: MAIL.police, deputy: MAIL.policeLead, start: -90, deadline: -40, priority: 'normal', status: 'cancelled', statusDay: -45,
    reason: 'Rechtliche Prüfung negativ; stattdessen mehr Präsenz vor Ort vereinbart.', places: ['scene-bahnhof'],
    history: [
      { day: -45, by: MAIL.coordinator, kind: 'status_changed', changes: { status: { old: 'planned', new: 'cancelled' }, statusReason: { changed: true } }, note: 'Rechtliche Prüfung negativ; stattdessen mehr Präsenz vor Ort vereinbart.' },
    ],
  },
];

/** Noon (Berlin) of the day `day` days from today; never in the future. */
function noon(today: string, day: number, now: Date): Date {
  return new Date(Math.min(berlinStartOfDay(addDays(today, day)).getTime() + 12 * 3600_000, now.getTime() - 3600_000));
}

export async function loadDemoMeasures(m: EntityManager, ctx: DemoMeasureContext, now = new Date()): Promise<number> {
  const today = berlinToday(now);
  const person = (mail: string) => {
    const p = ctx.people.get(mail);
    if (!p) throw new Error(`demo measures: unknown person ${mail}`);
    return p;
  };
  const place = (key: string) => {
    const p = ctx.places.get(key);
    if (!p) throw new Error(`demo measures: unknown place ${key}`);
    return p;
  };
  const coordinator = person(MAIL.coordinator);
  const districtIds = new Map<string, string>(
    (await m.query(`SELECT code, id FROM districts`) as Array<{ code: string; id: string }>).map((r) => [r.code, r.id]),
  );

  await logKitaWestFinds(m, ctx, today, now);

  const ids = new Map<string, string>();
  for (const d of MEASURES) {
    const id = randomUUID();
    ids.set(d.key, id);
    const createdAt = noon(today, d.start - 1, now);
    const statusAt = d.statusDay !== undefined ? noon(today, d.statusDay, now) : createdAt;
    await m.insert(Measure, {
      id, title: d.title, description: d.description, owningAgencyId: ctx.agencies.get(d.agency)!.id,
      responsibleId: person(d.responsible).id, deputyId: d.deputy ? person(d.deputy).id : null,
      startDate: addDays(today, d.start), deadline: addDays(today, d.deadline), priority: d.priority, status: d.status,
      statusReason: d.reason ?? null, completionNote: d.completionNote ?? null, statusChangedAt: statusAt,
      completedAt: d.status === 'done' ? statusAt : null,
      placeIds: (d.places ?? []).map((k) => place(k).id), districtIds: (d.districts ?? []).map((c) => districtIds.get(c)).filter((x): x is string => !!x),
      rapportId: null, agendaItemId: null, createdBy: coordinator.id, createdAt, updatedAt: statusAt,
    });
    const events: Array<Partial<MeasureEvent>> = [{
      measureId: id, actorId: coordinator.id, kind: 'created', at: createdAt, note: null, subjectId: null,
      changes: { title: { new: d.title }, description: { changed: true }, deadline: { new: addDays(today, d.deadline) }, status: { new: 'planned' } },
    }];
    for (const [i, ms] of (d.milestones ?? []).entries()) {
      const msId = randomUUID();
      const at = new Date(createdAt.getTime() + (i + 1) * 60_000);
      await m.insert(Milestone, {
        id: msId, measureId: id, title: ms.title, dueDate: addDays(today, ms.due), done: ms.doneDay !== undefined,
        doneAt: ms.doneDay !== undefined ? noon(today, ms.doneDay, now) : null, createdAt: at, updatedAt: at,
      });
      events.push({ measureId: id, actorId: coordinator.id, kind: 'milestone_added', at, changes: { title: { new: ms.title }, dueDate: { new: addDays(today, ms.due) } }, subjectId: msId, note: null });
      if (ms.doneDay !== undefined) {
        events.push({ measureId: id, actorId: person(d.responsible).id, kind: 'milestone_updated', at: noon(today, ms.doneDay, now), changes: { done: { old: false, new: true } }, subjectId: msId, note: null });
      }
    }
    for (const h of d.history ?? []) {
      events.push({ measureId: id, actorId: person(h.by).id, kind: h.kind, at: noon(today, h.day, now), changes: h.changes ?? {}, note: h.note ?? null, subjectId: null });
    }
    events.sort((a, b) => a.at!.getTime() - b.at!.getTime());
    await m.save(MeasureEvent, events.map((e) => m.create(MeasureEvent, e)), { reload: false });
    // Its reminders as the worker's rules planned them when it was agreed: what fell due since
    // (an overdue notice, the ladder to leadership and coordinators) is in the ledger and goes out
    // on the first start; what no longer applies (due soon, for a measure overdue by now) the
    // renderers drop at send time.
    await planMeasureReminders(m, id, createdAt);
  }

  // Key figures: the success at the park, and the displacement watch around Kita Regenbogen.
  const park = place('scene-park');
  const kitaSun = place('kita-sonnenschein');
  const kitaWest = place('kita-west');
  const figures: Array<Partial<KeyFigure> & { measureKey: string }> = [
    {
      measureKey: 'park-presence', name: 'Spritzenfunde am Stadtpark Ost', categories: ['syringe_finds'], placeIds: [park.id], districtIds: [],
      period: 'week', baselinePeriods: 3, targetKind: 'percent', targetValue: -50, targetDate: addDays(today, -56 + 84),
    },
    {
      measureKey: 'park-presence', name: 'Spritzenfunde im Umkreis von 300 m um die Kita Sonnenschein', categories: ['syringe_finds'], placeIds: [], districtIds: [],
      centerLat: kitaSun.lat, centerLon: kitaSun.lon, radiusM: 300, bufferFactor: 2,
      period: 'week', baselinePeriods: 4, targetKind: 'percent', targetValue: -60, targetDate: addDays(today, -56 + 84),
    },
    {
      measureKey: 'kita-west-zone', name: 'Spritzenfunde im Umkreis von 350 m um die Kita Regenbogen', categories: ['syringe_finds'], placeIds: [], districtIds: [],
      centerLat: kitaWest.lat, centerLon: kitaWest.lon, radiusM: 350, bufferFactor: 3,
      period: 'week', baselinePeriods: 4, targetKind: 'absolute', targetValue: 1, targetDate: addDays(today, -49 + 56),
    },
    {
      measureKey: 'streetwork-position', name: 'Öffentlicher Konsum am Bahnhofsvorplatz (monatlich)', categories: ['public_consumption'], placeIds: [place('scene-bahnhof').id], districtIds: [],
      period: 'month', baselinePeriods: 2, targetKind: 'percent', targetValue: -30, targetDate: addDays(today, 60),
    },
  ];
  for (const f of figures) {
    const { measureKey, ...kf } = f;
    const kfId = randomUUID();
    const measureId = ids.get(measureKey)!;
    const d = MEASURES.find((x) => x.key === measureKey)!;
    const at = noon(today, d.start, now);
    await m.insert(KeyFigure, { id: kfId, measureId, bufferFactor: 2, controlDistrictId: null, centerLat: null, centerLon: null, radiusM: null, ...kf, createdAt: at, updatedAt: at });
    await m.insert(MeasureEvent, { measureId, actorId: coordinator.id, kind: 'key_figure_added', at, changes: { name: { new: kf.name }, categories: { new: kf.categories } }, subjectId: kfId, note: null });
  }
  return MEASURES.length;
}

/**
 * Syringe finds within about 250 m of Kita Regenbogen: several a week in the twelve weeks before
 * its protection zone started seven weeks ago, then rarely. Logged like any development (same
 * location resolution), by the street cleaning and the public order office, visible to all.
 */
async function logKitaWestFinds(m: EntityManager, ctx: DemoMeasureContext, today: string, now: Date): Promise<void> {
  const kita = ctx.places.get('kita-west');
  const cleaning = ctx.people.get(MAIL.cleaning);
  const order = ctx.people.get(MAIL.order);
  if (!kita || !cleaning || !order) throw new Error('demo measures: kita-west or the reporters are missing');
  const config = ctx.config ?? new AppConfig();
  const geo = new GeoLookupService(config);
  // Weeks before the start (-49 days): 5, 4, 6, 5, 4, 5, 6, 5, 4, 6, 5, 5; after: 2, 1, 1, 0, 1, 0, 0.
  const perWeek = [5, 4, 6, 5, 4, 5, 6, 5, 4, 6, 5, 5, 2, 1, 1, 0, 1, 0, 0];
  const firstWeekStart = -49 - 12 * 7;
  const rows: Array<Partial<Development>> = [];
  let k = 0;
  for (const [w, n] of perWeek.entries()) {
    for (let i = 0; i < n; i++, k++) {
      const day = firstWeekStart + w * 7 + ((i * 2 + w) % 7);
      const observedAt = noon(today, day, now);
      // A fixed pattern of points 60-250 m around the kita (deterministic demo).
      const dist = 60 + ((k * 37) % 190);
      const angle = (k * 2.39996) % (2 * Math.PI);
      const lat = kita.lat + (dist * Math.sin(angle)) / 111_195;
      const lon = kita.lon + (dist * Math.cos(angle)) / (111_195 * Math.cos((kita.lat * Math.PI) / 180));
      const location = await resolveDevelopmentLocation(m, geo, config, { lat, lon });
      const reporter = k % 3 === 0 ? order : cleaning;
      const count = 2 + (k % 6);
      rows.push({
        category: 'syringe_finds', observedAt, ...location, count, substances: ['heroin'], severity: count > 5 ? 3 : 2,
        description: `${count} Spritzen im Umfeld der Kita gefunden und entsorgt`, reportingAgencyId: reporter.agencyId, reporterId: reporter.id,
        visibility: 'all', visibleAgencyIds: [], withdrawnAt: null, withdrawnBy: null, withdrawalReason: null,
        createdAt: new Date(Math.min(observedAt.getTime() + 2 * 3600_000, now.getTime())),
      });
    }
  }
  for (let i = 0; i < rows.length; i += 100) await m.insert(Development, rows.slice(i, i + 100));
}
