import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { JobProducer } from '#queue/job-producer.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { KeyColumn, keysetPage, keysetPlan, Page, PageRequest, pageLimit } from '../common/pagination.js';
import { preparedQuery } from '../common/prepared-query.js';
import { assertActiveReferences, readActiveReference } from '../common/references.js';
import { checkVersion } from '../common/version-check.js';
import { GeoLookupService } from '../places/geo-lookup.service.js';
import { assertInCityArea } from '../places/places.service.js';
import { berlinDateOf } from '../common/berlin-time.js';
import { DevelopmentCsvRow, developmentsToCsv } from './development-csv.js';
import type { DevelopmentCategory, Visibility } from './development-enums.js';
import { applyDevelopmentFilter, assertValidFilter, auditableFilter, developmentFilterConditions, DevelopmentFilter } from './development-filter.js';
import { developmentViewSql, DevelopmentView, DevelopmentViewRow, toDevelopmentView } from './development-view.js';
import { applyVisibility, visibilityCondition } from './development-visibility.js';
import { Development } from './development.entity.js';
import { Substance } from './substance.entity.js';

/** Where a development happened: a known place, or coordinates (then the district is looked up). */
export interface LocationInput {
  placeId?: string;
  lat?: number;
  lon?: number;
}

export interface DevelopmentInput extends LocationInput {
  category: DevelopmentCategory;
  observedAt: Date;
  count?: number | null;
  substances?: string[];
  severity: number;
  /** Free text; no personal data about drug users. Never logged, never copied into the audit trail. */
  description?: string;
  visibility: Visibility;
  visibleAgencyIds?: string[];
}

export type DevelopmentPatch = Partial<DevelopmentInput>;

export interface ResolvedLocation {
  placeId: string | null;
  lat: number;
  lon: number;
  districtId: string | null;
  nearestSensitivePlaceId: string | null;
  nearestSensitiveDistanceM: number | null;
}

export type LocationConfig = Pick<AppConfig, 'SENSITIVE_PLACE_RADIUS_M' | 'CITY_MIN_LAT' | 'CITY_MAX_LAT' | 'CITY_MIN_LON' | 'CITY_MAX_LON' | 'CITY_MARGIN_KM'>;

/** Clock skew we tolerate between a reporting device and the server. */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Larger exports are refused: they would hold the whole table in memory and rarely help anyone. */
export const EXPORT_MAX_ROWS = 100_000;

const AUDITED = ['category', 'observedAt', 'placeId', 'lat', 'lon', 'districtId', 'count', 'substances', 'severity', 'description', 'visibility', 'visibleAgencyIds', 'nearestSensitivePlaceId', 'nearestSensitiveDistanceM'];
const FREE_TEXT = ['description', 'withdrawalReason'];

