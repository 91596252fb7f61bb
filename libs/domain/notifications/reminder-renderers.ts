import type { EntityManager } from 'typeorm';
import { berlinDateOf, berlinToday, daysBetween, formatBerlin, formatGermanDate } from '../common/berlin-time.js';
import { DomainError } from '../common/domain-error.js';
import { meetingIcs } from '../calendar/calendar.service.js';
import { visibilityCondition, visibilityScope } from '../developments/development-visibility.js';
import { escalationReadCondition } from '../escalations/escalation-access.js';
import type { EscalationReason } from '../escalations/escalation-enums.js';
import { isOpen, MEASURE_STATUSES, type MeasureStatus } from '../measures/measure-status.js';
import { readAgendaTitles } from '../rapports/agenda.service.js';
import { isUpcoming, type RapportStatus } from '../rapports/rapport-status.js';
import type { ReminderKind, ReminderSubjectType } from './reminder-kinds.js';
import type { Reminder } from './reminder.entity.js';
import { RenderReads, type MeasureRow, type RapportView, type Reader } from './render-reads.js';
import type { ReminderMessage, ReminderRenderer, RendererTable } from './reminder-message.js';

/**
 * WHAT each reminder says (issue 9), rendered at send time from what Postgres holds then: German,
 * formal "Sie", dates dd.MM.yyyy and times HH:mm in Berlin. Each renderer re-reads its subject and
 * returns null when the reminder no longer applies (the measure was finished, the meeting cancelled
 * or moved on, the recipient no longer responsible, invited or in the role): the dispatcher withdraws
 * it then. Records are named by title only: never the free text of developments, minutes, measure
 * descriptions, cancellation or dismissal reasons, or an escalation's text. Counts are only those
 * the recipient may see. A webhook row (an agency's chat, no person) is rendered for a reader of
 * that agency who sees only what every participant sees.
 */

const quote = (title: string) => `„${title}“`;
const days = (n: number) => (n === 1 ? '1 Tag' : `${n} Tagen`);

// ---------------------------------------------------------------------------------------------- measures

/** The responsible person or the deputy (a webhook row stands for the agency of one of them). */
function carries(reader: Reader, x: Pick<MeasureRow, 'responsible_id' | 'deputy_id' | 'owning_agency_id'>): 'responsible' | 'deputy' | 'agency' | null {
  if (!reader.person) return reader.agencyId === x.owning_agency_id ? 'agency' : null;
  if (reader.id === x.responsible_id) return 'responsible';
  if (reader.id === x.deputy_id) return 'deputy';
  return null;
}

const asWhom = { responsible: 'Sie sind als verantwortliche Person eingetragen.', deputy: 'Sie sind als Vertretung eingetragen.', agency: '' } as const;

/** "… ist in 7 Tagen fällig"; null once the date passed (the overdue notice speaks then). */
function dueMessage(label: string, name: string, subject: string, deadline: string, link: string, role: keyof typeof asWhom): ReminderMessage | null {
  const left = daysBetween(berlinToday(), deadline);
  if (left < 0) return null;
  const when = left === 0 ? 'heute' : left === 1 ? 'morgen' : `in ${days(left)}`;
  return {
    title: `${label} ${when} fällig: ${name}`,
    text: `${subject} ist ${when} fällig (Frist ${formatGermanDate(deadline)}). ${asWhom[role]}`.trim(),
    link,
  };
}

function measureDue(): ReminderRenderer {
  return async (reads, r) => {
    const x = await reads.measure(r.subjectId);
    const reader = await reads.reader(r);
    if (!x || !reader || !isOpen(x.status)) return null;
    const role = carries(reader, x);
    if (!role) return null;
    return dueMessage('Maßnahme', x.title, `Die Maßnahme ${quote(x.title)}`, x.deadline, `/measures/${x.id}`, role);
  };
}

