import type { EntityManager } from 'typeorm';
import { isOpen, type MeasureStatus } from '../../measures/measure-status.js';
import type { ReminderKind } from '../reminder-kinds.js';
import { deadlineLadder, reminderSchedule, type DeadlineStep, type ReminderSchedule } from './reminder-timing.js';
import { peopleWithRole, planRule, type RuleIntent } from './rule-support.js';

/** Every kind these rules own for a measure: each planning brings all of them in line. */
export const MEASURE_REMINDER_KINDS: readonly ReminderKind[] = ['measure_due_soon', 'measure_due_tomorrow', 'measure_overdue', 'measure_overdue_leadership', 'measure_overdue_coordinators'];
export const MILESTONE_REMINDER_KINDS: readonly ReminderKind[] = ['milestone_due_soon', 'milestone_due_tomorrow', 'milestone_overdue'];

interface MeasureRow {
  id: string;
  status: MeasureStatus;
  deadline: string;
  owning_agency_id: string;
  responsible_id: string;
  deputy_id: string | null;
}

async function loadMeasure(m: EntityManager, id: string): Promise<MeasureRow | undefined> {
  const [row] = (await m.query(
    `SELECT id, status, to_char(deadline, 'YYYY-MM-DD') AS deadline, owning_agency_id, responsible_id, deputy_id FROM measures WHERE id = $1`,
    [id],
  )) as MeasureRow[];
  return row;
}

/**
 * A measure's reminders as its current state wants them (call inside the transaction of every
 * change: create, update, status): while open, the deadline ladder to the responsible person and
 * the deputy, the overdue notice, then the owning agency's leadership and all coordinators; done or
 * cancelled withdraws every pending one. Also re-plans the milestones (their recipients and whether
 * they still apply follow the measure).
 */
export async function planMeasureReminders(m: EntityManager, measureId: string, now: Date = new Date(), schedule: ReminderSchedule = reminderSchedule()): Promise<void> {
  const measure = await loadMeasure(m, measureId);
  const intents: RuleIntent[] = [];
  if (measure && isOpen(measure.status)) {
    const carriers = [measure.responsible_id, ...(measure.deputy_id ? [measure.deputy_id] : [])];
    const leadership = await peopleWithRole(m, 'leadership', [measure.owning_agency_id]);
    const coordinators = await peopleWithRole(m, 'coordinator');
    const to: Record<DeadlineStep, string[]> = { due_soon: carriers, due_tomorrow: carriers, overdue: carriers, overdue_leadership: leadership, overdue_coordinators: coordinators };
    for (const r of deadlineLadder(measure.deadline, schedule, true)) {
      intents.push({ kind: `measure_${r.step}` as ReminderKind, occurrence: r.occurrence, recipients: to[r.step], dueAt: r.at });
    }
  }
  await planRule(m, { type: 'measure', id: measureId }, MEASURE_REMINDER_KINDS, intents, now);
  const milestones = (await m.query(`SELECT id FROM milestones WHERE measure_id = $1 ORDER BY id`, [measureId])) as Array<{ id: string }>;
  for (const ms of milestones) await planMilestoneReminders(m, ms.id, now, schedule, measure);
}

/** A milestone's reminders: while it is not done and its measure open, due soon / tomorrow / overdue to the measure's responsible person and deputy. */
export async function planMilestoneReminders(m: EntityManager, milestoneId: string, now: Date = new Date(), schedule: ReminderSchedule = reminderSchedule(), measure?: MeasureRow): Promise<void> {
  const [ms] = (await m.query(`SELECT id, measure_id, done, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM milestones WHERE id = $1`, [milestoneId])) as Array<{ id: string; measure_id: string; done: boolean; due_date: string }>;
  const intents: RuleIntent[] = [];
  const owner = ms ? measure ?? (await loadMeasure(m, ms.measure_id)) : undefined;
  if (ms && owner && !ms.done && isOpen(owner.status)) {
    const carriers = [owner.responsible_id, ...(owner.deputy_id ? [owner.deputy_id] : [])];
    for (const r of deadlineLadder(ms.due_date, schedule, false)) {
      intents.push({ kind: `milestone_${r.step}` as ReminderKind, occurrence: r.occurrence, recipients: carriers, dueAt: r.at });
    }
  }
  await planRule(m, { type: 'milestone', id: milestoneId }, MILESTONE_REMINDER_KINDS, intents, now);
}
