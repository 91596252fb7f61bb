import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { createLogger } from '#config/logger.js';
import { Development } from '#domain/developments/development.entity.js';
import { EscalationRulesService } from '#domain/escalations/escalation-rules.service.js';
import { MAX_LINKED_DEVELOPMENTS } from '#domain/escalations/escalations.service.js';
import { ThresholdRule } from '#domain/escalations/threshold-rule.entity.js';
import { District } from '#domain/places/district.entity.js';
import { Place } from '#domain/places/place.entity.js';
import { QueueBackend } from '#queue/queue-backend.js';
import { ESCALATION_SWEEP_INTERVAL_MS } from '#worker/escalation-rules/escalation-rules.processor.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';
import type { TestPerson } from '#testing/factories.js';
import { claimTestArea } from '#testing/test-area.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let coordinator: TestPerson;
let leader: TestPerson;
let police: TestPerson;
let order: TestPerson;
let youth: TestPerson;
let admin: TestPerson;
const workers: INestApplicationContext[] = [];

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await t.make.person(['coordinator'], { agency: await t.make.agency({ kind: 'other' }) });
  leader = await t.make.person(['leadership'], { agency: await t.make.agency({ kind: 'social_office' }) });
  police = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'police' }) });
  order = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'public_order_office' }) });
  youth = await t.make.person(['liaison'], { agency: await t.make.agency({ kind: 'youth_office' }) });
  admin = await t.make.person(['admin']);
});
afterAll(async () => {
  for (const w of workers.splice(0)) await w.close();
  // Rules of this run stop counting, so that a later run on the same database is not slowed by them.
  await t.db.query(`UPDATE threshold_rules SET active = false WHERE active AND name LIKE 'ESC-TEST %'`);
  await t.close();
});

async function worker(): Promise<INestApplicationContext> {
  const w = await createWorkerContext(t.config, createLogger('error', 'worker-test'));
  workers.push(w);
  return w;
}

