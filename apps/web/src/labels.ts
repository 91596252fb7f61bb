import type { Schemas } from './api/client';

/**
 * The German names of the API's values (categories, statuses, kinds, roles): the one table of
 * each, for every page. Formatting of dates and numbers is in format.ts. The audit trail's own words
 * (actions, kinds of record, field names) are with the Prüfprotokoll, their only reader, so that
 * they stay out of the initial bundle.
 */

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

export const KEY_FIGURE_STATUS_LABELS: Record<Schemas['KeyFigureResultDto']['status'], string> = { on_track: 'Im Plan', off_track: 'Nicht im Plan', no_data: 'Noch keine Aussage' };

export type AgencyKind = Schemas['AgencyResponseDto']['kind'];
export type Role = Schemas['PersonResponseDto']['roles'][number];

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  police: 'Polizei',
  public_order_office: 'Ordnungsamt',
  youth_office: 'Jugendamt',
  drug_help: 'Drogen- und Suchthilfe',
  school: 'Schule / Schulamt',
  street_cleaning: 'Stadtreinigung',
  streetwork: 'Streetwork',
  health_office: 'Gesundheitsamt',
  social_office: 'Sozialamt',
  neighbourhood_management: 'Quartiersmanagement',
  housing: 'Wohnungswirtschaft',
  civil_society: 'Zivilgesellschaft',
  other: 'Sonstige',
};
export const AGENCY_KINDS = Object.keys(AGENCY_KIND_LABELS) as AgencyKind[];

export const ROLE_LABELS: Record<Role, string> = {
  liaison: 'Verbindungsperson (Liaison)',
  coordinator: 'Koordination',
  leadership: 'Leitung',
  admin: 'Administration',
};
export const ROLES = Object.keys(ROLE_LABELS) as Role[];
