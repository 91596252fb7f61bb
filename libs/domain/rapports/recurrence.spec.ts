import { describe, expect, it } from '@jest/globals';
import { assertRecurrence, berlinInstant, nextOccurrences } from './recurrence.js';

const iso = (ds: Date[]) => ds.map((d) => d.toISOString());
const NOW = new Date('2026-12-01T00:00:00Z');

describe('series recurrence (RRULE in Europe/Berlin)', () => {
  it('keeps 10:00 local across the March and October switches (bimonthly, first Tuesday)', () => {
    const r = { rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', startDate: '2027-01-01', startTime: '10:00' };
    // 2027: summer time from 28 March, winter time from 31 October.
    expect(iso(nextOccurrences(r, new Date('2027-01-01T00:00:00Z'), 6))).toEqual([
      '2027-01-05T09:00:00.000Z', // CET
      '2027-03-02T09:00:00.000Z', // CET, before the switch
      '2027-05-04T08:00:00.000Z', // CEST
      '2027-07-06T08:00:00.000Z',
      '2027-09-07T08:00:00.000Z', // CEST, before the switch back
      '2027-11-02T09:00:00.000Z', // CET again
    ]);
  });

  it('keeps the wall-clock time in the week of each switch (weekly on Sunday)', () => {
    const r = { rrule: 'FREQ=WEEKLY;BYDAY=SU', startDate: '2027-03-01', startTime: '10:00' };
    expect(iso(nextOccurrences(r, new Date('2027-03-15T00:00:00Z'), 3))).toEqual(['2027-03-21T09:00:00.000Z', '2027-03-28T08:00:00.000Z', '2027-04-04T08:00:00.000Z']);
    expect(iso(nextOccurrences(r, new Date('2027-10-20T00:00:00Z'), 2))).toEqual(['2027-10-24T08:00:00.000Z', '2027-10-31T09:00:00.000Z']);
  });

  it('takes a time in the spring-forward gap one hour later, and the first of the doubled autumn hour', () => {
    expect(berlinInstant(new Date(Date.UTC(2027, 2, 28, 2, 30))).toISOString()).toBe('2027-03-28T01:30:00.000Z'); // 03:30 CEST
    expect(berlinInstant(new Date(Date.UTC(2027, 9, 31, 2, 30))).toISOString()).toBe('2027-10-31T00:30:00.000Z'); // 02:30 CEST
  });

  it('starts strictly after the given instant', () => {
    const r = { rrule: 'FREQ=DAILY', startDate: '2027-01-01', startTime: '10:00' };
    expect(iso(nextOccurrences(r, new Date('2027-01-05T09:00:00Z'), 1))).toEqual(['2027-01-06T09:00:00.000Z']);
  });

  it.each([
    ['', 'empty'],
    ['FREQ=SOMETIMES', 'unknown frequency'],
    ['BYDAY=1TU', 'no frequency'],
    ['FREQ=HOURLY', 'finer than daily'],
    ['FREQ=MONTHLY;BYDAY=XX', 'unknown weekday'],
    ['FREQ=MONTHLY;BYMONTHDAY=40', 'a day no month has'],
    ['FREQ=MONTHLY;BYHOUR=10', 'a time in the rule'],
    ['FREQ=WEEKLY\nDTSTART:20270101T100000', 'several lines'],
    ['DTSTART;TZID=Europe/Berlin:20270105T100000', 'DTSTART instead of a rule'],
  ])('refuses %j (%s) with 400 naming rrule', async (rrule) => {
    await expect(assertRecurrence({ rrule, startDate: '2027-01-01', startTime: '10:00' }, NOW, '2026-12-01'))
      .rejects.toMatchObject({ status: 400, code: 'INVALID_RRULE', field: 'rrule' });
  });

  it.each(['FREQ=MONTHLY;COUNT=2', 'FREQ=WEEKLY;UNTIL=20260101T000000Z', 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'])('refuses %j: no future date', async (rrule) => {
    await expect(assertRecurrence({ rrule, startDate: '2025-12-10', startTime: '10:00' }, NOW, '2026-12-01'))
      .rejects.toMatchObject({ status: 400, code: 'INVALID_RRULE', field: 'rrule' });
  });

  it('refuses a daily rule that never matches within the probe time (rrule alone would search for about a minute)', async () => {
    const started = Date.now();
    await expect(assertRecurrence({ rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31', startDate: '2026-12-01', startTime: '10:00' }, NOW, '2026-12-01'))
      .rejects.toMatchObject({ status: 400, code: 'INVALID_RRULE', field: 'rrule' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a start more than a year back (expansion runs from the start)', async () => {
    await expect(assertRecurrence({ rrule: 'FREQ=DAILY', startDate: '1900-01-01', startTime: '10:00' }, NOW, '2026-12-01'))
      .rejects.toMatchObject({ status: 400, code: 'START_DATE_TOO_EARLY', field: 'startDate' });
  });

  it('accepts the RRULE: prefix, and a rare but real date (29 February on a Monday)', async () => {
    await expect(assertRecurrence({ rrule: 'RRULE:FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', startDate: '2026-01-01', startTime: '10:00' }, NOW, '2026-12-01')).resolves.toBeUndefined();
    await expect(assertRecurrence({ rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', startDate: '2026-01-01', startTime: '10:00' }, NOW, '2026-12-01')).resolves.toBeUndefined();
  });
});
