import type { EntityManager } from 'typeorm';
import type { ReminderKind, ReminderSubjectType } from './reminder-kinds.js';
import type { ReminderMessage, ReminderRenderer, RendererTable } from './reminder-message.js';
import type { Reminder } from './reminder.entity.js';

/**
 * What each kind says (German, per kind), owned by the rules (issue 9, h9rules): a renderer reads
 * what Postgres holds at send time and returns null when the reminder no longer applies. A kind
 * without an entry here is sent with the generic fallbackRenderer below.
 */
export const REMINDER_RENDERERS: RendererTable = {};

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
export const fallbackRenderer: ReminderRenderer = async (m: EntityManager, r: Reminder): Promise<ReminderMessage | null> => {
  const sql = SUBJECT_TITLE_SQL[r.subjectType];
  let text = '';
  if (sql && r.subjectId) {
    const rows = (await m.query(sql, [r.subjectId])) as Array<{ title: string }>;
    if (!rows.length) return null; // the subject is gone: nothing to remind of
    text = rows[0]!.title;
  }
  return { title: REMINDER_KIND_LABELS[r.kind], text, link: subjectLink(r.subjectType, r.subjectId) };
};

export function rendererFor(kind: ReminderKind): ReminderRenderer {
  return REMINDER_RENDERERS[kind] ?? fallbackRenderer;
}
