// The generic CSV helpers live with the developments export for now (the lead moves them to
// libs/domain/common later); the conventions are the same: UTF-8 with BOM, semicolons, CRLF,
// German headers, Berlin dates, formula injection defused.
import { berlinDate, CSV_BOM, csvLine, formatBerlin } from '../developments/development-csv.js';
import { formatGermanDate } from './berlin-date.js';
import { MeasurePriority, MeasureStatus, overdueInfo } from './measure-status.js';

export const MEASURE_CSV_HEADERS = [
  'Titel', 'Status', 'Überfällig', 'Tage überfällig', 'Priorität', 'Federführende Behörde', 'Verantwortlich', 'Vertretung',
  'Beginn', 'Frist', 'Orte', 'Stadtteile', 'Meilensteine erledigt', 'Meilensteine gesamt', 'Beschreibung', 'Begründung (blockiert/abgebrochen)',
  'Abschlussvermerk', 'Erledigt am', 'Angelegt am', 'Zuletzt geändert',
] as const;

export const STATUS_LABELS_DE: Record<MeasureStatus, string> = {
  planned: 'Geplant',
  in_progress: 'In Umsetzung',
  done: 'Erledigt',
  blocked: 'Blockiert',
  cancelled: 'Abgebrochen',
};

export const PRIORITY_LABELS_DE: Record<MeasurePriority, string> = {
  low: 'Niedrig',
  normal: 'Normal',
  high: 'Hoch',
  urgent: 'Dringend',
};

export interface MeasureCsvRow {
  title: string;
  status: MeasureStatus;
  priority: MeasurePriority;
  agencyName: string;
  responsibleName: string;
  deputyName: string | null;
  startDate: string;
  deadline: string;
  placeNames: string[];
  districtNames: string[];
  milestones: number;
  milestonesDone: number;
  description: string;
  statusReason: string | null;
  completionNote: string | null;
  completedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export function measuresToCsv(rows: Iterable<MeasureCsvRow>, today: string): string {
  const parts: string[] = [CSV_BOM, csvLine([...MEASURE_CSV_HEADERS])];
  for (const r of rows) {
    const { overdue, daysOverdue } = overdueInfo(r.status, r.deadline, today);
    parts.push(csvLine([
      r.title,
      STATUS_LABELS_DE[r.status],
      overdue ? 'ja' : 'nein',
      overdue ? daysOverdue : null,
      PRIORITY_LABELS_DE[r.priority],
      r.agencyName,
      r.responsibleName,
      r.deputyName,
      formatGermanDate(r.startDate),
      formatGermanDate(r.deadline),
      r.placeNames.join(', '),
      r.districtNames.join(', '),
      r.milestonesDone,
      r.milestones,
      r.description,
      r.statusReason,
      r.completionNote,
      r.completedAt ? formatBerlin(r.completedAt) : null,
      formatBerlin(r.createdAt),
      formatBerlin(r.updatedAt),
    ]));
  }
  return parts.join('');
}

export function measuresCsvFilename(now: Date): string {
  return `massnahmen-${berlinDate(now)}.csv`;
}
