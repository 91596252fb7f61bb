import type { DevelopmentCategory, Visibility } from './development-enums.js';

/**
 * CSV for German spreadsheet users: UTF-8 with BOM (Excel otherwise guesses Windows-1252 and breaks
 * umlauts), semicolon separator (the decimal comma makes "," the wrong choice in de-DE Excel), CRLF
 * line ends (RFC 4180), quoted where needed, and cells defused against formula injection
 * (OWASP "CSV Injection": a leading = + - @ tab or CR makes Excel/LibreOffice evaluate the cell).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_SEPARATOR = ';';
export const CSV_EOL = '\r\n';

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

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** Escapes one cell: defuse a formula start with a leading apostrophe, then quote if needed. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  if (NEEDS_QUOTES.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

export function csvLine(cells: Array<string | number | null | undefined>): string {
  return cells.map(csvCell).join(CSV_SEPARATOR) + CSV_EOL;
}

const BERLIN = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
});

/** "dd.MM.yyyy HH:mm" in Europe/Berlin (DST-correct), as a person in the city reads it. */
export function formatBerlin(d: Date): string {
  const p = Object.fromEntries(BERLIN.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}.${p.month}.${p.year} ${p.hour}:${p.minute}`;
}

/** "yyyy-MM-dd" in Europe/Berlin, for file names. */
export function berlinDate(d: Date): string {
  const p = Object.fromEntries(BERLIN.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}

export function developmentsToCsv(rows: Iterable<DevelopmentCsvRow>): string {
  const parts: string[] = [CSV_BOM, csvLine([...DEVELOPMENT_CSV_HEADERS])];
  for (const r of rows) {
    parts.push(csvLine([
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
  return parts.join('');
}
