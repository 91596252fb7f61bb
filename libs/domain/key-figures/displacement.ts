/**
 * Displacement watch (seed 003: crime-prevention councils must see whether a measure only pushes
 * the scene elsewhere). Weighted displacement quotient after Bowers & Johnson (2003), "Measuring the
 * geographical displacement and diffusion of benefit effects of crime prevention activity",
 * Journal of Quantitative Criminology 19(3):
 *
 *   WDQ = (B_after/C_after - B_before/C_before) / (A_after/C_after - A_before/C_before)
 *
 * A = target area (the key figure's circle), B = buffer ring around it, C = control area (the rest
 * of the city, or a chosen district), each counted over a window before and an equally long window
 * after the start. The denominator is the success measure (negative when A improved relative to
 * C), the numerator the buffer measure (positive when B got worse relative to C).
 *
 * Reading (meaningful only when A improved, i.e. success measure < 0):
 *   WDQ > 1           diffusion of benefits larger than the direct effect
 *   0 < WDQ <= 1      diffusion of benefits (the buffer improved too)
 *   WDQ = 0           no change in the buffer
 *   -1 <= WDQ < 0     displacement, smaller than the direct effect (net gain)
 *   WDQ < -1          displacement larger than the direct effect (net loss)
 *
 * Limits: small counts make the quotient jumpy (one find more or less can flip its sign); it says
 * nothing about displacement beyond the buffer, to other times, tactics or kinds of incident; it
 * counts what agencies logged, so more patrols can raise the counts they look for; and it is
 * undefined when the control area is empty in a window or the target area did not change
 * relative to it.
 */
export interface AreaCounts {
  before: number;
  after: number;
}

export type WdqInterpretation =
  | 'diffusion_greater_than_effect'
  | 'diffusion_of_benefits'
  | 'no_buffer_change'
  | 'displacement_smaller_than_effect'
  | 'displacement_exceeds_effect'
  | 'target_area_not_improved';

export interface WdqResult {
  /** null when undefined (division by zero); `reason` says why. */
  wdq: number | null;
  reason: 'control_area_empty' | 'no_change_in_target_area' | null;
  successMeasure: number | null;
  bufferMeasure: number | null;
  interpretation: WdqInterpretation | null;
  /** The buffer got worse while the target area improved (relative to the control area when it has counts, else raw counts). */
  displacementSuspected: boolean;
  basis: 'relative_to_control' | 'raw_counts';
}

export const DEFAULT_BUFFER_FACTOR = 2;
export const MAX_BUFFER_FACTOR = 5;

// `+ 0` turns -0 into 0: JSON and comparisons should not see a signed zero.
const round4 = (x: number) => Math.round(x * 10_000) / 10_000 + 0;

export function weightedDisplacementQuotient(a: AreaCounts, b: AreaCounts, c: AreaCounts): WdqResult {
  if (c.before === 0 || c.after === 0) {
    // Without a control area the quotient is undefined; the raw counts still show the pattern.
    const suspected = a.after < a.before && b.after > b.before;
    return { wdq: null, reason: 'control_area_empty', successMeasure: null, bufferMeasure: null, interpretation: null, displacementSuspected: suspected, basis: 'raw_counts' };
  }
  const success = a.after / c.after - a.before / c.before;
  const buffer = b.after / c.after - b.before / c.before;
  const suspected = success < 0 && buffer > 0;
  if (success === 0) {
    return { wdq: null, reason: 'no_change_in_target_area', successMeasure: 0, bufferMeasure: round4(buffer), interpretation: null, displacementSuspected: false, basis: 'relative_to_control' };
  }
  const wdq = buffer / success;
  return {
    wdq: round4(wdq), reason: null, successMeasure: round4(success), bufferMeasure: round4(buffer),
    interpretation: interpret(success, wdq), displacementSuspected: suspected, basis: 'relative_to_control',
  };
}

function interpret(success: number, wdq: number): WdqInterpretation {
  if (success > 0) return 'target_area_not_improved';
  if (wdq > 1) return 'diffusion_greater_than_effect';
  if (wdq > 0) return 'diffusion_of_benefits';
  if (wdq === 0) return 'no_buffer_change';
  if (wdq >= -1) return 'displacement_smaller_than_effect';
  return 'displacement_exceeds_effect';
}

/** A year on each side at most: enough for any measure's effect, and it bounds the city-wide counts. */
export const MAX_DISPLACEMENT_WINDOW_MS = 365 * 24 * 3600 * 1000;

/**
 * Equal windows around the start: after = [start, now) (at most a year), before = the same length
 * right before the start. null when the measure has not started yet (no after window).
 */
export function displacementWindows(start: Date, now: Date, maxMs = MAX_DISPLACEMENT_WINDOW_MS): { before: { from: Date; to: Date }; after: { from: Date; to: Date } } | null {
  const len = Math.min(now.getTime() - start.getTime(), maxMs);
  if (len <= 0) return null;
  return { before: { from: new Date(start.getTime() - len), to: start }, after: { from: start, to: new Date(start.getTime() + len) } };
}
