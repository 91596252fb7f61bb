/** Everything a person reads is German and in Berlin time, whatever the browser is set to. */
const TZ = 'Europe/Berlin';
const dateTime = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, dateStyle: 'medium' });
const number = new Intl.NumberFormat('de-DE');

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));
export const formatDate = (iso: string) => date.format(new Date(iso));
export const formatNumber = (n: number) => number.format(n);
const timestamp = new Intl.DateTimeFormat('de-DE', { timeZone: TZ, dateStyle: 'medium', timeStyle: 'medium' });
/** With seconds (the audit trail). */
export const formatTimestamp = (iso: string) => timestamp.format(new Date(iso));
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
/** Averages and quotients: at most one decimal place. */
export const formatDecimal = (n: number) => decimal.format(n);

/** The Berlin wall-clock time of an instant as the value of <input type="datetime-local">. */
export function toLocalInput(d: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A Berlin wall-clock time (datetime-local value) as an ISO instant, correct across DST changes. */
export function fromLocalInput(value: string): string {
  const [d, t] = value.split('T');
  const [y, m, day] = d!.split('-').map(Number);
  const [h, min] = t!.split(':').map(Number);
  const guess = Date.UTC(y!, m! - 1, day!, h!, min!);
  // The offset of Berlin at that moment: format the guess in Berlin and compare.
  const asBerlin = toLocalInput(new Date(guess));
  const [bd, bt] = asBerlin.split('T');
  const [by, bm, bday] = bd!.split('-').map(Number);
  const [bh, bmin] = bt!.split(':').map(Number);
  const offset = Date.UTC(by!, bm! - 1, bday!, bh!, bmin!) - guess;
  return new Date(guess - offset).toISOString();
}

/** A Berlin calendar day (YYYY-MM-DD, as the API sends deadlines) in German, without a time-zone shift. */
export const formatDay = (day: string) => formatDate(`${day}T12:00:00Z`);

/** The Berlin date of an instant as YYYY-MM-DD (the value of <input type="date">). */
export const toDayInput = (d: Date) => toLocalInput(d).slice(0, 10);

/** "1 Tag" / "3 Tagen" after "seit" or "in". */
export const daysText = (n: number) => `${formatNumber(n)} ${n === 1 ? 'Tag' : 'Tagen'}`;