@Injectable()
export class DevelopmentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly geo: GeoLookupService,
    private readonly config: AppConfig,
    private readonly jobs: JobProducer,
  ) {}

  /**
   * A liaison logs what their agency observed; agency and reporter come from the actor, never from
   * input. The audit entry is written before the row, and the answer comes from the INSERT itself
   * (RETURNING, joined with the names it shows): the INSERT's trigger takes the scope counter rows'
   * locks (development-changes.ts), and nothing but the COMMIT runs while they are held.
   */
  async create(actor: Actor, input: DevelopmentInput): Promise<DevelopmentView> {
    if (!hasRole(actor, 'liaison')) throw new DomainError(403, 'ROLE_REQUIRED', 'Only liaisons log developments for their agency.', undefined, { requiredRoles: ['liaison'] });
    assertObservedAt(input.observedAt);
    assertLocationGiven(input);
    const created = await this.db.transaction(async (m) => {
      const location = await resolveDevelopmentLocation(m, this.geo, this.config, input);
      const substances = await assertActiveReferences(m, 'substance', input.substances ?? [], 'substances');
      const visibleAgencyIds = await checkVisibility(m, input.visibility, input.visibleAgencyIds, []);
      const dev = {
        id: randomUUID(),
        category: input.category,
        observedAt: input.observedAt,
        ...location,
        count: input.count ?? null,
        substances,
        severity: input.severity,
        description: (input.description ?? '').trim(),
        visibility: input.visibility,
        visibleAgencyIds,
      };
      await this.audit.record(m, actor, 'create', 'development', dev.id, AuditService.diff(null, dev, AUDITED, FREE_TEXT));
      const rows = await preparedQuery<DevelopmentViewRow>(m, INSERT_SQL, [
        dev.id, dev.category, dev.observedAt, dev.placeId, dev.lat, dev.lon, dev.districtId, dev.count, dev.substances, dev.severity,
        dev.description, actor.agencyId, actor.id, dev.visibility, dev.visibleAgencyIds, dev.nearestSensitivePlaceId, dev.nearestSensitiveDistanceM,
      ]);
      return toDevelopmentView(rows[0]!);
    });
    await this.requestRuleEvaluation(created.id);
    return created;
  }

  /**
   * After the commit (no network I/O inside a transaction), ask the worker to evaluate the
   * threshold rules this development can concern: its id only, one job per development (the job id
   * dedupes). If the queue cannot be reached the development is kept all the same: the periodic
   * run (escalation-rules-sweep) evaluates every rule and catches up.
   */
  private async requestRuleEvaluation(developmentId: string): Promise<void> {
    try {
      await this.jobs.add('escalation-rules-evaluate', { developmentId }, { jobId: `esc-dev-${developmentId}` });
    } catch {
      // Caught up by the periodic run, see above.
    }
  }

  /**
   * A single development, if the viewer may see it (404 otherwise: existence is not revealed).
   * One prepared statement, narrowed by the visibility predicate.
   */
  async get(viewer: Actor, id: string): Promise<DevelopmentView> {
    const vis = visibilityCondition('d', viewer);
    const [sql, values] = this.db.driver.escapeQueryWithParameters(`${developmentViewSql('developments')}\nWHERE d.id = :id AND ${vis.sql}`, { ...vis.params, id });
    const rows = await preparedQuery<DevelopmentViewRow>(this.db, sql, values);
    if (!rows.length) throw DomainError.notFound('development');
    const dev = toDevelopmentView(rows[0]!);
    if (dev.visibility !== 'all') await this.auditReads(viewer, [dev]);
    return dev;
  }

  /**
   * A page of what the viewer may see, as one prepared statement: the visibility predicate, the
   * filter's conditions and the keyset. Its text depends on which filters are set, the sort and
   * the page size, never on values, so each shape is planned once per connection.
   */
  async list(viewer: Actor, filter: DevelopmentFilter, page: PageRequest): Promise<Page<DevelopmentView>> {
    assertValidFilter(filter);
    const vis = visibilityCondition('d', viewer);
    const conditions = [vis, ...developmentFilterConditions('d', filter)];
    const plan = keysetPlan(page, LIST_SORTS, LIST_ID);
    if (plan.where) conditions.push(plan.where);
    const extra = plan.select.map((c) => `, ${c.sql} AS ${c.alias}`).join('');
    const text = `${developmentViewSql('developments', extra)}
WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ')}
ORDER BY ${plan.orderBy.map((o) => `${o.sql} ${o.dir}${o.nulls ? ` ${o.nulls}` : ''}`).join(', ')}
LIMIT ${pageLimit(page.limit) + 1}`;
    const [sql, values] = this.db.driver.escapeQueryWithParameters(text, Object.assign({}, ...conditions.map((c) => c.params)) as Record<string, unknown>);
    const rows = await preparedQuery<DevelopmentViewRow & Record<string, unknown>>(this.db, sql, values);
    const result = keysetPage(rows, page, LIST_SORTS, toDevelopmentView);
    const restricted = result.items.filter((d) => d.visibility !== 'all');
    if (restricted.length) await this.auditReads(viewer, restricted);
    return result;
  }

  /**
   * Correction by a liaison of the reporting agency; a stale version is refused (409, with the
   * current state). As in create(), the audit entry goes first and the UPDATE answers with the row.
   */
  async update(actor: Actor, id: string, patch: DevelopmentPatch, expectedVersion: number | undefined): Promise<DevelopmentView> {
    if (patch.observedAt !== undefined) assertObservedAt(patch.observedAt);
    const locationChange = patch.placeId !== undefined || patch.lat !== undefined || patch.lon !== undefined;
    if (locationChange) assertLocationGiven(patch);
    return this.db.transaction(async (m) => {
      const dev = await lockForChange(m, actor, id);
      await checkVersion(dev.version, expectedVersion, () => loadOne(m, id));
      const before = { ...dev };
      if (patch.category !== undefined) dev.category = patch.category;
      if (patch.observedAt !== undefined) dev.observedAt = patch.observedAt;
      if (locationChange) Object.assign(dev, await resolveDevelopmentLocation(m, this.geo, this.config, patch));
      if (patch.count !== undefined) dev.count = patch.count;
      if (patch.substances !== undefined) dev.substances = await assertActiveReferences(m, 'substance', patch.substances, 'substances', { kept: dev.substances });
      if (patch.severity !== undefined) dev.severity = patch.severity;
      if (patch.description !== undefined) dev.description = patch.description.trim();
      if (patch.visibility !== undefined || patch.visibleAgencyIds !== undefined) {
        const visibility = patch.visibility ?? dev.visibility;
        // Switching to 'agencies' without a new list keeps the old one; switching away clears it.
        const ids = patch.visibleAgencyIds ?? (visibility === 'agencies' ? dev.visibleAgencyIds : undefined);
        dev.visibleAgencyIds = await checkVisibility(m, visibility, ids, dev.visibleAgencyIds);
        dev.visibility = visibility;
      }
      const changes = AuditService.diff(before, { ...dev }, AUDITED, FREE_TEXT);
      if (Object.keys(changes).length === 0) return loadOne(m, id);
      await this.audit.record(m, actor, 'update', 'development', id, changes);
      const rows = await preparedQuery<DevelopmentViewRow>(m, UPDATE_SQL, [
        id, dev.category, dev.observedAt, dev.placeId, dev.lat, dev.lon, dev.districtId, dev.count, dev.substances, dev.severity,
        dev.description, dev.visibility, dev.visibleAgencyIds, dev.nearestSensitivePlaceId, dev.nearestSensitiveDistanceM,
      ]);
      return toDevelopmentView(rows[0]!);
    });
  }

  /** Withdrawal keeps the record (and its audit trail) but takes it out of lists, counts and trends. */
  async withdraw(actor: Actor, id: string, reason: string, expectedVersion?: number): Promise<DevelopmentView> {
    return this.db.transaction(async (m) => {
      const dev = await lockForChange(m, actor, id);
      await checkVersion(dev.version, expectedVersion, () => loadOne(m, id));
      const withdrawnAt = new Date();
      await this.audit.record(m, actor, 'withdraw', 'development', id, {
        withdrawnAt: { old: null, new: withdrawnAt.toISOString() },
        withdrawalReason: { changed: true },
      });
      const rows = await preparedQuery<DevelopmentViewRow>(m, WITHDRAW_SQL, [id, withdrawnAt, actor.id, reason.trim()]);
      return toDevelopmentView(rows[0]!);
    });
  }

  /** The list's filters as a CSV file for spreadsheets; visibility applies, one audit entry per export. */
  async exportCsv(viewer: Actor, filter: DevelopmentFilter): Promise<{ csv: string; rows: number; filename: string }> {
    assertValidFilter(filter);
    const counted = await this.visibleQuery(viewer, filter).select('count(*)::int', 'n').getRawOne<{ n: number }>();
    const total = Number(counted?.n ?? 0);
    if (total > EXPORT_MAX_ROWS) {
      throw new DomainError(422, 'EXPORT_TOO_LARGE', `The export would have ${total} rows; at most ${EXPORT_MAX_ROWS} are possible. Narrow the filter (e.g. a shorter period or one district).`, undefined, { rows: total, maxRows: EXPORT_MAX_ROWS });
    }
    const raw = await this.visibleQuery(viewer, filter)
      .leftJoin('d.place', 'place').leftJoin('d.district', 'district').leftJoin('d.reportingAgency', 'agency').leftJoin('d.nearestSensitivePlace', 'nsp')
      .select(['d.category AS category', 'd.observed_at AS "observedAt"', 'place.name AS "placeName"', 'district.name AS "districtName"', 'd.count AS count',
        'd.substances AS substances', 'd.severity AS severity', 'd.description AS description', 'agency.name AS "agencyName"', 'd.visibility AS visibility',
        'nsp.name AS "nspName"', 'd.nearest_sensitive_distance_m AS "nspDistance"', 'd.withdrawn_at IS NOT NULL AS withdrawn'])
      .orderBy('d.observed_at', 'DESC').addOrderBy('d.id', 'DESC')
      .getRawMany<{
        category: DevelopmentCategory; observedAt: Date; placeName: string | null; districtName: string | null; count: number | null; substances: string[];
        severity: number; description: string; agencyName: string; visibility: Visibility; nspName: string | null; nspDistance: number | null; withdrawn: boolean;
      }>();
    const labels = new Map((await this.db.getRepository(Substance).find()).map((s) => [s.code, s.label]));
    const rows: DevelopmentCsvRow[] = raw.map((r) => ({
      category: r.category,
      observedAt: new Date(r.observedAt),
      placeName: r.placeName,
      districtName: r.districtName,
      count: r.count,
      substanceLabels: (r.substances ?? []).map((c) => labels.get(c) ?? c),
      severity: Number(r.severity),
      description: r.description,
      agencyName: r.agencyName,
      visibility: r.visibility,
      nearestSensitivePlaceName: r.nspName,
      nearestSensitiveDistanceM: r.nspDistance,
      withdrawn: r.withdrawn,
    }));
    // The export itself is the audited event (ARCHITECTURE.md invariants); the filter is kept, its search text is not.
    await this.audit.record(this.db.manager, viewer, 'export', 'development', randomUUID(), {
      filter: { new: auditableFilter(filter) },
      rows: { new: rows.length },
    });
    return { csv: developmentsToCsv(rows), rows: rows.length, filename: `lagemeldungen-${berlinDateOf(new Date())}.csv` };
  }

  private visibleQuery(viewer: Actor, filter: DevelopmentFilter): SelectQueryBuilder<Development> {
    const qb = this.db.getRepository(Development).createQueryBuilder('d');
    applyVisibility(qb, 'd', viewer);
    return applyDevelopmentFilter(qb, 'd', filter);
  }

  /**
   * Every read of a record that is not visible to all is in the audit trail (ARCHITECTURE.md
   * invariants): one INSERT for the page, atomic on its own.
   */
  private async auditReads(viewer: Actor, devs: DevelopmentView[]): Promise<void> {
    await this.audit.recordMany(this.db.manager, viewer, 'read', 'development', devs.map((d) => ({ entityId: d.id, changes: { visibility: { new: d.visibility } } })));
  }
}

