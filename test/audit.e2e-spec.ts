import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { TestPerson } from '#testing/factories.js';
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

  describe('visibility: the same as the records the entries are about', () => {
    async function policeOnlyTrail() {
      const police = await t.make.agency({ kind: 'police' });
      const policeLiaison = await t.make.person(['liaison'], { agency: police });
      const lat = 51.33 + Math.random() * 0.01;
      const lon = 12.37 + Math.random() * 0.01;
      const created = await request(t.server).post('/api/v1/developments').set(policeLiaison.auth).send({
        category: 'dealing', observedAt: new Date(Date.now() - 3600_000).toISOString(), lat, lon, count: 17, substances: ['crack'], severity: 4,
        description: 'Übergabe beobachtet', visibility: 'own_agency',
      }).expect(201);
      const dev = created.body as { id: string; version: number };
      await request(t.server).patch(`/api/v1/developments/${dev.id}`).set(policeLiaison.auth).send({ count: 19, version: dev.version }).expect(200);
      await request(t.server).get(`/api/v1/developments/${dev.id}`).set(policeLiaison.auth).expect(200);
      await request(t.server).get('/api/v1/developments/export.csv').set(policeLiaison.auth).query({ category: 'dealing', from: new Date(Date.now() - 7200_000).toISOString() }).expect(200);
      return { police, policeLiaison, dev, lat };
    }
    const trail = (who: TestPerson, query: Record<string, string>) => request(t.server).get('/api/v1/audit').set(who.auth).query(query).expect(200).then((r) => r.body.items as Array<Record<string, unknown>>);

    it("an admin of another agency sees who, when and what action only: no values, no id, and a filter by the id finds nothing", async () => {
      const { policeLiaison, dev, lat } = await policeOnlyTrail();
      const itAdmin = await t.make.person(['admin'], { agency: await t.make.agency({ kind: 'other' }) });

      expect(await trail(itAdmin, { entityId: dev.id })).toEqual([]);
      expect(await trail(itAdmin, { entityType: 'development', entityId: dev.id, action: 'create' })).toEqual([]);
      const byActor = await trail(itAdmin, { actorId: policeLiaison.person.id });
      expect(byActor.map((e) => e.action)).toEqual(['export', 'read', 'update', 'create']);
      for (const e of byActor) {
        expect(e).toMatchObject({ actorId: policeLiaison.person.id, entityType: 'development', entityId: null, changes: null, restricted: true });
        expect(e.at).toEqual(expect.any(String));
      }
      const text = JSON.stringify(byActor);
      expect(text).not.toContain(dev.id);
      expect(text).not.toContain(String(lat));
      expect(text).not.toMatch(/crack|dealing|own_agency|"rows"/);

      // A liaison of another agency does not read the trail at all.
      const otherLiaison = await t.make.person(['liaison']);
      await request(t.server).get('/api/v1/audit').set(otherLiaison.auth).query({ entityId: dev.id }).expect(403);
    });

    it("the police's own people still see the values; a police member whose access is not yet confirmed does not", async () => {
      const { police, policeLiaison, dev, lat } = await policeOnlyTrail();
      const policeAdmin = await t.make.person(['admin'], { agency: police });
      const entries = await trail(policeAdmin, { entityId: dev.id });
      expect(entries.map((e) => e.action)).toEqual(['read', 'update', 'create']);
      expect(entries.every((e) => e.restricted === false && e.entityId === dev.id)).toBe(true);
      expect(entries[1]!.changes).toEqual({ count: { old: 17, new: 19 } });
      expect(entries[2]!.changes).toMatchObject({ category: { new: 'dealing' }, lat: { new: lat }, substances: { new: ['crack'] }, severity: { new: 4 }, visibility: { new: 'own_agency' } });
      const [exported] = await trail(policeAdmin, { actorId: policeLiaison.person.id, action: 'export' });
      expect(exported).toMatchObject({ restricted: false, changes: { rows: { new: expect.any(Number) } } });

      const newAdmin = await t.make.person(['admin'], { agency: police, confirmed: false });
      expect(await trail(newAdmin, { entityId: dev.id })).toEqual([]);
      const masked = await trail(newAdmin, { actorId: policeLiaison.person.id });
      expect(masked.every((e) => e.restricted === true && e.changes === null && e.entityId === null)).toBe(true);
    });

    it('an entry about a development visible to all stays readable in full', async () => {
      const liaison = await t.make.person(['liaison']);
      const itAdmin = await t.make.person(['admin']);
      const created = await request(t.server).post('/api/v1/developments').set(liaison.auth).send({
        category: 'complaint', observedAt: new Date(Date.now() - 3600_000).toISOString(), lat: 51.33 + Math.random() * 0.01, lon: 12.37, severity: 2, visibility: 'all',
      }).expect(201);
      const [entry] = await trail(itAdmin, { entityId: created.body.id });
      expect(entry).toMatchObject({ action: 'create', entityId: created.body.id, restricted: false, changes: { category: { new: 'complaint' } } });
    });
  });
});
