/**
 * Calendar dates ("YYYY-MM-DD") as a person in the city reads them (Europe/Berlin), and the
 * instants they start at. Deadlines, start and target dates are dates, not instants: a deadline
 * "31.03." ends at midnight in Berlin whatever the server's time zone (ARCHITECTURE.md, convention 7).
 * Pure functions: date arithmetic is done on UTC noon-free day numbers, DST never shifts a day.
 */
const BERLIN_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function parts(instant: Date): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of BERLIN_PARTS.formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** True for a real calendar date in the form YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The calendar date in Berlin at this instant. */
export function berlinDateOf(instant: Date): string {
  const p = parts(instant);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Today in Berlin. */
export function berlinToday(now: Date = new Date()): string {
  return berlinDateOf(now);
}

function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

/** Calendar months; the day is clamped to the month's end (31.01. + 1 month = 28./29.02.). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total - ny * 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return fromDayNumber(Date.UTC(ny, nm, Math.min(d, last)) / DAY_MS);
}

/** b - a in days (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/**
 * The instant at which this date begins in Berlin (00:00 local; 23:00 or 22:00 UTC the day before).
 * Midnight never falls into a DST gap in Germany (the switch is at 02:00/03:00), so it is unique.
 */
export function berlinStartOfDay(date: string): Date {
  return berlinAt(date, 0);
}

/**
 * The instant of a wall-clock time on a Berlin date ("08:00 on 2026-03-29" is 06:00 UTC: DST
 * already began that night). Times between 02:00 and 03:00 on the spring switch do not exist;
 * reminders are scheduled at whole morning hours, never there.
 */
export function berlinAt(date: string, hour: number, minute = 0): Date {
  const wall = dayNumber(date) * DAY_MS + (hour * 60 + minute) * 60_000;
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const p = parts(new Date(guess));
    const shownAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    guess = wall - (shownAsUtc - guess);
  }
  return new Date(guess);
}

/** "dd.MM.yyyy" for a date, as people in the city write it. */
export function formatGermanDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** "dd.MM.yyyy HH:mm" in Europe/Berlin (DST-correct), as a person in the city reads an instant. */
export function formatBerlin(instant: Date): string {
  const p = parts(instant);
  const two = (n: number | undefined) => String(n).padStart(2, '0');
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(p.hour)}:${two(p.minute)}`;
}
