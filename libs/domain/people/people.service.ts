import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Agency } from '../agencies/agency.entity.js';
import type { AuditChanges } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Session } from '../auth/session.entity.js';
import { Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Page, PageRequest, paginate } from '../common/pagination.js';
import { isUniqueViolation } from '../common/pg-errors.js';
import { escapeLike } from '../common/query-helpers.js';
import { assertActiveReferences } from '../common/references.js';
import { AuditedRecord, setActiveAudited, updateAudited } from '../common/audited-change.js';
import { hashPassword } from './passwords.js';
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
  /** false: people whose access waits for their agency's leadership to confirm it. */
  accessConfirmed?: boolean;
  q?: string;
}

/** The admin (IT) keeps the accounts; reading and deciding are other people's duties (issue 7). */
const NOT_WITH_ADMIN: Role[] = ['liaison', 'coordinator', 'leadership'];

const AUDITED = ['agencyId', 'email', 'displayName', 'roles', 'deputyId', 'active'];

@Injectable()
export class PeopleService {
  constructor(
    @InjectRepository(Person) private readonly people: Repository<Person>,
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * A new account sees only what every participant sees until a leadership person of its agency
   * confirms its access (confirmAccess): whoever creates it cannot open the agency's restricted
   * records on their own.
   */
  async create(actor: Actor, input: PersonInput): Promise<Person> {
    assertRoleCombination(input.roles);
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
        passwordChosenBySelf: false,
        accessConfirmedAt: null,
        accessConfirmedBy: null,
        accessChangedBy: actor.id,
      });
      try {
        await m.insert(Person, person);
      } catch (err) {
        throw isUniqueViolation(err, 'people_email_key') ? emailTaken() : err;
      }
      await this.audit.record(m, actor, 'create', 'person', person.id, { ...AuditService.diff(null, { ...person }, AUDITED), accessConfirmed: { new: false } });
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
    if (filter.accessConfirmed !== undefined) qb.andWhere(`p.access_confirmed_at IS ${filter.accessConfirmed ? 'NOT ' : ''}NULL`);
    if (filter.q) qb.andWhere('(p.display_name ILIKE :q OR p.email ILIKE :q)', { q: `%${escapeLike(filter.q)}%` });
    return paginate(qb, page, {
      displayName: { sql: 'p.display_name', type: 'text' },
      email: { sql: 'p.email', type: 'text' },
      createdAt: { sql: 'p.created_at', type: 'timestamptz' },
    }, { sql: 'p.id', type: 'uuid' });
  }

  /**
   * Nobody changes their own roles, and a role the person did not hold before waits for their
   * agency's leadership to confirm it: until then the person sees only what every participant sees.
   */
  async update(actor: Actor, id: string, patch: PersonPatch, expectedVersion?: number): Promise<Person> {
    if (patch.roles !== undefined) assertRoleCombination(patch.roles);
    return this.db.transaction(async (m) => {
      await updateAudited(m, this.audit, actor, Person, record(id), expectedVersion, { fields: AUDITED }, async (person) => {
        let accessReset = false;
        if (patch.roles !== undefined) {
          const roles = dedupe(patch.roles);
          const added = roles.filter((r) => !person.roles.includes(r));
          const removed = person.roles.filter((r) => !roles.includes(r));
          if ((added.length || removed.length) && actor.id === id) {
            throw new DomainError(403, 'CANNOT_CHANGE_OWN_ROLES', 'You cannot change your own roles; ask another administrator.', 'roles');
          }
          // A new role opens the agency's restricted records only after its leadership confirms.
          if (added.length) {
            accessReset = person.accessConfirmedAt !== null;
            person.accessConfirmedAt = null;
            person.accessConfirmedBy = null;
            person.accessChangedBy = actor.id;
          }
          person.roles = roles;
        }
        if (patch.email !== undefined) {
          const email = patch.email.trim().toLowerCase();
          if (email !== person.email) await this.assertEmailFree(m, email);
          person.email = email;
        }
        if (patch.displayName !== undefined) person.displayName = patch.displayName.trim();
        if (patch.deputyId !== undefined) {
          if (patch.deputyId) await this.assertValidDeputy(m, person.agencyId, patch.deputyId, person.id);
          person.deputyId = patch.deputyId;
        }
        return accessReset ? { accessConfirmed: { old: true, new: false } } : undefined;
      }, (err) => (isUniqueViolation(err, 'people_email_key') ? emailTaken() : err));
      return this.getIn(m, id);
    });
  }

  /**
   * Four-eyes confirmation of a person's access to their agency's restricted records: by an active,
   * confirmed leadership person of the same agency who is neither the person nor the one who made
   * the change (creation, new role, password reset), and only once the person chose their own
   * password (an administrator's initial or reset password is known to the administrator). Bootstrap: while the agency has no active, confirmed
   * leadership person, a confirmed coordinator may confirm a leadership person of it (again not
   * themselves, not the one who made the change); that person then confirms the others.
   */
  async confirmAccess(actor: Actor, id: string): Promise<Person> {
    return this.db.transaction(async (m) => {
      const person = await m.findOne(Person, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!person?.active) throw DomainError.notFound('person');
      if (actor.id === id) throw new DomainError(403, 'CANNOT_CONFIRM_OWN_ACCESS', 'You cannot confirm your own access; a leadership person of your agency does that.', 'id');
      if (person.accessConfirmedAt) throw new DomainError(409, 'ACCESS_ALREADY_CONFIRMED', "This person's access is already confirmed.", 'id');
      if (person.accessChangedBy === actor.id) {
        throw new DomainError(403, 'CONFIRMER_MADE_CHANGE', 'You made the change that needs confirming; another leadership person of the agency must confirm it.', 'id');
      }
      const via = await this.confirmationAuthority(m, actor, person);
      if (!via) {
        throw new DomainError(403, 'NOT_AGENCY_LEADERSHIP', "Only a confirmed leadership person of the person's own agency can confirm their access.", 'id');
      }
      if (!person.passwordChosenBySelf) {
        throw new DomainError(409, 'OWN_PASSWORD_REQUIRED', 'This person still has the password an administrator set. They sign in and choose their own password first; then confirm their access.', 'id');
      }
      person.accessConfirmedAt = new Date();
      person.accessConfirmedBy = actor.id;
      await m.save(Person, person);
      await this.audit.record(m, actor, 'confirm_access', 'person', id, { accessConfirmed: { old: false, new: true }, confirmedAs: { new: via } });
      return this.getIn(m, id);
    });
  }

  /** In which capacity the actor may confirm the person's access, if at all. */
  private async confirmationAuthority(m: EntityManager, actor: Actor, person: Person): Promise<'agency_leadership' | 'coordinator_bootstrap' | null> {
    if (!actor.accessConfirmed) return null;
    if (hasRole(actor, 'leadership') && actor.agencyId === person.agencyId) return 'agency_leadership';
    if (!hasRole(actor, 'coordinator') || !person.roles.includes('leadership')) return null;
    // The agency row lock serialises bootstraps: two coordinators cannot each confirm a "first" leader.
    await m.findOne(Agency, { where: { id: person.agencyId }, lock: { mode: 'pessimistic_write' } });
    const leadership = await m.createQueryBuilder(Person, 'p')
      .where(`p.agency_id = :agency AND p.active AND 'leadership' = ANY(p.roles) AND p.access_confirmed_at IS NOT NULL`, { agency: person.agencyId })
      .getExists();
    return leadership ? null : 'coordinator_bootstrap';
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

function assertRoleCombination(roles: Role[]): void {
  if (roles.includes('admin') && roles.some((r) => NOT_WITH_ADMIN.includes(r))) {
    throw new DomainError(422, 'ROLE_COMBINATION_NOT_ALLOWED', 'The admin role cannot be combined with liaison, coordinator or leadership: an administrator keeps the accounts but does not read or decide.', 'roles', { notWithAdmin: NOT_WITH_ADMIN });
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

