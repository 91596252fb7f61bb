import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Agency } from '#domain/agencies/agency.entity.js';
import type { AgencyKind } from '#domain/agencies/agency-kind.js';
import { SessionsService } from '#domain/auth/sessions.service.js';
import { hashPassword } from '#domain/people/passwords.js';
import { Person } from '#domain/people/person.entity.js';
import type { Role } from '#domain/people/role.js';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import type { Measure } from '#domain/measures/measure.entity.js';
import { MeasuresService, type MeasureInput } from '#domain/measures/measures.service.js';

export const TEST_PASSWORD = 'Test-Password-2026';
let hashed: Promise<string> | undefined;

export interface TestPerson {
  person: Person;
  agency: Agency;
  token: string;
  refreshToken: string;
  auth: { Authorization: string };
}

/** Each test makes its own agencies and people (no shared fixtures, no real names). */
export class Factories {
  constructor(private readonly app: INestApplication, private readonly db: DataSource) {}

  async agency(overrides: Partial<{ name: string; kind: AgencyKind; code: string; active: boolean }> = {}): Promise<Agency> {
    const suffix = randomUUID().slice(0, 8).toUpperCase();
    const repo = this.db.getRepository(Agency);
    return repo.save(repo.create({ name: `Testbehörde ${suffix}`, kind: 'police', code: `T-${suffix}`, active: true, ...overrides }));
  }

  /**
   * A person with a session; pass `agency` to put several people into one agency. Confirmed by
   * default (sees the agency's restricted records), as people who existed before the four-eyes
   * rule; `confirmed: false` for a new member still waiting for their leadership.
   */
  async person(roles: Role[] = ['liaison'], opts: { agency?: Agency; active?: boolean; email?: string; confirmed?: boolean } = {}): Promise<TestPerson> {
    const agency = opts.agency ?? (await this.agency());
    hashed ??= hashPassword(TEST_PASSWORD);
    const repo = this.db.getRepository(Person);
    const person = await repo.save(repo.create({
      agencyId: agency.id,
      email: opts.email ?? `p-${randomUUID()}@test.invalid`,
      displayName: `Testperson ${randomUUID().slice(0, 6)}`,
      roles,
      deputyId: null,
      active: opts.active ?? true,
      passwordHash: await hashed,
      passwordChosenBySelf: true,
      accessConfirmedAt: opts.confirmed === false ? null : new Date(),
      accessConfirmedBy: null,
      accessChangedBy: null,
    }));
    const pair = await this.app.get(SessionsService).startSession(person);
    return { person, agency, token: pair.accessToken, refreshToken: pair.refreshToken, auth: { Authorization: `Bearer ${pair.accessToken}` } };
  }

  /** A measure through MeasuresService (as the real API makes it), owned by the responsible person's agency; deadline in 30 days. */
  async measure(responsible: TestPerson, overrides: Partial<MeasureInput> = {}): Promise<Measure> {
    const actor = { id: responsible.person.id, agencyId: responsible.agency.id, roles: responsible.person.roles, accessConfirmed: true };
    const view = await this.app.get(MeasuresService).create(actor, {
      title: `Testmaßnahme ${randomUUID().slice(0, 8)}`,
      owningAgencyId: responsible.agency.id,
      responsibleId: responsible.person.id,
      deadline: addDays(berlinToday(), 30),
      ...overrides,
    });
    return view.measure;
  }

  /**
   * A measure whose reminders, planned by the measure rules on creation, are removed again: for the
   * tests of the ledger itself, which plan that subject's reminders with planReminders directly
   * and would otherwise share (and withdraw) the rules' rows of the same kind.
   */
  async bareMeasure(responsible: TestPerson, overrides: Partial<MeasureInput> = {}): Promise<Measure> {
    const measure = await this.measure(responsible, overrides);
    await this.db.query(`DELETE FROM reminders WHERE subject_type = 'measure' AND subject_id = $1`, [measure.id]);
    return measure;
  }
}
