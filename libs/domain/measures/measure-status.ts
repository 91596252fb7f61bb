import { DomainError } from '../common/domain-error.js';
import { daysBetween } from '../common/berlin-time.js';

export const MEASURE_STATUSES = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const MEASURE_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type MeasurePriority = (typeof MEASURE_PRIORITIES)[number];

/** A measure still to be worked on: it can become overdue, get reminders and be reassigned. */
export const OPEN_STATUSES: readonly MeasureStatus[] = ['planned', 'in_progress', 'blocked'];

/**
 * THE status workflow (issue 4), the only place it is written down:
 *   planned -> in_progress -> done
 *   planned | in_progress -> blocked (with a reason) -> planned | in_progress
 *   any open state -> cancelled (with a reason)
 * done and cancelled are final: a measure that has to be taken up again is agreed anew, so that the
 * record of what was decided stays intact. A transition to the same status is no transition.
 */
export const TRANSITIONS: Readonly<Record<MeasureStatus, readonly MeasureStatus[]>> = {
  planned: ['in_progress', 'blocked', 'cancelled'],
  in_progress: ['done', 'blocked', 'cancelled'],
  blocked: ['planned', 'in_progress', 'cancelled'],
  done: [],
  cancelled: [],
};

export function allowedTransitions(from: MeasureStatus): MeasureStatus[] {
  return [...TRANSITIONS[from]];
}

export function canTransition(from: MeasureStatus, to: MeasureStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isOpen(status: MeasureStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** What a transition needs besides being allowed: blocked/cancelled a reason, done a completion note. */
export function requiredText(to: MeasureStatus): 'reason' | 'note' | null {
  if (to === 'blocked' || to === 'cancelled') return 'reason';
  if (to === 'done') return 'note';
  return null;
}

/** 409 INVALID_TRANSITION listing the allowed targets, so that a client can offer exactly those. */
export function assertTransition(from: MeasureStatus, to: MeasureStatus): void {
  if (canTransition(from, to)) return;
  const allowed = allowedTransitions(from);
  const detail = allowed.length
    ? `A measure cannot go from "${from}" to "${to}". Allowed from "${from}": ${allowed.join(', ')}.`
    : `A measure that is "${from}" is final and cannot change its status.`;
  throw new DomainError(409, 'INVALID_TRANSITION', detail, 'status', { from, to, allowed });
}

/**
 * Overdue is derived, never stored: open and the deadline (a Berlin date) lies before today in
 * Berlin. On the deadline day itself a measure is due, not overdue.
 */
export function overdueInfo(status: MeasureStatus, deadline: string, today: string): { overdue: boolean; daysOverdue: number } {
  const days = daysBetween(deadline, today);
  const overdue = isOpen(status) && days > 0;
  return { overdue, daysOverdue: overdue ? days : 0 };
}
