/**
 * The recurrence of a rapport series in plain words, and the RFC 5545 RRULE the API takes
 * (without DTSTART: the series gives the Berlin start date and time). Only the rhythms a
 * Drogenrapport uses are offered; a rule written elsewhere is shown as it is.
 */
export const FREQUENCIES = {
  weekly: { label: 'jede Woche', freq: 'WEEKLY', interval: 1 },
  biweekly: { label: 'alle zwei Wochen', freq: 'WEEKLY', interval: 2 },
  monthly: { label: 'jeden Monat', freq: 'MONTHLY', interval: 1 },
  bimonthly: { label: 'alle zwei Monate', freq: 'MONTHLY', interval: 2 },
  quarterly: { label: 'alle drei Monate', freq: 'MONTHLY', interval: 3 },
} as const;
export type Frequency = keyof typeof FREQUENCIES;

export const WEEKDAYS = { MO: 'Montag', TU: 'Dienstag', WE: 'Mittwoch', TH: 'Donnerstag', FR: 'Freitag', SA: 'Samstag', SU: 'Sonntag' } as const;
export type Weekday = keyof typeof WEEKDAYS;

/** Which weekday of the month (monthly rhythms): the first … fourth, or the last. */
export const ORDINALS = { '1': 'ersten', '2': 'zweiten', '3': 'dritten', '4': 'vierten', '-1': 'letzten' } as const;
export type Ordinal = keyof typeof ORDINALS;

export interface Recurrence {
  frequency: Frequency;
  weekday: Weekday;
  ordinal: Ordinal;
}

export const isMonthly = (f: Frequency) => FREQUENCIES[f].freq === 'MONTHLY';

export function toRrule(r: Recurrence): string {
  const f = FREQUENCIES[r.frequency];
  return `FREQ=${f.freq};INTERVAL=${f.interval};BYDAY=${isMonthly(r.frequency) ? r.ordinal : ''}${r.weekday}`;
}

/** "alle zwei Monate am ersten Dienstag, 10:00 Uhr" */
export function describeRecurrence(r: Recurrence, time: string): string {
  const day = isMonthly(r.frequency) ? `am ${ORDINALS[r.ordinal]} ${WEEKDAYS[r.weekday]}` : `am ${WEEKDAYS[r.weekday]}`;
  return `${FREQUENCIES[r.frequency].label} ${day}, ${time} Uhr`;
}

/** The plain-words form of an RRULE this page could have written, else null. */
export function parseRrule(rrule: string): Recurrence | null {
  const parts = Object.fromEntries(rrule.toUpperCase().split(';').map((p) => p.split('=') as [string, string]));
  const keys = Object.keys(parts).filter((k) => !['FREQ', 'INTERVAL', 'BYDAY'].includes(k));
  if (keys.length) return null;
  const interval = Number(parts.INTERVAL ?? '1');
  const frequency = (Object.keys(FREQUENCIES) as Frequency[]).find((k) => FREQUENCIES[k].freq === parts.FREQ && FREQUENCIES[k].interval === interval);
  const m = /^(-1|[1-4])?(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.BYDAY ?? '');
  if (!frequency || !m) return null;
  if (isMonthly(frequency) !== (m[1] !== undefined)) return null;
  return { frequency, weekday: m[2] as Weekday, ordinal: (m[1] ?? '1') as Ordinal };
}

export function describeRrule(rrule: string, time: string): string {
  const r = parseRrule(rrule);
  return r ? describeRecurrence(r, time) : `nach der Regel ${rrule}, ${time} Uhr`;
}
