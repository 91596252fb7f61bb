import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * One version check (issue 7 §5): developments and measures follow the same rules for the version
 * a change applies to, so the same cases run against both.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Resource {
  /** Creates a record at version 1; returns its URL and who may change it. */
  create(): Promise<{ url: string; editor: TestPerson }>;
  /** A change that differs each time it is called with another n. */
  change(n: number): Record<string, unknown>;
  /** The changed value as the response shows it. */
  value(body: Record<string, unknown>): unknown;
}

const resources: Array<[string, Resource]> = [
  ['development', {
    async create() {
      const editor = await t.make.person(['liaison']);
      const { at } = await claimTestArea(t.db);
      const res = await request(t.server).post('/api/v1/developments').set(editor.auth)
        .send({ category: 'complaint', observedAt: new Date(Date.now() - 3600_000).toISOString(), ...at(0, 0), severity: 1, visibility: 'all' }).expect(201);
      return { url: `/api/v1/developments/${res.body.id}`, editor };
    },
    change: (n) => ({ severity: 1 + (n % 5) }),
    value: (b) => b.severity,
  }],
  ['measure', {
    async create() {
      const editor = await t.make.person(['coordinator']);
      const responsible = await t.make.person(['liaison']);
      const res = await request(t.server).post('/api/v1/measures').set(editor.auth).send({
        title: `Versionen ${randomUUID().slice(0, 6)}`, owningAgencyId: responsible.agency.id, responsibleId: responsible.person.id, deadline: addDays(berlinToday(), 30),
      }).expect(201);
      return { url: `/api/v1/measures/${res.body.id}`, editor };
    },
    change: (n) => ({ title: `Titel ${n}` }),
    value: (b) => b.title,
  }],
];

describe.each(resources)('changing a %s', (_name, r) => {
  it('takes the version from If-Match (ETag form, weak, bare) or the body, and refuses a missing, malformed, ambiguous or stale one', async () => {
    const { url, editor } = await r.create();
    const patch = (n: number, headers: Record<string, string> = {}, version?: number) =>
      request(t.server).patch(url).set(editor.auth).set(headers).send({ ...r.change(n), ...(version !== undefined ? { version } : {}) });

    const read = await request(t.server).get(url).set(editor.auth).expect(200);
    expect(read.headers.etag).toBe('"1"');
    expect((await patch(1, { 'If-Match': read.headers.etag! }).expect(200)).body.version).toBe(2);
    expect((await patch(2, { 'If-Match': 'W/"2"' }).expect(200)).body.version).toBe(3);
    expect((await patch(3, { 'If-Match': '3' }).expect(200)).body.version).toBe(4);
    const current = await patch(4, {}, 4).expect(200);
    expect(current.body.version).toBe(5);
    expect((await request(t.server).get(url).set(editor.auth).expect(200)).headers.etag).toBe('"5"');

    const refused: Array<[string, request.Test, number, Record<string, unknown>]> = [
      ['stale If-Match', patch(9, { 'If-Match': '"1"' }), 409, { code: 'VERSION_CONFLICT', field: 'version', currentVersion: 5 }],
      ['stale body version', patch(9, {}, 4), 409, { code: 'VERSION_CONFLICT', field: 'version', currentVersion: 5 }],
      ['malformed If-Match', patch(9, { 'If-Match': 'abc' }), 400, { code: 'INVALID_IF_MATCH', field: 'If-Match' }],
      ['If-Match and body disagree', patch(9, { 'If-Match': '"5"' }, 4), 400, { code: 'VERSION_AMBIGUOUS', field: 'version' }],
      ['no version at all', patch(9), 428, { code: 'VERSION_REQUIRED', field: 'version' }],
    ];
    for (const [name, req, status, body] of refused) {
      const res = await req;
      expect({ name, status: res.status, type: res.headers['content-type'] }).toEqual({ name, status, type: expect.stringMatching(/^application\/problem\+json/) });
      expect(res.body).toMatchObject(body);
      // A conflict carries the current state, as GET shows it.
      if (status === 409) expect(res.body.current).toEqual(current.body);
    }
    const after = await request(t.server).get(url).set(editor.auth).expect(200);
    expect({ version: after.body.version, value: r.value(after.body) }).toEqual({ version: 5, value: r.value(current.body) });
    // Both given and equal is fine.
    expect((await patch(6, { 'If-Match': '"5"' }, 5).expect(200)).body.version).toBe(6);
  });
});

/**
 * Master data (agencies, districts, places, people) goes through the one audited update
 * (libs/domain/common/audited-change.ts) with the same version rules; a version is optional there.
 */
const masterData: Array<[string, string, () => Promise<{ id: string; editor: TestPerson; change: Record<string, unknown>; field: string }>]> = [
  ['agency', '/api/v1/agencies', async () => {
    const editor = await t.make.person(['coordinator']);
    return { id: (await t.make.agency()).id, editor, change: { name: `Umbenannt ${randomUUID().slice(0, 6)}` }, field: 'name' };
  }],
  ['district', '/api/v1/districts', async () => {
    const editor = await t.make.person(['coordinator']);
    const res = await request(t.server).post('/api/v1/districts').set(editor.auth).send({ name: 'Versionsbezirk', code: `V-${randomUUID().slice(0, 8).toUpperCase()}` }).expect(201);
    return { id: res.body.id, editor, change: { name: `Umbenannt ${randomUUID().slice(0, 6)}` }, field: 'name' };
  }],
  ['place', '/api/v1/places', async () => {
    const editor = await t.make.person(['coordinator']);
    const { at } = await claimTestArea(t.db);
    const res = await request(t.server).post('/api/v1/places').set(editor.auth).send({ name: 'Versionsort', kind: 'other', ...at(0, 0) }).expect(201);
    return { id: res.body.id, editor, change: { name: `Umbenannt ${randomUUID().slice(0, 6)}` }, field: 'name' };
  }],
  ['person', '/api/v1/people', async () => {
    const editor = await t.make.person(['admin']);
    return { id: (await t.make.person(['liaison'])).person.id, editor, change: { displayName: `Umbenannt ${randomUUID().slice(0, 6)}` }, field: 'displayName' };
  }],
];

describe.each(masterData)('changing a %s', (entityType, base, make) => {
  it('honours If-Match like every other change, and audits the changed fields once', async () => {
    const { id, editor, change, field } = await make();
    const url = `${base}/${id}`;
    const entries = () => t.db.query(`SELECT action, changes FROM audit_entries WHERE entity_type = $1 AND entity_id = $2 AND action = 'update'`, [entityType, id]) as Promise<Array<{ changes: Record<string, unknown> }>>;
    const stale = await request(t.server).patch(url).set(editor.auth).set('If-Match', '"7"').send(change).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', field: 'version', currentVersion: 1 });
    expect((await request(t.server).patch(url).set(editor.auth).set('If-Match', 'x').send(change).expect(400)).body.code).toBe('INVALID_IF_MATCH');
    expect(await entries()).toEqual([]);
    const ok = await request(t.server).patch(url).set(editor.auth).set('If-Match', '"1"').send(change).expect(200);
    expect(ok.body).toMatchObject({ ...change, version: 2 });
    // The same change again changes nothing: no new version, no entry.
    expect((await request(t.server).patch(url).set(editor.auth).send(change).expect(200)).body.version).toBe(2);
    const written = await entries();
    expect(written).toHaveLength(1);
    expect(Object.keys(written[0]!.changes)).toEqual([field]);
  });
});
