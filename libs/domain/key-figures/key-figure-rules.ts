import { addDays, addMonths, daysBetween } from '../common/berlin-time.js';

/**
 * Pure rules of a key figure ("belastbare Kennzahl", issue 4): period windows, baseline, target,
 * and the on-track judgement. The service only counts developments per window; everything that
 * decides what the counts mean is here, with a unit spec.
 */
export const KEY_FIGURE_PERIODS = ['week', 'month'] as const;
export type KeyFigurePeriod = (typeof KEY_FIGURE_PERIODS)[number];

export const TARGET_KINDS = ['absolute', 'percent'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const KEY_FIGURE_STATUSES = ['on_track', 'off_track', 'no_data'] as const;
export type KeyFigureStatus = (typeof KEY_FIGURE_STATUSES)[number];

export const DEFAULT_BASELINE_PERIODS = 3;
export const MAX_BASELINE_PERIODS = 24;
/** Five years of weeks: a longer series is cut to its most recent periods. */
export const MAX_ACTUAL_PERIODS = 260;

/** [start, end) as Berlin calendar dates. */
export interface PeriodWindow {
  start: string;
  end: string;
}

export interface PeriodCount extends PeriodWindow {
  count: number;
  /** false for the running period (its end lies after today). */
  complete: boolean;
}

/**
 * Periods are anchored at the measure's start date, not at calendar weeks or months: the first
 * period after the start is a whole period, and the baseline periods end exactly at the start.
 */
export function periodBoundary(startDate: string, period: KeyFigurePeriod, k: number): string {
  return period === 'week' ? addDays(startDate, 7 * k) : addMonths(startDate, k);
}

/** The N periods right before the start, oldest first. */
export function baselineWindows(startDate: string, period: KeyFigurePeriod, n: number): PeriodWindow[] {
  const out: PeriodWindow[] = [];
  for (let k = -n; k < 0; k++) out.push({ start: periodBoundary(startDate, period, k), end: periodBoundary(startDate, period, k + 1) });
  return out;
}

/** The periods from the start up to and including the running one; none before the start. */
export function actualWindows(startDate: string, period: KeyFigurePeriod, today: string, max = MAX_ACTUAL_PERIODS): PeriodWindow[] {
  const out: PeriodWindow[] = [];
  if (daysBetween(startDate, today) < 0) return out;
  for (let k = 0; ; k++) {
    const start = periodBoundary(startDate, period, k);
    if (daysBetween(start, today) < 0) break;
    out.push({ start, end: periodBoundary(startDate, period, k + 1) });
  }
  return out.slice(-max);
}

export function isComplete(w: PeriodWindow, today: string): boolean {
  return daysBetween(w.end, today) >= 0;
}

export interface TargetSpec {
  kind: TargetKind;
  /** absolute: developments per period to reach; percent: change against the baseline (-50 = halve). */
  value: number;
  /** The date by which the target should be reached (after the start). */
  date: string;
}

export type TargetDirection = 'decrease' | 'increase' | 'hold';

export interface KeyFigureJudgement {
  baselineAverage: number | null;
  targetPerPeriod: number | null;
  direction: TargetDirection | null;
  /** Where the figure should be at the end of the latest complete period (linear path to the target). */
  expected: number | null;
  latest: PeriodCount | null;
  status: KeyFigureStatus;
  /** Machine-readable why, e.g. "no_complete_period", "at_or_below_expected". */
  reason: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * - baseline: mean count of the baseline periods;
 * - target per period: the absolute value, or baseline x (1 + percent/100);
 * - expected: a straight line from the baseline (at the start) to the target (at the target date),
 *   read at the end of the latest complete period, and the target itself after the target date;
 * - on track: the latest complete period is at or below the expected value for a decrease (at or
 *   above for an increase); no data: no complete period yet, nothing logged at all, or a percentage
 *   target on an empty baseline (a percentage of zero defines nothing).
 */
export function judgeKeyFigure(input: { startDate: string; target: TargetSpec; baseline: PeriodCount[]; actual: PeriodCount[] }): KeyFigureJudgement {
  const { startDate, target, baseline, actual } = input;
  const baselineTotal = baseline.reduce((s, p) => s + p.count, 0);
  const baselineAverage = baseline.length ? baselineTotal / baseline.length : null;
  const complete = actual.filter((p) => p.complete);
  const latest = complete.length ? complete[complete.length - 1]! : null;
  const targetPerPeriod = target.kind === 'absolute' ? target.value : baselineAverage === null || baselineAverage === 0 ? null : baselineAverage * (1 + target.value / 100);
  const direction: TargetDirection | null = targetPerPeriod === null || baselineAverage === null ? null
    : targetPerPeriod < baselineAverage ? 'decrease' : targetPerPeriod > baselineAverage ? 'increase' : 'hold';
  const base = { baselineAverage: baselineAverage === null ? null : round2(baselineAverage), targetPerPeriod: targetPerPeriod === null ? null : round2(targetPerPeriod), direction, latest };

  if (!latest) return { ...base, expected: null, status: 'no_data', reason: 'no_complete_period' };
  if (baselineTotal === 0 && actual.every((p) => p.count === 0)) return { ...base, expected: null, status: 'no_data', reason: 'nothing_logged' };
  if (targetPerPeriod === null || baselineAverage === null) return { ...base, expected: null, status: 'no_data', reason: 'baseline_empty_percent_target' };

  const span = daysBetween(startDate, target.date);
  const fraction = span <= 0 ? 1 : Math.min(1, Math.max(0, daysBetween(startDate, latest.end) / span));
  const expected = baselineAverage + (targetPerPeriod - baselineAverage) * fraction;
  // A tiny tolerance: the expected value is a float, the count an integer.
  const eps = 1e-9;
  if (direction === 'increase') {
    return latest.count + eps >= expected
      ? { ...base, expected: round2(expected), status: 'on_track', reason: 'at_or_above_expected' }
      : { ...base, expected: round2(expected), status: 'off_track', reason: 'below_expected' };
  }
  return latest.count - eps <= expected
    ? { ...base, expected: round2(expected), status: 'on_track', reason: 'at_or_below_expected' }
    : { ...base, expected: round2(expected), status: 'off_track', reason: 'above_expected' };
}

/**
 * Boundaries for width_bucket over possibly non-contiguous windows: a gap between two windows
 * becomes a bucket of its own that belongs to no window (null).
 */
export function bucketBounds(windows: PeriodWindow[]): { bounds: string[]; bucketOf: Array<number | null> } {
  const bounds: string[] = [];
  const bucketOf: Array<number | null> = [];
  windows.forEach((w, i) => {
    if (bounds.length && bounds[bounds.length - 1] !== w.start) {
      bounds.push(w.start);
      bucketOf.push(null);
    } else if (!bounds.length) {
      bounds.push(w.start);
    }
    bounds.push(w.end);
    bucketOf.push(i);
  });
  return { bounds, bucketOf };
}
