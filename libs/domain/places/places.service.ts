import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppConfig } from '#config/app-config.js';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { escapeLike } from '../common/query-helpers.js';
import { assertActiveReferences } from '../common/references.js';
import { District } from './district.entity.js';
import { EARTH_RADIUS_M, nearParams, sqlDistanceMeters, sqlWithinBox } from './geo.js';
import { GeoLookupService } from './geo-lookup.service.js';
import type { PlaceKind, SensitiveKind } from './place-kind.js';
import { Place } from './place.entity.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';

export interface PlaceInput {
  name: string;
  kind: PlaceKind;
  sensitiveKind?: SensitiveKind | null;
  lat: number;
  lon: number;
  /** Used only when no district boundary contains the point. */
  districtId?: string | null;
  address?: string | null;
}

export interface PlaceFilter {
  kind?: PlaceKind;
  sensitiveKind?: SensitiveKind;
  districtId?: string;
  active?: boolean;
  q?: string;
  /** Places within radiusM metres of (lat, lon). */
  near?: { lat: number; lon: number; radiusM: number };
}

// The address is free text: the trail notes that it changed, not what it says.
const AUDITED = ['name', 'kind', 'sensitiveKind', 'lat', 'lon', 'districtId', 'address', 'active'];
const FREE_TEXT = ['address'];

@Injectable()
export class PlacesService {
  constructor(
    @InjectRepository(Place) private readonly places: Repository<Place>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly geo: GeoLookupService,
    private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, input: PlaceInput): Promise<Place> {
    const sensitiveKind = checkKind(input.kind, input.sensitiveKind ?? null);
    assertInCityArea(this.config, input.lat, input.lon);
    return this.db.transaction(async (m) => {
      const districtId = await this.resolveDistrict(m, input.lat, input.lon, input.districtId ?? null);
      const place = m.create(Place, {
        name: input.name.trim(), kind: input.kind, sensitiveKind, lat: input.lat, lon: input.lon,
        districtId, address: cleanText(input.address), active: true,
      });
      await m.save(place);
      await this.audit.record(m, actor, 'create', 'place', place.id, AuditService.diff(null, { ...place }, AUDITED, FREE_TEXT));
      return this.getIn(m, place.id);
    });
  }

  async get(id: string): Promise<Place> {
    const place = await this.places.findOne({ where: { id }, relations: { district: true } });
    if (!place) throw DomainError.notFound('place');
    return place;
  }

