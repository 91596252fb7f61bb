import type { Schemas } from './api/client';

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

export type Category = Schemas['CreateDevelopmentDto']['category'];
export type Visibility = Schemas['CreateDevelopmentDto']['visibility'];

export const CATEGORY_LABELS: Record<Category, string> = {
  syringe_finds: 'Spritzenfunde',
  complaint: 'Beschwerde',
  aggression_violence: 'Aggression / Gewalt',
  new_scene: 'Neue Szene',
  dealing: 'Handel',
  public_consumption: 'Konsum im öffentlichen Raum',
  camping: 'Lagern / Übernachten',
  enforcement_action: 'Einsatzmaßnahme',
  other: 'Sonstiges',
};
export const CATEGORIES = Object.keys(CATEGORY_LABELS) as Category[];

export const VISIBILITY_LABELS: Record<Visibility, { label: string; explanation: string }> = {
  all: { label: 'Alle Beteiligten', explanation: 'Alle Behörden und Träger, die am Drogenrapport teilnehmen, sehen diese Meldung.' },
  own_agency: { label: 'Nur meine Behörde', explanation: 'Nur Personen Ihrer eigenen Behörde sehen diese Meldung; andere sehen sie weder in Listen noch in Zahlen, Karten oder Exporten.' },
  agencies: { label: 'Meine Behörde und ausgewählte Behörden', explanation: 'Ihre Behörde und die Behörden, die Sie hier auswählen, sehen diese Meldung; alle anderen nicht.' },
};

export const SEVERITY_LABELS: Record<number, string> = { 1: '1 – gering', 2: '2 – mäßig', 3: '3 – erheblich', 4: '4 – hoch', 5: '5 – sehr hoch' };

export const SENSITIVE_LABELS: Record<string, string> = { kindergarten: 'Kita', school: 'Schule', playground: 'Spielplatz', youth_facility: 'Jugendeinrichtung' };

/** A Berlin calendar day (YYYY-MM-DD, as the API sends deadlines) in German, without a time-zone shift. */
export const formatDay = (day: string) => formatDate(`${day}T12:00:00Z`);

/** The Berlin date of an instant as YYYY-MM-DD (the value of <input type="date">). */
export const toDayInput = (d: Date) => toLocalInput(d).slice(0, 10);

/** "1 Tag" / "3 Tagen" after "seit" or "in". */
export const daysText = (n: number) => `${formatNumber(n)} ${n === 1 ? 'Tag' : 'Tagen'}`;

export type MeasureStatus = Schemas['MeasureResponseDto']['status'];
export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
  planned: 'Geplant', in_progress: 'In Arbeit', done: 'Erledigt', blocked: 'Blockiert', cancelled: 'Abgebrochen',
};
export type MeasurePriority = Schemas['MeasureResponseDto']['priority'];
export const PRIORITY_LABELS: Record<MeasurePriority, string> = { low: 'Niedrig', normal: 'Normal', high: 'Hoch', urgent: 'Dringend' };
export type RapportStatus = Schemas['RapportResponseDto']['status'];
export const RAPPORT_STATUS_LABELS: Record<RapportStatus, string> = {
  planned: 'Geplant', convened: 'Einberufen', held: 'Durchgeführt', minutes_published: 'Protokoll veröffentlicht', cancelled: 'Abgesagt',
};
export const RAPPORT_KIND_LABELS: Record<Schemas['RapportResponseDto']['kind'], string> = { regular: 'Drogenrapport', extended: 'Erweiterter Drogenrapport' };
export const INVITATION_RESPONSE_LABELS: Record<Schemas['InvitationResponseDto']['response'], string> = {
  pending: 'Keine Antwort', accepted: 'Zugesagt', declined: 'Abgesagt', tentative: 'Vielleicht', delegated: 'Vertretung geschickt',
};
export type Attendance = Schemas['AttendanceEntryDto']['attendance'];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { present: 'Anwesend', excused: 'Entschuldigt', absent: 'Abwesend' };
export const ESCALATION_STATUS_LABELS: Record<Schemas['EscalationResponseDto']['status'], string> = {
  proposed: 'Vorgeschlagen', convened: 'Einberufen', dismissed: 'Zurückgewiesen', resolved: 'Erledigt',
};
export const ESCALATION_REASON_LABELS: Record<Schemas['EscalationResponseDto']['reason'], string> = {
  many_syringe_finds: 'Viele Spritzenfunde', residents_complaints: 'Beschwerden von Anwohnenden', aggression_violence: 'Aggression und Gewalt', new_scene: 'Neue Szene', other: 'Sonstiges',
};
