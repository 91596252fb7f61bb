import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { SessionsService } from '#domain/auth/sessions.service.js';
import type { Agency } from '#domain/agencies/agency.entity.js';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { Development } from '#domain/developments/development.entity.js';
import { Person } from '#domain/people/person.entity.js';
import { District } from '#domain/places/district.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { MIGRATIONS } from '#migrations/index.js';
import { AccessConfirmation1764200000000 } from '#migrations/1764200000000-access-confirmation.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * Issue 7 §1, separation of duties: the admin (IT) keeps the accounts, but neither reads another
 * agency's restricted records nor opens them to anybody; a leadership person of the agency does
 * that (four-eyes), and nobody changes their own roles.
 */
let t: TestApp;
let admin: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.make.person(['admin'], { agency: await t.make.agency({ kind: 'other' }) });
});
afterAll(async () => {
  await t.close();
});

const email = () => `acc-${randomUUID()}@test.invalid`;
const api = (path: string) => `/api/v1${path}`;

/**
 * A person created through the API by `by`, with a session of their own; unless told otherwise
 * they then choose their own password (required before their access can be confirmed).
 */
async function createViaApi(by: TestPerson, agency: Agency, roles: string[], opts: { ownPassword?: boolean } = {}): Promise<TestPerson & { body: Record<string, unknown> }> {
  const res = await request(t.server).post(api('/people')).set(by.auth)
    .send({ agencyId: agency.id, email: email(), displayName: 'Neu', roles, password: 'Initial-Password-1' });
  if (res.status !== 201) throw new Error(`create person: ${res.status} ${JSON.stringify(res.body)}`);
  const created = await signIn(res.body.id, agency);
  if (opts.ownPassword !== false) await choosePassword(created, 'Initial-Password-1');
  return { ...(await signIn(res.body.id, agency)), body: res.body };
}

async function signIn(id: string, agency: Agency): Promise<TestPerson> {
  const person = await t.db.getRepository(Person).findOneByOrFail({ id });
  const pair = await t.app.get(SessionsService).startSession(person);
  return { person, agency, token: pair.accessToken, refreshToken: pair.refreshToken, auth: { Authorization: `Bearer ${pair.accessToken}` } };
}

const choosePassword = (who: TestPerson, oldPassword: string) =>
  request(t.server).post(api('/me/password')).set(who.auth).send({ oldPassword, newPassword: `Own-Password-${randomUUID().slice(0, 8)}` }).expect(204);

