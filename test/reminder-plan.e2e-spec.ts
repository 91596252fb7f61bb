import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { planReminders, withdrawReminders, type ReminderIntent } from '#domain/notifications/reminder-plan.js';
import type { ReminderKind } from '#domain/notifications/reminder-kinds.js';
import type { TestPerson } from '#testing/factories.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * planReminders (libs/domain/notifications/reminder-plan.ts), the one way every rule plans, against
 * the real database: what it inserts, moves, withdraws and revives, and what it never touches.
 */
let t: TestApp;
const KINDS: ReminderKind[] = ['measure_due_soon', 'measure_due_tomorrow'];
const at = (iso: string) => new Date(iso);

type Row = { id: string; kind: string; recipient_id: string | null; agency_id: string | null; channel: string; due_at: Date; state: string };

async function rows(measureId: string): Promise<Row[]> {
  return t.db.query(
    `SELECT id, kind, recipient_id, agency_id, channel, due_at, state FROM reminders WHERE subject_type = 'measure' AND subject_id = $1 ORDER BY kind, channel, recipient_id`,
    [measureId],
  );
}

function plan(measureId: string, intents: ReminderIntent[], kinds = KINDS) {
  return t.db.transaction((m) => planReminders(m, { type: 'measure', id: measureId }, kinds, intents));
}

