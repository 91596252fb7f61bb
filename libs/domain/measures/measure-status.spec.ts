import { describe, expect, it } from '@jest/globals';
import { allowedTransitions, assertTransition, canTransition, isOpen, MEASURE_STATUSES, MeasureStatus, overdueInfo, requiredText } from './measure-status.js';

// The expected table written out once more, by hand, so that a change to TRANSITIONS is a
// deliberate change to this spec as well.
const EXPECTED: Record<MeasureStatus, MeasureStatus[]> = {
  planned: ['in_progress', 'blocked', 'cancelled'],
  in_progress: ['done', 'blocked', 'cancelled'],
  blocked: ['planned', 'in_progress', 'cancelled'],
  done: [],
  cancelled: [],
};

const pairs = MEASURE_STATUSES.flatMap((from) => MEASURE_STATUSES.map((to) => [from, to, EXPECTED[from].includes(to)] as const));

describe('measure status transitions', () => {
  it('covers all 25 (from, to) pairs', () => {
    expect(pairs).toHaveLength(25);
  });

  it.each(pairs)('%s -> %s allowed: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
    if (ok) {
      expect(() => assertTransition(from, to)).not.toThrow();
    } else {
      expect(() => assertTransition(from, to)).toThrow(expect.objectContaining({
        status: 409, code: 'INVALID_TRANSITION', field: 'status', extra: expect.objectContaining({ from, to, allowed: EXPECTED[from] }),
      }));
    }
  });

  it('lists the allowed targets per state', () => {
    for (const s of MEASURE_STATUSES) expect(allowedTransitions(s)).toEqual(EXPECTED[s]);
  });

  it('cancelled is reachable from every open state and from nothing final', () => {
    for (const s of MEASURE_STATUSES) expect(canTransition(s, 'cancelled')).toBe(isOpen(s));
  });

  it('needs a reason for blocked and cancelled, a note for done', () => {
    expect(requiredText('blocked')).toBe('reason');
    expect(requiredText('cancelled')).toBe('reason');
    expect(requiredText('done')).toBe('note');
    expect(requiredText('in_progress')).toBeNull();
    expect(requiredText('planned')).toBeNull();
  });
});

describe('overdue (derived)', () => {
  it('is open and past the deadline day', () => {
    expect(overdueInfo('in_progress', '2026-03-01', '2026-03-04')).toEqual({ overdue: true, daysOverdue: 3 });
    expect(overdueInfo('blocked', '2026-03-01', '2026-03-02')).toEqual({ overdue: true, daysOverdue: 1 });
  });

  it('is not overdue on the deadline day, before it, or when closed', () => {
    expect(overdueInfo('planned', '2026-03-04', '2026-03-04')).toEqual({ overdue: false, daysOverdue: 0 });
    expect(overdueInfo('planned', '2026-03-05', '2026-03-04')).toEqual({ overdue: false, daysOverdue: 0 });
    expect(overdueInfo('done', '2026-01-01', '2026-03-04')).toEqual({ overdue: false, daysOverdue: 0 });
    expect(overdueInfo('cancelled', '2026-01-01', '2026-03-04')).toEqual({ overdue: false, daysOverdue: 0 });
  });

  it('counts calendar days across a DST change', () => {
    expect(overdueInfo('planned', '2026-03-28', '2026-03-30')).toEqual({ overdue: true, daysOverdue: 2 });
  });
});
