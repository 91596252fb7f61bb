import type { Schemas } from '../../api/client';

export type Agency = Schemas['AgencyResponseDto'];
export type AgencyKind = Agency['kind'];
export type Person = Schemas['PersonResponseDto'];
export type Role = Person['roles'][number];
export type AuditEntry = Schemas['AuditEntryResponseDto'];
export type AuditAction = AuditEntry['action'];

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

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  create: 'angelegt',
  update: 'geändert',
  deactivate: 'deaktiviert',
  reactivate: 'reaktiviert',
  read: 'gelesen',
  export: 'exportiert',
  login: 'angemeldet',
  logout: 'abgemeldet',
  password_change: 'Passwort geändert',
  withdraw: 'zurückgezogen',
  confirm_access: 'Zugang bestätigt',
  delete: 'gelöscht',
};
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

/** The kinds of record the trail is about (entityType); the API takes any such name as a filter. */
export const ENTITY_TYPE_LABELS: Record<string, string> = {
  agency: 'Behörde',
  agency_webhook: 'Webhook einer Behörde',
  agenda_item: 'Tagesordnungspunkt',
  calendar_feed: 'Kalender-Abo',
  development: 'Meldung',
  district: 'Stadtteil',
  escalation: 'Eskalation',
  key_figure: 'Kennzahl',
  measure: 'Maßnahme',
  milestone: 'Meilenstein',
  minutes_entry: 'Protokolleintrag (Rapport)',
  notification_settings: 'Benachrichtigungseinstellungen',
  person: 'Person',
  place: 'Ort',
  rapport: 'Rapport',
  rapport_invitation: 'Einladung',
  rapport_series: 'Rapportreihe',
  reminder: 'Erinnerung',
  substance: 'Substanz',
  threshold_rule: 'Schwellenregel',
};

/** Field names in the trail's `changes`, as a person reads them. */
export const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  kind: 'Art',
  code: 'Kurzzeichen',
  active: 'Aktiv',
  email: 'E-Mail-Adresse',
  displayName: 'Name',
  roles: 'Rollen',
  agencyId: 'Behörde',
  deputyId: 'Vertretung',
  accessConfirmed: 'Zugang bestätigt',
  confirmedAs: 'Bestätigt als',
  url: 'Adresse',
  secret: 'Signatur-Geheimnis',
  title: 'Titel',
  description: 'Beschreibung',
  status: 'Status',
  deadline: 'Frist',
  count: 'Anzahl',
  rowCount: 'Zeilen',
};
