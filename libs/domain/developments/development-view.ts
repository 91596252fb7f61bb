import type { SensitiveKind } from '../places/place-kind.js';
import type { DevelopmentCategory, Visibility } from './development-enums.js';

/**
 * A development as every answer shows it: its own fields and the names of what it refers to
 * (place, district, reporting agency, nearest sensitive place). Read by one narrow statement
 * (developmentViewSql) and built straight from its row, without TypeORM entities: the district
 * boundaries and the other columns no answer shows are never read (issue 11).
 */
export interface DevelopmentView {
  id: string;
  category: DevelopmentCategory;
  observedAt: Date;
  place: { id: string; name: string } | null;
  lat: number;
  lon: number;
  district: { id: string; name: string } | null;
  count: number | null;
  substances: string[];
  severity: number;
  /** Free text; no personal data about drug users. Never logged. */
  description: string;
  reportingAgency: { id: string; name: string; code: string };
  reporterId: string;
  visibility: Visibility;
  visibleAgencyIds: string[];
  nearestSensitivePlace: { id: string; name: string; sensitiveKind: SensitiveKind | null; distanceM: number } | null;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** The row of developmentViewSql, as node-postgres returns it. */
export interface DevelopmentViewRow {
  id: string;
  category: DevelopmentCategory;
  observed_at: Date;
  place_id: string | null;
  place_name: string | null;
  lat: number;
  lon: number;
  district_id: string | null;
  district_name: string | null;
  count: number | null;
  substances: string[];
  severity: number;
  description: string;
  reporting_agency_id: string;
  agency_name: string | null;
  agency_code: string | null;
  reporter_id: string;
  visibility: Visibility;
  visible_agency_ids: string[];
  nsp_id: string | null;
  nsp_name: string | null;
  nsp_kind: SensitiveKind | null;
  nearest_sensitive_distance_m: number | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * SELECT of the view over `source` (a table or a CTE with the columns of developments) under the
 * alias `d`, with `extra` selected expressions (e.g. a page's cursor values). The caller appends
 * WHERE / ORDER BY. The joined ids are those of the joined rows, as the entity relations were.
 */
export function developmentViewSql(source: string, extra = ''): string {
  return `SELECT d.id, d.category, d.observed_at, place.id AS place_id, place.name AS place_name, d.lat, d.lon,
  district.id AS district_id, district.name AS district_name, d.count, d.substances, d.severity, d.description,
  d.reporting_agency_id, agency.name AS agency_name, agency.code AS agency_code, d.reporter_id, d.visibility, d.visible_agency_ids,
  nsp.id AS nsp_id, nsp.name AS nsp_name, nsp.sensitive_kind AS nsp_kind, d.nearest_sensitive_distance_m,
  d.withdrawn_at, d.withdrawal_reason, d.version, d.created_at, d.updated_at${extra}
FROM ${source} d
LEFT JOIN places place ON place.id = d.place_id
LEFT JOIN districts district ON district.id = d.district_id
LEFT JOIN agencies agency ON agency.id = d.reporting_agency_id
LEFT JOIN places nsp ON nsp.id = d.nearest_sensitive_place_id`;
}

export function toDevelopmentView(r: DevelopmentViewRow): DevelopmentView {
  return {
    id: r.id,
    category: r.category,
    observedAt: r.observed_at,
    place: r.place_id !== null ? { id: r.place_id, name: r.place_name! } : null,
    lat: r.lat,
    lon: r.lon,
    district: r.district_id !== null ? { id: r.district_id, name: r.district_name! } : null,
    count: r.count,
    substances: r.substances,
    severity: r.severity,
    description: r.description,
    reportingAgency: { id: r.reporting_agency_id, name: r.agency_name ?? '', code: r.agency_code ?? '' },
    reporterId: r.reporter_id,
    visibility: r.visibility,
    visibleAgencyIds: r.visible_agency_ids,
    nearestSensitivePlace: r.nsp_id !== null && r.nearest_sensitive_distance_m !== null
      ? { id: r.nsp_id, name: r.nsp_name!, sensitiveKind: r.nsp_kind, distanceM: r.nearest_sensitive_distance_m } : null,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
