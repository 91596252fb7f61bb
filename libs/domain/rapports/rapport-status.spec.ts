import { describe, expect, it } from '@jest/globals';
import { allowedRapportTransitions, assertRapportTransition, canRapportTransition, isUpcoming, RAPPORT_STATUSES, type RapportStatus } from './rapport-status.js';

// The expected table written out once more by hand: a change to RAPPORT_TRANSITIONS must be a
// deliberate change here as well.
const EXPECTED: Record<RapportStatus, RapportStatus[]> = {
  planned: ['convened', 'cancelled'],
  convened: ['held', 'cancelled'],
  held: ['minutes_published'],
  minutes_published: [],
  cancelled: [],
};

const pairs = RAPPORT_STATUSES.flatMap((from) => RAPPORT_STATUSES.map((to) => [from, to, EXPECTED[from].includes(to)] as const));

describe('meeting status transitions', () => {
  it('covers all 25 (from, to) pairs', () => {
    expect(pairs).toHaveLength(25);
  });

  it.each(pairs)('%s -> %s allowed: %s', (from, to, ok) => {
    expect(canRapportTransition(from, to)).toBe(ok);
    if (ok) expect(() => assertRapportTransition(from, to)).not.toThrow();
    else {
      expect(() => assertRapportTransition(from, to)).toThrow(expect.objectContaining({
        status: 409, code: 'INVALID_TRANSITION', field: 'status', extra: expect.objectContaining({ from, to, allowed: EXPECTED[from] }),
      }));
    }
  });

  it('lists the allowed targets per state', () => {
    for (const s of RAPPORT_STATUSES) expect(allowedRapportTransitions(s)).toEqual(EXPECTED[s]);
  });

  it('cancels only what is still ahead (planned or convened)', () => {
    for (const s of RAPPORT_STATUSES) expect(canRapportTransition(s, 'cancelled')).toBe(isUpcoming(s));
  });
});
