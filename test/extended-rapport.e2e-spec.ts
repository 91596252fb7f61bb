import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { addDays, berlinToday } from '#domain/common/berlin-time.js';
import { Development } from '#domain/developments/development.entity.js';
import { Escalation } from '#domain/escalations/escalation.entity.js';
import { EscalationRulesService } from '#domain/escalations/escalation-rules.service.js';
import { ThresholdRule } from '#domain/escalations/threshold-rule.entity.js';
import { District } from '#domain/places/district.entity.js';
import { RapportInvitation } from '#domain/rapports/rapport-invitation.entity.js';
import { Rapport } from '#domain/rapports/rapport.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;
const API = '/api/v1';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  // Rules of this run stop counting, so that a later run on the same database is not slowed by them.
  await t.db.query(`UPDATE threshold_rules SET active = false WHERE active AND name LIKE 'XRAP-TEST %'`);
  await t.close();
});

/** Two chosen agencies (each with a liaison and leadership), one agency not chosen, a coordinator. */
async function team() {
  const agencyA = await t.make.agency({ kind: 'police' });
  const agencyB = await t.make.agency({ kind: 'social_office' });
  const agencyC = await t.make.agency({ kind: 'youth_office' });
  return {
    agencyA, agencyB, agencyC,
    coordinator: await t.make.person(['coordinator']),
    liaisonA: await t.make.person(['liaison'], { agency: agencyA }),
    leadA: await t.make.person(['leadership'], { agency: agencyA }),
    liaisonB: await t.make.person(['liaison'], { agency: agencyB }),
    leadB: await t.make.person(['leadership'], { agency: agencyB }),
    adminB: await t.make.person(['admin'], { agency: agencyB }),
    liaisonC: await t.make.person(['liaison'], { agency: agencyC }),
    leadC: await t.make.person(['leadership'], { agency: agencyC }),
  };
}
type Team = Awaited<ReturnType<typeof team>>;