async function district(): Promise<District> {
  const r = t.db.getRepository(District);
  return r.save(r.create({ name: `ESC-Bezirk ${randomUUID().slice(0, 6)}`, code: `ESC-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
}
async function place(over: Partial<Place> = {}): Promise<Place> {
  const a = await claimTestArea(t.db);
  const r = t.db.getRepository(Place);
  return r.save(r.create({ name: `ESC-Platz ${randomUUID().slice(0, 6)}`, kind: 'scene', sensitiveKind: null, lat: a.lat, lon: a.lon, districtId: null, address: null, active: true, ...over }));
}

/** Developments written straight into the table (observedAt anywhere in the past), visible to all unless said otherwise. */
async function log(n: number, at: Date, where: { districtId?: string; placeId?: string }, over: Partial<Development> = {}, by: TestPerson = order): Promise<string[]> {
  const rows = Array.from({ length: n }, () => ({
    category: 'syringe_finds' as const, observedAt: at, lat: 51.3, lon: 12.2, placeId: where.placeId ?? null, districtId: where.districtId ?? null,
    count: 5, substances: [], severity: 2, description: 'Spritzen gefunden', reportingAgencyId: by.agency.id, reporterId: by.person.id,
    visibility: 'all' as const, visibleAgencyIds: [], ...over,
  }));
  const res = await t.db.getRepository(Development).insert(rows);
  return res.identifiers.map((i) => String(i.id));
}

const ruleBody = (over: Record<string, unknown> = {}) => ({
  name: `ESC-TEST ${randomUUID().slice(0, 8)}`, categories: ['syringe_finds'], scopeKind: 'district', windowDays: 7, minCount: 3, ...over,
});

async function createRule(over: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await request(t.server).post(`${API}/threshold-rules`).set(coordinator.auth).send(ruleBody(over));
  if (res.status !== 201) throw new Error(`rule: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function proposals(ruleId: string, status = 'proposed'): Promise<Array<{ id: string; scope_id: string }>> {
  return t.db.query(`SELECT id, scope_id FROM escalations WHERE rule_id = $1 AND status = $2`, [ruleId, status]);
}

const ruleEntity = (id: string) => t.db.getRepository(ThresholdRule).findOneByOrFail({ id });

/**
 * Evaluates and returns the open proposal of the rule in that scope, whoever opened it: worker
 * contexts of other suites on the same database run the periodic sweep over every rule, and may
 * open it a moment before this call does (which then rightly opens none).
 */
async function evaluateOpen(rules: EscalationRulesService, ruleId: string, scopeId: string, now: Date): Promise<string | null> {
  const opened = await rules.evaluate(await ruleEntity(ruleId), scopeId, now);
  const open = (await proposals(ruleId)).filter((x) => x.scope_id === scopeId);
  if (opened) expect(open.map((x) => x.id)).toEqual([opened]);
  return open[0]?.id ?? null;
}

function raise(who: TestPerson, body: Record<string, unknown>) {
  return request(t.server).post(`${API}/escalations`).set(who.auth).send({ reason: 'many_syringe_finds', text: 'Deutlich mehr Spritzenfunde am Spielplatz', ...body });
}

describe('threshold rules: management and bad input', () => {
  it('a coordinator creates, changes (with the version) and deactivates a rule', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id });
    expect(rule).toMatchObject({ scopeKind: 'district', district: { id: d.id }, place: null, windowDays: 7, minCount: 3, risePercent: null, active: true, version: 1 });

    const url = `${API}/threshold-rules/${rule.id}`;
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ windowDays: 14 }).expect(428)).body.code).toBe('VERSION_REQUIRED');
    const changed = await request(t.server).patch(url).set(coordinator.auth).send({ risePercent: 50, minCount: null, version: 1 }).expect(200);
    expect(changed.body).toMatchObject({ minCount: null, risePercent: 50, version: 2 });
    const stale = await request(t.server).patch(url).set(coordinator.auth).send({ windowDays: 14, version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, current: { risePercent: 50 } });

    const off = await request(t.server).post(`${url}/deactivate`).set(coordinator.auth).expect(200);
    expect(off.body.active).toBe(false);
    const got = await request(t.server).get(url).set(leader.auth).expect(200);
    expect(got.body.active).toBe(false);
    expect(got.headers.etag).toBe(`"${got.body.version}"`);
    const listed = await request(t.server).get(`${API}/threshold-rules?active=false&limit=200`).set(coordinator.auth).expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(rule.id);
  });

  it('refuses bad rules with the field, and stores nothing', async () => {
    const d = await district();
    const name = `ESC-TEST bad ${randomUUID().slice(0, 8)}`;
    const cases: Array<[string, Record<string, unknown>, number, string, string]> = [
      ['zero window', { windowDays: 0 }, 400, 'VALIDATION_FAILED', 'windowDays'],
      ['no category', { categories: [] }, 400, 'VALIDATION_FAILED', 'categories'],
      ['categories left out', { categories: undefined }, 400, 'VALIDATION_FAILED', 'categories'],
      ['unknown category', { categories: ['weather'] }, 400, 'VALIDATION_FAILED', 'categories'],
      ['both count and percent', { minCount: 3, risePercent: 20 }, 400, 'RULE_THRESHOLD_AMBIGUOUS', 'risePercent'],
      ['neither count nor percent', { minCount: undefined }, 400, 'RULE_THRESHOLD_REQUIRED', 'minCount'],
      ['zero count', { minCount: 0 }, 400, 'VALIDATION_FAILED', 'minCount'],
      ['district scope without district', { districtId: undefined }, 400, 'RULE_SCOPE_TARGET_REQUIRED', 'districtId'],
      ['place scope without place', { scopeKind: 'place' }, 400, 'RULE_SCOPE_TARGET_REQUIRED', 'placeId'],
      ['sensitive scope with a district', { scopeKind: 'sensitive' }, 400, 'RULE_SCOPE_TARGET_NOT_ALLOWED', 'districtId'],
      ['unknown district', { districtId: randomUUID() }, 422, 'DISTRICT_NOT_FOUND', 'districtId'],
      ['unknown scope kind', { scopeKind: 'city' }, 400, 'VALIDATION_FAILED', 'scopeKind'],
      ['blank name', { name: '   ' }, 400, 'VALIDATION_FAILED', 'name'],
    ];
    for (const [label, over, status, code, field] of cases) {
      const body = { ...ruleBody({ districtId: d.id, name }), ...over };
      const res = await request(t.server).post(`${API}/threshold-rules`).set(coordinator.auth).send(body);
      expect({ label, status: res.status, code: res.body.code, field: res.body.field }).toEqual({ label, status, code, field });
    }
    expect(await t.db.query(`SELECT id FROM threshold_rules WHERE name = $1`, [name])).toEqual([]);

    // A change is checked as the whole rule it leaves behind; a refused one changes nothing.
    const rule = await createRule({ districtId: d.id });
    const url = `${API}/threshold-rules/${rule.id}`;
    const both = await request(t.server).patch(url).set(coordinator.auth).send({ risePercent: 20, version: 1 }).expect(400);
    expect(both.body).toMatchObject({ code: 'RULE_THRESHOLD_AMBIGUOUS', field: 'risePercent' });
    const none = await request(t.server).patch(url).set(coordinator.auth).send({ minCount: null, version: 1 }).expect(400);
    expect(none.body).toMatchObject({ code: 'RULE_THRESHOLD_REQUIRED', field: 'minCount' });
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ windowDays: 0, version: 1 }).expect(400)).body.field).toBe('windowDays');
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ categories: [], version: 1 }).expect(400)).body.field).toBe('categories');
    expect((await request(t.server).patch(url).set(coordinator.auth).send({ scopeKind: 'place', version: 1 }).expect(400)).body.field).toBe('placeId');
    expect((await ruleEntity(rule.id))).toMatchObject({ version: 1, minCount: 3, risePercent: null, windowDays: 7, scopeKind: 'district' });
  });

  it('only coordinators manage rules; coordinators and leadership read them', async () => {
    const d = await district();
    for (const who of [police, leader, admin]) {
      await request(t.server).post(`${API}/threshold-rules`).set(who.auth).send(ruleBody({ districtId: d.id })).expect(403);
    }
    const rule = await createRule({ districtId: d.id });
    await request(t.server).get(`${API}/threshold-rules/${rule.id}`).set(police.auth).expect(403);
    await request(t.server).get(`${API}/threshold-rules`).set(admin.auth).expect(403);
    await request(t.server).patch(`${API}/threshold-rules/${rule.id}`).set(leader.auth).send({ windowDays: 3, version: 1 }).expect(403);
    await request(t.server).post(`${API}/threshold-rules/${rule.id}/deactivate`).set(police.auth).expect(403);
    await request(t.server).get(`${API}/threshold-rules/${randomUUID()}`).set(coordinator.auth).expect(404);
  });
});

