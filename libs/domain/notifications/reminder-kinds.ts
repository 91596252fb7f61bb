import type { ReminderChannel } from './reminder.entity.js';

/**
 * Every kind of reminder the worker sends (issue 9), declared once. Each belongs to a group (a
 * person's channel preferences are per group) and a subject type.
 */
export const REMINDER_KINDS = {
  // Measures: before the deadline to the responsible person and the deputy, then the overdue ladder.
  measure_due_soon: { group: 'measures', subject: 'measure' },
  measure_due_tomorrow: { group: 'measures', subject: 'measure' },
  measure_overdue: { group: 'measures', subject: 'measure' },
  measure_overdue_leadership: { group: 'measures', subject: 'measure' },
  measure_overdue_coordinators: { group: 'measures', subject: 'measure' },
  milestone_due_soon: { group: 'measures', subject: 'milestone' },
  milestone_due_tomorrow: { group: 'measures', subject: 'milestone' },
  milestone_overdue: { group: 'measures', subject: 'milestone' },
  // Meetings.
  rapport_invitation: { group: 'rapports', subject: 'rapport' },
  rapport_update: { group: 'rapports', subject: 'rapport' },
  rapport_cancellation: { group: 'rapports', subject: 'rapport' },
  rapport_call_for_developments: { group: 'rapports', subject: 'rapport' },
  rapport_agenda: { group: 'rapports', subject: 'rapport' },
  rapport_minutes_published: { group: 'rapports', subject: 'rapport' },
  // Escalations.
  escalation_proposed: { group: 'escalations', subject: 'escalation' },
  escalation_sensitive_breach: { group: 'escalations', subject: 'escalation' },
  // Digests (subject_id null; occurrence = the period, e.g. 2026-W49 or 2026-12-02).
  leadership_weekly_digest: { group: 'digests', subject: 'digest' },
  mail_daily_digest: { group: 'digests', subject: 'digest' },
} as const satisfies Record<string, { group: string; subject: string }>;

export type ReminderKind = keyof typeof REMINDER_KINDS;
export const REMINDER_KIND_NAMES = Object.keys(REMINDER_KINDS) as ReminderKind[];
export type ReminderGroup = (typeof REMINDER_KINDS)[ReminderKind]['group'];
export const REMINDER_GROUPS: readonly ReminderGroup[] = ['measures', 'rapports', 'escalations', 'digests'];
export type ReminderSubjectType = (typeof REMINDER_KINDS)[ReminderKind]['subject'];

/** Without a preference a person gets every group in the inbox and by e-mail. */
export const DEFAULT_CHANNELS: Record<ReminderGroup, Array<Exclude<ReminderChannel, 'webhook'>>> = {
  measures: ['inbox', 'email'],
  rapports: ['inbox', 'email'],
  escalations: ['inbox', 'email'],
  digests: ['email'],
};
