import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { developmentInDistrictsSql } from '../places/district-filter.js';
import { nearParams, sqlDistanceMeters, sqlWithinBox } from '../places/geo.js';
import type { DevelopmentCategory } from './development-enums.js';

/** What lists, exports and (partly) trends can filter on. Visibility is NOT a filter: see applyVisibility. */
export interface DevelopmentFilter {
  districtId?: string;
  placeId?: string;
  categories?: DevelopmentCategory[];
  agencyId?: string;
  /**
   * Reported by this person. The API sets it only to the reader's own id (`reportedBy=me`), never
   * from input: like every filter it narrows what applyVisibility already allows, so a person who
   * moved to another agency does not get back the restricted records they once reported.
   */
  reporterId?: string;
  /** observedAt >= from (inclusive) */
  from?: Date;
  /** observedAt < to (exclusive) */
  to?: Date;
  near?: { lat: number; lon: number; radiusM: number };
  nearSensitiveOnly?: boolean;
  /** Full-text search on the description (German stemming). Free text: never logged or audited. */
  q?: string;
  includeWithdrawn?: boolean;
}

export const MAX_NEAR_RADIUS_M = 50_000;

/** A condition of a filter: SQL with `:name` parameters and their values. */
export interface FilterCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * THE meaning of each filter, as conditions over developments (alias). Query builders take them
 * through applyDevelopmentFilter; the list's prepared statement joins them into its text. The
 * SQL text depends only on which filters are set, never on their values.
 */
export function developmentFilterConditions(alias: string, f: DevelopmentFilter): FilterCondition[] {
  const a = alias;
  const out: FilterCondition[] = [];
  if (!f.includeWithdrawn) out.push({ sql: `${a}.withdrawn_at IS NULL`, params: {} });
  if (f.districtId) out.push({ sql: developmentInDistrictsSql(a, ':fDistricts'), params: { fDistricts: [f.districtId] } });
  if (f.placeId) out.push({ sql: `${a}.place_id = :fPlace`, params: { fPlace: f.placeId } });
  if (f.categories?.length) out.push({ sql: `${a}.category = ANY(CAST(:fCategories AS text[]))`, params: { fCategories: [...new Set(f.categories)] } });
  if (f.agencyId) out.push({ sql: `${a}.reporting_agency_id = :fAgency`, params: { fAgency: f.agencyId } });
  if (f.reporterId) out.push({ sql: `${a}.reporter_id = :fReporter`, params: { fReporter: f.reporterId } });
  if (f.from) out.push({ sql: `${a}.observed_at >= :fFrom`, params: { fFrom: f.from } });
  if (f.to) out.push({ sql: `${a}.observed_at < :fTo`, params: { fTo: f.to } });
  if (f.nearSensitiveOnly) out.push({ sql: `${a}.nearest_sensitive_place_id IS NOT NULL`, params: {} });
  if (f.near) {
    const { lat, lon, radiusM } = f.near;
    // The box is an index range on (lat, lon); the haversine then cuts the corners off.
    out.push({
      sql: `${sqlWithinBox(`${a}.lat`, `${a}.lon`, 'fNear')} AND ${sqlDistanceMeters(`${a}.lat`, `${a}.lon`, 'fNear')} <= :fNearRadius`,
      params: nearParams('fNear', lat, lon, radiusM),
    });
  }
  if (f.q) out.push({ sql: `to_tsvector('german', ${a}.description) @@ plainto_tsquery('german', :fQ)`, params: { fQ: f.q } });
  return out;
}

export function applyDevelopmentFilter<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, f: DevelopmentFilter): SelectQueryBuilder<T> {
  for (const c of developmentFilterConditions(alias, f)) qb.andWhere(c.sql, c.params);
  return qb;
}

/** Range checks that a DTO cannot express (the pair from/to, the parsed near point). */
export function assertValidFilter(f: DevelopmentFilter): void {
  if (f.from && f.to && f.from >= f.to) throw new DomainError(400, 'INVALID_RANGE', '"to" must be after "from".', 'to');
  if (f.near) {
    const { lat, lon, radiusM } = f.near;
    if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) throw new DomainError(400, 'INVALID_NEAR', 'near must be "lat,lon" with a latitude in -90..90 and a longitude in -180..180.', 'near');
    if (!(radiusM > 0 && radiusM <= MAX_NEAR_RADIUS_M)) throw new DomainError(400, 'INVALID_RADIUS', `radiusM must be between 1 and ${MAX_NEAR_RADIUS_M}.`, 'radiusM');
  }
}

/** The filter as it may go into the audit trail: the search text is replaced by a marker. */
export function auditableFilter(f: DevelopmentFilter): Record<string, unknown> {
  const { q, from, to, ...rest } = f;
  return {
    ...rest,
    ...(from ? { from: from.toISOString() } : {}),
    ...(to ? { to: to.toISOString() } : {}),
    ...(q ? { textSearch: true } : {}),
  };
}
