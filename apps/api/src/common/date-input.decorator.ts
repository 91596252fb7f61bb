import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * The years a date or time in this API may name. PostgreSQL and JavaScript both accept dates far
 * beyond any use here (9999-12-31, year -271821, +275760-09-13) and then disagree at the edges,
 * which ended in 500s; nothing in drug-scene coordination lies outside these years.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

function isDay(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** A calendar day YYYY-MM-DD that exists (no 2026-02-30), in MIN_YEAR..MAX_YEAR. */
export function isCalendarDate(v: unknown): v is string {
  const m = typeof v === 'string' ? CALENDAR_DATE.exec(v) : null;
  return !!m && isDay(+m[1]!, +m[2]!, +m[3]!);
}

/**
 * An ISO 8601 date and time with a time zone (Z or ±hh:mm; a bare local time would be read in the
 * server's zone), on a day that exists, in MIN_YEAR..MAX_YEAR.
 */
export function isTimestamp(v: unknown): v is string {
  const m = typeof v === 'string' ? TIMESTAMP.exec(v) : null;
  if (!m || !isDay(+m[1]!, +m[2]!, +m[3]!)) return false;
  if (+m[4]! > 23 || +m[5]! > 59 || (m[6] !== undefined && +m[6] > 59)) return false;
  if (m[7] !== undefined && (+m[7] > 14 || +m[8]! > 59)) return false;
  return !Number.isNaN(Date.parse(v as string));
}

export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => `must be a calendar date YYYY-MM-DD between ${MIN_YEAR} and ${MAX_YEAR}` },
  }, options);
}

export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isTimestamp',
    validator: {
      validate: isTimestamp,
      defaultMessage: () => `must be a date and time with a time zone (ISO 8601, e.g. 2026-03-01T09:30:00+01:00) between ${MIN_YEAR} and ${MAX_YEAR}`,
    },
  }, options);
}