  list(filter: PlaceFilter, page: PageRequest): Promise<Page<Place>> {
    const qb = this.places.createQueryBuilder('p').leftJoinAndSelect('p.district', 'district');
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    if (filter.sensitiveKind) qb.andWhere('p.sensitive_kind = :sensitiveKind', { sensitiveKind: filter.sensitiveKind });
    if (filter.districtId) qb.andWhere('p.district_id = :districtId', { districtId: filter.districtId });
    if (filter.active !== undefined) qb.andWhere('p.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere('(p.name ILIKE :q OR p.address ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    if (filter.near) {
      // Box first (index on lat, lon), then the exact distance.
      qb.andWhere(sqlWithinBox('p.lat', 'p.lon', 'n'))
        .andWhere(`${sqlDistanceMeters('p.lat', 'p.lon', 'n')} <= :nRadius`)
        .setParameters(nearParams('n', filter.near.lat, filter.near.lon, filter.near.radiusM));
    }
    return paginate(qb, page, {
      name: { sql: 'p.name', type: 'text' },
      createdAt: { sql: 'p.created_at', type: 'timestamptz' },
      updatedAt: { sql: 'p.updated_at', type: 'timestamptz' },
    }, { sql: 'p.id', type: 'uuid' });
  }

  async update(actor: Actor, id: string, patch: Partial<PlaceInput>, expectedVersion?: number): Promise<Place> {
    return this.db.transaction(async (m) => {
      await updateAudited(m, this.audit, actor, Place, record(id), expectedVersion, { fields: AUDITED, changedOnly: FREE_TEXT }, async (place) => {
        const kind = patch.kind ?? place.kind;
        // Leaving the sensitive kind clears the sub-kind unless the patch names one (which is then refused).
        const requestedSub = patch.sensitiveKind !== undefined ? patch.sensitiveKind : patch.kind !== undefined && patch.kind !== 'sensitive' ? null : place.sensitiveKind;
        place.sensitiveKind = checkKind(kind, requestedSub);
        place.kind = kind;

        const moved = (patch.lat !== undefined && patch.lat !== place.lat) || (patch.lon !== undefined && patch.lon !== place.lon);
        if (moved) {
          place.lat = patch.lat ?? place.lat;
          place.lon = patch.lon ?? place.lon;
          assertInCityArea(this.config, place.lat, place.lon);
        }
        if (moved || patch.districtId !== undefined) {
          const given = patch.districtId !== undefined;
          const fallback = given ? patch.districtId ?? null : await this.districtKeptOnMove(m, place.districtId);
          place.districtId = await this.resolveDistrict(m, place.lat, place.lon, fallback, given && patch.districtId !== place.districtId);
        }
        if (patch.name !== undefined) place.name = patch.name.trim();
        if (patch.address !== undefined) place.address = cleanText(patch.address);
      });
      return this.getIn(m, id);
    });
  }

  /** Places are never deleted: developments and measures refer to them. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<Place> {
    return this.db.transaction(async (m) => {
      await setActiveAudited(m, this.audit, actor, Place, record(id), active);
      return this.getIn(m, id);
    });
  }

  /**
   * The district of a point: the active district whose boundary contains it; otherwise the given
   * one. A given district that contradicts the boundaries is refused rather than silently
   * replaced, so that the caller learns which district the point really lies in.
   * `checkGiven` false skips checking a district the place already had (it may since have been
   * deactivated; that must not block unrelated edits).
   */
  private async resolveDistrict(m: EntityManager, lat: number, lon: number, given: string | null, checkGiven = true): Promise<string | null> {
    if (given && checkGiven) await assertActiveReferences(m, 'district', [given], 'districtId');
    const derived = await this.geo.districtAt(lat, lon, m);
    if (derived && given && checkGiven && derived !== given) {
      throw new DomainError(422, 'DISTRICT_MISMATCH', 'The coordinates lie inside the boundary of another district; leave districtId out to use that one.', 'districtId', { derivedDistrictId: derived });
    }
    return derived ?? given;
  }

  /** A district given by hand (it has no boundary) stays with a moved place; one derived from a boundary does not. */
  private async districtKeptOnMove(m: EntityManager, districtId: string | null): Promise<string | null> {
    const current = districtId ? await m.findOneBy(District, { id: districtId }) : null;
    return current && !current.boundary ? current.id : null;
  }

  private getIn(m: EntityManager, id: string): Promise<Place> {
    return m.findOneOrFail(Place, { where: { id }, relations: { district: true } });
  }
}

function record(id: string): AuditedRecord<Place> {
  return { entityType: 'place', id, where: { id }, notFound: () => DomainError.notFound('place') };
}

/** A sensitive place needs its sub-kind; any other kind must not have one. Returns the sub-kind to store. */
function checkKind(kind: PlaceKind, sensitiveKind: SensitiveKind | null): SensitiveKind | null {
  if (kind === 'sensitive' && !sensitiveKind) {
    throw new DomainError(400, 'SENSITIVE_KIND_REQUIRED', 'A particularly sensitive place needs its sensitiveKind (kindergarten, school, playground, youth_facility).', 'sensitiveKind');
  }
  if (kind !== 'sensitive' && sensitiveKind) {
    throw new DomainError(400, 'SENSITIVE_KIND_NOT_ALLOWED', `sensitiveKind is only for kind "sensitive", not "${kind}".`, 'sensitiveKind');
  }
  return sensitiveKind;
}

function cleanText(s: string | null | undefined): string | null {
  const t = s?.trim();
  return t ? t : null;
}

export type CityArea = Pick<AppConfig, 'CITY_MIN_LAT' | 'CITY_MAX_LAT' | 'CITY_MIN_LON' | 'CITY_MAX_LON' | 'CITY_MARGIN_KM'>;

/**
 * Refuses a point outside the configured city box plus CITY_MARGIN_KM (swapped lat/lon, a typo,
 * another city). 422 OUTSIDE_CITY_AREA names the coordinate that is off. Developments use it too.
 */
export function assertInCityArea(area: CityArea, lat: number, lon: number, fields: { lat: string; lon: string } = { lat: 'lat', lon: 'lon' }): void {
  const marginM = area.CITY_MARGIN_KM * 1000;
  const dLat = (marginM / EARTH_RADIUS_M) * (180 / Math.PI);
  const extra = { area: { minLat: area.CITY_MIN_LAT, maxLat: area.CITY_MAX_LAT, minLon: area.CITY_MIN_LON, maxLon: area.CITY_MAX_LON, marginKm: area.CITY_MARGIN_KM } };
  if (lat < area.CITY_MIN_LAT - dLat || lat > area.CITY_MAX_LAT + dLat) {
    throw new DomainError(422, 'OUTSIDE_CITY_AREA', `The latitude ${lat} lies outside the city area (${area.CITY_MIN_LAT}..${area.CITY_MAX_LAT} plus ${area.CITY_MARGIN_KM} km).`, fields.lat, extra);
  }
  const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
  if (lon < area.CITY_MIN_LON - dLon || lon > area.CITY_MAX_LON + dLon) {
    throw new DomainError(422, 'OUTSIDE_CITY_AREA', `The longitude ${lon} lies outside the city area (${area.CITY_MIN_LON}..${area.CITY_MAX_LON} plus ${area.CITY_MARGIN_KM} km).`, fields.lon, extra);
  }
}
