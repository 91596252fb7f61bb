import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Actor } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { isUniqueViolation } from '../common/pg-errors.js';
import { Substance } from './substance.entity.js';
import { setActiveAudited } from '../common/audited-change.js';

export interface SubstanceInput {
  code: string;
  label: string;
}

/**
 * The list of substances a development can name. The migration seeds the fixed part; admins add
 * to it and deactivate entries. Codes are never deleted or renamed: developments store them.
 */
@Injectable()
export class SubstancesService {
  constructor(
    @InjectRepository(Substance) private readonly substances: Repository<Substance>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The whole list is short (tens of entries), so it is not paginated. */
  list(filter: { active?: boolean } = {}): Promise<Substance[]> {
    const qb = this.substances.createQueryBuilder('s').orderBy('s.label', 'ASC').addOrderBy('s.code', 'ASC');
    if (filter.active !== undefined) qb.andWhere('s.active = :active', { active: filter.active });
    return qb.getMany();
  }

  async create(actor: Actor, input: SubstanceInput): Promise<Substance> {
    const code = input.code.trim();
    return this.db.transaction(async (m) => {
      if (await m.existsBy(Substance, { code })) throw codeTaken(code);
      const substance = m.create(Substance, { code, label: input.label.trim(), active: true });
      try {
        await m.insert(Substance, substance);
      } catch (err) {
        throw isUniqueViolation(err, 'substances_pkey') ? codeTaken(code) : err;
      }
      await this.audit.record(m, actor, 'create', 'substance', code, { code: { new: code }, label: { new: substance.label }, active: { new: true } });
      return m.findOneByOrFail(Substance, { code });
    });
  }

  async setActive(actor: Actor, code: string, active: boolean): Promise<Substance> {
    return this.db.transaction((m) =>
      setActiveAudited(m, this.audit, actor, Substance, {
        entityType: 'substance', id: code, where: { code },
        notFound: () => new DomainError(404, 'SUBSTANCE_NOT_FOUND', `There is no substance with the code "${code}".`, 'code'),
      }, active));
  }
}

function codeTaken(code: string): DomainError {
  return new DomainError(409, 'SUBSTANCE_CODE_TAKEN', `The substance code "${code}" already exists.`, 'code');
}