async function raise(by: TestPerson): Promise<Record<string, any>> {
  const [dev] = (await t.db.getRepository(Development).insert({
    category: 'aggression_violence', observedAt: new Date(Date.now() - HOUR), lat: 51.3, lon: 12.2, placeId: null, districtId: null, count: null, substances: [],
    severity: 4, description: 'Streit am Platz', reportingAgencyId: by.agency.id, reporterId: by.person.id, visibility: 'all', visibleAgencyIds: [],
  })).identifiers;
  const res = await request(t.server).post(`${API}/escalations`).set(by.auth).send({ reason: 'aggression_violence', text: 'Mehr Gewalt am Platz', developmentIds: [String(dev!.id)] });
  if (res.status !== 201) throw new Error(`raise: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const conveneBody = (tm: Team, over: Record<string, unknown> = {}) => ({
  title: `Erweiterter Rapport ${randomUUID().slice(0, 8)}`,
  goal: 'Gemeinsames Vorgehen gegen die Gewalt am Platz vereinbaren',
  startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
  endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
  location: 'Rathaus, Raum 204',
  agencyIds: [tm.agencyA.id, tm.agencyB.id],
  ...over,
});
const convene = (who: TestPerson, id: string, body: object) => request(t.server).post(`${API}/escalations/${id}/convene`).set(who.auth).send(body);
/** The meetings this test's people created: other suites create meetings at the same time. */
const countRapports = async (tm: Team): Promise<number> =>
  t.db.getRepository(Rapport).createQueryBuilder('r').where('r.created_by = ANY(CAST(:ids AS uuid[]))', { ids: Object.values(tm).flatMap((v) => ('person' in v ? [v.person.id] : [])) }).getCount();
const escalation = (id: string) => t.db.getRepository(Escalation).findOneByOrFail({ id });

describe('escalation -> extended rapport -> held -> minutes published -> resolved', () => {
  it('a rule proposal is convened: liaisons and leadership of the chosen agencies invited; held leaves it convened, the published minutes resolve it; the dashboard shows both', async () => {
    const tm = await team();
    // A threshold rule proposes the escalation (the worker's evaluation, called directly).
    const d = t.db.getRepository(District);
    const district = await d.save(d.create({ name: `XRAP-Bezirk ${randomUUID().slice(0, 6)}`, code: `XR-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const rule = await request(t.server).post(`${API}/threshold-rules`).set(tm.coordinator.auth)
      .send({ name: `XRAP-TEST ${randomUUID().slice(0, 8)}`, categories: ['syringe_finds'], scopeKind: 'district', districtId: district.id, windowDays: 7, minCount: 2 }).expect(201);
    await t.db.getRepository(Development).insert([1, 2].map(() => ({
      category: 'syringe_finds' as const, observedAt: new Date(Date.now() - HOUR), lat: 51.3, lon: 12.2, placeId: null, districtId: district.id, count: 5, substances: [],
      severity: 2, description: 'Spritzen gefunden', reportingAgencyId: tm.liaisonA.agency.id, reporterId: tm.liaisonA.person.id, visibility: 'all' as const, visibleAgencyIds: [],
    })));
    const ruleRow = await t.db.getRepository(ThresholdRule).findOneByOrFail({ id: rule.body.id });
    await t.app.get(EscalationRulesService).evaluate(ruleRow, district.id, new Date());
    const [proposal] = await t.db.getRepository(Escalation).findBy({ ruleId: rule.body.id, status: 'proposed' });
    expect(proposal).toBeDefined();

    const res = await convene(tm.coordinator, proposal!.id, conveneBody(tm)).expect(201);
    const rapport = res.body;
    expect(rapport).toMatchObject({ kind: 'extended', seriesId: null, occurrenceStart: null, status: 'convened', goal: 'Gemeinsames Vorgehen gegen die Gewalt am Platz vereinbaren' });
    const invited = new Map(rapport.invitations.map((i: any) => [i.person.id, i]));
    for (const p of [tm.liaisonA, tm.leadA, tm.liaisonB, tm.leadB]) expect(invited.get(p.person.id)).toMatchObject({ via: 'agency', agencyId: p.agency.id, response: 'pending' });
    for (const p of [tm.adminB, tm.liaisonC, tm.leadC, tm.coordinator]) expect(invited.has(p.person.id)).toBe(false);

    const esc = await request(t.server).get(`${API}/escalations/${proposal!.id}`).set(tm.coordinator.auth).expect(200);
    expect(esc.body).toMatchObject({ status: 'convened', rapportId: rapport.id });

    // Invitees answer as for any meeting; leadership reads it.
    const leadInvitation = invited.get(tm.leadB.person.id) as { id: string };
    await request(t.server).post(`${API}/rapports/${rapport.id}/invitations/${leadInvitation.id}/answer`).set(tm.leadB.auth).send({ answer: 'accept' }).expect(200);

    // A measure agreed there counts on the dashboard.
    await request(t.server).post(`${API}/measures`).set(tm.coordinator.auth).send({
      title: 'Mehr Streetwork am Platz', description: 'Zwei zusätzliche Einsätze pro Woche', owningAgencyId: tm.agencyB.id, responsibleId: tm.liaisonB.person.id,
      deadline: addDays(berlinToday(), 30), rapportId: rapport.id,
    }).expect(201);

    // Held (from its start on) alone leaves the escalation convened: its measures are not agreed yet.
    await t.db.query(`UPDATE rapports SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = $1`, [rapport.id]);
    await request(t.server).post(`${API}/rapports/${rapport.id}/status`).set(tm.coordinator.auth).send({ status: 'held' }).expect(200);
    const held = await request(t.server).get(`${API}/escalations/${proposal!.id}`).set(tm.coordinator.auth).expect(200);
    expect(held.body).toMatchObject({ status: 'convened', rapportId: rapport.id });

    // A measure agreed in its minutes; publishing them (the measures are final now) resolves the escalation in the same step.
    const entry = await request(t.server).post(`${API}/rapports/${rapport.id}/minutes`).set(tm.coordinator.auth).send({ heading: 'Vorgehen am Platz', notes: 'Streetwork und Polizei stimmen sich ab.' }).expect(201);
    await request(t.server).post(`${API}/rapports/${rapport.id}/minutes/${entry.body.id}/measures`).set(tm.coordinator.auth).send({
      title: 'Gemeinsame Begehung am Platz', owningAgencyId: tm.agencyA.id, responsibleId: tm.liaisonA.person.id, deadline: addDays(berlinToday(), 14),
    }).expect(201);
    await request(t.server).post(`${API}/rapports/${rapport.id}/status`).set(tm.coordinator.auth).send({ status: 'minutes_published' }).expect(200);
    const resolved = await request(t.server).get(`${API}/escalations/${proposal!.id}`).set(tm.coordinator.auth).expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', rapportId: rapport.id });
    const [trail] = await t.db.query(`SELECT changes FROM audit_entries WHERE entity_type = 'escalation' AND entity_id = $1 AND changes->'status'->>'new' = 'resolved'`, [proposal!.id]);
    expect(trail.changes).toEqual({ status: { old: 'convened', new: 'resolved' } });

    const dash = await request(t.server).get(`${API}/dashboard`).set(tm.leadA.auth).expect(200);
    const mine = dash.body.extendedRapports.find((r: any) => r.id === rapport.id);
    expect(mine).toMatchObject({ status: 'minutes_published', measuresByStatus: { planned: 2, in_progress: 0, done: 0, blocked: 0, cancelled: 0 } });
    expect(dash.body.openEscalations.newest.map((e: any) => e.id)).not.toContain(proposal!.id);
  });

  it('a raised escalation shows on the dashboard as open, with what GET /escalations shows', async () => {
    const tm = await team();
    const raised = await raise(tm.liaisonA);
    // Made the newest, whatever the suites running alongside raise meanwhile (the dashboard lists the newest five).
    await t.db.query(`UPDATE escalations SET created_at = now() + interval '1 hour' WHERE id = $1`, [raised.id]);
    const esc = (await request(t.server).get(`${API}/escalations/${raised.id}`).set(tm.leadC.auth).expect(200)).body;
    const dash = await request(t.server).get(`${API}/dashboard`).set(tm.leadC.auth).expect(200);
    expect(dash.body.openEscalations.count).toBeGreaterThanOrEqual(1);
    expect(dash.body.openEscalations.newest).toContainEqual({ id: esc.id, reason: 'aggression_violence', status: 'proposed', createdAt: esc.createdAt });
    await convene(tm.coordinator, esc.id, conveneBody(tm)).expect(201);
    const after = await request(t.server).get(`${API}/dashboard`).set(tm.coordinator.auth).expect(200);
    expect(after.body.openEscalations.newest).toContainEqual(expect.objectContaining({ id: esc.id, status: 'convened' }));
  });
});