/** What the list sorts by (the public names) and its tie-breaker, as keysetPlan takes them. */
const LIST_SORTS: Record<string, KeyColumn> = {
  observedAt: { sql: 'd.observed_at', type: 'timestamptz' },
  severity: { sql: 'd.severity', type: 'smallint' },
  createdAt: { sql: 'd.created_at', type: 'timestamptz' },
};
const LIST_ID: KeyColumn = { sql: 'd.id', type: 'uuid' };

const INSERT_SQL = `WITH w AS (
  INSERT INTO developments (id, category, observed_at, place_id, lat, lon, district_id, count, substances, severity, description,
    reporting_agency_id, reporter_id, visibility, visible_agency_ids, nearest_sensitive_place_id, nearest_sensitive_distance_m)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
  RETURNING *)
${developmentViewSql('w')}`;

/** Every field a correction can change; the version and updated_at move as TypeORM's save moved them. */
const UPDATE_SQL = `WITH w AS (
  UPDATE developments SET category = $2, observed_at = $3, place_id = $4, lat = $5, lon = $6, district_id = $7, count = $8, substances = $9,
    severity = $10, description = $11, visibility = $12, visible_agency_ids = $13, nearest_sensitive_place_id = $14, nearest_sensitive_distance_m = $15,
    version = version + 1, updated_at = now()
  WHERE id = $1
  RETURNING *)
${developmentViewSql('w')}`;