/** A police-only development in its own district; returns the district for trend queries. */
async function policeOnly(by: TestPerson): Promise<{ dev: Development; district: District }> {
  const dr = t.db.getRepository(District);
  const district = await dr.save(dr.create({ name: `AC-Bezirk ${randomUUID().slice(0, 6)}`, code: `AC-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
  const repo = t.db.getRepository(Development);
  const dev = await repo.save(repo.create({
    category: 'dealing', observedAt: new Date(Date.now() - 86_400_000), lat: 51.34, lon: 12.38, placeId: null, districtId: district.id, count: 2, substances: [],
    severity: 3, description: 'Polizeiliche Erkenntnis', reportingAgencyId: by.agency.id, reporterId: by.person.id, visibility: 'own_agency', visibleAgencyIds: [],
  }));
  return { dev, district };
}

const confirm = (who: TestPerson, id: string) => request(t.server).post(api(`/people/${id}/confirm-access`)).set(who.auth);
const sees = async (who: TestPerson, dev: Development) => (await request(t.server).get(api(`/developments/${dev.id}`)).set(who.auth)).status === 200;
const trendTotal = async (who: TestPerson, district: District) => {
  const res = await request(t.server).get(api('/developments/trends')).set(who.auth)
    .query({ from: new Date(Date.now() - 30 * 86_400_000).toISOString(), districtId: district.id, interval: 'month' }).expect(200);
  return (res.body.series as Array<{ total: number }>).reduce((s, x) => s + x.total, 0);
};

describe('roles', () => {
  it('nobody changes their own roles', async () => {
    const other = await t.make.person(['admin'], { agency: admin.agency });
    const res = await request(t.server).patch(api(`/people/${admin.person.id}`)).set(admin.auth).send({ roles: ['coordinator'] }).expect(403);
    expect(res.body).toMatchObject({ code: 'CANNOT_CHANGE_OWN_ROLES', field: 'roles' });
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: admin.person.id })).roles).toEqual(['admin']);
    // Another admin may, and unchanged roles are no change.
    await request(t.server).patch(api(`/people/${admin.person.id}`)).set(admin.auth).send({ roles: ['admin'], displayName: 'Erika IT' }).expect(200);
    await request(t.server).patch(api(`/people/${other.person.id}`)).set(admin.auth).send({ roles: ['coordinator'] }).expect(200);
  });

  it('the admin role does not combine with liaison, coordinator or leadership, on create and on update; nothing is stored', async () => {
    const agency = await t.make.agency();
    for (const roles of [['admin', 'liaison'], ['coordinator', 'admin'], ['leadership', 'admin'], ['admin', 'liaison', 'coordinator', 'leadership']]) {
      const addr = email();
      const res = await request(t.server).post(api('/people')).set(admin.auth)
        .send({ agencyId: agency.id, email: addr, displayName: 'X', roles, password: 'Initial-Password-1' }).expect(422);
      expect(res.body).toMatchObject({ code: 'ROLE_COMBINATION_NOT_ALLOWED', field: 'roles' });
      expect(await t.db.getRepository(Person).existsBy({ email: addr })).toBe(false);
    }
    const liaison = await t.make.person(['liaison'], { agency });
    const res = await request(t.server).patch(api(`/people/${liaison.person.id}`)).set(admin.auth).send({ roles: ['liaison', 'admin'] }).expect(422);
    expect(res.body).toMatchObject({ code: 'ROLE_COMBINATION_NOT_ALLOWED', field: 'roles' });
    expect((await t.db.getRepository(Person).findOneByOrFail({ id: liaison.person.id })).roles).toEqual(['liaison']);
  });
});

describe('four-eyes access to an agency’s restricted records', () => {
  it("a police liaison created by the admin sees no police-only record until the police's leadership confirms; refusals and the audit entry", async () => {
    const police = await t.make.agency({ kind: 'police' });
    const officer = await t.make.person(['liaison'], { agency: police });
    const chief = await t.make.person(['leadership'], { agency: police });
    const { dev, district } = await policeOnly(officer);
    // A legacy account of the police holding both admin and leadership (from before the rule).
    const legacy = await t.make.person(['admin', 'leadership'], { agency: police });

    const created = await createViaApi(admin, police, ['liaison']);
    expect(created.body).toMatchObject({ accessConfirmed: false, accessConfirmedAt: null, accessConfirmedBy: null });
    expect(await sees(created, dev)).toBe(false);
    expect((await request(t.server).get(api('/developments')).set(created.auth).query({ districtId: district.id }).expect(200)).body.items).toEqual([]);
    // The police's own trend is cached first; the new member must not get it from the cache.
    expect(await trendTotal(officer, district)).toBe(1);
    expect(await trendTotal(created, district)).toBe(0);
    // The directory stays readable for everyone, confirmed or not.
    const dir = await request(t.server).get(api('/people')).set(created.auth).query({ agencyId: police.id }).expect(200);
    expect(dir.body.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([officer.person.id, chief.person.id]));

    // Refused: the admin (no leadership role), the person themself, the one who created the account,
    // leadership of another agency, a coordinator while the police has confirmed leadership, and
    // police leadership whose own access is not confirmed.
    expect((await confirm(admin, created.person.id).expect(403)).body.code).toBe('ROLE_REQUIRED');
    expect((await confirm(created, created.person.id).expect(403)).body.code).toBe('ROLE_REQUIRED');
    // Whoever made the change never confirms it, even holding the police's leadership role.
    const byLegacy = await createViaApi(legacy, police, ['liaison']);
    expect((await confirm(legacy, byLegacy.person.id).expect(403)).body).toMatchObject({ code: 'CONFIRMER_MADE_CHANGE' });
    const otherChief = await t.make.person(['leadership'], { agency: await t.make.agency({ kind: 'social_office' }) });
    expect((await confirm(otherChief, created.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    const coordinator = await t.make.person(['coordinator']);
    expect((await confirm(coordinator, created.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    const newChief = await t.make.person(['leadership'], { agency: police, confirmed: false });
    expect((await confirm(newChief, created.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    expect((await confirm(newChief, newChief.person.id).expect(403)).body.code).toBe('CANNOT_CONFIRM_OWN_ACCESS');
    expect(await sees(created, dev)).toBe(false);
    expect(await t.db.getRepository(AuditEntry).countBy({ entityId: created.person.id, action: 'confirm_access' })).toBe(0);

    const ok = await confirm(chief, created.person.id).expect(200);
    expect(ok.body).toMatchObject({ id: created.person.id, accessConfirmed: true, accessConfirmedBy: chief.person.id, accessConfirmedAt: expect.any(String) });
    // The same session sees the record at once: access is resolved on every request.
    expect(await sees(created, dev)).toBe(true);
    expect(await trendTotal(created, district)).toBe(1);
    const entry = await t.db.getRepository(AuditEntry).findOneByOrFail({ entityType: 'person', entityId: created.person.id, action: 'confirm_access' });
    expect(entry).toMatchObject({ actorId: chief.person.id, changes: { accessConfirmed: { old: false, new: true }, confirmedAs: { new: 'agency_leadership' } } });
    expect((await confirm(chief, created.person.id).expect(409)).body.code).toBe('ACCESS_ALREADY_CONFIRMED');
    const pending = await request(t.server).get(api('/people')).set(chief.auth).query({ agencyId: police.id, accessConfirmed: 'false' }).expect(200);
    expect(pending.body.items.map((p: { id: string }) => p.id).sort()).toEqual([newChief.person.id, byLegacy.person.id].sort());
  });

  it('a new role waits for confirmation again (removing one does not); the audit entry says so', async () => {
    const police = await t.make.agency({ kind: 'police' });
    const officer = await t.make.person(['liaison'], { agency: police });
    const chief = await t.make.person(['leadership'], { agency: police });
    const { dev } = await policeOnly(officer);
    expect(await sees(officer, dev)).toBe(true);

    const res = await request(t.server).patch(api(`/people/${officer.person.id}`)).set(admin.auth).send({ roles: ['liaison', 'coordinator'] }).expect(200);
    expect(res.body).toMatchObject({ roles: ['liaison', 'coordinator'], accessConfirmed: false });
    expect(await sees(officer, dev)).toBe(false);
    const entry = await t.db.getRepository(AuditEntry).findOne({ where: { entityType: 'person', entityId: officer.person.id, action: 'update' }, order: { id: 'DESC' } });
    expect(entry?.changes).toMatchObject({ roles: { old: ['liaison'], new: ['coordinator', 'liaison'] }, accessConfirmed: { old: true, new: false } });

    await confirm(chief, officer.person.id).expect(200);
    expect(await sees(officer, dev)).toBe(true);
    const removed = await request(t.server).patch(api(`/people/${officer.person.id}`)).set(admin.auth).send({ roles: ['liaison'] }).expect(200);
    expect(removed.body.accessConfirmed).toBe(true);
    expect(await sees(officer, dev)).toBe(true);
  });

  it('bootstrap: while an agency has no confirmed leadership, a coordinator confirms its first leadership person, who confirms the rest', async () => {
    const agency = await t.make.agency({ kind: 'youth_office' });
    const coordinator = await t.make.person(['coordinator']);
    const head = await createViaApi(admin, agency, ['leadership']);
    const member = await createViaApi(admin, agency, ['liaison']);
    // Only a leadership person is bootstrapped by a coordinator.
    expect((await confirm(coordinator, member.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    expect((await confirm(head, head.person.id).expect(403)).body.code).toBe('CANNOT_CONFIRM_OWN_ACCESS');
    expect((await confirm(head, member.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    const unconfirmedCoordinator = await t.make.person(['coordinator'], { confirmed: false });
    expect((await confirm(unconfirmedCoordinator, head.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');

    await confirm(coordinator, head.person.id).expect(200);
    const entry = await t.db.getRepository(AuditEntry).findOneByOrFail({ entityType: 'person', entityId: head.person.id, action: 'confirm_access' });
    expect(entry.changes).toMatchObject({ confirmedAs: { new: 'coordinator_bootstrap' } });
    await confirm(head, member.person.id).expect(200);

    // From now on the agency has its own leadership: a coordinator no longer confirms there.
    const second = await createViaApi(admin, agency, ['leadership']);
    expect((await confirm(coordinator, second.person.id).expect(403)).body.code).toBe('NOT_AGENCY_LEADERSHIP');
    await confirm(head, second.person.id).expect(200);
  });

  it("an administrator's password is known to them: confirmation waits until the person chose their own, and an admin reset closes the access again", async () => {
    const police = await t.make.agency({ kind: 'police' });
    const chief = await t.make.person(['leadership'], { agency: police });
    const { dev } = await policeOnly(chief);
    const fresh = await createViaApi(admin, police, ['liaison'], { ownPassword: false });
    expect(fresh.body).toMatchObject({ passwordChosenBySelf: false, accessConfirmed: false });
    expect((await confirm(chief, fresh.person.id).expect(409)).body.code).toBe('OWN_PASSWORD_REQUIRED');
    await choosePassword(fresh, 'Initial-Password-1');
    const officer = await signIn(fresh.person.id, police);
    expect((await confirm(chief, officer.person.id).expect(200)).body).toMatchObject({ passwordChosenBySelf: true, accessConfirmed: true });
    expect(await sees(officer, dev)).toBe(true);

    // The admin resets the officer's password (to sign in as them): the access closes at once.
    await request(t.server).post(api(`/people/${officer.person.id}/password`)).set(admin.auth).send({ newPassword: 'Admin-Knows-This-1' }).expect(204);
    const asAdminKnows = await signIn(officer.person.id, police);
    expect(await sees(asAdminKnows, dev)).toBe(false);
    const person = (await request(t.server).get(api(`/people/${officer.person.id}`)).set(chief.auth).expect(200)).body;
    expect(person).toMatchObject({ accessConfirmed: false, passwordChosenBySelf: false });
    const entry = await t.db.getRepository(AuditEntry).findOneOrFail({ where: { entityType: 'person', entityId: officer.person.id, action: 'password_change', actorId: admin.person.id }, order: { id: 'DESC' } });
    expect(entry.changes).toEqual({ accessConfirmed: { old: true, new: false } });
    expect((await confirm(chief, officer.person.id).expect(409)).body.code).toBe('OWN_PASSWORD_REQUIRED');
  });

  it('the database refuses a self-confirmation even past the service', async () => {
    const p = await t.make.person(['leadership'], { confirmed: false });
    await expect(t.db.query(`UPDATE people SET access_confirmed_at = now(), access_confirmed_by = id WHERE id = $1`, [p.person.id])).rejects.toThrow(/people_access_four_eyes/);
  });
});

describe('migration', () => {
  it('counts everyone who existed before the rule as confirmed and as having chosen their password', async () => {
    const server = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/drogenrapport_test');
    const dbName = `${server.pathname.slice(1)}_access_mig`;
    const onServer = async (sql: string) => {
      const c = new pg.Client({ connectionString: Object.assign(new URL(server.toString()), { pathname: '/postgres' }).toString() });
      await c.connect();
      await c.query(sql);
      await c.end();
    };
    await onServer(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await onServer(`CREATE DATABASE "${dbName}"`);
    const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(AccessConfirmation1764200000000));
    const url = Object.assign(new URL(server.toString()), { pathname: `/${dbName}` }).toString();
    const ds = new DataSource({ type: 'postgres', url, migrations: before, migrationsTableName: 'typeorm_migrations', installExtensions: false });
    try {
      await ds.initialize();
      await ds.runMigrations();
      const [agency] = await ds.query(`INSERT INTO agencies (name, kind, code) VALUES ('Alt', 'police', 'ALT') RETURNING id`);
      await ds.query(`INSERT INTO people (agency_id, email, display_name, roles, password_hash) VALUES ($1, 'alt@test.invalid', 'Alt', '{liaison}', 'x')`, [agency.id]);
      const runner = ds.createQueryRunner();
      await new AccessConfirmation1764200000000().up(runner);
      await runner.release();
      const [row] = await ds.query(`SELECT access_confirmed_at IS NOT NULL AS confirmed, password_chosen_by_self AS own FROM people`);
      expect(row).toEqual({ confirmed: true, own: true });
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await onServer(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    }
  });
});
