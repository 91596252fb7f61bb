import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { Person } from '#domain/people/person.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
let admin: TestPerson;
const email = () => `new-${Math.random().toString(36).slice(2)}@test.invalid`;
const people = () => t.db.getRepository(Person);

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.make.person(['admin']);
});
afterAll(async () => {
  await t.close();
});

describe('people', () => {
  it('an admin creates a person who can then sign in; the audit entry holds no password', async () => {
    const agency = await t.make.agency();
    const addr = email();
    const res = await request(t.server).post('/api/v1/people').set(admin.auth)
      .send({ agencyId: agency.id, email: addr, displayName: 'Neue Verbindungsperson', roles: ['liaison'], password: 'Initial-Password-1' }).expect(201);
    expect(res.body).toMatchObject({ email: addr, roles: ['liaison'], agencyId: agency.id, active: true });
    expect(res.body.password).toBeUndefined();
    await request(t.server).post('/api/v1/auth/login').set('x-forwarded-for', '10.1.1.1').send({ email: addr, password: 'Initial-Password-1' }).expect(200);
    const entry = await t.db.getRepository(AuditEntry).findOneByOrFail({ entityType: 'person', entityId: res.body.id, action: 'create' });
    expect(JSON.stringify(entry.changes)).not.toContain('Initial-Password-1');
    expect(entry.changes.email).toEqual({ new: addr });
  });

  it('refuses a duplicate e-mail, an unknown or inactive agency, and only admins may create', async () => {
    const agency = await t.make.agency();
    const addr = email();
    const body = { agencyId: agency.id, email: addr, displayName: 'X', roles: ['liaison'], password: 'Initial-Password-1' };
    await request(t.server).post('/api/v1/people').set(admin.auth).send(body).expect(201);
    const coordinator = await t.make.person(['coordinator']);
    // Other test files run in parallel on the same database: count only what this test can touch.
    const stored = () => people().count({ where: [{ agencyId: agency.id }, { agencyId: inactive.id }] });
    const inactive = await t.make.agency({ active: false });
    const before = await stored();
    expect((await request(t.server).post('/api/v1/people').set(admin.auth).send({ ...body, email: addr.toUpperCase() }).expect(409)).body).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
    expect((await request(t.server).post('/api/v1/people').set(admin.auth).send({ ...body, email: email(), agencyId: '00000000-0000-4000-8000-000000000000' }).expect(422)).body.code).toBe('AGENCY_NOT_FOUND');
    expect((await request(t.server).post('/api/v1/people').set(admin.auth).send({ ...body, email: email(), agencyId: inactive.id }).expect(422)).body.code).toBe('AGENCY_INACTIVE');
    expect((await request(t.server).post('/api/v1/people').set(admin.auth).send({ ...body, email: email(), roles: ['superuser'] }).expect(400)).body.field).toBe('roles');
    expect((await request(t.server).post('/api/v1/people').set(admin.auth).send({ ...body, email: email(), password: 'short' }).expect(400)).body.field).toBe('password');
    await request(t.server).post('/api/v1/people').set(coordinator.auth).send({ ...body, email: email() }).expect(403);
    expect(await stored()).toBe(before);
  });

  it('a deputy must be another active person of the same agency', async () => {
    const agency = await t.make.agency();
    const me = await t.make.person(['liaison'], { agency });
    const colleague = await t.make.person(['liaison'], { agency });
    const stranger = await t.make.person(['liaison']);
    const retired = await t.make.person(['liaison'], { agency, active: false });
    const put = (deputyId: string | null) => request(t.server).put('/api/v1/me/deputy').set(me.auth).send({ deputyId });
    expect((await put(stranger.person.id).expect(422)).body).toMatchObject({ code: 'DEPUTY_OTHER_AGENCY', field: 'deputyId' });
    expect((await put(retired.person.id).expect(422)).body.code).toBe('PERSON_INACTIVE');
    expect((await put(me.person.id).expect(422)).body.code).toBe('DEPUTY_IS_SELF');
    expect((await put('not-a-uuid').expect(400)).body.field).toBe('deputyId');
    expect((await people().findOneByOrFail({ id: me.person.id })).deputyId).toBeNull();
    expect((await put(colleague.person.id).expect(200)).body.deputyId).toBe(colleague.person.id);
    expect((await put(null).expect(200)).body.deputyId).toBeNull();
  });

  it('the directory shows active people to everyone and deactivated ones to admins only', async () => {
    const agency = await t.make.agency();
    const viewer = await t.make.person(['liaison'], { agency });
    const gone = await t.make.person(['liaison'], { agency });
    await request(t.server).post(`/api/v1/people/${gone.person.id}/deactivate`).set(admin.auth).expect(200);
    const list = await request(t.server).get('/api/v1/people').set(viewer.auth).query({ agencyId: agency.id }).expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([viewer.person.id]);
    await request(t.server).get(`/api/v1/people/${gone.person.id}`).set(viewer.auth).expect(404);
    const adminList = await request(t.server).get('/api/v1/people').set(admin.auth).query({ agencyId: agency.id, active: 'false' }).expect(200);
    expect(adminList.body.items.map((p: { id: string }) => p.id)).toEqual([gone.person.id]);
  });

  it('deactivating a person clears them as deputy (audited) and an admin cannot deactivate themselves', async () => {
    const agency = await t.make.agency();
    const a = await t.make.person(['liaison'], { agency });
    const b = await t.make.person(['liaison'], { agency });
    await request(t.server).put('/api/v1/me/deputy').set(a.auth).send({ deputyId: b.person.id }).expect(200);
    await request(t.server).post(`/api/v1/people/${b.person.id}/deactivate`).set(admin.auth).expect(200);
    expect((await people().findOneByOrFail({ id: a.person.id })).deputyId).toBeNull();
    expect((await request(t.server).post(`/api/v1/people/${admin.person.id}/deactivate`).set(admin.auth).expect(422)).body.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('an admin updates roles with a version check, and resets a password, ending the sessions', async () => {
    const p = await t.make.person(['liaison']);
    const res = await request(t.server).patch(`/api/v1/people/${p.person.id}`).set(admin.auth).send({ roles: ['liaison', 'leadership'], version: 1 }).expect(200);
    expect(res.body.roles).toEqual(['liaison', 'leadership']);
    expect((await request(t.server).patch(`/api/v1/people/${p.person.id}`).set(admin.auth).send({ roles: ['liaison'], version: 1 }).expect(409)).body.code).toBe('VERSION_CONFLICT');
    await request(t.server).post(`/api/v1/people/${p.person.id}/password`).set(admin.auth).send({ newPassword: 'Reset-By-Admin-2026' }).expect(204);
    await request(t.server).get('/api/v1/me').set(p.auth).expect(401);
  });
});
