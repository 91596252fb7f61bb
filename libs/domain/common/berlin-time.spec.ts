import { describe, expect, it } from '@jest/globals';
import { addDays, addMonths, berlinAt, berlinDateOf, berlinStartOfDay, daysBetween, formatGermanDate, isIsoDate } from './berlin-time.js';

describe('Berlin dates', () => {
  it('validates calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('2026-02-01T00:00:00Z')).toBe(false);
  });

  it('takes the date in Berlin, not in UTC', () => {
    expect(berlinDateOf(new Date('2026-01-31T23:30:00Z'))).toBe('2026-02-01');
    expect(berlinDateOf(new Date('2026-07-31T21:59:00Z'))).toBe('2026-07-31');
    expect(berlinDateOf(new Date('2026-07-31T22:00:00Z'))).toBe('2026-08-01');
  });

  it('finds Berlin midnight in winter and summer time', () => {
    expect(berlinStartOfDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(berlinStartOfDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The DST change days themselves.
    expect(berlinStartOfDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(berlinStartOfDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(berlinStartOfDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(berlinStartOfDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('adds days and months on the calendar', () => {
    expect(addDays('2026-03-28', 7)).toBe('2026-04-04');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-02-15', -14)).toBe('2024-12-15');
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(formatGermanDate('2026-03-01')).toBe('01.03.2026');
  });

  it('puts a wall-clock time on a Berlin date, DST-correct on both switch days', () => {
    expect(berlinAt('2026-01-15', 8).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(berlinAt('2026-07-15', 8).toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(berlinAt('2026-03-29', 8).toISOString()).toBe('2026-03-29T06:00:00.000Z'); // summer time began at 02:00
    expect(berlinAt('2026-10-25', 8).toISOString()).toBe('2026-10-25T07:00:00.000Z'); // winter time began at 03:00
    expect(berlinAt('2026-12-07', 8, 30).toISOString()).toBe('2026-12-07T07:30:00.000Z');
  });
});