describe('resolved only when the extended rapport is held and its measures are agreed', () => {
  it('publishing its minutes with no measure agreed: 409 MEASURES_NOT_AGREED, still held, the escalation stays convened; with one agreed it resolves', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const { body: rapport } = await convene(tm.coordinator, esc.id, conveneBody(tm)).expect(201);
    await t.db.query(`UPDATE rapports SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '110 minutes' WHERE id = $1`, [rapport.id]);
    await request(t.server).post(`${API}/rapports/${rapport.id}/status`).set(tm.coordinator.auth).send({ status: 'held' }).expect(200);
    const entry = await request(t.server).post(`${API}/rapports/${rapport.id}/minutes`).set(tm.coordinator.auth).send({ heading: 'Lage', notes: 'Noch keine Einigung.' }).expect(201);

    const refused = await request(t.server).post(`${API}/rapports/${rapport.id}/status`).set(tm.coordinator.auth).send({ status: 'minutes_published' }).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'MEASURES_NOT_AGREED', field: 'status' });
    expect((await t.db.getRepository(Rapport).findOneByOrFail({ id: rapport.id })).status).toBe('held');
    expect(await escalation(esc.id)).toMatchObject({ status: 'convened', rapportId: rapport.id });

    await request(t.server).post(`${API}/rapports/${rapport.id}/minutes/${entry.body.id}/measures`).set(tm.coordinator.auth).send({
      title: 'Runder Tisch mit Anwohnern', owningAgencyId: tm.agencyB.id, responsibleId: tm.liaisonB.person.id, deadline: addDays(berlinToday(), 21),
    }).expect(201);
    await request(t.server).post(`${API}/rapports/${rapport.id}/status`).set(tm.coordinator.auth).send({ status: 'minutes_published' }).expect(200);
    expect((await escalation(esc.id)).status).toBe('resolved');
  });
});