describe('threshold rules: evaluation', () => {
  let w: INestApplicationContext;
  let rules: EscalationRulesService;
  beforeAll(async () => {
    w = await worker();
    rules = w.get(EscalationRulesService);
  });

  it('an absolute count fires at the count within the window, not one below, nor on what lies outside', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id, minCount: 3, windowDays: 7 });
    const now = new Date();
    await log(2, new Date(now.getTime() - 6 * DAY), { districtId: d.id });
    await log(1, new Date(now.getTime() - 7 * DAY - HOUR), { districtId: d.id }); // just outside the window
    await log(1, new Date(now.getTime() - HOUR), { districtId: d.id }, { category: 'complaint' }); // another category
    await log(1, new Date(now.getTime() - HOUR), { districtId: d.id }, { withdrawnAt: new Date(), withdrawnBy: order.person.id, withdrawalReason: 'doppelt' });
    expect(await rules.evaluate(await ruleEntity(rule.id), d.id, now)).toBeNull();
    expect(await proposals(rule.id)).toEqual([]);

    // The third inside the window: a police-only record counts too (a rule is a system actor).
    const [hidden] = await log(1, new Date(now.getTime() - 7 * DAY + HOUR), { districtId: d.id }, { visibility: 'own_agency' }, police);
    const opened = await evaluateOpen(rules, rule.id, d.id, now);
    expect(opened).not.toBeNull();
    expect(await proposals(rule.id)).toEqual([{ id: opened, scope_id: d.id }]);

    // While it is open, a further breach opens none.
    await log(2, new Date(now.getTime() - HOUR), { districtId: d.id });
    expect(await rules.evaluate(await ruleEntity(rule.id), d.id, now)).toBeNull();
    expect(await rules.evaluateAll(now)).not.toContain(opened);
    expect(await proposals(rule.id)).toHaveLength(1);

    // Readers see only the linked developments they may see, and nothing tells them about the others.
    const byCoordinator = await request(t.server).get(`${API}/escalations/${opened}`).set(coordinator.auth).expect(200);
    expect(byCoordinator.body).toMatchObject({ status: 'proposed', reason: 'many_syringe_finds', text: null, raisedBy: null, rule: { id: rule.id, minCount: 3 }, scope: { kind: 'district', id: d.id } });
    expect(byCoordinator.body.developments).toHaveLength(2);
    expect(JSON.stringify(byCoordinator.body)).not.toContain(hidden);
    const byPolice = await request(t.server).get(`${API}/escalations/${opened}`).set(police.auth).expect(200);
    expect(byPolice.body.developments.map((x: { id: string }) => x.id)).toContain(hidden);
    expect(byPolice.body.developments).toHaveLength(3);
  });

  it('a rise in percent fires at exactly the rise against the window before, not below, and never against an empty window', async () => {
    const p = await place();
    const rule = await createRule({ scopeKind: 'place', placeId: p.id, minCount: undefined, risePercent: 50, windowDays: 7 });
    const now = new Date();
    const evaluate = async () => rules.evaluate(await ruleEntity(rule.id), p.id, now);
    await log(3, new Date(now.getTime() - 2 * DAY), { placeId: p.id });
    expect(await evaluate()).toBeNull(); // 3 against nothing: no percentage
    await log(2, new Date(now.getTime() - 10 * DAY), { placeId: p.id });
    await log(1, new Date(now.getTime() - 15 * DAY), { placeId: p.id }); // before both windows
    await log(1, new Date(now.getTime() - 7 * DAY - HOUR), { placeId: p.id }); // previous window: now 3
    await log(1, new Date(now.getTime() - DAY), { placeId: p.id }); // current: 4 against 3 = +33 %
    expect(await evaluate()).toBeNull();
    await log(1, new Date(now.getTime() - DAY), { placeId: p.id }); // 5 against 3 = +66 %
    const opened = await evaluateOpen(rules, rule.id, p.id, now);
    expect(opened).not.toBeNull();
    expect(await proposals(rule.id)).toEqual([{ id: opened, scope_id: p.id }]);
  });

  it('the rise boundary: +49 % stays quiet, +50 % fires', async () => {
    const p = await place();
    const rule = await createRule({ scopeKind: 'place', placeId: p.id, minCount: undefined, risePercent: 50, windowDays: 3 });
    const now = new Date();
    const evaluate = async () => rules.evaluate(await ruleEntity(rule.id), p.id, now);
    await log(100, new Date(now.getTime() - 4 * DAY), { placeId: p.id });
    await log(149, new Date(now.getTime() - DAY), { placeId: p.id });
    expect(await evaluate()).toBeNull();
    await log(1, new Date(now.getTime() - DAY), { placeId: p.id });
    const opened = await evaluateOpen(rules, rule.id, p.id, now);
    expect(opened).not.toBeNull();
    // A proposal links at most the newest MAX_LINKED_DEVELOPMENTS of the window, not all 150.
    const body = (await request(t.server).get(`${API}/escalations/${opened}`).set(coordinator.auth).expect(200)).body;
    expect(body.developments).toHaveLength(MAX_LINKED_DEVELOPMENTS);
  });

  it('two workers evaluating at once open exactly one proposal; the database refuses a second open one itself', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id, minCount: 2, windowDays: 2 });
    await log(2, new Date(Date.now() - HOUR), { districtId: d.id });
    const other = w === workers[0] ? await worker() : workers[0]!;
    const now = new Date();
    const entity = await ruleEntity(rule.id);
    const results = await Promise.all([rules, other.get(EscalationRulesService), rules, other.get(EscalationRulesService)].map((s) => s.evaluate(entity, d.id, now)));
    // One of them opened it (or, a moment earlier, another suite's periodic sweep did): never two.
    expect(results.filter((r) => r !== null).length).toBeLessThanOrEqual(1);
    expect(await proposals(rule.id)).toHaveLength(1);
    // Not only the code: the partial unique index refuses a second open proposal for the same rule and scope.
    await expect(t.db.query(`INSERT INTO escalations (reason, status, rule_id, scope_id) VALUES ('other', 'proposed', $1, $2)`, [rule.id, d.id]))
      .rejects.toThrow(/escalations_one_open_per_rule/);
  });

  it('after a dismissal the rule stays quiet in that scope for one window', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id, minCount: 1, windowDays: 2 });
    await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    const opened = (await evaluateOpen(rules, rule.id, d.id, new Date()))!;
    await request(t.server).post(`${API}/escalations/${opened}/dismiss`).set(coordinator.auth).send({ reason: 'Bereits bekannt, Maßnahme läuft' }).expect(200);
    expect(await rules.evaluate(await ruleEntity(rule.id), d.id, new Date())).toBeNull();
    expect(await rules.evaluate(await ruleEntity(rule.id), d.id, new Date(Date.now() + 2 * DAY + HOUR))).toBeNull(); // nothing left in that window
    await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    // Past the quiet time a breach proposes again.
    await t.db.query(`UPDATE escalations SET dismissed_at = now() - interval '3 days' WHERE id = $1`, [opened]);
    expect(await evaluateOpen(rules, rule.id, d.id, new Date())).not.toBeNull();
  });

  it('a deactivated rule is not evaluated', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id, minCount: 1, windowDays: 2 });
    await request(t.server).post(`${API}/threshold-rules/${rule.id}/deactivate`).set(coordinator.auth).expect(200);
    const [dev] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    expect(await rules.evaluateForDevelopment(dev!)).toEqual([]);
    await rules.evaluateAll();
    expect(await proposals(rule.id)).toEqual([]);
  });
});

