import type { Schemas } from '../api/client';
import { formatDateTime, formatNumber } from '../format';
import { CATEGORY_LABELS } from '../labels';
import type { Column } from './DataTable';

/** A development as the lists show it: the Lagebild's full record, or the reference an escalation links. */
type ListedDevelopment = Schemas['LinkedDevelopmentDto'] & Partial<Pick<Schemas['DevelopmentResponseDto'], 'lat' | 'lon' | 'nearestSensitivePlace'>>;

function where(d: ListedDevelopment): string {
  if (d.place) return d.place.name;
  if (d.district) return d.district.name;
  return d.lat !== undefined && d.lon !== undefined ? `${formatNumber(d.lat)}, ${formatNumber(d.lon)}` : '–';
}

/** The columns of every table of developments (Lagebild, an escalation's developments). */
export const DEVELOPMENT_COLUMNS: Array<Column<ListedDevelopment>> = [
  { header: 'Beobachtet', cell: (d) => formatDateTime(d.observedAt) },
  { header: 'Kategorie', cell: (d) => `${CATEGORY_LABELS[d.category]}${d.withdrawn ? ' (zurückgezogen)' : ''}` },
  {
    header: 'Ort',
    cell: (d) => <>{where(d)}{d.nearestSensitivePlace && <> <span className="kern-badge kern-badge--danger kern-badge--small"><span className="kern-label">nahe {d.nearestSensitivePlace.name}</span></span></>}</>,
  },
  { header: 'Anzahl', kind: 'numeric', cell: (d) => (d.count === null ? '–' : formatNumber(d.count)) },
  { header: 'Schwere', kind: 'numeric', cell: (d) => d.severity },
  { header: 'Gemeldet von', cell: (d) => d.reportingAgency.name },
];