async function renderMeasureOverdue(reads: RenderReads, r: Reminder, audience: 'carriers' | 'leadership' | 'coordinators'): Promise<ReminderMessage | null> {
  const x = await reads.measure(r.subjectId);
  const reader = await reads.reader(r);
  if (!x || !reader || !isOpen(x.status)) return null;
  const late = daysBetween(x.deadline, berlinToday());
  if (late <= 0) return null; // the deadline was moved meanwhile
  const head = `Die Maßnahme ${quote(x.title)} ist seit ${days(late)} überfällig (Frist ${formatGermanDate(x.deadline)}).`;
  const link = `/measures/${x.id}`;
  if (audience === 'carriers') {
    const role = carries(reader, x);
    if (!role) return null;
    return { title: `Überfällig: ${x.title}`, text: `${head} Bitte aktualisieren Sie den Stand oder lassen Sie eine neue Frist vereinbaren. ${asWhom[role]}`.trim(), link };
  }
  if (audience === 'leadership') {
    if (reader.agencyId !== x.owning_agency_id || (reader.person && !reader.roles.includes('leadership'))) return null;
    return { title: `Überfällige Maßnahme Ihrer Behörde: ${x.title}`, text: `${head} Verantwortlich: ${x.responsible_name} (${x.agency_name}).`, link };
  }
  if (reader.person && !reader.roles.includes('coordinator')) return null;
  return {
    title: `Überfällige Maßnahme für den nächsten Rapport: ${x.title}`,
    text: `${head} Verantwortlich: ${x.responsible_name} (${x.agency_name}). Sie wird für die Tagesordnung des nächsten Rapports vorgeschlagen (Punkt „Maßnahmen fällig oder überfällig“).`,
    link,
  };
}

function milestoneRenderer(overdue: boolean): ReminderRenderer {
  return async (reads, r) => {
    const ms = await reads.milestone(r.subjectId);
    const x = ms ? await reads.measure(ms.measure_id) : undefined;
    const reader = await reads.reader(r);
    if (!ms || !x || !reader || ms.done || !isOpen(x.status)) return null;
    const role = carries(reader, x);
    if (!role) return null;
    const link = `/measures/${x.id}`;
    const what = `Der Meilenstein ${quote(ms.title)} der Maßnahme ${quote(x.title)}`;
    if (!overdue) return dueMessage('Meilenstein', ms.title, what, ms.due_date, link, role);
    const late = daysBetween(ms.due_date, berlinToday());
    if (late <= 0) return null;
    return {
      title: `Meilenstein überfällig: ${ms.title}`,
      text: `${what} ist seit ${days(late)} überfällig (fällig am ${formatGermanDate(ms.due_date)}). ${asWhom[role]}`.trim(),
      link,
    };
  };
}

// ---------------------------------------------------------------------------------------------- meetings

async function meetingFor(reads: RenderReads, r: Reminder, need: (status: RapportStatus, startsAt: Date) => boolean) {
  if (!r.subjectId) return null;
  const view = await reads.rapport(r.subjectId);
  const reader = await reads.reader(r);
  if (!view || !reader || !need(view.rapport.status, view.rapport.startsAt)) return null;
  const invited = reader.person ? view.invitations.some((i) => i.personId === reader.id) : view.invitations.some((i) => i.person?.agencyId === reader.agencyId);
  return { view, reader, invited, when: formatBerlin(view.rapport.startsAt) };
}

const ahead = (status: RapportStatus, startsAt: Date) => isUpcoming(status) && startsAt.getTime() > Date.now();
const at = (when: string) => `am ${when.replace(' ', ' um ')} Uhr`;

async function ics(m: EntityManager, view: RapportView): Promise<ReminderMessage['attachments']> {
  return [{ filename: 'invite.ics', contentType: `text/calendar; charset=utf-8; method=${view.rapport.status === 'cancelled' ? 'CANCEL' : 'REQUEST'}`, content: await meetingIcs(m, view, new Date()) }];
}