describe('cancelling the extended rapport hands its escalation back', () => {
  /** A district rule with two finds in it, evaluated once: its proposal. */
  async function ruleProposal(tm: Team) {
    const d = t.db.getRepository(District);
    const district = await d.save(d.create({ name: `XRAP-Bezirk ${randomUUID().slice(0, 6)}`, code: `XR-${randomUUID().slice(0, 8).toUpperCase()}`, active: true, boundary: null }));
    const rule = await request(t.server).post(`${API}/threshold-rules`).set(tm.coordinator.auth)
      .send({ name: `XRAP-TEST ${randomUUID().slice(0, 8)}`, categories: ['syringe_finds'], scopeKind: 'district', districtId: district.id, windowDays: 7, minCount: 2 }).expect(201);
    const finds = async (n: number) => (await t.db.getRepository(Development).insert(Array.from({ length: n }, () => ({
      category: 'syringe_finds' as const, observedAt: new Date(Date.now() - HOUR), lat: 51.3, lon: 12.2, placeId: null, districtId: district.id, count: 5, substances: [],
      severity: 2, description: 'Spritzen gefunden', reportingAgencyId: tm.liaisonA.agency.id, reporterId: tm.liaisonA.person.id, visibility: 'all' as const, visibleAgencyIds: [],
    })))).identifiers.map((i) => String(i.id));
    await finds(2);
    const ruleRow = await t.db.getRepository(ThresholdRule).findOneByOrFail({ id: rule.body.id });
    const evaluate = () => t.app.get(EscalationRulesService).evaluate(ruleRow, district.id, new Date());
    const id = await evaluate();
    expect(id).toBeTruthy();
    return { id: id!, finds, evaluate };
  }
  const cancel = (tm: Team, rapportId: string) => request(t.server).post(`${API}/rapports/${rapportId}/status`).set(tm.coordinator.auth).send({ status: 'cancelled', reason: 'Die Leitungen sind verhindert' });

  it('convened -> proposed again, the rapport link cleared and audited; it can be convened again or dismissed', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const { body: rapport } = await convene(tm.coordinator, esc.id, conveneBody(tm)).expect(201);
    await cancel(tm, rapport.id).expect(200);
    const back = await request(t.server).get(`${API}/escalations/${esc.id}`).set(tm.coordinator.auth).expect(200);
    expect(back.body).toMatchObject({ status: 'proposed', rapportId: null, mergedIntoId: null, dismissal: null });
    const [trail] = await t.db.query(`SELECT actor_id, changes FROM audit_entries WHERE entity_type = 'escalation' AND entity_id = $1 AND changes->'status'->>'old' = 'convened' AND changes->'status'->>'new' = 'proposed'`, [esc.id]);
    expect(trail).toEqual({ actor_id: tm.coordinator.person.id, changes: { status: { old: 'convened', new: 'proposed' }, rapportId: { old: rapport.id, new: null } } });
    // The dashboard lists it as open again.
    const dash = await request(t.server).get(`${API}/dashboard`).set(tm.coordinator.auth).expect(200);
    expect(dash.body.openEscalations.count).toBeGreaterThanOrEqual(1);

    // Convened again (a new extended rapport), or dismissed.
    const again = await convene(tm.coordinator, esc.id, conveneBody(tm)).expect(201);
    expect(again.body.id).not.toBe(rapport.id);
    expect((await escalation(esc.id))).toMatchObject({ status: 'convened', rapportId: again.body.id });
    await cancel(tm, again.body.id).expect(200);
    await request(t.server).post(`${API}/escalations/${esc.id}/dismiss`).set(tm.coordinator.auth).send({ reason: 'Lage hat sich beruhigt' }).expect(200);

    // A cancelled rapport cannot be cancelled again: no second hand-back.
    await cancel(tm, again.body.id).expect(409);
    expect((await escalation(esc.id)).status).toBe('dismissed');
  });

  it('a newer proposal of the same rule and scope (opened while convened) is merged into the returning one; the rule is not kept quiet by that', async () => {
    const tm = await team();
    const p = await ruleProposal(tm);
    const { body: rapport } = await convene(tm.coordinator, p.id, conveneBody(tm)).expect(201);
    // While convened the rule fires again for the same district: a newer proposal with a further find.
    const [later] = await p.finds(1);
    const newer = await p.evaluate();
    expect(newer).toBeTruthy();
    expect(newer).not.toBe(p.id);

    await cancel(tm, rapport.id).expect(200);
    const back = (await request(t.server).get(`${API}/escalations/${p.id}`).set(tm.coordinator.auth).expect(200)).body;
    expect(back).toMatchObject({ status: 'proposed', rapportId: null });
    expect(back.developments.map((d: any) => d.id)).toContain(later);
    const merged = (await request(t.server).get(`${API}/escalations/${newer}`).set(tm.coordinator.auth).expect(200)).body;
    expect(merged).toMatchObject({ status: 'dismissed', mergedIntoId: p.id, dismissal: { byId: tm.coordinator.person.id } });
    expect(merged.dismissal.reason.length).toBeGreaterThan(10);
    const [trail] = await t.db.query(`SELECT changes FROM audit_entries WHERE entity_type = 'escalation' AND entity_id = $1 AND changes ? 'mergedIntoId'`, [newer]);
    expect(trail.changes).toEqual({ status: { old: 'proposed', new: 'dismissed' }, mergedIntoId: { new: p.id }, dismissalReason: { changed: true } });
    // Still one open proposal for the rule and scope.
    const open = await t.db.query(`SELECT id FROM escalations WHERE rule_id = (SELECT rule_id FROM escalations WHERE id = $1) AND status = 'proposed'`, [p.id]);
    expect(open).toEqual([{ id: p.id }]);

    // Convened again, the rule may propose anew: a merge is not a coordinator's dismissal that keeps the rule quiet.
    await convene(tm.coordinator, p.id, conveneBody(tm)).expect(201);
    expect(await p.evaluate()).toBeTruthy();
  });
});

