import { formatBerlin } from '../common/berlin-time.js';
import { csvFile } from '../common/csv.js';
import type { DevelopmentCategory, Visibility } from './development-enums.js';

/** The developments export; the CSV conventions themselves are in common/csv.ts. */
export const DEVELOPMENT_CSV_HEADERS = [
  'Kategorie', 'Beobachtet am', 'Ort', 'Stadtteil', 'Anzahl', 'Substanzen', 'Schweregrad', 'Beschreibung',
  'Meldende Behörde', 'Sichtbarkeit', 'Nächster sensibler Ort', 'Abstand (m)', 'Zurückgezogen',
] as const;

export const CATEGORY_LABELS_DE: Record<DevelopmentCategory, string> = {
  syringe_finds: 'Spritzenfunde',
  complaint: 'Beschwerde',
  aggression_violence: 'Aggression/Gewalt',
  new_scene: 'Neue Szene',
  dealing: 'Handel',
  public_consumption: 'Öffentlicher Konsum',
  camping: 'Lagern/Übernachten',
  enforcement_action: 'Einsatzmaßnahme',
  other: 'Sonstiges',
};

export const VISIBILITY_LABELS_DE: Record<Visibility, string> = {
  all: 'Alle Beteiligten',
  own_agency: 'Nur eigene Behörde',
  agencies: 'Ausgewählte Behörden',
};

/** One exported development, already resolved to display values. */
export interface DevelopmentCsvRow {
  category: DevelopmentCategory;
  observedAt: Date;
  placeName: string | null;
  districtName: string | null;
  count: number | null;
  substanceLabels: string[];
  severity: number;
  description: string;
  agencyName: string;
  visibility: Visibility;
  nearestSensitivePlaceName: string | null;
  nearestSensitiveDistanceM: number | null;
  withdrawn: boolean;
}

export function developmentsToCsv(rows: DevelopmentCsvRow[]): string {
  return csvFile(DEVELOPMENT_CSV_HEADERS, rows.map((r) => [
    CATEGORY_LABELS_DE[r.category],
    formatBerlin(r.observedAt),
    r.placeName,
    r.districtName,
    r.count,
    r.substanceLabels.join(', '),
    r.severity,
    r.description,
    r.agencyName,
    VISIBILITY_LABELS_DE[r.visibility],
    r.nearestSensitivePlaceName,
    r.nearestSensitiveDistanceM,
    r.withdrawn ? 'ja' : 'nein',
  ]));
}