const WITHDRAW_SQL = `WITH w AS (
  UPDATE developments SET withdrawn_at = $2, withdrawn_by = $3, withdrawal_reason = $4, version = version + 1, updated_at = now()
  WHERE id = $1
  RETURNING *)
${developmentViewSql('w')}`;

const LOAD_SQL = `${developmentViewSql('developments')}
WHERE d.id = $1`;

/** The development as answers show it, read inside the caller's transaction (visibility checked before). */
async function loadOne(m: EntityManager, id: string): Promise<DevelopmentView> {
  const rows = await preparedQuery<DevelopmentViewRow>(m, LOAD_SQL, [id]);
  if (!rows.length) throw DomainError.notFound('development');
  return toDevelopmentView(rows[0]!);
}

/**
 * Locks the row for a change by the actor. Invisible -> 404 (as for a read); visible but not the
 * actor's agency, or the actor is no liaison -> 403; already withdrawn -> 409.
 */
async function lockForChange(m: EntityManager, actor: Actor, id: string): Promise<Development> {
  const qb = m.getRepository(Development).createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write');
  const dev = await applyVisibility(qb, 'd', actor).getOne();
  if (!dev) throw DomainError.notFound('development');
  if (dev.reportingAgencyId !== actor.agencyId || !hasRole(actor, 'liaison')) {
    throw new DomainError(403, 'NOT_REPORTING_AGENCY', 'Only liaisons of the reporting agency may correct or withdraw this development.');
  }
  if (dev.withdrawnAt) throw new DomainError(409, 'DEVELOPMENT_WITHDRAWN', 'This development has been withdrawn and can no longer be changed.');
  return dev;
}