describe('convene: bad input is refused with the field, nothing stored', () => {
  it('a dismissed or an already convened escalation: 409 ESCALATION_NOT_OPEN with the current status', async () => {
    const tm = await team();
    const dismissed = await raise(tm.liaisonA);
    await request(t.server).post(`${API}/escalations/${dismissed.id}/dismiss`).set(tm.coordinator.auth).send({ reason: 'Lage hat sich beruhigt' }).expect(200);
    const before = await countRapports(tm);
    const r1 = await convene(tm.coordinator, dismissed.id, conveneBody(tm)).expect(409);
    expect(r1.body).toMatchObject({ code: 'ESCALATION_NOT_OPEN', field: 'status', currentStatus: 'dismissed' });
    expect(await countRapports(tm)).toBe(before);
    expect((await escalation(dismissed.id)).status).toBe('dismissed');

    const open = await raise(tm.liaisonA);
    const first = await convene(tm.coordinator, open.id, conveneBody(tm)).expect(201);
    const again = await convene(tm.coordinator, open.id, conveneBody(tm)).expect(409);
    expect(again.body).toMatchObject({ code: 'ESCALATION_NOT_OPEN', currentStatus: 'convened' });
    expect(await countRapports(tm)).toBe(before + 1);
    expect((await escalation(open.id)).rapportId).toBe(first.body.id);
  });

  it('a meeting in the past: 422 MEETING_IN_PAST naming startsAt; the escalation stays proposed, no meeting, no invitations', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const before = await countRapports(tm);
    const invitationsBefore = await t.db.getRepository(RapportInvitation).count();
    const res = await convene(tm.coordinator, esc.id, conveneBody(tm, { startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date(Date.now() + HOUR).toISOString() })).expect(422);
    expect(res.body).toMatchObject({ code: 'MEETING_IN_PAST', field: 'startsAt' });
    expect(await countRapports(tm)).toBe(before);
    expect(await t.db.getRepository(RapportInvitation).count()).toBe(invitationsBefore);
    expect((await escalation(esc.id)).status).toBe('proposed');
  });

  it('a missing or blank goal, an end before the start, an unknown agency: 4xx naming the field, nothing stored', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const before = await countRapports(tm);
    const { goal: _goal, ...noGoal } = conveneBody(tm);
    const missing = await convene(tm.coordinator, esc.id, noGoal).expect(400);
    expect(JSON.stringify(missing.body)).toContain('"field":"goal"');
    const blank = await convene(tm.coordinator, esc.id, conveneBody(tm, { goal: '   ' })).expect(400);
    expect(JSON.stringify(blank.body)).toContain('"field":"goal"');
    const start = Date.now() + 48 * HOUR;
    const backwards = await convene(tm.coordinator, esc.id, conveneBody(tm, { startsAt: new Date(start).toISOString(), endsAt: new Date(start - HOUR).toISOString() })).expect(400);
    expect(backwards.body).toMatchObject({ code: 'END_NOT_AFTER_START', field: 'endsAt' });
    const unknown = await convene(tm.coordinator, esc.id, conveneBody(tm, { agencyIds: [tm.agencyA.id, randomUUID()] })).expect(422);
    expect(unknown.body).toMatchObject({ code: 'AGENCY_NOT_FOUND', field: 'agencyIds' });
    expect(await countRapports(tm)).toBe(before);
    expect((await escalation(esc.id)).status).toBe('proposed');
    await convene(tm.coordinator, randomUUID(), conveneBody(tm)).expect(404);
  });
});

