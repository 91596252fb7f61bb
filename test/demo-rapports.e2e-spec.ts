import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadDemoDirectory } from '#domain/demo/demo-city.js';
import { loadDemoDevelopments } from '#domain/demo/demo-developments.js';
import { loadDemoMeasures } from '#domain/demo/demo-measures.js';
import { loadDemoPlaces } from '#domain/demo/demo-places.js';
import { DEMO_RULE_NAME, DEMO_SERIES_TITLE, loadDemoRapports } from '#domain/demo/demo-rapports.js';
import { REMINDER_RENDERERS } from '#domain/notifications/reminder-renderers.js';
import { RenderReads } from '#domain/notifications/render-reads.js';
import { Reminder } from '#domain/notifications/reminder.entity.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo rapports (Lindenbrück)', () => {
  // The demo is loaded relative to the day of the first start; the day after a meeting of the series (the
  // first Tuesday of the month) once put a publication into the future.
  it.each([
    ['today', () => new Date()],
    ['the day after a meeting of the series', () => new Date('2026-12-02T09:55:00Z')],
  ])('has a bimonthly series with two held meetings (published minutes, agreed measures), one convened with its agenda, and a rule whose escalation got an extended rapport (first start %s)', async (_when, at) => {
    const rollback = new Error('rollback');
    // Rolled back, like the other demo tests, so that the demo city decides nothing in other tests.
    await expect(t.db.transaction(async (m) => {
      const { agencies, people } = await loadDemoDirectory(m, 'x');
      const places = await loadDemoPlaces(m);
      const now = at();
      await loadDemoDevelopments(m, { agencies, people, places }, now);
      await loadDemoMeasures(m, { agencies, people, places }, now);
      const demo = await loadDemoRapports(m, { agencies, people, places }, now);

      const [series] = await m.query(`SELECT title, rrule, start_time, agency_ids, active FROM rapport_series WHERE id = $1`, [demo.seriesId]);
      expect(series).toMatchObject({ title: DEMO_SERIES_TITLE, rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU', active: true });
      expect(String(series.start_time)).toMatch(/^10:00/);
      expect(series.agency_ids).toEqual(expect.arrayContaining([agencies.get('POL-MITTE')!.id, agencies.get('OA')!.id, agencies.get('DH-SUCHT')!.id]));

      const meetings = await m.query(
        `SELECT r.id, r.status, r.kind, r.starts_at, to_char(r.starts_at AT TIME ZONE 'Europe/Berlin', 'HH24:MI Dy') AS local,
                (SELECT count(*)::int FROM rapport_minutes e WHERE e.rapport_id = r.id) AS entries,
                (SELECT count(*)::int FROM rapport_minutes e WHERE e.rapport_id = r.id AND e.agenda_item_id IS NOT NULL) AS "entriesUnderItems",
                (SELECT count(*)::int FROM measures x WHERE x.rapport_id = r.id) AS measures,
                (SELECT count(*)::int FROM measures x JOIN agenda_items a ON a.id = x.agenda_item_id AND a.rapport_id = r.id WHERE x.rapport_id = r.id) AS "measuresUnderItems",
                (SELECT count(*)::int FROM agenda_items a WHERE a.rapport_id = r.id) AS items,
                (SELECT count(*)::int FROM rapport_invitations i WHERE i.rapport_id = r.id AND i.attendance = 'present') AS present
           FROM rapports r WHERE r.series_id = $1 ORDER BY r.starts_at`, [demo.seriesId],
      ) as Array<{ id: string; status: string; kind: string; starts_at: Date; local: string; entries: number; entriesUnderItems: number; measures: number; measuresUnderItems: number; items: number; present: number }>;
      expect(meetings.map((r) => r.status)).toEqual(['minutes_published', 'minutes_published', 'convened']);
      expect(meetings.map((r) => r.id)).toEqual([...demo.heldIds, demo.convenedId]);
      expect(meetings.every((r) => r.local === '10:00 Tue' && r.kind === 'regular')).toBe(true);
      for (const held of meetings.slice(0, 2)) {
        expect(held.starts_at.getTime()).toBeLessThan(now.getTime());
        expect(held.entries).toBeGreaterThanOrEqual(2);
        expect(held.measures).toBeGreaterThanOrEqual(1);
        // The minutes are written per agenda item, and the measures agreed there link to their item.
        expect(held.entriesUnderItems).toBe(held.entries);
        expect(held.measuresUnderItems).toBe(held.measures);
        expect(held.present).toBeGreaterThan(0);
      }
      const next = meetings[2]!;
      expect(next.starts_at.getTime()).toBeGreaterThan(now.getTime());
      expect(next.items).toBeGreaterThan(0);

      const [rule] = await m.query(`SELECT name, scope_kind, categories, active FROM threshold_rules WHERE id = $1`, [demo.ruleId]);
      expect(rule).toMatchObject({ name: DEMO_RULE_NAME, scope_kind: 'sensitive', categories: ['syringe_finds'], active: true });
      const [escalation] = await m.query(`SELECT status, rule_id, scope_id, rapport_id FROM escalations WHERE id = $1`, [demo.escalationId]);
      expect(escalation).toEqual({ status: 'convened', rule_id: demo.ruleId, scope_id: places.get('kita-sonnenschein')!.id, rapport_id: demo.extendedId });
      const [linked] = await m.query(`SELECT count(*)::int AS n FROM escalation_developments WHERE escalation_id = $1`, [demo.escalationId]);
      expect(linked.n).toBeGreaterThanOrEqual(3);

      const [extended] = await m.query(
        `SELECT r.kind, r.status, r.goal, r.starts_at,
                (SELECT count(*)::int FROM rapport_invitations i JOIN people p ON p.id = i.person_id WHERE i.rapport_id = r.id AND 'leadership' = ANY(p.roles)) AS leaders
           FROM rapports r WHERE r.id = $1`, [demo.extendedId],
      );
      expect(extended).toMatchObject({ kind: 'extended', status: 'convened' });
      expect(extended.goal.length).toBeGreaterThan(20);
      expect(extended.starts_at.getTime()).toBeGreaterThan(now.getTime());
      expect(extended.leaders).toBeGreaterThan(0);

      // The demo's inboxes fill on the first start (these are due already): its meetings and measures went through the reminder rules.
      const pendingOf = async (mail: string) => (await m.query(
        `SELECT r.id, r.kind, r.subject_id FROM reminders r WHERE r.recipient_id = $1 AND r.state = 'pending' AND r.channel = 'inbox' AND r.due_at <= $2 ORDER BY r.kind, r.subject_id`,
        [people.get(mail)!.id, new Date()],
      )) as Array<{ id: string; kind: string; subject_id: string }>;
      const coordinatorInbox = await pendingOf('koordination@demo.drogenrapport.invalid');
      for (const id of [demo.convenedId, demo.extendedId]) expect(coordinatorInbox).toContainEqual(expect.objectContaining({ kind: 'rapport_invitation', subject_id: id }));
      for (const id of demo.heldIds) expect(coordinatorInbox).toContainEqual(expect.objectContaining({ kind: 'rapport_minutes_published', subject_id: id }));
      const orderInbox = await pendingOf('ordnungsamt@demo.drogenrapport.invalid');
      expect(orderInbox.filter((r) => r.kind === 'measure_overdue').length).toBeGreaterThanOrEqual(2);
      expect(orderInbox).toContainEqual(expect.objectContaining({ kind: 'rapport_invitation', subject_id: demo.convenedId }));
      // And they render (the dispatcher sends what the renderer says).
      const invitation = await m.getRepository(Reminder).findOneByOrFail({ id: coordinatorInbox.find((r) => r.kind === 'rapport_invitation' && r.subject_id === demo.convenedId)!.id });
      expect((await REMINDER_RENDERERS.rapport_invitation!(new RenderReads(m), invitation))!.title).toMatch(/^Einladung: /);
      const overdue = await m.getRepository(Reminder).findOneByOrFail({ id: orderInbox.find((r) => r.kind === 'measure_overdue')!.id });
      expect((await REMINDER_RENDERERS.measure_overdue!(new RenderReads(m), overdue))!.title).toMatch(/^Überfällig: /);
      throw rollback;
    })).rejects.toBe(rollback);
  });
});
