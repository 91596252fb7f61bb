import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { ReminderDispatcher } from '#domain/notifications/reminder-dispatcher.service.js';
import { planReminders } from '#domain/notifications/reminder-plan.js';
import type { ReminderKind } from '#domain/notifications/reminder-kinds.js';
import type { TestPerson } from '#testing/factories.js';
import { TcpProxy } from '#testing/tcp-proxy.js';
import { createTestApp, TestApp } from '#testing/test-app.js';

/**
 * The inbox, the settings, the failed list and the admin queue view through the real API, and the
 * dispatcher's state machine through the real app (issue 9). Reminders are planned with
 * planReminders and delivered by calling the dispatcher as the worker's job does.
 */
let t: TestApp;
const API = '/api/v1';

async function inboxOnly(p: TestPerson): Promise<void> {
  await t.db.query(`INSERT INTO notification_settings (person_id, channels) VALUES ($1, '{"measures":["inbox"]}') ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels`, [p.person.id]);
}

/** Plans one measure reminder for these people, due at `dueAt`; returns the row ids per person and channel (occurrence '': not the rows the measure rules planned). */
async function plan(subject: { type: 'measure'; id: string }, recipients: TestPerson[], dueAt = new Date(Date.now() - 1000), kind: ReminderKind = 'measure_due_soon') {
  await t.db.transaction((m) => planReminders(m, subject, [kind], [{ kind, recipients: recipients.map((r) => r.person.id), dueAt, webhooks: false }]));
  return (await t.db.query(`SELECT id, recipient_id, channel, state FROM reminders WHERE subject_type = $1 AND subject_id = $2 AND kind = $3 AND occurrence = ''`, [subject.type, subject.id, kind])) as Array<{ id: string; recipient_id: string; channel: string; state: string }>;
}

async function deliverInbox(p: TestPerson, title?: string): Promise<string> {
  const measure = await t.make.measure(p, title ? { title } : {});
  const [row] = (await plan({ type: 'measure', id: measure.id }, [p])).filter((r) => r.channel === 'inbox');
  expect(await t.app.get(ReminderDispatcher).deliver(row!.id)).toBe('sent');
  const [n] = await t.db.query(`SELECT id FROM notifications WHERE reminder_id = $1`, [row!.id]);
  return n.id as string;
}

