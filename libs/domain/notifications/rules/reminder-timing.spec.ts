import { describe, expect, it } from '@jest/globals';
import { beforeMeeting, deadlineLadder, DEFAULT_REMINDER_SCHEDULE, digestWeeks, isoWeek, mondayOf, parseDayList, scheduleFrom } from './reminder-timing.js';

const iso = (d: Date) => d.toISOString();

describe('reminder timing', () => {
  it('puts the measure ladder at 08:00 Berlin around the deadline, DST-correct across the October switch', () => {
    // The clocks go back on Sunday 2026-10-25: the deadline is the day after.
    const ladder = deadlineLadder('2026-10-26', DEFAULT_REMINDER_SCHEDULE, true);
    expect(ladder.map((r) => [r.step, r.occurrence, iso(r.at)])).toEqual([
      ['due_soon', 'T-7', '2026-10-19T06:00:00.000Z'], // CEST: 08:00 = 06:00 UTC
      ['due_tomorrow', '', '2026-10-25T07:00:00.000Z'], // the switch day itself: already CET
      ['overdue', '', '2026-10-27T07:00:00.000Z'],
      ['overdue_leadership', '', '2026-11-03T07:00:00.000Z'], // D + 1 + 7
      ['overdue_coordinators', '', '2026-11-10T07:00:00.000Z'], // D + 1 + 14
    ]);
  });

  it('handles the March switch and leaves the escalation out for milestones', () => {
    const ladder = deadlineLadder('2026-03-30', DEFAULT_REMINDER_SCHEDULE, false);
    expect(ladder.map((r) => [r.step, iso(r.at)])).toEqual([
      ['due_soon', '2026-03-23T07:00:00.000Z'],
      ['due_tomorrow', '2026-03-29T06:00:00.000Z'], // 29.03.: CEST from 03:00
      ['overdue', '2026-03-31T06:00:00.000Z'],
    ]);
  });

  it('takes offsets and hour from the configuration', () => {
    const s = scheduleFrom({ REMINDER_DAYS_BEFORE: '1, 14,7', REMINDER_ESCALATE_AFTER_DAYS: '21,3', REMINDER_HOUR: 9 });
    expect(s).toEqual({ daysBefore: [14, 7, 1], escalateAfterDays: [3, 21], hour: 9 });
    const ladder = deadlineLadder('2026-06-30', s, true);
    expect(ladder.map((r) => [r.step, r.occurrence, iso(r.at)])).toEqual([
      ['due_soon', 'T-14', '2026-06-16T07:00:00.000Z'],
      ['due_soon', 'T-7', '2026-06-23T07:00:00.000Z'],
      ['due_tomorrow', '', '2026-06-29T07:00:00.000Z'],
      ['overdue', '', '2026-07-01T07:00:00.000Z'],
      ['overdue_leadership', '', '2026-07-04T07:00:00.000Z'],
      ['overdue_coordinators', '', '2026-07-22T07:00:00.000Z'],
    ]);
    expect(() => parseDayList('7,0')).toThrow();
    expect(() => parseDayList('')).toThrow();
  });

  it('reminds of a meeting on Berlin dates before its start', () => {
    // A meeting at 01:30 Berlin on 2026-11-03 (00:30 UTC): 7 days before is the Berlin date 27.10.
    const start = new Date('2026-11-03T00:30:00Z');
    expect(iso(beforeMeeting(start, 7, DEFAULT_REMINDER_SCHEDULE))).toBe('2026-10-27T07:00:00.000Z');
    expect(iso(beforeMeeting(start, 2, DEFAULT_REMINDER_SCHEDULE))).toBe('2026-11-01T07:00:00.000Z');
  });

  it('names ISO weeks and plans the digest for Monday 08:00 Berlin, this week and next', () => {
    expect(isoWeek('2026-12-02')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(digestWeeks(new Date('2026-11-29T23:30:00Z')).map((w) => [w.week, iso(w.at)])).toEqual([
      ['2026-W49', '2026-11-30T07:00:00.000Z'],
      ['2026-W50', '2026-12-07T07:00:00.000Z'],
    ]);
    // Summer time: 08:00 CEST.
    expect(digestWeeks(new Date('2026-06-10T12:00:00Z'))[0]).toEqual({ week: '2026-W24', at: new Date('2026-06-08T06:00:00Z') });
  });
});