function assertObservedAt(observedAt: Date): void {
  if (Number.isNaN(observedAt.getTime())) throw new DomainError(400, 'INVALID_DATE', 'observedAt is not a valid date.', 'observedAt');
  if (observedAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) {
    throw new DomainError(422, 'OBSERVED_IN_FUTURE', 'observedAt lies in the future. Enter when it was observed.', 'observedAt');
  }
}

/** Either a place or both coordinates: never both (the place decides), never neither. */
function assertLocationGiven(loc: LocationInput): void {
  const hasLat = loc.lat !== undefined && loc.lat !== null;
  const hasLon = loc.lon !== undefined && loc.lon !== null;
  if (loc.placeId && (hasLat || hasLon)) {
    throw new DomainError(400, 'PLACE_OR_COORDINATES', 'Give either a place or coordinates, not both: with a place, the coordinates come from the place.', hasLat ? 'lat' : 'lon');
  }
  if (!loc.placeId && !hasLat && !hasLon) throw new DomainError(400, 'LOCATION_REQUIRED', 'Give a place (placeId) or coordinates (lat and lon).', 'placeId');
  if (!loc.placeId && !(hasLat && hasLon)) throw new DomainError(400, 'LOCATION_REQUIRED', 'Coordinates need both lat and lon.', hasLat ? 'lon' : 'lat');
}

/**
 * Place -> its coordinates and district; coordinates -> the district they fall in. Either way the
 * nearest particularly sensitive place within the configured radius is stored with its distance.
 * Exported for the demo loader, so that demo data is derived exactly like real data.
 */
export async function resolveDevelopmentLocation(m: EntityManager, geo: GeoLookupService, config: LocationConfig, loc: LocationInput): Promise<ResolvedLocation> {
  let placeId: string | null = null;
  let lat: number;
  let lon: number;
  let districtId: string | null;
  if (loc.placeId) {
    const place = await readActiveReference<{ lat: number; lon: number; districtId: string | null }>(m, 'place', loc.placeId, 'placeId', 'lat, lon, district_id AS "districtId"');
    ({ lat, lon } = place);
    placeId = loc.placeId;
    districtId = place.districtId ?? (await geo.districtAt(lat, lon, m));
  } else {
    lat = loc.lat!;
    lon = loc.lon!;
    assertInCityArea(config, lat, lon);
    districtId = await geo.districtAt(lat, lon, m);
  }
  const nearest = await geo.nearestSensitivePlace(lat, lon, m, config.SENSITIVE_PLACE_RADIUS_M);
  return { placeId, lat, lon, districtId, nearestSensitivePlaceId: nearest?.placeId ?? null, nearestSensitiveDistanceM: nearest?.distanceM ?? null };
}

/** 'agencies' needs a non-empty list of active agencies (those already named may stay); the other visibilities take none. */
async function checkVisibility(m: EntityManager, visibility: Visibility, ids: string[] | undefined, kept: string[]): Promise<string[]> {
  if (visibility !== 'agencies') {
    if (ids?.length) throw new DomainError(400, 'VISIBLE_AGENCIES_NOT_ALLOWED', 'visibleAgencyIds is only used with visibility "agencies".', 'visibleAgencyIds');
    return [];
  }
  const unique = [...new Set(ids ?? [])];
  if (!unique.length) throw new DomainError(400, 'VISIBLE_AGENCIES_REQUIRED', 'With visibility "agencies", name at least one agency in visibleAgencyIds.', 'visibleAgencyIds');
  return assertActiveReferences(m, 'agency', unique, 'visibleAgencyIds', { kept });
}