describe('threshold rules: the worker evaluates new developments (job with the id only) and periodically', () => {
  it('a development logged through the API near a sensitive place opens a proposal for that place; the job carries its id only', async () => {
    const a = await claimTestArea(t.db);
    const kita = await t.db.getRepository(Place).save(t.db.getRepository(Place).create({
      name: `ESC-Kita ${randomUUID().slice(0, 6)}`, kind: 'sensitive', sensitiveKind: 'kindergarten', ...a.at(0, 0), districtId: null, address: null, active: true,
    }));
    const rule = await createRule({ scopeKind: 'sensitive', districtId: undefined, minCount: 2, windowDays: 1 });
    const queue = t.app.get(QueueBackend).queue('escalations');
    const secret = `GEHEIM-${randomUUID()}`;
    const post = async (dx: number) => {
      const res = await request(t.server).post(`${API}/developments`).set(order.auth)
        .send({ category: 'syringe_finds', observedAt: new Date(Date.now() - HOUR).toISOString(), ...a.at(dx, 0), count: 4, severity: 3, description: secret, visibility: 'all' })
        .expect(201);
      return res.body.id as string;
    };
    const near = await post(50);
    const far = await post(600); // beyond SENSITIVE_PLACE_RADIUS_M: not near the Kita
    for (const id of [near, far]) {
      const job = await queue.getJob(`esc-dev-${id}`);
      expect(job?.name).toBe('escalation-rules-evaluate');
      expect(job?.data).toEqual({ developmentId: id });
      expect(JSON.stringify(job?.data)).not.toContain(secret);
    }
    await worker();
    const settled = async (id: string) => {
      for (let i = 0; i < 100; i++) {
        const state = await (await queue.getJob(`esc-dev-${id}`))?.getState();
        if (state === 'completed' || state === undefined) return;
        await sleep(50);
      }
      throw new Error('evaluate job did not finish');
    };
    await settled(near);
    await settled(far);
    expect(await proposals(rule.id)).toEqual([]);
    const second = await post(-50);
    let open: Array<{ id: string; scope_id: string }> = [];
    for (let i = 0; i < 100 && !open.length; i++) {
      await sleep(50);
      open = await proposals(rule.id);
    }
    expect(open).toEqual([{ id: expect.any(String), scope_id: kita.id }]);
    const body = (await request(t.server).get(`${API}/escalations/${open[0]!.id}`).set(coordinator.auth).expect(200)).body;
    expect(body.scope).toEqual({ kind: 'place', id: kita.id, name: kita.name });
    expect(body.developments.map((x: { id: string }) => x.id).sort()).toEqual([near, second].sort());
  });

  it('the periodic run is scheduled once per queue and catches a development whose job was lost', async () => {
    const d = await district();
    const rule = await createRule({ districtId: d.id, minCount: 1, windowDays: 1 });
    // A development whose evaluate job never ran (lost enqueue): the periodic run finds the breach.
    await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    const w = workers[0] ?? (await worker());
    const queue = w.get(QueueBackend).queue('escalations');
    expect(Number((await queue.getJobScheduler('escalation-rules-sweep'))?.every)).toBe(ESCALATION_SWEEP_INTERVAL_MS);
    expect((await queue.getJobSchedulers()).filter((s) => s.key === 'escalation-rules-sweep' || s.name === 'escalation-rules-sweep')).toHaveLength(1);
    await queue.add('escalation-rules-sweep', {});
    let open: unknown[] = [];
    for (let i = 0; i < 200 && !open.length; i++) {
      await sleep(50);
      open = await proposals(rule.id);
    }
    expect(open).toHaveLength(1);
  });
});