const renderInvitation: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, (s, start) => s === 'convened' && start.getTime() > Date.now());
  if (!x?.invited) return null;
  const { rapport } = x.view;
  return {
    title: `Einladung: ${rapport.title} ${at(x.when)}`,
    text: `Sie sind zum Rapport ${quote(rapport.title)} ${at(x.when)} eingeladen. Ort: ${rapport.location}. Bitte sagen Sie zu oder ab, oder senden Sie Ihre Vertretung. Die Einladung für Ihren Kalender ist beigefügt.`,
    link: `/rapports/${rapport.id}`,
    attachments: await ics(reads.m, x.view),
  };
};

const renderUpdate: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, (s, start) => s === 'convened' && start.getTime() > Date.now());
  // A newer move supersedes this one (its own reminder says where and when).
  if (!x?.invited || String(x.view.rapport.sequence) !== r.occurrence) return null;
  const { rapport } = x.view;
  return {
    title: `Geändert: ${rapport.title} jetzt ${at(x.when)}`,
    text: `Der Rapport ${quote(rapport.title)} wurde verlegt: Er findet jetzt ${at(x.when)} statt. Ort: ${rapport.location}. Die aktualisierte Einladung für Ihren Kalender ist beigefügt.`,
    link: `/rapports/${rapport.id}`,
    attachments: await ics(reads.m, x.view),
  };
};

const renderCancellation: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, (s) => s === 'cancelled');
  if (!x?.invited) return null;
  const { rapport } = x.view;
  return {
    title: `Abgesagt: ${rapport.title} ${at(x.when)}`,
    text: `Der Rapport ${quote(rapport.title)} ${at(x.when)} wurde abgesagt. Die Absage für Ihren Kalender ist beigefügt.`,
    link: `/rapports/${rapport.id}`,
    attachments: await ics(reads.m, x.view),
  };
};

const renderCall: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, ahead);
  if (!x) return null;
  const { rapport } = x.view;
  // Liaisons of a participating agency (or that agency's webhook).
  if (!rapport.agencyIds.includes(x.reader.agencyId) || (x.reader.person && !x.reader.roles.includes('liaison'))) return null;
  const left = daysBetween(berlinToday(), berlinDateOf(rapport.startsAt));
  return {
    title: `Bitte Entwicklungen erfassen: Rapport ${at(x.when)}`,
    text: `${left <= 1 ? 'Bald' : `In ${days(left)}`} findet der Rapport ${quote(rapport.title)} statt (${formatBerlin(rapport.startsAt)} Uhr). Bitte erfassen Sie bis dahin die Entwicklungen Ihrer Behörde, damit die Lage im Rapport vollständig ist.`,
    link: `/rapports/${rapport.id}`,
  };
};

const renderAgenda: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, (s, start) => s === 'convened' && start.getTime() > Date.now());
  if (!x?.invited) return null;
  const { rapport } = x.view;
  let titles: string[];
  try {
    // The agenda as this reader may read it (same rule as the meeting); titles only.
    titles = await readAgendaTitles(reads.m, x.reader, rapport.id);
  } catch (err) {
    if (err instanceof DomainError && err.status === 404) return null;
    throw err;
  }
  const list = titles.length ? titles.map((t, i) => `${i + 1}. ${t}`).join('\n') : '(noch keine Tagesordnungspunkte)';
  return {
    title: `Tagesordnung: ${rapport.title} ${at(x.when)}`,
    text: `Der Rapport ${quote(rapport.title)} findet ${at(x.when)} statt. Ort: ${rapport.location}.\n\nTagesordnung:\n${list}`,
    link: `/rapports/${rapport.id}/agenda`,
  };
};

const renderMinutes: ReminderRenderer = async (reads, r) => {
  const x = await meetingFor(reads, r, (s) => s === 'minutes_published');
  if (!x?.invited) return null;
  const { rapport } = x.view;
  return {
    title: `Protokoll veröffentlicht: ${rapport.title} vom ${formatGermanDate(berlinDateOf(rapport.startsAt))}`,
    text: `Das Protokoll des Rapports ${quote(rapport.title)} vom ${formatGermanDate(berlinDateOf(rapport.startsAt))} ist veröffentlicht. Als PDF: /api/v1/rapports/${rapport.id}/minutes.pdf`,
    link: `/rapports/${rapport.id}/minutes`,
  };
};

