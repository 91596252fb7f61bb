import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import rrulePackage from 'rrule';
import { daysBetween } from '../common/berlin-time.js';
import { DomainError } from '../common/domain-error.js';

// rrule ships a UMD bundle as its CommonJS entry: under Node's ESM loader only the default export
// (module.exports) is visible, so the classes are taken from it.
const { RRule } = rrulePackage as unknown as typeof import('rrule');

/** Series are scheduled in the city's time: "10:00" means 10:00 in Berlin, summer or winter. */
export const SERIES_TIME_ZONE = 'Europe/Berlin';

const BERLIN_PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: SERIES_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A rapport recurs daily at the most; finer frequencies would make the wall-clock time meaningless. */
const ALLOWED_FREQ = new Set([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
/** Parts a series states in its own fields (start date and time) or that make no sense for a meeting. */
const REFUSED_PARTS = ['dtstart', 'tzid', 'byhour', 'byminute', 'bysecond'] as const;

export interface Recurrence {
  /** RFC 5545 RRULE value, e.g. FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU */
  rrule: string;
  /** Berlin date of the first possible meeting (DTSTART's date). */
  startDate: string;
  /** Berlin wall-clock time "HH:MM" (DTSTART's time). */
  startTime: string;
}

function ruleValue(r: Recurrence): string {
  return r.rrule.trim().replace(/^RRULE:/i, '');
}

function invalidRule(detail: string): DomainError {
  return new DomainError(400, 'INVALID_RRULE', detail, 'rrule');
}

/**
 * Parses the rule with the rrule library and expands it in "floating" time: DTSTART is the Berlin
 * wall clock written as if it were UTC, so every occurrence keeps its wall-clock time; each one is
 * then turned into the instant it denotes in Berlin (berlinInstant). This is what keeps 10:00 at
 * 10:00 across the DST switches, which a rule expanded on UTC instants would not (it would drift
 * to 11:00 or 09:00 local).
 */
function compile(r: Recurrence): InstanceType<typeof RRule> {
  const value = ruleValue(r);
  if (!value || /[\r\n]/.test(value)) throw invalidRule('The recurrence rule (RRULE) is empty or spans several lines; give one RRULE value such as FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU.');
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(value);
  } catch {
    throw invalidRule('The recurrence rule (RRULE) cannot be read. Example of a valid rule: FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU.');
  }
  if (options.freq === undefined || !ALLOWED_FREQ.has(options.freq)) {
    throw invalidRule('The recurrence rule needs FREQ=YEARLY, MONTHLY, WEEKLY or DAILY.');
  }
  for (const part of REFUSED_PARTS) {
    if (options[part] !== undefined && options[part] !== null) {
      throw invalidRule(`The recurrence rule must not contain ${part.toUpperCase()}: the series states its start date and time (Europe/Berlin) in startDate and startTime.`);
    }
  }
  const d = DATE_RE.exec(r.startDate);
  const t = TIME_RE.exec(r.startTime);
  if (!d) throw new DomainError(400, 'INVALID_DATE', 'startDate must be a calendar date YYYY-MM-DD.', 'startDate');
  if (!t) throw new DomainError(400, 'INVALID_TIME', 'startTime must be a time HH:MM (24 hours, Europe/Berlin).', 'startTime');
  try {
    // Parts that only fail when expanded (BYMONTHDAY=40) are caught by the probe in assertRecurrence.
    return new RRule({ ...options, dtstart: new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!)), tzid: null });
  } catch {
    throw invalidRule('The recurrence rule (RRULE) cannot be expanded. Example of a valid rule: FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU.');
  }
}

/**
 * The instant at which the Berlin wall clock shows this date and time. A time that does not exist
 * (the spring-forward hour) is taken one hour later, as a clock would be set; in the autumn hour
 * that happens twice, the first (summer time) is meant.
 */
export function berlinInstant(wall: Date): Date {
  const target = wall.getTime();
  // Berlin is UTC+2 (summer) or UTC+1 (winter): try summer first, so the doubled autumn hour means summer time.
  for (const offsetH of [2, 1]) {
    const guess = target - offsetH * 3_600_000;
    if (berlinWallClock(new Date(guess)) === target) return new Date(guess);
  }
  // In the spring gap neither fits; with the winter offset the clock already shows one hour later.
  return new Date(target - 3_600_000);
}