const state = async (id: string) => ((await t.db.query(`SELECT state, attempts, last_error, late, sent_at FROM reminders WHERE id = $1`, [id])) as Array<{ state: string; attempts: number; last_error: string | null; late: boolean; sent_at: Date | null }>)[0]!;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('the dispatcher', () => {
  it('claims, renders and writes the inbox row with the sent mark; a second job for a sent row does nothing', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.measure(p, { title: 'Spritzenfunde Kita Sonnenschein' });
    const rows = await plan({ type: 'measure', id: measure.id }, [p]);
    expect(rows.map((r) => r.channel)).toEqual(['inbox']);
    const dispatcher = t.app.get(ReminderDispatcher);
    expect(await dispatcher.deliver(rows[0]!.id)).toBe('sent');
    expect(await dispatcher.deliver(rows[0]!.id)).toBe('skipped');
    const notes = await t.db.query(`SELECT person_id, title, body, link FROM notifications WHERE reminder_id = $1`, [rows[0]!.id]);
    // The kind's renderer (reminder-renderers.ts) wrote it: German, the measure by title only.
    expect(notes).toEqual([{ person_id: p.person.id, title: 'Maßnahme in 30 Tagen fällig: Spritzenfunde Kita Sonnenschein', body: expect.stringContaining('Die Maßnahme „Spritzenfunde Kita Sonnenschein“ ist in 30 Tagen fällig'), link: `/measures/${measure.id}` }]);
    expect(await state(rows[0]!.id)).toMatchObject({ state: 'sent', attempts: 1, late: false });
  });

  it('does not send a reminder before it is due (a job that comes early finds nothing to claim)', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.measure(p);
    const [row] = await plan({ type: 'measure', id: measure.id }, [p], new Date(Date.now() + 3_600_000));
    expect(await t.app.get(ReminderDispatcher).deliver(row!.id)).toBe('skipped');
    expect(await state(row!.id)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('marks a reminder sent long after its due time as late', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.measure(p);
    const [row] = await plan({ type: 'measure', id: measure.id }, [p], new Date(Date.now() - 3_600_000));
    expect(await t.app.get(ReminderDispatcher).deliver(row!.id)).toBe('sent');
    expect(await state(row!.id)).toMatchObject({ state: 'sent', late: true });
  });

  it('withdraws a reminder whose recipient is inactive by now, or whose subject is gone (the renderer says no)', async () => {
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.measure(p);
    const [row] = await plan({ type: 'measure', id: measure.id }, [p]);
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [p.person.id]);
    expect(await t.app.get(ReminderDispatcher).deliver(row!.id)).toBe('withdrawn');
    expect(await state(row!.id)).toMatchObject({ state: 'withdrawn' });

    const q = await t.make.person(['liaison']);
    await inboxOnly(q);
    const gone = { type: 'measure' as const, id: randomUUID() };
    const [orphan] = await plan(gone, [q]);
    expect(await t.app.get(ReminderDispatcher).deliver(orphan!.id)).toBe('withdrawn');
    expect(Number((await t.db.query(`SELECT count(*) FROM notifications WHERE reminder_id = ANY($1::uuid[])`, [[row!.id, orphan!.id]]))[0].count)).toBe(0);
  });

  it('withdraws a row for a channel the person turned off after it was planned', async () => {
    const p = await t.make.person(['liaison']);
    const measure = await t.make.measure(p);
    const rows = await plan({ type: 'measure', id: measure.id }, [p]);
    expect(rows.map((r) => r.channel).sort()).toEqual(['email', 'inbox']);
    await inboxOnly(p);
    const email = rows.find((r) => r.channel === 'email')!;
    expect(await t.app.get(ReminderDispatcher).deliver(email.id)).toBe('withdrawn');
  });

  it('batches the e-mail rows of a person on the daily digest instead of mailing them singly', async () => {
    const p = await t.make.person(['liaison']);
    await t.db.query(`INSERT INTO notification_settings (person_id, channels, mail_mode) VALUES ($1, '{"measures":["email"]}', 'daily_digest')`, [p.person.id]);
    const measure = await t.make.measure(p);
    const [row] = await plan({ type: 'measure', id: measure.id }, [p]);
    expect(row!.channel).toBe('email');
    expect(await t.app.get(ReminderDispatcher).deliver(row!.id)).toBe('batched');
    expect(await state(row!.id)).toMatchObject({ state: 'batched', attempts: 0 });
  });
});

describe('the inbox', () => {
  it('lists only your own, unread first then newest, paged; counts, marks read and marks all read', async () => {
    const p = await t.make.person(['liaison']);
    const other = await t.make.person(['liaison']);
    await inboxOnly(p);
    await inboxOnly(other);
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await deliverInbox(p, `Maßnahme ${i}`));
    const foreign = await deliverInbox(other);

    await request(t.server).post(`${API}/me/notifications/${ids[3]}/read`).set(p.auth).expect(200)
      .expect((res) => expect(res.body).toMatchObject({ id: ids[3], readAt: expect.any(String), text: expect.stringContaining('Die Maßnahme „Maßnahme 3“') }));
    expect((await request(t.server).get(`${API}/me/notifications/unread-count`).set(p.auth).expect(200)).body).toEqual({ unread: 3 });

    // Unread first (newest first among them), then the read one; two per page.
    const first = await request(t.server).get(`${API}/me/notifications?limit=2`).set(p.auth).expect(200);
    const second = await request(t.server).get(`${API}/me/notifications?limit=2&cursor=${first.body.nextCursor}`).set(p.auth).expect(200);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1], ids[0], ids[3]]);
    const unread = await request(t.server).get(`${API}/me/notifications?unread=true`).set(p.auth).expect(200);
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([ids[2], ids[1], ids[0]]);

    // Someone else's notification: 404, as if it did not exist, and it stays unread.
    await request(t.server).post(`${API}/me/notifications/${foreign}/read`).set(p.auth).expect(404);
    await request(t.server).post(`${API}/me/notifications/${randomUUID()}/read`).set(p.auth).expect(404);
    expect((await request(t.server).get(`${API}/me/notifications/unread-count`).set(other.auth).expect(200)).body).toEqual({ unread: 1 });

    expect((await request(t.server).post(`${API}/me/notifications/read-all`).set(p.auth).expect(200)).body).toEqual({ marked: 3 });
    expect((await request(t.server).get(`${API}/me/notifications/unread-count`).set(p.auth).expect(200)).body).toEqual({ unread: 0 });
    expect((await request(t.server).get(`${API}/me/notifications/unread-count`).set(other.auth).expect(200)).body).toEqual({ unread: 1 });
    await request(t.server).get(`${API}/me/notifications`).expect(401);
  });
});