// ---------------------------------------------------------------------------------------------- escalations

const REASON_LABEL: Record<EscalationReason, string> = {
  many_syringe_finds: 'viele Spritzenfunde',
  residents_complaints: 'Beschwerden von Anwohnenden',
  aggression_violence: 'Aggression und Gewalt',
  new_scene: 'neue Szene',
  other: 'sonstiger Anlass',
};

function escalationRenderer(sensitive: boolean): ReminderRenderer {
  return async (reads, r) => {
    if (!r.subjectId) return null;
    const { m } = reads;
    const reader = await reads.reader(r);
    if (!reader) return null;
    if (reader.person && !reader.roles.includes(sensitive ? 'leadership' : 'coordinator')) return null;
    const cond = escalationReadCondition(reader);
    if (!cond) return null;
    const [e] = await m.createQueryBuilder().select('e.id', 'id').addSelect('e.reason', 'reason').addSelect('e.status', 'status')
      .addSelect('e.scope_id', 'scopeId').addSelect('ra.name', 'raiserAgency').addSelect('tr.name', 'ruleName').addSelect('tr.scope_kind', 'scopeKind')
      .from('escalations', 'e').leftJoin('agencies', 'ra', 'ra.id = e.raised_by_agency_id').leftJoin('threshold_rules', 'tr', 'tr.id = e.rule_id')
      .where('e.id = :id', { id: r.subjectId }).andWhere(cond.sql, cond.params)
      .getRawMany<{ id: string; reason: EscalationReason; status: string; scopeId: string | null; raiserAgency: string | null; ruleName: string | null; scopeKind: string | null }>();
    if (!e || e.status !== 'proposed') return null;
    let scope = '';
    if (e.scopeId) {
      const [s] = (await m.query(
        `SELECT p.name, d.name AS district FROM places p LEFT JOIN districts d ON d.id = p.district_id WHERE p.id = $1
         UNION ALL SELECT name, NULL FROM districts WHERE id = $1`,
        [e.scopeId],
      )) as Array<{ name: string; district: string | null }>;
      if (s) scope = e.scopeKind === 'district' ? `im Bezirk ${s.name}` : e.scopeKind === 'sensitive' ? `in der Nähe von ${s.name}${s.district ? ` (Bezirk ${s.district})` : ''}` : `am Ort ${s.name}`;
    }
    // Only the linked developments this reader may see are counted (never how many are hidden).
    const vis = visibilityCondition('d', reader);
    const [{ n } = { n: 0 }] = await m.createQueryBuilder().select('count(*)::int', 'n').from('escalation_developments', 'ed')
      .innerJoin('developments', 'd', 'd.id = ed.development_id').where('ed.escalation_id = :id', { id: e.id })
      .andWhere('d.withdrawn_at IS NULL').andWhere(vis.sql, vis.params).getRawMany<{ n: number }>();
    const origin = e.ruleName ? `Die Schwellenregel ${quote(e.ruleName)} schlägt ${scope ? `${scope} ` : ''}eine Eskalation vor` : `${e.raiserAgency ?? 'Eine Behörde'} hat eine Eskalation ausgelöst`;
    const counted = n > 0 ? ` Verknüpfte Entwicklungen, die Sie sehen dürfen: ${n}.` : '';
    if (sensitive) {
      return {
        title: `Schwelle überschritten bei einer besonders schutzwürdigen Einrichtung: ${REASON_LABEL[e.reason]}`,
        text: `${origin} (Anlass: ${REASON_LABEL[e.reason]}).${counted} Die Koordination entscheidet, ob ein erweiterter Rapport einberufen wird.`,
        link: `/escalations/${e.id}`,
      };
    }
    return {
      title: `Eskalation vorgeschlagen: ${REASON_LABEL[e.reason]}`,
      text: `${origin} (Anlass: ${REASON_LABEL[e.reason]}).${counted} Bitte entscheiden Sie, ob ein erweiterter Rapport einberufen oder der Vorschlag abgelehnt wird.`,
      link: `/escalations/${e.id}`,
    };
  };
}

