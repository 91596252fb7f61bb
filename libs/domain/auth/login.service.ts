import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { hashPassword, verifyPassword } from '../people/passwords.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.entity.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { LoginThrottleService } from './login-throttle.service.js';

// A real argon2 hash with the same parameters, for addresses that have no account.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword(randomBytes(16).toString('hex')));

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Who may sign in with which password, and password changes. Every password check goes through
 * LoginThrottleService, so sign-in and the old-password check of a change share one lock.
 */
@Injectable()
export class LoginService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly throttle: LoginThrottleService,
    private readonly people: PeopleService,
    private readonly audit: AuditService,
  ) {}

  /**
   * An unknown address, a deactivated account and a wrong password get the same answer after the
   * same work (one argon2 verification) and count alike; so neither the answer nor its time tells
   * whether an account exists or is active.
   */
  async verifyLogin(emailRaw: string, password: string, ip: string): Promise<Person> {
    const email = normaliseEmail(emailRaw);
    const attempt = await this.throttle.begin(email, ip);
    const person = await this.db.getRepository(Person).createQueryBuilder('p').addSelect('p.passwordHash')
      .where('p.email = :email', { email }).getOne();
    const matches = await verifyPassword(person?.passwordHash ?? (await dummy()), password);
    if (!person || !person.active || !matches) throw (await this.throttle.failed(attempt)) ?? invalidCredentials();
    await this.throttle.succeeded(attempt);
    delete person.passwordHash;
    return person;
  }

  /**
   * Self-service change (old password required, checked against the sign-in lock) or an
   * administrator's reset (lifts the lock). Keeps the caller's own session and ends all others.
   */
  async changePassword(actor: AuthenticatedUser, personId: string, newPassword: string, oldPassword: string | undefined, ip: string): Promise<void> {
    const self = actor.id === personId;
    const admin = hasRole(actor, 'admin');
    if (!self && !admin) throw new DomainError(403, 'FORBIDDEN', 'You may only change your own password.', 'id');
    if (self && oldPassword === undefined) throw new DomainError(400, 'OLD_PASSWORD_REQUIRED', 'Enter your current password to set a new one.', 'oldPassword');
    const hash = await hashPassword(newPassword);
    const person = await this.db.getRepository(Person).createQueryBuilder('p').addSelect('p.passwordHash').where('p.id = :id', { id: personId }).getOne();
    if (!person || (!person.active && !admin)) throw DomainError.notFound('person');
    if (oldPassword !== undefined) {
      const attempt = await this.throttle.begin(person.email, ip);
      if (!(await verifyPassword(person.passwordHash ?? '', oldPassword))) {
        throw (await this.throttle.failed(attempt)) ?? new DomainError(422, 'OLD_PASSWORD_WRONG', 'The current password is not correct.', 'oldPassword');
      }
      await this.throttle.succeeded(attempt);
    }
    await this.db.transaction(async (m) => {
      const locked = await m.findOne(Person, { where: { id: personId }, lock: { mode: 'pessimistic_write' } });
      if (!locked || (!locked.active && !admin)) throw DomainError.notFound('person');
      // A password someone else set is known to them: until the person chose their own, their
      // agency's restricted records stay closed and their access waits for confirmation again
      // (otherwise an admin could reset a police officer's password and sign in as them).
      const confirmationLost = !self && locked.accessConfirmedAt !== null;
      await m.update(Person, { id: personId }, {
        passwordHash: hash, passwordChosenBySelf: self,
        ...(self ? {} : { accessConfirmedAt: null, accessConfirmedBy: null, accessChangedBy: actor.id }),
      });
      await this.throttle.clear(m, locked.email);
      await this.audit.record(m, actor, 'password_change', 'person', personId, confirmationLost ? { accessConfirmed: { old: true, new: false } } : {});
      await this.people.revokeSessions(m, personId, 'password_changed', self ? actor.sessionId : undefined);
    });
  }
}

function invalidCredentials(): DomainError {
  return new DomainError(401, 'INVALID_CREDENTIALS', 'E-mail address or password is not correct.');
}