describe('notification settings', () => {
  it('shows the defaults, saves a choice with the version, and refuses stale or missing versions', async () => {
    const p = await t.make.person(['liaison']);
    const initial = await request(t.server).get(`${API}/me/notification-settings`).set(p.auth).expect(200);
    expect(initial.body).toEqual({ channels: { measures: ['inbox', 'email'], rapports: ['inbox', 'email'], escalations: ['inbox', 'email'], digests: ['email'] }, chosen: [], mailMode: 'single', version: 0 });
    expect(initial.headers.etag).toBe('"0"');

    const body = { channels: { measures: ['inbox'], digests: [] }, mailMode: 'daily_digest' };
    await request(t.server).put(`${API}/me/notification-settings`).set(p.auth).send(body).expect(428);
    const saved = await request(t.server).put(`${API}/me/notification-settings`).set(p.auth).set('If-Match', '"0"').send(body).expect(200);
    expect(saved.body).toEqual({ channels: { measures: ['inbox'], rapports: ['inbox', 'email'], escalations: ['inbox', 'email'], digests: [] }, chosen: ['measures', 'digests'], mailMode: 'daily_digest', version: 1 });
    const stale = await request(t.server).put(`${API}/me/notification-settings`).set(p.auth).send({ ...body, version: 0 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 1, current: { version: 1, mailMode: 'daily_digest' } });

    // Planning follows the choice: measures only in the inbox.
    const measure = await t.make.measure(p);
    expect((await plan({ type: 'measure', id: measure.id }, [p])).map((r) => r.channel)).toEqual(['inbox']);
  });

  it('refuses an unknown group, an unknown channel and a webhook, naming the field', async () => {
    const p = await t.make.person(['liaison']);
    const put = (channels: unknown, mailMode = 'single') => request(t.server).put(`${API}/me/notification-settings`).set(p.auth).send({ channels, mailMode, version: 0 });
    expect((await put({ meetings: ['inbox'] }).expect(400)).body).toMatchObject({ code: 'UNKNOWN_REMINDER_GROUP', field: 'channels.meetings' });
    expect((await put({ measures: ['inbox', 'sms'] }).expect(400)).body).toMatchObject({ code: 'UNKNOWN_CHANNEL', field: 'channels.measures.1' });
    expect((await put({ rapports: ['webhook'] }).expect(400)).body).toMatchObject({ code: 'WEBHOOK_NOT_PERSONAL', field: 'channels.rapports.0' });
    expect((await put({ rapports: 'inbox' }).expect(400)).body).toMatchObject({ field: 'channels.rapports' });
    expect((await put({}, 'weekly').expect(400)).body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'mailMode' })]));
    expect((await put(['inbox']).expect(400)).body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'channels' })]));
    expect((await request(t.server).get(`${API}/me/notification-settings`).set(p.auth).expect(200)).body.version).toBe(0);
  });
});

