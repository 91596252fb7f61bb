import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { isUniqueViolation } from '../common/pg-errors.js';
import { escapeLike } from '../common/query-helpers.js';
import { AgencyKind } from './agency-kind.js';
import { Agency } from './agency.entity.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';

export interface AgencyInput {
  name: string;
  kind: AgencyKind;
  code: string;
}

export interface AgencyFilter {
  kind?: AgencyKind;
  active?: boolean;
  q?: string;
}

const AUDITED = ['name', 'kind', 'code', 'active'];

@Injectable()
export class AgenciesService {
  constructor(
    @InjectRepository(Agency) private readonly agencies: Repository<Agency>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: AgencyInput): Promise<Agency> {
    const code = normaliseCode(input.code);
    return this.db.transaction(async (m) => {
      await this.assertCodeFree(m.getRepository(Agency), code);
      const agency = m.create(Agency, { name: input.name.trim(), kind: input.kind, code, active: true });
      try {
        await m.save(agency);
      } catch (err) {
        throw mapCodeConflict(err, code);
      }
      await this.audit.record(m, actor, 'create', 'agency', agency.id, AuditService.diff(null, { ...agency }, AUDITED));
      return agency;
    });
  }

  async get(id: string): Promise<Agency> {
    const agency = await this.agencies.findOneBy({ id });
    if (!agency) throw DomainError.notFound('agency');
    return agency;
  }

  list(filter: AgencyFilter, page: PageRequest): Promise<Page<Agency>> {
    const qb = this.agencies.createQueryBuilder('a');
    if (filter.kind) qb.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.active !== undefined) qb.andWhere('a.active = :active', { active: filter.active });
    if (filter.q) qb.andWhere(`(a.name ILIKE :q OR a.code ILIKE :q)`, { q: `%${escapeLike(filter.q)}%` });
    return paginate(qb, page, {
      name: { sql: 'a.name', type: 'text' },
      code: { sql: 'a.code', type: 'text' },
      createdAt: { sql: 'a.created_at', type: 'timestamptz' },
    }, { sql: 'a.id', type: 'uuid' });
  }

  async update(actor: Actor, id: string, patch: Partial<AgencyInput>, expectedVersion?: number): Promise<Agency> {
    return this.db.transaction(async (m) => {
      const { row } = await updateAudited(m, this.audit, actor, Agency, record(id), expectedVersion, { fields: AUDITED }, async (agency) => {
        if (patch.code !== undefined) {
          const code = normaliseCode(patch.code);
          if (code !== agency.code) await this.assertCodeFree(m.getRepository(Agency), code, id);
          agency.code = code;
        }
        if (patch.name !== undefined) agency.name = patch.name.trim();
        if (patch.kind !== undefined) agency.kind = patch.kind;
      }, (err, agency) => mapCodeConflict(err, agency.code));
      return row;
    });
  }

  /** Agencies are never deleted: measures, developments and the audit trail refer to them. */
  async setActive(actor: Actor, id: string, active: boolean): Promise<Agency> {
    return this.db.transaction((m) => setActiveAudited(m, this.audit, actor, Agency, record(id), active));
  }

  private async assertCodeFree(repo: Repository<Agency>, code: string, exceptId?: string): Promise<void> {
    const existing = await repo.createQueryBuilder('a').where('lower(a.code) = lower(:code)', { code }).getOne();
    if (existing && existing.id !== exceptId) throw codeTaken(code);
  }
}

function record(id: string): AuditedRecord<Agency> {
  return { entityType: 'agency', id, where: { id }, notFound: () => DomainError.notFound('agency') };
}

function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

function codeTaken(code: string): DomainError {
  return new DomainError(409, 'AGENCY_CODE_TAKEN', `The short code "${code}" is already used by another agency.`, 'code');
}

function mapCodeConflict(err: unknown, code: string): unknown {
  return isUniqueViolation(err, 'agencies_code_key') ? codeTaken(code) : err;
}