async function inboxOnly(p: TestPerson) {
  await t.db.query(`INSERT INTO notification_settings (person_id, channels) VALUES ($1, '{"measures":["inbox"]}')`, [p.person.id]);
}

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('planReminders', () => {
  it('inserts one row per recipient and channel; planning the same again changes nothing', async () => {
    const p = await t.make.person(['liaison']);
    const measure = await t.make.bareMeasure(p);
    const intent: ReminderIntent = { kind: 'measure_due_soon', recipients: [p.person.id, p.person.id], dueAt: at('2030-01-07T07:00:00Z'), webhooks: false };
    const first = await plan(measure.id, [intent]);
    expect(first.pendingIds).toHaveLength(2);
    const before = await rows(measure.id);
    expect(before.map((r) => [r.kind, r.channel, r.state])).toEqual([['measure_due_soon', 'email', 'pending'], ['measure_due_soon', 'inbox', 'pending']]);
    const again = await plan(measure.id, [intent]);
    expect(again).toEqual({ pendingIds: [], withdrawn: 0 });
    expect(await rows(measure.id)).toEqual(before);
  });

  it('two planners at once make one row per reminder (the unique key), whichever commits first', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.bareMeasure(p);
    const intent: ReminderIntent = { kind: 'measure_due_soon', recipients: [p.person.id], dueAt: at('2030-01-07T07:00:00Z'), webhooks: false };
    await Promise.all(Array.from({ length: 4 }, () => plan(measure.id, [intent])));
    expect(await rows(measure.id)).toHaveLength(1);
  });

  it('moves a pending row to a new due time, withdraws what is no longer wanted, and revives it when wanted again', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.bareMeasure(p);
    const soon: ReminderIntent = { kind: 'measure_due_soon', recipients: [p.person.id], dueAt: at('2030-01-07T07:00:00Z'), webhooks: false };
    const tomorrow: ReminderIntent = { kind: 'measure_due_tomorrow', recipients: [p.person.id], dueAt: at('2030-01-13T07:00:00Z'), webhooks: false };
    await plan(measure.id, [soon, tomorrow]);
    const [a, b] = await rows(measure.id);

    // The deadline moved: both move, same rows.
    const moved = await plan(measure.id, [{ ...soon, dueAt: at('2030-02-07T07:00:00Z') }, { ...tomorrow, dueAt: at('2030-02-13T07:00:00Z') }]);
    expect(moved.pendingIds.sort()).toEqual([a!.id, b!.id].sort());
    expect((await rows(measure.id)).map((r) => [r.id, r.due_at.toISOString(), r.state])).toEqual([
      [a!.id, '2030-02-07T07:00:00.000Z', 'pending'], [b!.id, '2030-02-13T07:00:00.000Z', 'pending'],
    ]);

    // Only one still wanted: the other is withdrawn, not deleted.
    expect(await plan(measure.id, [{ ...soon, dueAt: at('2030-02-07T07:00:00Z') }])).toEqual({ pendingIds: [], withdrawn: 1 });
    expect((await rows(measure.id)).map((r) => r.state)).toEqual(['pending', 'withdrawn']);

    // Wanted again: the same row comes back to pending at the new time.
    const revived = await plan(measure.id, [{ ...soon, dueAt: at('2030-02-07T07:00:00Z') }, { ...tomorrow, dueAt: at('2030-03-01T07:00:00Z') }]);
    expect(revived.pendingIds).toEqual([b!.id]);
    expect((await rows(measure.id)).map((r) => [r.id, r.state])).toEqual([[a!.id, 'pending'], [b!.id, 'pending']]);

    // The measure is finished: everything pending of it is withdrawn.
    expect(await t.db.transaction((m) => withdrawReminders(m, { type: 'measure', id: measure.id }))).toBe(2);
    expect((await rows(measure.id)).map((r) => r.state)).toEqual(['withdrawn', 'withdrawn']);
  });

  it('never touches a row that is sent, being sent or failed: sent stays sent', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.bareMeasure(p);
    const soon: ReminderIntent = { kind: 'measure_due_soon', recipients: [p.person.id], dueAt: at('2030-01-07T07:00:00Z'), webhooks: false };
    const tomorrow: ReminderIntent = { kind: 'measure_due_tomorrow', recipients: [p.person.id], dueAt: at('2030-01-13T07:00:00Z'), webhooks: false };
    await plan(measure.id, [soon, tomorrow]);
    const [a, b] = await rows(measure.id);
    await t.db.query(`UPDATE reminders SET state = 'sent', sent_at = now() WHERE id = $1`, [a!.id]);
    await t.db.query(`UPDATE reminders SET state = 'sending', claimed_at = now() WHERE id = $1`, [b!.id]);

    expect(await plan(measure.id, [{ ...soon, dueAt: at('2030-05-01T07:00:00Z') }])).toEqual({ pendingIds: [], withdrawn: 0 });
    expect(await t.db.transaction((m) => withdrawReminders(m, { type: 'measure', id: measure.id }))).toBe(0);
    expect((await rows(measure.id)).map((r) => [r.state, r.due_at.toISOString()])).toEqual([['sent', '2030-01-07T07:00:00.000Z'], ['sending', '2030-01-13T07:00:00.000Z']]);
  });

  it('follows each recipient\'s channel preference per group, and leaves out inactive people', async () => {
    const agency = await t.make.agency();
    const inbox = await t.make.person(['liaison'], { agency });
    const mail = await t.make.person(['liaison'], { agency });
    const none = await t.make.person(['liaison'], { agency });
    const gone = await t.make.person(['liaison'], { agency, active: false });
    const defaults = await t.make.person(['liaison'], { agency });
    await t.db.query(
      `INSERT INTO notification_settings (person_id, channels) VALUES ($1, '{"measures":["inbox"]}'), ($2, '{"measures":["email"],"rapports":["inbox"]}'), ($3, '{"measures":[]}')`,
      [inbox.person.id, mail.person.id, none.person.id],
    );
    const measure = await t.make.bareMeasure(inbox);
    await plan(measure.id, [{ kind: 'measure_due_soon', recipients: [inbox, mail, none, gone, defaults].map((x) => x.person.id), dueAt: at('2030-01-07T07:00:00Z') }]);
    const got = (await rows(measure.id)).map((r) => [r.recipient_id, r.channel]).sort();
    expect(got).toEqual([
      [inbox.person.id, 'inbox'], [mail.person.id, 'email'], [defaults.person.id, 'email'], [defaults.person.id, 'inbox'],
    ].sort());
  });

  it('adds one webhook row per agency of the recipients with an active webhook (not for digests, not when switched off)', async () => {
    const hooked = await t.make.agency();
    const silent = await t.make.agency();
    const off = await t.make.agency();
    const secret = randomBytes(24).toString('hex');
    await t.db.query(`INSERT INTO agency_webhooks (agency_id, url, secret, active) VALUES ($1, 'https://chat.test.invalid/hook', $3, true), ($2, 'https://chat.test.invalid/off', $3, false)`, [hooked.id, off.id, secret]);
    const a1 = await t.make.person(['liaison'], { agency: hooked });
    const a2 = await t.make.person(['liaison'], { agency: hooked });
    const b = await t.make.person(['liaison'], { agency: silent });
    const c = await t.make.person(['liaison'], { agency: off });
    for (const p of [a1, a2, b, c]) await inboxOnly(p);
    const measure = await t.make.bareMeasure(a1);
    await plan(measure.id, [{ kind: 'measure_due_soon', recipients: [a1, a2, b, c].map((x) => x.person.id), dueAt: at('2030-01-07T07:00:00Z') }]);
    const hooks = (await rows(measure.id)).filter((r) => r.channel === 'webhook');
    expect(hooks.map((r) => [r.agency_id, r.recipient_id])).toEqual([[hooked.id, null]]);
    const noHook = await plan(measure.id, [{ kind: 'measure_due_soon', recipients: [a1.person.id], dueAt: at('2030-01-07T07:00:00Z'), webhooks: false }]);
    expect(noHook.withdrawn).toBe(4); // a2, b, c and the webhook row
  });

  it('refuses an intent of a kind the caller does not own or about another subject type', async () => {
    const p = await t.make.person(['liaison']);
    const measure = await t.make.bareMeasure(p);
    await expect(plan(measure.id, [{ kind: 'measure_overdue', recipients: [p.person.id], dueAt: new Date() }])).rejects.toThrow(/not among the kinds owned/);
    await expect(plan(measure.id, [{ kind: 'rapport_agenda', recipients: [p.person.id], dueAt: new Date() }], ['rapport_agenda'])).rejects.toThrow(/not a measure/);
  });
});
