// The measures export; the CSV conventions themselves are in common/csv.ts.
import { berlinDateOf, formatBerlin, formatGermanDate } from '../common/berlin-time.js';
import { csvFile } from '../common/csv.js';
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

export function measuresToCsv(rows: MeasureCsvRow[], today: string): string {
  return csvFile(MEASURE_CSV_HEADERS, rows.map((r) => {
    const { overdue, daysOverdue } = overdueInfo(r.status, r.deadline, today);
    return [
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
    ];
  }));
}

export function measuresCsvFilename(now: Date): string {
  return `massnahmen-${berlinDateOf(now)}.csv`;
}
