import { DomainError } from '../common/domain-error.js';

export const RAPPORT_STATUSES = ['planned', 'convened', 'held', 'minutes_published', 'cancelled'] as const;
export type RapportStatus = (typeof RAPPORT_STATUSES)[number];

/** 'regular' meetings come from a series; 'extended' ones (with leadership) are convened from an escalation. */
export const RAPPORT_KINDS = ['regular', 'extended'] as const;
export type RapportKind = (typeof RAPPORT_KINDS)[number];

/** A meeting still ahead: it can be moved, and it counts as the series' next meeting. */
export const UPCOMING_STATUSES: readonly RapportStatus[] = ['planned', 'convened'];

/**
 * THE meeting workflow (issue 8), the only place it is written down:
 *   planned -> convened (invitations go out) -> held -> minutes_published
 *   planned | convened -> cancelled (with a reason)
 * held, minutes_published and cancelled do not go back: a cancelled meeting is replaced by the
 * series' next one, never revived, so that invitees are not confused by a meeting that returns.
 */
export const RAPPORT_TRANSITIONS: Readonly<Record<RapportStatus, readonly RapportStatus[]>> = {
  planned: ['convened', 'cancelled'],
  convened: ['held', 'cancelled'],
  held: ['minutes_published'],
  minutes_published: [],
  cancelled: [],
};

export function allowedRapportTransitions(from: RapportStatus): RapportStatus[] {
  return [...RAPPORT_TRANSITIONS[from]];
}

export function canRapportTransition(from: RapportStatus, to: RapportStatus): boolean {
  return RAPPORT_TRANSITIONS[from].includes(to);
}

export function isUpcoming(status: RapportStatus): boolean {
  return UPCOMING_STATUSES.includes(status);
}

/** 409 INVALID_TRANSITION listing the allowed targets, as for measures. */
export function assertRapportTransition(from: RapportStatus, to: RapportStatus): void {
  if (canRapportTransition(from, to)) return;
  const allowed = allowedRapportTransitions(from);
  const detail = allowed.length
    ? `A meeting cannot go from "${from}" to "${to}". Allowed from "${from}": ${allowed.join(', ')}.`
    : `A meeting that is "${from}" is final and cannot change its status.`;
  throw new DomainError(409, 'INVALID_TRANSITION', detail, 'status', { from, to, allowed });
}