describe('who convenes and who reads the extended rapport', () => {
  it('only coordinators convene (a liaison or leadership: 403, nothing stored)', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const before = await countRapports(tm);
    for (const who of [tm.liaisonA, tm.leadA]) await convene(who, esc.id, conveneBody(tm)).expect(403);
    expect(await countRapports(tm)).toBe(before);
    expect((await escalation(esc.id)).status).toBe('proposed');
  });

  it('the chosen agencies (liaisons, leadership) read it; an agency not chosen does not, not even its leadership, and not on the dashboard', async () => {
    const tm = await team();
    const esc = await raise(tm.liaisonA);
    const { body: rapport } = await convene(tm.coordinator, esc.id, conveneBody(tm)).expect(201);
    for (const who of [tm.coordinator, tm.liaisonA, tm.leadA, tm.liaisonB, tm.leadB]) await request(t.server).get(`${API}/rapports/${rapport.id}`).set(who.auth).expect(200);
    for (const who of [tm.liaisonC, tm.leadC]) {
      const res = await request(t.server).get(`${API}/rapports/${rapport.id}`).set(who.auth).expect(404);
      expect(res.body.code).toBe('RAPPORT_NOT_FOUND');
      const list = await request(t.server).get(`${API}/rapports`).query({ limit: 200, from: new Date(Date.now() + 47 * HOUR).toISOString() }).set(who.auth).expect(200);
      expect(list.body.items.map((r: any) => r.id)).not.toContain(rapport.id);
    }
    const dashC = await request(t.server).get(`${API}/dashboard`).set(tm.leadC.auth).expect(200);
    expect(dashC.body.extendedRapports.map((r: any) => r.id)).not.toContain(rapport.id);
    const dashA = await request(t.server).get(`${API}/dashboard`).set(tm.leadA.auth).expect(200);
    expect(dashA.body.extendedRapports.map((r: any) => r.id)).toContain(rapport.id);

    // Leadership named as a guest reads it; leadership keeps reading regular meetings as before (rapports.e2e-spec).
    await request(t.server).post(`${API}/rapports/${rapport.id}/invitations`).set(tm.coordinator.auth).send({ personIds: [tm.leadC.person.id] }).expect(200);
    await request(t.server).get(`${API}/rapports/${rapport.id}`).set(tm.leadC.auth).expect(200);
  });
});
