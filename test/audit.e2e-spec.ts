import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('audit trail', () => {
  it('admins list entries with filters; others are refused', async () => {
    const admin = await t.make.person(['admin']);
    const coordinator = await t.make.person(['coordinator']);
    const created = await request(t.server).post('/api/v1/agencies').set(coordinator.auth)
      .send({ name: 'Auditbehörde', kind: 'other', code: `AU-${Date.now().toString(36).toUpperCase()}` }).expect(201);
    await request(t.server).patch(`/api/v1/agencies/${created.body.id}`).set(coordinator.auth).send({ kind: 'housing' }).expect(200);
    const res = await request(t.server).get('/api/v1/audit').set(admin.auth).query({ entityType: 'agency', entityId: created.body.id }).expect(200);
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(res.body.items[0]).toMatchObject({ actorId: coordinator.person.id, changes: { kind: { old: 'other', new: 'housing' } } });
    expect(res.body.items[0].requestId).toEqual(expect.any(String));
    const byActor = await request(t.server).get('/api/v1/audit').set(admin.auth).query({ actorId: coordinator.person.id, action: 'create' }).expect(200);
    expect(byActor.body.items).toHaveLength(1);
    await request(t.server).get('/api/v1/audit').set(coordinator.auth).expect(403);
    expect((await request(t.server).get('/api/v1/audit').set(admin.auth).query({ from: 'yesterday' }).expect(400)).body.field).toBe('from');
  });

  it('entries cannot be changed or deleted, neither through the API nor in the database', async () => {
    const admin = await t.make.person(['admin']);
    const list = await request(t.server).get('/api/v1/audit').set(admin.auth).query({ limit: 1 }).expect(200);
    const id = list.body.items[0].id;
    await request(t.server).patch(`/api/v1/audit/${id}`).set(admin.auth).send({ action: 'x' }).expect(404);
    await request(t.server).delete(`/api/v1/audit/${id}`).set(admin.auth).expect(404);
    await expect(t.db.query(`UPDATE audit_entries SET action = 'x' WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM audit_entries WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
  });
});
