import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Session } from '../auth/session.entity.js';
import { Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { isUniqueViolation } from '../common/pg-errors.js';
import { escapeLike } from '../common/query-helpers.js';
import { assertActiveReferences } from '../common/references.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { Person } from './person.entity.js';
import { Role } from './role.js';

export interface PersonInput {
  agencyId: string;
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
  deputyId?: string | null;
}

export interface PersonPatch {
  email?: string;
  displayName?: string;
  roles?: Role[];
  deputyId?: string | null;
}

export interface PersonFilter {
  agencyId?: string;
  role?: Role;
  active?: boolean;
  q?: string;
}

const AUDITED = ['agencyId', 'email', 'displayName', 'roles', 'deputyId', 'active'];

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: PersonInput): Promise<Person> {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      await assertActiveReferences(m, 'agency', [input.agencyId], 'agencyId');
      const email = input.email.trim().toLowerCase();
      await this.assertEmailFree(m, email);
      if (input.deputyId) await this.assertValidDeputy(m, input.agencyId, input.deputyId, null);
      const person = m.create(Person, {
        agencyId: input.agencyId,
        email,
        displayName: input.displayName.trim(),
        roles: dedupe(input.roles),
        deputyId: input.deputyId ?? null,
        active: true,
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
      });
      try {
        await m.insert(Person, person);
      } catch (err) {
        throw isUniqueViolation(err, 'people_email_key') ? emailTaken() : err;
      }
      await this.audit.record(m, actor, 'create', 'person', person.id, AuditService.diff(null, { ...person }, AUDITED));
      return this.getIn(m, person.id);
    });
  }

  /** The directory: everyone signed in sees active people; admins also see deactivated ones. */
  async get(viewer: Actor, id: string): Promise<Person> {
    const person = await this.people.findOne({ where: { id }, relations: { agency: true } });
    if (!person || (!person.active && !hasRole(viewer, 'admin'))) throw DomainError.notFound('person');
    return person;
  }

  list(viewer: Actor, filter: PersonFilter, page: PageRequest): Promise<Page<Person>> {
    const qb = this.people.createQueryBuilder('p').leftJoinAndSelect('p.agency', 'agency');
    if (!hasRole(viewer, 'admin')) qb.andWhere('p.active = true');
    else if (filter.active !== undefined) qb.andWhere('p.active = :active', { active: filter.active });
    if (filter.agencyId) qb.andWhere('p.agency_id = :agencyId', { agencyId: filter.agencyId });
    if (filter.role) qb.andWhere(':role = ANY(p.roles)', { role: filter.role });
    if (filter.q) qb.andWhere('(p.display_name ILIKE :q OR p.email ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    return paginate(qb, page, {
      displayName: { sql: 'p.display_name', value: (r) => r.displayName },
      email: { sql: 'p.email', value: (r) => r.email },
      createdAt: { sql: 'p.created_at', value: (r) => r.createdAt.toISOString() },
    }, 'p.id');
  }

  async update(actor: Actor, id: string, patch: PersonPatch, expectedVersion?: number): Promise<Person> {
    return this.db.transaction(async (m) => {
      await updateAudited(m, this.audit, actor, Person, record(id), expectedVersion, { fields: AUDITED }, async (person) => {
        if (patch.email !== undefined) {
          const email = patch.email.trim().toLowerCase();
          if (email !== person.email) await this.assertEmailFree(m, email);
          person.email = email;
        }
        if (patch.displayName !== undefined) person.displayName = patch.displayName.trim();
        if (patch.roles !== undefined) person.roles = dedupe(patch.roles);
        if (patch.deputyId !== undefined) {
          if (patch.deputyId) await this.assertValidDeputy(m, person.agencyId, patch.deputyId, person.id);
          person.deputyId = patch.deputyId;
        }
      }, (err) => (isUniqueViolation(err, 'people_email_key') ? emailTaken() : err));
      return this.getIn(m, id);
    });
  }

  /** A person names their own deputy; admins may do it for anyone. */
  async setDeputy(actor: Actor, id: string, deputyId: string | null): Promise<Person> {
    if (actor.id !== id && !hasRole(actor, 'admin')) {
      throw new DomainError(403, 'FORBIDDEN', 'You may only name your own deputy.', 'id');
    }
    return this.update(actor, id, { deputyId });
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<Person> {
    return this.db.transaction(async (m) => {
      let changed = false;
      await setActiveAudited(m, this.audit, actor, Person, record(id), active, {
        check: async (person) => {
          if (active) {
            const agency = await m.findOneByOrFail(Agency, { id: person.agencyId });
            if (!agency.active) throw new DomainError(422, 'AGENCY_INACTIVE', 'The agency is deactivated; reactivate it first.', 'agencyId');
          }
          if (!active && actor.id === id) throw new DomainError(422, 'CANNOT_DEACTIVATE_SELF', 'You cannot deactivate your own account.', 'id');
          changed = true;
        },
        alsoSet: { failedLoginCount: 0, lockedUntil: null },
      });
      if (changed && !active) {
        await this.revokeSessions(m, id, 'deactivated');
        // A deactivated person can no longer stand in for anybody.
        const represented = await m.find(Person, { where: { deputyId: id } });
        for (const p of represented) {
          await m.update(Person, { id: p.id }, { deputyId: null });
          await this.audit.record(m, actor, 'update', 'person', p.id, { deputyId: { old: id, new: null } });
        }
      }
      return this.getIn(m, id);
    });
  }

  /** Admin reset (no old password) or self-service change (old password required). Ends sessions. */
  async changePassword(actor: Actor, id: string, newPassword: string, oldPassword?: string, keepSessionId?: string): Promise<void> {
    const self = actor.id === id;
    if (!self && !hasRole(actor, 'admin')) throw new DomainError(403, 'FORBIDDEN', 'You may only change your own password.', 'id');
    const hash = await hashPassword(newPassword);
    await this.db.transaction(async (m) => {
      const person = await m.createQueryBuilder(Person, 'p').addSelect('p.passwordHash').where('p.id = :id', { id }).setLock('pessimistic_write').getOne();
      if (!person || (!person.active && !hasRole(actor, 'admin'))) throw DomainError.notFound('person');
      if (self && oldPassword === undefined) throw new DomainError(400, 'OLD_PASSWORD_REQUIRED', 'Enter your current password to set a new one.', 'oldPassword');
      if (oldPassword !== undefined && !(await verifyPassword(person.passwordHash ?? '', oldPassword))) {
        throw new DomainError(422, 'OLD_PASSWORD_WRONG', 'The current password is not correct.', 'oldPassword');
      }
      await m.update(Person, { id }, { passwordHash: hash, failedLoginCount: 0, lockedUntil: null });
      await this.audit.record(m, actor, 'password_change', 'person', id, {});
      await this.revokeSessions(m, id, 'password_changed', keepSessionId);
    });
  }

  async revokeSessions(m: EntityManager, personId: string, reason: string, exceptSessionId?: string): Promise<void> {
    const qb = m.createQueryBuilder().update(Session).set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('person_id = :personId AND revoked_at IS NULL', { personId });
    if (exceptSessionId) qb.andWhere('id <> :keep', { keep: exceptSessionId });
    await qb.execute();
  }

  private async getIn(m: EntityManager, id: string): Promise<Person> {
    return m.findOneOrFail(Person, { where: { id }, relations: { agency: true } });
  }

  private async assertEmailFree(m: EntityManager, email: string): Promise<void> {
    if (await m.existsBy(Person, { email })) throw emailTaken();
  }

  private async assertValidDeputy(m: EntityManager, agencyId: string, deputyId: string, selfId: string | null): Promise<void> {
    if (deputyId === selfId) throw new DomainError(422, 'DEPUTY_IS_SELF', 'A person cannot be their own deputy.', 'deputyId');
    await assertActiveReferences(m, 'person', [deputyId], 'deputyId');
    const deputy = await m.findOneByOrFail(Person, { id: deputyId });
    if (deputy.agencyId !== agencyId) throw new DomainError(422, 'DEPUTY_OTHER_AGENCY', 'The deputy must belong to the same agency.', 'deputyId');
  }
}

function record(id: string): AuditedRecord<Person> {
  return { entityType: 'person', id, where: { id }, notFound: () => DomainError.notFound('person') };
}

function dedupe<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function emailTaken(): DomainError {
  return new DomainError(409, 'EMAIL_TAKEN', 'Another person already uses this e-mail address.', 'email');
}

