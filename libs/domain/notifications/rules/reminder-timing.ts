import { addDays, berlinAt, berlinDateOf } from '../../common/berlin-time.js';

/**
 * WHEN reminders are due (issue 9): pure functions over Berlin dates, DST-correct through berlinAt.
 * The offsets come from the environment (REMINDER_DAYS_BEFORE, REMINDER_ESCALATE_AFTER_DAYS,
 * REMINDER_HOUR); the rules read the schedule configured for the process (useReminderSchedule).
 */
export interface ReminderSchedule {
  /** Days before a deadline (measures and milestones): 1 is "due tomorrow", any other "due soon". Default 7, 1. */
  daysBefore: readonly number[];
  /** Days after the overdue notice (deadline + 1): to the owning agency's leadership, then to the coordinators. Default 7, 14. */
  escalateAfterDays: readonly [number, number];
  /** The Berlin wall-clock hour scheduled reminders go out at. Default 8. */
  hour: number;
}

export const DEFAULT_REMINDER_SCHEDULE: ReminderSchedule = { daysBefore: [7, 1], escalateAfterDays: [7, 14], hour: 8 };

/** A meeting: the call to log developments this many days before its start, the agenda reminder this many. */
export const CALL_FOR_DEVELOPMENTS_DAYS_BEFORE = 7;
export const AGENDA_DAYS_BEFORE = 2;
/** The leadership digest: Mondays at this Berlin hour. */
export const DIGEST_HOUR = 8;

let active: ReminderSchedule = DEFAULT_REMINDER_SCHEDULE;

/** Set once per process from the configuration (MeasuresModule does it on start). */
export function useReminderSchedule(schedule: ReminderSchedule): void {
  active = schedule;
}

export function reminderSchedule(): ReminderSchedule {
  return active;
}

/** Parses "7,1" into distinct whole days (descending); throws on anything else (the env schema validates first). */
export function parseDayList(value: string): number[] {
  const days = value.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  if (!days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) throw new Error(`not a list of days 1..365: ${value}`);
  return [...new Set(days)].sort((a, b) => b - a);
}

export function scheduleFrom(env: { REMINDER_DAYS_BEFORE: string; REMINDER_ESCALATE_AFTER_DAYS: string; REMINDER_HOUR: number }): ReminderSchedule {
  const escalate = parseDayList(env.REMINDER_ESCALATE_AFTER_DAYS).sort((a, b) => a - b);
  if (escalate.length !== 2) throw new Error('REMINDER_ESCALATE_AFTER_DAYS needs two values: leadership, coordinators');
  return { daysBefore: parseDayList(env.REMINDER_DAYS_BEFORE), escalateAfterDays: [escalate[0]!, escalate[1]!], hour: env.REMINDER_HOUR };
}

export type DeadlineStep = 'due_soon' | 'due_tomorrow' | 'overdue' | 'overdue_leadership' | 'overdue_coordinators';

export interface DeadlineReminder {
  step: DeadlineStep;
  /** Tells apart several "due soon" reminders (T-7, T-14); '' otherwise. */
  occurrence: string;
  at: Date;
}

/**
 * The ladder of a deadline D (a Berlin date): one reminder per REMINDER_DAYS_BEFORE offset n at
 * D - n (n = 1: due tomorrow), the overdue notice on D + 1, and (with `escalate`) D + 1 + 7 to the
 * leadership and D + 1 + 14 to the coordinators, each at REMINDER_HOUR Berlin time.
 */
export function deadlineLadder(deadline: string, s: ReminderSchedule, escalate: boolean): DeadlineReminder[] {
  const at = (days: number) => berlinAt(addDays(deadline, days), s.hour);
  const out: DeadlineReminder[] = s.daysBefore.map((n) => (n === 1 ? { step: 'due_tomorrow', occurrence: '', at: at(-1) } : { step: 'due_soon', occurrence: `T-${n}`, at: at(-n) }));
  out.push({ step: 'overdue', occurrence: '', at: at(1) });
  if (escalate) {
    out.push({ step: 'overdue_leadership', occurrence: '', at: at(1 + s.escalateAfterDays[0]) });
    out.push({ step: 'overdue_coordinators', occurrence: '', at: at(1 + s.escalateAfterDays[1]) });
  }
  return out;
}

/** REMINDER_HOUR on the Berlin date `days` before the meeting's start date. */
export function beforeMeeting(startsAt: Date, days: number, s: ReminderSchedule): Date {
  return berlinAt(addDays(berlinDateOf(startsAt), -days), s.hour);
}

/** The ISO week (Monday first) of a Berlin date: "2026-W49". */
export function isoWeek(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of the week of a Berlin date. */
export function mondayOf(date: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, mo - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The weekly digests to have planned at `now`: this week's (Monday 08:00 Berlin) and next week's. */
export function digestWeeks(now: Date): Array<{ week: string; at: Date }> {
  const monday = mondayOf(berlinDateOf(now));
  return [monday, addDays(monday, 7)].map((d) => ({ week: isoWeek(d), at: berlinAt(d, DIGEST_HOUR) }));
}