describe('failed reminders for coordinators', () => {
  it('lists failed ones without text, retries one (409 when not failed), and is not for liaisons', async () => {
    const coordinator = await t.make.person(['coordinator']);
    const admin = await t.make.person(['admin']);
    const p = await t.make.person(['liaison']);
    await inboxOnly(p);
    const measure = await t.make.measure(p);
    // Due in an hour: once retried it is pending but not due, so no worker of another suite claims it
    // before this test looks; the test then delivers it as of two hours from now.
    const [row] = await plan({ type: 'measure', id: measure.id }, [p], new Date(Date.now() + 3_600_000));
    await t.db.query(`UPDATE reminders SET state = 'failed', attempts = 5, last_error = 'INBOX_LOCK_TIMEOUT' WHERE id = $1`, [row!.id]);

    const list = await request(t.server).get(`${API}/reminders?state=failed&limit=200`).set(coordinator.auth).expect(200);
    const item = list.body.items.find((i: { id: string }) => i.id === row!.id);
    expect(item).toMatchObject({ kind: 'measure_due_soon', subjectType: 'measure', subjectId: measure.id, recipientId: p.person.id, recipientName: p.person.displayName, channel: 'inbox', state: 'failed', attempts: 5, lastError: 'INBOX_LOCK_TIMEOUT' });
    expect(JSON.stringify(item)).not.toContain(measure.title);
    await request(t.server).get(`${API}/reminders`).set(admin.auth).expect(200);
    await request(t.server).get(`${API}/reminders`).set(p.auth).expect(403);
    await request(t.server).post(`${API}/reminders/${row!.id}/retry`).set(p.auth).expect(403);

    const retried = await request(t.server).post(`${API}/reminders/${row!.id}/retry`).set(coordinator.auth).expect(200);
    expect(retried.body).toMatchObject({ id: row!.id, state: 'pending', attempts: 0, lastError: null });
    expect((await request(t.server).post(`${API}/reminders/${row!.id}/retry`).set(coordinator.auth).expect(409)).body).toMatchObject({ code: 'REMINDER_NOT_FAILED', currentState: 'pending' });
    await request(t.server).post(`${API}/reminders/${randomUUID()}/retry`).set(coordinator.auth).expect(404);
    expect(await t.app.get(ReminderDispatcher).deliver(row!.id, new Date(Date.now() + 7_200_000))).toBe('sent');
    const [audit] = await t.db.query(`SELECT actor_id FROM audit_entries WHERE entity_type = 'reminder' AND entity_id = $1`, [row!.id]);
    expect(audit.actor_id).toBe(coordinator.person.id);
  });
});

describe('the admin queue view', () => {
  it('shows counts per queue and the ledger by state, to admins only', async () => {
    const admin = await t.make.person(['admin']);
    const coordinator = await t.make.person(['coordinator']);
    const res = await request(t.server).get(`${API}/admin/queues`).set(admin.auth).expect(200);
    expect(res.body.backend).toBe('redis');
    expect(res.body.queues.map((q: { name: string }) => q.name)).toEqual(expect.arrayContaining(['maintenance', 'notifications']));
    expect(res.body.queues[0]).toEqual({ name: expect.any(String), waiting: expect.any(Number), active: expect.any(Number), delayed: expect.any(Number), failed: expect.any(Number), completed: expect.any(Number) });
    expect(Object.keys(res.body.ledger).sort()).toEqual(['batched', 'failed', 'pending', 'sending', 'sent', 'withdrawn']);
    await request(t.server).get(`${API}/admin/queues`).set(coordinator.auth).expect(403);
  });
});

describe('while Redis is down', () => {
  let viaProxy: TestApp;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const redis = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0');
    proxy = await new TcpProxy(redis.hostname, Number(redis.port || 6379)).start();
    const url = new URL(redis.toString());
    url.port = String(proxy.port);
    viaProxy = await createTestApp({ REDIS_URL: url.toString() });
  });

  afterAll(async () => {
    proxy.resume();
    await viaProxy.close();
    await proxy.stop();
  });

  it('the admin view answers 503 with the ledger still shown, and a retry is still accepted (the scan delivers it later)', async () => {
    const admin = await viaProxy.make.person(['admin']);
    const coordinator = await viaProxy.make.person(['coordinator']);
    const p = await viaProxy.make.person(['liaison']);
    const measure = await viaProxy.make.measure(p);
    await viaProxy.db.transaction((m) => planReminders(m, { type: 'measure', id: measure.id }, ['measure_due_soon'], [{ kind: 'measure_due_soon', recipients: [p.person.id], dueAt: new Date(), webhooks: false }]));
    const [row] = await viaProxy.db.query(`UPDATE reminders SET state = 'failed' WHERE subject_id = $1 AND channel = 'inbox' RETURNING id`, [measure.id]);
    proxy.cut();
    try {
      const started = Date.now();
      const res = await request(viaProxy.server).get(`${API}/admin/queues`).set(admin.auth).expect(503);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'QUEUE_STORE_UNAVAILABLE', backend: 'redis', ledger: { failed: expect.any(Number), pending: expect.any(Number) } });
      // The kick after the commit fails quietly: the user's change stands.
      const retry = await request(viaProxy.server).post(`${API}/reminders/${row[0].id}/retry`).set(coordinator.auth);
      expect(retry.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      proxy.resume();
    }
  });
});