function berlinWallClock(instant: Date): number {
  const p: Record<string, number> = {};
  for (const x of BERLIN_PARTS.formatToParts(instant)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
}

/** A series starts at most this long before it is created or its rule changed (expansion always runs from its start). */
export const MAX_START_DAYS_BACK = 366;
/** How long the search for a rule's first date may take before the rule counts as yielding none. */
const PROBE_MS = 2000;
/** How long the probe's thread may take to start (a server error past it, not the rule's fault). */
const PROBE_START_MS = 30_000;
const RRULE_URL = pathToFileURL(createRequire(import.meta.url).resolve('rrule')).href;
// rrule searches a rule that never matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) period by period up to
// the year 9999 and cannot be interrupted: about a minute of CPU for a daily rule. The search for the
// first date therefore runs in a worker thread that is stopped after PROBE_MS. Rules that match at
// all match again within decades, so later expansions (nextOccurrences) stay fast. The probe uses
// dynamic import only: eval'd worker code runs as ESM or CommonJS depending on the package around it.
const PROBE = `
import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const lib = await import(workerData.url);
  const { RRule } = lib.default ?? lib;
  parentPort.postMessage('searching');
  let found = false;
  try {
    const rule = new RRule({ ...RRule.parseString(workerData.rrule), dtstart: new Date(workerData.dtstart), tzid: null });
    found = rule.after(new Date(workerData.after), false) !== null;
  } catch {
    found = false; // a part rrule only refuses when expanding (BYMONTHDAY=40)
  }
  parentPort.postMessage(found);
});`;

function probeHasDate(rrule: string, dtstart: Date, after: Date): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(PROBE, { eval: true, workerData: { url: RRULE_URL, rrule, dtstart: dtstart.getTime(), after: after.getTime() } });
    // The time budget is the search's, counted from when the worker has loaded rrule: starting a
    // thread on a busy machine can itself take seconds, and must not make a good rule look endless.
    let timer: NodeJS.Timeout | undefined = setTimeout(() => void worker.terminate().then(() => reject(new Error('recurrence probe did not start'))), PROBE_START_MS);
    worker.on('message', (m: 'searching' | boolean) => {
      if (m === 'searching') {
        clearTimeout(timer);
        timer = setTimeout(() => void worker.terminate().then(() => resolve(false)), PROBE_MS);
        return;
      }
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    // The probe itself failing is not the rule's fault: a server error, not a 400.
    worker.once('error', (err) => { clearTimeout(timer); reject(err); });
  });
}

/**
 * Refuses a rule that does not parse, a start more than a year back, and a rule that yields no
 * meeting after `now` (or none that can be found within PROBE_MS).
 */
export async function assertRecurrence(r: Recurrence, now: Date, today: string): Promise<void> {
  const rule = compile(r);
  if (daysBetween(r.startDate, today) > MAX_START_DAYS_BACK) {
    throw new DomainError(400, 'START_DATE_TOO_EARLY', `startDate may lie at most ${MAX_START_DAYS_BACK} days in the past.`, 'startDate');
  }
  const found = await probeHasDate(ruleValue(r), rule.options.dtstart, new Date(now.getTime() - 86_400_000));
  if (!found || !nextOccurrences(r, now, 1).length) {
    throw invalidRule('The recurrence rule yields no date in the future (check COUNT, UNTIL, the start date, and days that do not exist such as 30 February).');
  }
}

/** The next `limit` occurrence starts (instants) strictly after `after`. */
export function nextOccurrences(r: Recurrence, after: Date, limit: number): Date[] {
  const rule = compile(r);
  const out: Date[] = [];
  // Floating time runs up to 2 hours ahead of UTC in Berlin: start the search a day early and filter.
  let cursor = new Date(after.getTime() - 86_400_000);
  for (let guard = 0; out.length < limit && guard < limit + 400; guard++) {
    const wall = rule.after(cursor, false);
    if (!wall) break;
    cursor = wall;
    const at = berlinInstant(wall);
    if (at.getTime() > after.getTime()) out.push(at);
  }
  return out;
}