// ---------------------------------------------------------------------------------------------- digest

const STATUS_LABEL: Record<MeasureStatus, string> = { planned: 'geplant', in_progress: 'in Arbeit', blocked: 'blockiert', done: 'erledigt', cancelled: 'abgebrochen' };

/**
 * The leadership's weekly overview, as this person may see it: measure counts by status and overdue
 * (every signed-in person reads measures), key figures off track as the leadership dashboard last
 * evaluated them for the reader's visibility scope (its key_figure_evaluations), open escalations
 * through the escalation read rule.
 */
const renderDigest: ReminderRenderer = async (reads, r) => {
  const { m } = reads;
  const reader = await reads.reader(r);
  if (!reader?.person || !reader.roles.includes('leadership')) return null;
  const today = berlinToday();
  const byStatus = (await m.query(`SELECT status, count(*)::int AS n FROM measures GROUP BY status`)) as Array<{ status: MeasureStatus; n: number }>;
  const [{ overdue }] = (await m.query(`SELECT count(*)::int AS overdue FROM measures WHERE status IN ('planned', 'in_progress', 'blocked') AND deadline < $1`, [today])) as [{ overdue: number }];
  const [{ offTrack }] = (await m.query(
    `SELECT count(*)::int AS "offTrack" FROM key_figure_evaluations e JOIN key_figures k ON k.id = e.key_figure_id
      WHERE e.viewer_scope = $1 AND e.status = 'off_track' AND k.measure_status NOT IN ('done', 'cancelled')`,
    [visibilityScope(reader)],
  )) as [{ offTrack: number }];
  const cond = escalationReadCondition(reader);
  const openEscalations = cond
    ? (await m.createQueryBuilder().select('count(*)::int', 'n').from('escalations', 'e').where(`e.status IN ('proposed', 'convened')`).andWhere(cond.sql, cond.params).getRawOne<{ n: number }>())?.n ?? 0
    : 0;
  const counts = MEASURE_STATUSES.map((s) => `${STATUS_LABEL[s]}: ${byStatus.find((b) => b.status === s)?.n ?? 0}`).join(', ');
  const [year, week] = r.occurrence.split('-W');
  return {
    title: `Wochenüberblick KW ${Number(week)}/${year}`,
    text: [
      `Ihr Wochenüberblick zum ${formatGermanDate(today)}:`,
      `Maßnahmen: ${counts}.`,
      `Davon überfällig: ${overdue}.`,
      `Kennzahlen außerhalb des Zielkorridors: ${offTrack} (Stand der letzten Auswertung).`,
      `Offene Eskalationen: ${openEscalations}.`,
    ].join('\n'),
    link: '/dashboard',
  };
};

/** The inbox keeps at most 300 characters of a title and 4000 of a text (notifications table); a long meeting or measure title is cut, never refused. */
function bounded(render: ReminderRenderer): ReminderRenderer {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return async (reads, r) => {
    const msg = await render(reads, r);
    return msg && { ...msg, title: cut(msg.title, 300), text: cut(msg.text, 4000) };
  };
}

const RENDERERS: RendererTable = {
  measure_due_soon: measureDue(),
  measure_due_tomorrow: measureDue(),
  measure_overdue: (reads, r) => renderMeasureOverdue(reads, r, 'carriers'),
  measure_overdue_leadership: (reads, r) => renderMeasureOverdue(reads, r, 'leadership'),
  measure_overdue_coordinators: (reads, r) => renderMeasureOverdue(reads, r, 'coordinators'),
  milestone_due_soon: milestoneRenderer(false),
  milestone_due_tomorrow: milestoneRenderer(false),
  milestone_overdue: milestoneRenderer(true),
  rapport_invitation: renderInvitation,
  rapport_update: renderUpdate,
  rapport_cancellation: renderCancellation,
  rapport_call_for_developments: renderCall,
  rapport_agenda: renderAgenda,
  rapport_minutes_published: renderMinutes,
  escalation_proposed: escalationRenderer(false),
  escalation_sensitive_breach: escalationRenderer(true),
  leadership_weekly_digest: renderDigest,
};