describe('escalations raised by hand', () => {
  it('a liaison raises one with developments they may see; an unseen one is the same 422 as a missing one, nothing stored', async () => {
    const d = await district();
    const [pub] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, {}, order);
    const [policeOnly] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, { visibility: 'own_agency' }, police);
    const [withdrawn] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, { withdrawnAt: new Date(), withdrawnBy: order.person.id, withdrawalReason: 'doppelt' }, order);
    const before = await t.db.query(`SELECT count(*)::int AS n FROM escalations WHERE raised_by_agency_id = $1`, [order.agency.id]);

    const unseen = await raise(order, { developmentIds: [pub, policeOnly] }).expect(422);
    const missing = await raise(order, { developmentIds: [pub, randomUUID()] }).expect(422);
    for (const res of [unseen, missing]) expect(res.body).toMatchObject({ code: 'DEVELOPMENT_NOT_FOUND', field: 'developmentIds' });
    expect(unseen.body.detail.replace(policeOnly!, 'X')).toBe(missing.body.detail.replace(missing.body.unknown[0], 'X'));
    await raise(order, { developmentIds: [withdrawn] }).expect(422);
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ reason: 'weather', developmentIds: [pub] }, 'reason'],
      [{ text: '   ', developmentIds: [pub] }, 'text'],
      [{ text: undefined, developmentIds: [pub] }, 'text'],
      [{ developmentIds: [] }, 'developmentIds'],
      [{ developmentIds: ['nope'] }, 'developmentIds'],
    ];
    for (const [body, field] of bad) {
      const res = await raise(order, body).expect(400);
      expect({ field: res.body.field, code: res.body.code }).toEqual({ field: expect.stringMatching(new RegExp(`^${field}`)), code: 'VALIDATION_FAILED' });
    }
    await raise(leader, { developmentIds: [pub] }).expect(403);
    await raise(admin, { developmentIds: [pub] }).expect(403);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM escalations WHERE raised_by_agency_id = $1`, [order.agency.id])).toEqual(before);

    const ok = await raise(order, { reason: 'residents_complaints', developmentIds: [pub, pub] }).expect(201);
    expect(ok.body).toMatchObject({ status: 'proposed', reason: 'residents_complaints', text: 'Deutlich mehr Spritzenfunde am Spielplatz', raisedBy: { id: order.person.id }, raisedByAgency: { id: order.agency.id }, rule: null, scope: null, dismissal: null });
    expect(ok.body.developments.map((x: { id: string }) => x.id)).toEqual([pub]);
  });

  it('denial: a police-only development linked to an escalation is not revealed to another agency\'s reader, not even as a count', async () => {
    const d = await district();
    const [pub] = await log(1, new Date(Date.now() - 2 * HOUR), { districtId: d.id }, {}, order);
    const [policeOnly] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, { visibility: 'own_agency' }, police);
    const esc = (await raise(police, { reason: 'aggression_violence', developmentIds: [pub, policeOnly] }).expect(201)).body;
    expect(esc.developments.map((x: { id: string }) => x.id)).toEqual([policeOnly, pub]);

    for (const reader of [coordinator, leader, order]) {
      const one = await request(t.server).get(`${API}/escalations/${esc.id}`).set(reader.auth).expect(200);
      expect(one.body.developments.map((x: { id: string }) => x.id)).toEqual([pub]);
      expect(JSON.stringify(one.body)).not.toContain(policeOnly);
      const list = await request(t.server).get(`${API}/escalations?limit=200`).set(reader.auth).expect(200);
      const inList = list.body.items.find((x: { id: string }) => x.id === esc.id);
      expect(inList.developments.map((x: { id: string }) => x.id)).toEqual([pub]);
      expect(JSON.stringify(list.body)).not.toContain(policeOnly);
    }
    // A liaison of an agency that neither raised it nor reported a development they can see in it: not found.
    await request(t.server).get(`${API}/escalations/${esc.id}`).set(youth.auth).expect(404);
    const youthList = await request(t.server).get(`${API}/escalations?limit=200`).set(youth.auth).expect(200);
    expect(youthList.body.items.map((x: { id: string }) => x.id)).not.toContain(esc.id);
    // Not confirmed yet: a new police member sees only what all see, and cannot read it through the police-only link.
    const newcomer = await t.make.person(['liaison'], { agency: police.agency, confirmed: false });
    const asNewcomer = await request(t.server).get(`${API}/escalations/${esc.id}`).set(newcomer.auth).expect(200); // raised by their agency
    expect(asNewcomer.body.developments.map((x: { id: string }) => x.id)).toEqual([pub]);
    await request(t.server).get(`${API}/escalations/${esc.id}`).set(admin.auth).expect(403);
    await request(t.server).get(`${API}/escalations/${randomUUID()}`).set(coordinator.auth).expect(404);
    await request(t.server).get(`${API}/escalations/nope`).set(coordinator.auth).expect(400);
  });

  it('a liaison reads escalations that link a development of their agency only while they may see it', async () => {
    const d = await district();
    const [orderOnly] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, { visibility: 'agencies', visibleAgencyIds: [police.agency.id] }, order);
    const esc = (await raise(police, { developmentIds: [orderOnly] }).expect(201)).body;
    await request(t.server).get(`${API}/escalations/${esc.id}`).set(order.auth).expect(200);
    const unconfirmed = await t.make.person(['liaison'], { agency: order.agency, confirmed: false });
    await request(t.server).get(`${API}/escalations/${esc.id}`).set(unconfirmed.auth).expect(404);
  });

  it('a coordinator dismisses a proposed escalation with a reason, once; others may not', async () => {
    const d = await district();
    const [pub] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    const esc = (await raise(order, { developmentIds: [pub] }).expect(201)).body;
    const url = `${API}/escalations/${esc.id}/dismiss`;
    await request(t.server).post(url).set(order.auth).send({ reason: 'x' }).expect(403);
    await request(t.server).post(url).set(leader.auth).send({ reason: 'x' }).expect(403);
    expect((await request(t.server).post(url).set(coordinator.auth).send({}).expect(400)).body.field).toBe('reason');
    expect((await request(t.server).post(url).set(coordinator.auth).send({ reason: '  ' }).expect(400)).body.field).toBe('reason');
    const stale = await request(t.server).post(url).set(coordinator.auth).send({ reason: 'Lage beruhigt', version: 7 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', current: { id: esc.id, status: 'proposed' } });
    const done = await request(t.server).post(url).set(coordinator.auth).set('If-Match', '"1"').send({ reason: 'Lage beruhigt' }).expect(200);
    expect(done.body).toMatchObject({ status: 'dismissed', dismissal: { byId: coordinator.person.id, reason: 'Lage beruhigt' }, version: 2 });
    const again = await request(t.server).post(url).set(coordinator.auth).send({ reason: 'nochmal' }).expect(409);
    expect(again.body).toMatchObject({ status: 409, code: 'ESCALATION_NOT_OPEN', field: 'status', currentStatus: 'dismissed' });
    await request(t.server).post(`${API}/escalations/${randomUUID()}/dismiss`).set(coordinator.auth).send({ reason: 'x' }).expect(404);
    // The reason is free text: marked as changed in the audit trail, never copied.
    const [entry] = await t.db.query(`SELECT changes FROM audit_entries WHERE entity_type = 'escalation' AND entity_id = $1 AND action = 'update'`, [esc.id]);
    expect(entry.changes).toEqual({ status: { old: 'proposed', new: 'dismissed' }, dismissalReason: { changed: true } });
  });

  it('lists page by page with the one cursor, newest first, and filter by status', async () => {
    const d = await district();
    const [pub] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id }, {}, youth);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await raise(youth, { developmentIds: [pub] }).expect(201)).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await request(t.server).get(`${API}/escalations?limit=2&status=proposed${cursor ? `&cursor=${cursor}` : ''}`).set(youth.auth).expect(200);
      seen.push(...res.body.items.map((x: { id: string }) => x.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual([...ids].reverse());
    expect((await request(t.server).get(`${API}/escalations?status=open`).set(youth.auth).expect(400)).body.field).toBe('status');
    expect((await request(t.server).get(`${API}/escalations?sort=reason`).set(youth.auth).expect(400)).body.field).toBe('sort');
    expect((await request(t.server).get(`${API}/escalations?cursor=xyz`).set(youth.auth).expect(400)).body.field).toBe('cursor');
  });

  it('raising by hand enqueues nothing; no job anywhere carries free text', async () => {
    const d = await district();
    const [pub] = await log(1, new Date(Date.now() - HOUR), { districtId: d.id });
    const secret = `VERTRAULICH-${randomUUID()}`;
    await raise(order, { text: secret, developmentIds: [pub] }).expect(201);
    const queue = t.app.get(QueueBackend).queue('escalations');
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'failed', 'delayed', 'prioritized']);
    for (const job of jobs) {
      expect(JSON.stringify(job.data)).not.toContain(secret);
      expect(Object.keys(job.data).every((k) => k === 'developmentId')).toBe(true);
    }
  });
});
