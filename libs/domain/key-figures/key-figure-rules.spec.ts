import { describe, expect, it } from '@jest/globals';
import { actualWindows, baselineWindows, bucketBounds, isComplete, judgeKeyFigure, PeriodCount } from './key-figure-rules.js';

const pc = (start: string, end: string, count: number, complete = true): PeriodCount => ({ start, end, count, complete });

describe('period windows', () => {
  it('anchors weeks and months at the start date', () => {
    expect(baselineWindows('2026-03-04', 'week', 3)).toEqual([
      { start: '2026-02-11', end: '2026-02-18' }, { start: '2026-02-18', end: '2026-02-25' }, { start: '2026-02-25', end: '2026-03-04' },
    ]);
    expect(baselineWindows('2026-03-31', 'month', 2)).toEqual([{ start: '2026-01-31', end: '2026-02-28' }, { start: '2026-02-28', end: '2026-03-31' }]);
  });

  it('lists the periods since the start up to the running one', () => {
    const w = actualWindows('2026-03-04', 'week', '2026-03-20');
    expect(w).toEqual([{ start: '2026-03-04', end: '2026-03-11' }, { start: '2026-03-11', end: '2026-03-18' }, { start: '2026-03-18', end: '2026-03-25' }]);
    expect(w.map((x) => isComplete(x, '2026-03-20'))).toEqual([true, true, false]);
    expect(actualWindows('2026-04-01', 'week', '2026-03-20')).toEqual([]);
    expect(actualWindows('2020-01-01', 'week', '2026-03-20', 10)).toHaveLength(10);
  });
});

describe('judging a key figure', () => {
  const baseline = [pc('2026-02-11', '2026-02-18', 10), pc('2026-02-18', '2026-02-25', 12), pc('2026-02-25', '2026-03-04', 8)];

  it('is on track when the latest complete period is at or below the linear path to a reduction target', () => {
    // Baseline 10, target -50% = 5 by 10 weeks after the start; after 2 weeks the path is at 9.
    const j = judgeKeyFigure({
      startDate: '2026-03-04', target: { kind: 'percent', value: -50, date: '2026-05-13' }, baseline,
      actual: [pc('2026-03-04', '2026-03-11', 11), pc('2026-03-11', '2026-03-18', 9), pc('2026-03-18', '2026-03-25', 30, false)],
    });
    expect(j).toMatchObject({ baselineAverage: 10, targetPerPeriod: 5, direction: 'decrease', expected: 9, status: 'on_track', reason: 'at_or_below_expected' });
    expect(j.latest?.count).toBe(9);
  });

  it('is off track above the path, and judged against the target itself after the target date', () => {
    const j = judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'absolute', value: 4, date: '2026-03-11' }, baseline, actual: [pc('2026-03-04', '2026-03-11', 6), pc('2026-03-11', '2026-03-18', 5)] });
    expect(j).toMatchObject({ expected: 4, status: 'off_track', reason: 'above_expected', direction: 'decrease' });
  });

  it('handles an increase target', () => {
    const j = judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'absolute', value: 20, date: '2026-03-18' }, baseline, actual: [pc('2026-03-04', '2026-03-11', 16)] });
    expect(j).toMatchObject({ direction: 'increase', expected: 15, status: 'on_track' });
    expect(judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'percent', value: 100, date: '2026-03-18' }, baseline, actual: [pc('2026-03-04', '2026-03-11', 14)] }))
      .toMatchObject({ targetPerPeriod: 20, expected: 15, status: 'off_track', reason: 'below_expected' });
  });

  it('has no data without a complete period, when nothing was logged, or for a percentage of an empty baseline', () => {
    expect(judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'absolute', value: 4, date: '2026-05-01' }, baseline, actual: [pc('2026-03-04', '2026-03-11', 3, false)] }))
      .toMatchObject({ status: 'no_data', reason: 'no_complete_period', latest: null });
    const empty = baseline.map((p) => ({ ...p, count: 0 }));
    expect(judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'absolute', value: 0, date: '2026-05-01' }, baseline: empty, actual: [pc('2026-03-04', '2026-03-11', 0)] }))
      .toMatchObject({ status: 'no_data', reason: 'nothing_logged' });
    expect(judgeKeyFigure({ startDate: '2026-03-04', target: { kind: 'percent', value: -50, date: '2026-05-01' }, baseline: empty, actual: [pc('2026-03-04', '2026-03-11', 2)] }))
      .toMatchObject({ status: 'no_data', reason: 'baseline_empty_percent_target', targetPerPeriod: null });
  });
});

describe('bucket bounds for width_bucket', () => {
  it('maps contiguous windows one to one', () => {
    expect(bucketBounds([{ start: '2026-01-01', end: '2026-01-08' }, { start: '2026-01-08', end: '2026-01-15' }]))
      .toEqual({ bounds: ['2026-01-01', '2026-01-08', '2026-01-15'], bucketOf: [0, 1] });
  });

  it('puts a gap between windows into a bucket of its own that belongs to none', () => {
    expect(bucketBounds([{ start: '2026-01-01', end: '2026-01-08' }, { start: '2026-03-01', end: '2026-03-08' }]))
      .toEqual({ bounds: ['2026-01-01', '2026-01-08', '2026-03-01', '2026-03-08'], bucketOf: [0, null, 1] });
  });
});