export const REMINDER_RENDERERS: RendererTable = Object.fromEntries(Object.entries(RENDERERS).map(([kind, render]) => [kind, bounded(render)]));

// ---------------------------------------------------------------------------------------------- fallback

/** A German label per kind: the generic title when a kind has no renderer of its own. */
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  measure_due_soon: 'Frist einer Maßnahme naht',
  measure_due_tomorrow: 'Frist einer Maßnahme endet morgen',
  measure_overdue: 'Maßnahme überfällig',
  measure_overdue_leadership: 'Maßnahme seit einer Woche überfällig',
  measure_overdue_coordinators: 'Maßnahme seit zwei Wochen überfällig',
  milestone_due_soon: 'Meilenstein naht',
  milestone_due_tomorrow: 'Meilenstein ist morgen fällig',
  milestone_overdue: 'Meilenstein überfällig',
  rapport_invitation: 'Einladung zum Drogenrapport',
  rapport_update: 'Drogenrapport geändert',
  rapport_cancellation: 'Drogenrapport abgesagt',
  rapport_call_for_developments: 'Bitte Entwicklungen für den Drogenrapport erfassen',
  rapport_agenda: 'Tagesordnung des Drogenrapports',
  rapport_minutes_published: 'Protokoll des Drogenrapports veröffentlicht',
  escalation_proposed: 'Eskalation vorgeschlagen',
  escalation_sensitive_breach: 'Schwelle nahe einem besonders sensiblen Ort überschritten',
  leadership_weekly_digest: 'Wochenübersicht für die Leitung',
  mail_daily_digest: 'Tägliche Zusammenfassung',
};

/** Where a subject lives in the product (the web interface's paths). */
export function subjectLink(type: ReminderSubjectType, id: string | null): string {
  switch (type) {
    case 'measure': return `/measures/${id}`;
    case 'milestone': return `/milestones/${id}`;
    case 'rapport': return `/rapports/${id}`;
    case 'escalation': return `/escalations/${id}`;
    case 'digest': return '/';
  }
}

/** The title of the subject, where it has one that may be shown (titles, never descriptions). */
const SUBJECT_TITLE_SQL: Partial<Record<ReminderSubjectType, string>> = {
  measure: `SELECT title FROM measures WHERE id = $1`,
  milestone: `SELECT title FROM milestones WHERE id = $1`,
  rapport: `SELECT title FROM rapports WHERE id = $1`,
};

/** The generic message: the kind's label, the subject's title where it has one, a link to it. */
export const fallbackRenderer: ReminderRenderer = async (reads, r) => {
  const sql = SUBJECT_TITLE_SQL[r.subjectType];
  let text = '';
  if (sql && r.subjectId) {
    const rows = (await reads.m.query(sql, [r.subjectId])) as Array<{ title: string }>;
    if (!rows.length) return null; // the subject is gone: nothing to remind of
    text = rows[0]!.title;
  }
  return { title: REMINDER_KIND_LABELS[r.kind], text, link: subjectLink(r.subjectType, r.subjectId) };
};

export function rendererFor(kind: ReminderKind): ReminderRenderer {
  return REMINDER_RENDERERS[kind] ?? fallbackRenderer;
}

/** Renders these rows with their reads primed as a set; a row that no longer applies maps to null. */
export async function renderReminders(reads: RenderReads, rows: readonly Reminder[]): Promise<Map<string, ReminderMessage | null>> {
  await reads.prime(rows);
  const out = new Map<string, ReminderMessage | null>();
  for (const r of rows) out.set(r.id, await rendererFor(r.kind)(reads, r));
  return out;
}
