import { describe, expect, it } from '@jest/globals';
import { displacementWindows, weightedDisplacementQuotient } from './displacement.js';

describe('weighted displacement quotient (Bowers & Johnson 2003)', () => {
  it('computes WDQ = (B_a/C_a - B_b/C_b) / (A_a/C_a - A_b/C_b)', () => {
    // A halves, B doubles, C unchanged.
    const r = weightedDisplacementQuotient({ before: 40, after: 20 }, { before: 10, after: 20 }, { before: 100, after: 100 });
    // success = 0.2 - 0.4 = -0.2; buffer = 0.2 - 0.1 = 0.1; wdq = -0.5
    expect(r).toMatchObject({ wdq: -0.5, successMeasure: -0.2, bufferMeasure: 0.1, reason: null, interpretation: 'displacement_smaller_than_effect', displacementSuspected: true, basis: 'relative_to_control' });
  });

  it('reads displacement larger than the effect', () => {
    const r = weightedDisplacementQuotient({ before: 20, after: 10 }, { before: 10, after: 40 }, { before: 100, after: 100 });
    expect(r.wdq).toBe(-3);
    expect(r.interpretation).toBe('displacement_exceeds_effect');
    expect(r.displacementSuspected).toBe(true);
  });

  it('reads a diffusion of benefits when the buffer improves too', () => {
    const r = weightedDisplacementQuotient({ before: 40, after: 20 }, { before: 20, after: 10 }, { before: 100, after: 100 });
    expect(r.wdq).toBe(0.5);
    expect(r.interpretation).toBe('diffusion_of_benefits');
    expect(r.displacementSuspected).toBe(false);
    expect(weightedDisplacementQuotient({ before: 40, after: 30 }, { before: 40, after: 10 }, { before: 100, after: 100 }).interpretation).toBe('diffusion_greater_than_effect');
    expect(weightedDisplacementQuotient({ before: 40, after: 30 }, { before: 10, after: 10 }, { before: 100, after: 100 })).toMatchObject({ wdq: 0, interpretation: 'no_buffer_change' });
  });

  it('weights by the control area: a city-wide rise is not displacement', () => {
    // Everything doubles: relative to C nothing changed in B; A fell relative to C.
    const r = weightedDisplacementQuotient({ before: 20, after: 20 }, { before: 10, after: 20 }, { before: 100, after: 200 });
    expect(r.bufferMeasure).toBe(0);
    expect(r.successMeasure).toBe(-0.1);
    expect(r.displacementSuspected).toBe(false);
  });

  it('marks a worsening target area as not interpretable', () => {
    const r = weightedDisplacementQuotient({ before: 10, after: 20 }, { before: 10, after: 20 }, { before: 100, after: 100 });
    expect(r.interpretation).toBe('target_area_not_improved');
    expect(r.displacementSuspected).toBe(false);
  });

  it('is undefined (null, with a reason) when the control area is empty in a window', () => {
    for (const c of [{ before: 0, after: 5 }, { before: 5, after: 0 }]) {
      const r = weightedDisplacementQuotient({ before: 10, after: 2 }, { before: 1, after: 6 }, c);
      expect(r).toMatchObject({ wdq: null, reason: 'control_area_empty', basis: 'raw_counts', displacementSuspected: true });
    }
    expect(weightedDisplacementQuotient({ before: 1, after: 2 }, { before: 1, after: 6 }, { before: 0, after: 0 }).displacementSuspected).toBe(false);
  });

  it('is undefined when the target area did not change relative to the control area', () => {
    const r = weightedDisplacementQuotient({ before: 10, after: 10 }, { before: 1, after: 6 }, { before: 50, after: 50 });
    expect(r).toMatchObject({ wdq: null, reason: 'no_change_in_target_area', successMeasure: 0, displacementSuspected: false });
  });

  it('uses equal windows before and after the start', () => {
    const start = new Date('2026-03-01T00:00:00Z');
    const now = new Date('2026-03-11T00:00:00Z');
    expect(displacementWindows(start, now)).toEqual({ before: { from: new Date('2026-02-19T00:00:00Z'), to: start }, after: { from: start, to: now } });
    expect(displacementWindows(now, start)).toBeNull();
    // At most a year on each side.
    const long = displacementWindows(new Date('2023-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))!;
    expect(long.after.to.toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(long.before.from.toISOString()).toBe('2022-01-01T00:00:00.000Z');
  });
});
