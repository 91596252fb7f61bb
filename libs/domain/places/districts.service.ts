import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { isUniqueViolation } from '../common/pg-errors.js';
import { escapeLike } from '../common/query-helpers.js';
import { District, GeoJsonPolygon } from './district.entity.js';
import { polygonBBox, validatePolygon } from './polygon.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';

export interface DistrictInput {
  name: string;
  code: string;
  /** GeoJSON Polygon (WGS84); checked by validatePolygon. null/absent: no boundary. */
  boundary?: unknown;
}

export interface DistrictFilter {
  active?: boolean;
  q?: string;
}

// The bounding box is derived from the boundary, so it is not audited separately.
const AUDITED = ['name', 'code', 'boundary', 'active'];
// A boundary can hold thousands of positions: the trail notes that it changed, not its content.
const AUDITED_AS_CHANGED_ONLY = ['boundary'];

@Injectable()
export class DistrictsService {
  constructor(
    @InjectRepository(District) private readonly districts: Repository<District>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: DistrictInput): Promise<District> {
    const code = normaliseCode(input.code);
    const boundary = input.boundary == null ? null : validatePolygon(input.boundary);
    return this.db.transaction(async (m) => {
      await this.assertCodeFree(m.getRepository(District), code);
      const district = m.create(District, { name: input.name.trim(), code, active: true });
      setBoundary(district, boundary);
      try {
        await m.save(district);
      } catch (err) {
        throw mapCodeConflict(err, code);
      }
      await this.audit.record(m, actor, 'create', 'district', district.id, AuditService.diff(null, { ...district }, AUDITED, AUDITED_AS_CHANGED_ONLY));
      return district;
    });
  }

  async get(id: string): Promise<District> {
    const district = await this.districts.findOneBy({ id });
    if (!district) throw DomainError.notFound('district');
    return district;
  }

  list(filter: DistrictFilter, page: PageRequest): Promise<Page<District>> {
    const qb = this.districts.createQueryBuilder('d');
    if (filter.active !== undefined) qb.andWhere('d.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere('(d.name ILIKE :q OR d.code ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    return paginate(qb, page, {
      name: { sql: 'd.name', type: 'text' },
      code: { sql: 'd.code', type: 'text' },
      createdAt: { sql: 'd.created_at', type: 'timestamptz' },
    }, { sql: 'd.id', type: 'uuid' });
  }

  /**
   * Places keep the district they were given when they were stored: a changed boundary does not
   * move existing places or developments into another district behind the users' backs.
   */
  async update(actor: Actor, id: string, patch: Partial<DistrictInput>, expectedVersion?: number): Promise<District> {
    const boundary = patch.boundary === undefined ? undefined : patch.boundary === null ? null : validatePolygon(patch.boundary);
    return this.db.transaction(async (m) => {
      const audited = { fields: AUDITED, changedOnly: AUDITED_AS_CHANGED_ONLY };
      const { row } = await updateAudited(m, this.audit, actor, District, record(id), expectedVersion, audited, async (district) => {
        if (patch.code !== undefined) {
          const code = normaliseCode(patch.code);
          if (code !== district.code) await this.assertCodeFree(m.getRepository(District), code, id);
          district.code = code;
        }
        if (patch.name !== undefined) district.name = patch.name.trim();
        if (boundary !== undefined) setBoundary(district, boundary);
      }, (err, district) => mapCodeConflict(err, district.code));
      return row;
    });
  }

  /** Districts are never deleted: places, developments and measures refer to them. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<District> {
    return this.db.transaction((m) => setActiveAudited(m, this.audit, actor, District, record(id), active));
  }

  private async assertCodeFree(repo: Repository<District>, code: string, exceptId?: string): Promise<void> {
    const existing = await repo.findOneBy({ code });
    if (existing && existing.id !== exceptId) throw codeTaken(code);
  }
}

/** The boundary and its bounding box (GeoLookupService's prefilter) always change together. */
function setBoundary(district: District, boundary: GeoJsonPolygon | null): void {
  district.boundary = boundary;
  const box = boundary ? polygonBBox(boundary) : null;
  district.minLat = box?.minLat ?? null;
  district.maxLat = box?.maxLat ?? null;
  district.minLon = box?.minLon ?? null;
  district.maxLon = box?.maxLon ?? null;
}

function record(id: string): AuditedRecord<District> {
  return { entityType: 'district', id, where: { id }, notFound: () => DomainError.notFound('district') };
}

/** Codes are stored upper-case (the table's CHECK allows nothing else), so "mitte" and "MITTE" clash. */
function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

function codeTaken(code: string): DomainError {
  return new DomainError(409, 'DISTRICT_CODE_TAKEN', `The code "${code}" is already used by another district.`, 'code');
}

function mapCodeConflict(err: unknown, code: string): unknown {
  return isUniqueViolation(err, 'districts_code_key') ? codeTaken(code) : err;
}
