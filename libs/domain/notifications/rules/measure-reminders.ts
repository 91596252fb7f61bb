import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../../common/prepared-query.js';
import { isOpen, type MeasureStatus } from '../../measures/measure-status.js';
import type { ReminderKind } from '../reminder-kinds.js';
import { deadlineLadder, reminderSchedule, type DeadlineStep, type ReminderSchedule } from './reminder-timing.js';
import { peopleWithRoleSql, planRule, type RuleIntent } from './rule-support.js';

/** Every kind these rules own for a measure: each planning brings all of them in line. */
export const MEASURE_REMINDER_KINDS: readonly ReminderKind[] = ['measure_due_soon', 'measure_due_tomorrow', 'measure_overdue', 'measure_overdue_leadership', 'measure_overdue_coordinators'];
export const MILESTONE_REMINDER_KINDS: readonly ReminderKind[] = ['milestone_due_soon', 'milestone_due_tomorrow', 'milestone_overdue'];

/** What the measure's rules read about it; one statement (issue 11: a status change planned its reminders in 7+ round trips). */
interface MeasureRow {
  status: MeasureStatus;
  deadline: string;
  responsible_id: string;
  deputy_id: string | null;
  /** Active leadership of the owning agency, and all active coordinators (peopleWithRoleSql). */
  leadership: string[];
  coordinators: string[];
  milestones: MilestoneRow[];
}

interface MilestoneRow {
  id: string;
  done: boolean;
  due_date: string;
}

/** The carriers of a measure, who get its deadline ladder and its milestones' reminders. */
type Owner = Pick<MeasureRow, 'status' | 'responsible_id' | 'deputy_id'>;

async function loadMeasure(m: EntityManager, id: string): Promise<MeasureRow | undefined> {
  const [row] = await preparedQuery<MeasureRow>(m, `SELECT m.status, to_char(m.deadline, 'YYYY-MM-DD') AS deadline, m.responsible_id, m.deputy_id,
  ARRAY(${peopleWithRoleSql(`'leadership'`, 'ARRAY[m.owning_agency_id]')}) AS leadership,
  ARRAY(${peopleWithRoleSql(`'coordinator'`, 'NULL::uuid[]')}) AS coordinators,
  coalesce((SELECT json_agg(json_build_object('id', ms.id, 'done', ms.done, 'due_date', to_char(ms.due_date, 'YYYY-MM-DD')) ORDER BY ms.id)
    FROM milestones ms WHERE ms.measure_id = m.id), '[]') AS milestones
FROM measures m WHERE m.id = $1`, [id]);
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
    const carriers = carriersOf(measure);
    const to: Record<DeadlineStep, string[]> = { due_soon: carriers, due_tomorrow: carriers, overdue: carriers, overdue_leadership: measure.leadership, overdue_coordinators: measure.coordinators };
    for (const r of deadlineLadder(measure.deadline, schedule, true)) {
      intents.push({ kind: `measure_${r.step}` as ReminderKind, occurrence: r.occurrence, recipients: to[r.step], dueAt: r.at });
    }
  }
  await planRule(m, { type: 'measure', id: measureId }, MEASURE_REMINDER_KINDS, intents, now);
  for (const ms of measure?.milestones ?? []) await planMilestone(m, ms.id, ms, measure, now, schedule);
}

/** A milestone's reminders: while it is not done and its measure open, due soon / tomorrow / overdue to the measure's responsible person and deputy. */
export async function planMilestoneReminders(m: EntityManager, milestoneId: string, now: Date = new Date(), schedule: ReminderSchedule = reminderSchedule()): Promise<void> {
  const [row] = await preparedQuery<MilestoneRow & Owner>(m, `SELECT ms.id, ms.done, to_char(ms.due_date, 'YYYY-MM-DD') AS due_date, m.status, m.responsible_id, m.deputy_id
FROM milestones ms JOIN measures m ON m.id = ms.measure_id WHERE ms.id = $1`, [milestoneId]);
  await planMilestone(m, milestoneId, row, row, now, schedule);
}

async function planMilestone(m: EntityManager, milestoneId: string, ms: MilestoneRow | undefined, owner: Owner | undefined, now: Date, schedule: ReminderSchedule): Promise<void> {
  const intents: RuleIntent[] = [];
  if (ms && owner && !ms.done && isOpen(owner.status)) {
    const carriers = carriersOf(owner);
    for (const r of deadlineLadder(ms.due_date, schedule, false)) {
      intents.push({ kind: `milestone_${r.step}` as ReminderKind, occurrence: r.occurrence, recipients: carriers, dueAt: r.at });
    }
  }
  await planRule(m, { type: 'milestone', id: milestoneId }, MILESTONE_REMINDER_KINDS, intents, now);
}

function carriersOf(owner: Owner): string[] {
  return [owner.responsible_id, ...(owner.deputy_id ? [owner.deputy_id] : [])];
}
