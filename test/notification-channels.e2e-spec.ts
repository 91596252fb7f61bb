import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import request from 'supertest';
import { AuditEntry } from '#domain/audit/audit-entry.entity.js';
import { berlinAt, berlinToday, formatGermanDate } from '#domain/common/berlin-time.js';
import { EmailChannel } from '#domain/notifications/channels/email-channel.js';
import { MailDigestService } from '#domain/notifications/channels/mail-digest.service.js';
import { WebhookChannel, type WebhookPayload } from '#domain/notifications/channels/webhook-channel.js';
import { verifyWebhook } from '#domain/notifications/channels/webhook-signature.js';
import { DeliveryError, type ReminderMessage } from '#domain/notifications/reminder-message.js';
import { planReminders } from '#domain/notifications/reminder-plan.js';
import { Reminder, type ReminderChannel } from '#domain/notifications/reminder.entity.js';
import type { TestPerson } from '#testing/factories.js';
import { freshTestDatabase, useOwnDatabaseAndQueues } from '#testing/own-database.js';
import { createTestApp, type TestApp } from '#testing/test-app.js';
import { testConfig } from '#testing/test-config.js';
import { createLogger } from '#config/logger.js';
import { JobProducer } from '#queue/job-producer.js';
import { createWorkerContext } from '#worker/worker-app.factory.js';

const PUBLIC_URL = 'https://drogenrapport.example.de';

/** A real SMTP server in-process: keeps every mail it accepts, parsed; refuses recipients named reject-* (550) and defer-* (451). */
class MailCatcher {
  readonly mails: Array<{ to: string[]; mail: ParsedMail; raw: string }> = [];
  private server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('reject-')) return cb(Object.assign(new Error('5.1.1 no such mailbox'), { responseCode: 550 }));
      if (address.address.startsWith('defer-')) return cb(Object.assign(new Error('4.2.0 greylisted, try later'), { responseCode: 451 }));
      cb();
    },
    onData: (stream, session, cb) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then((mail) => {
          this.mails.push({ to: session.envelope.rcptTo.map((r) => r.address), mail, raw });
          cb();
        }, cb);
      });
    },
  });
  port = 0;

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  to(address: string) {
    return this.mails.filter((m) => m.to.includes(address));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port nothing listens on (bound once, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * Plans one reminder, due now, about a fresh measure this person is responsible for (so that the
 * kind's renderer says it applies), through the one planning function every rule uses; returns its
 * row on `channel`. Its occurrence ('') keeps it apart from the rows the measure rules planned.
 */
async function planFor(t: TestApp, person: TestPerson, channel: ReminderChannel, opts: { subjectId?: string } = {}): Promise<Reminder> {
  const subjectId = opts.subjectId ?? (await t.make.measure(person)).id;
  await t.db.transaction((m) => planReminders(m, { type: 'measure', id: subjectId }, ['measure_due_soon'], [{ kind: 'measure_due_soon', recipients: [person.person.id], dueAt: new Date() }]));
  return t.db.getRepository(Reminder).findOneByOrFail({ subjectId, channel, kind: 'measure_due_soon', occurrence: '' });
}

const message = (subjectId: string, extra: Partial<ReminderMessage> = {}): ReminderMessage => ({
  title: 'Maßnahme „Spritzenfunde Stadtpark“ ist in 7 Tagen fällig',
  text: 'Die Maßnahme „Spritzenfunde Stadtpark“ ist am 09.12.2026 fällig. Sie sind dafür zuständig.',
  link: `/measures/${subjectId}`,
  ...extra,
});

async function deliveryError(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

// Its own database and queues: the workers other files start drain every due reminder of the
// database they run on, and without SMTP they would fail this file's e-mails (SMTP_NOT_CONFIGURED,
// seen in CI on the daily digest).
beforeAll(async () => {
  await useOwnDatabaseAndQueues('channels');
});

describe('e-mail channel over SMTP (a real SMTP server in-process)', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await new MailCatcher().start();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, PUBLIC_URL, MAIL_FROM: 'Drogenrapport Test <noreply@drogenrapport.example.de>' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends a German mail: title as subject, absolute link, settings footer, the invite attached; a resend has the same Message-ID', async () => {
    const p = await t.make.person(['liaison']);
    const r = await planFor(t, p, 'email');
    const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n';
    const msg = message(r.subjectId!, { attachments: [{ filename: 'invite.ics', contentType: 'text/calendar; method=REQUEST', content: ics }] });
    const channel = t.app.get(EmailChannel);
    expect(channel.channel).toBe('email');
    await channel.deliver(t.db.manager, r, msg);
    await channel.deliver(t.db.manager, r, msg);

    const got = smtp.to(p.person.email);
    expect(got).toHaveLength(2);
    const [first, second] = got.map((g) => g.mail);
    expect(first!.subject).toBe('Maßnahme „Spritzenfunde Stadtpark“ ist in 7 Tagen fällig');
    expect(first!.from?.text).toContain('noreply@drogenrapport.example.de');
    expect(first!.text).toContain('ist am 09.12.2026 fällig');
    expect(first!.text).toContain(`${PUBLIC_URL}/measures/${r.subjectId}`);
    expect(first!.text).toContain(`${PUBLIC_URL}/me/notification-settings`);
    expect(first!.text).toContain('Sie erhalten diese Nachricht, weil');
    expect(first!.messageId).toBe(`<${r.id}@drogenrapport.example.de>`);
    expect(second!.messageId).toBe(first!.messageId);
    expect(first!.headers.get('auto-submitted')).toBe('auto-generated');
    const [attachment] = first!.attachments;
    expect(attachment).toMatchObject({ filename: 'invite.ics', contentType: 'text/calendar' });
    expect(attachment!.content.toString('utf8')).toBe(ics);
    expect(got[0]!.raw).toMatch(/Content-Type: text\/calendar; method=REQUEST/i);
  });

  it('an SMTP answer 4xx is retryable, 5xx is final (SMTP_REJECTED)', async () => {
    const channel = t.app.get(EmailChannel);
    const deferred = await t.make.person(['liaison'], { email: `defer-${randomUUID()}@test.invalid` });
    const rejected = await t.make.person(['liaison'], { email: `reject-${randomUUID()}@test.invalid` });
    const r1 = await planFor(t, deferred, 'email');
    const r2 = await planFor(t, rejected, 'email');
    expect(await deliveryError(channel.deliver(t.db.manager, r1, message(r1.subjectId!)))).toMatchObject({ code: 'SMTP_DEFERRED', retryable: true });
    expect(await deliveryError(channel.deliver(t.db.manager, r2, message(r2.subjectId!)))).toMatchObject({ code: 'SMTP_REJECTED', retryable: false });
  });

  it('an inactive recipient is a final failure, nothing is sent', async () => {
    const p = await t.make.person(['liaison']);
    const r = await planFor(t, p, 'email');
    await t.db.query(`UPDATE people SET active = false WHERE id = $1`, [p.person.id]);
    expect(await deliveryError(t.app.get(EmailChannel).deliver(t.db.manager, r, message(r.subjectId!)))).toMatchObject({ code: 'RECIPIENT_INACTIVE', retryable: false });
    expect(smtp.to(p.person.email)).toHaveLength(0);
  });

  it('daily digest: one mail per person and day listing the batched reminders, which are marked sent with it; two runs at once send one', async () => {
    const p = await t.make.person(['liaison']);
    await t.db.query(`INSERT INTO notification_settings (person_id, mail_mode) VALUES ($1, 'daily_digest')`, [p.person.id]);
    const a = await planFor(t, p, 'email');
    const b = await planFor(t, p, 'email');
    // What the dispatcher does with a daily_digest person's due e-mail rows.
    await t.db.query(`UPDATE reminders SET state = 'batched' WHERE id = ANY($1::uuid[])`, [[a.id, b.id]]);
    const digests = t.app.get(MailDigestService);
    const today = berlinToday();
    const at = berlinAt(today, t.config.REMINDER_HOUR);

    // Before REMINDER_HOUR nothing happens.
    await digests.run(new Date(at.getTime() - 60_000));
    expect((await t.db.getRepository(Reminder).findOneByOrFail({ id: a.id })).state).toBe('batched');

    const now = new Date(at.getTime() + 60_000);
    await Promise.all([digests.run(now), digests.run(now), digests.run(now)]);

    const rows = await t.db.getRepository(Reminder).findBy({ kind: 'mail_daily_digest', recipientId: p.person.id });
    expect(rows).toHaveLength(1);
    const digest = rows[0]!;
    expect(digest).toMatchObject({ state: 'sent', occurrence: today, subjectType: 'digest', subjectId: null, channel: 'email', attempts: 1 });
    const items = await t.db.getRepository(Reminder).findBy({ digestId: digest.id });
    expect(items.map((i) => i.id).sort()).toEqual([a.id, b.id].sort());
    for (const i of items) expect(i).toMatchObject({ state: 'sent', sentAt: digest.sentAt });

    const mails = smtp.to(p.person.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!.mail;
    expect(mail.subject).toBe(`Drogenrapport: 2 Erinnerungen vom ${formatGermanDate(today)}`);
    expect(mail.messageId).toBe(`<${digest.id}@drogenrapport.example.de>`);
    expect(mail.text).toContain(`${PUBLIC_URL}/measures/${a.subjectId}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/measures/${b.subjectId}`);
    expect(mail.text).toContain(`${PUBLIC_URL}/me/notification-settings`);

    // A reminder batched after today's digest went out waits for tomorrow's.
    const c = await planFor(t, p, 'email');
    await t.db.query(`UPDATE reminders SET state = 'batched' WHERE id = $1`, [c.id]);
    await digests.run(new Date(now.getTime() + 60_000));
    expect(await t.db.getRepository(Reminder).findOneByOrFail({ id: c.id })).toMatchObject({ state: 'batched', digestId: null });
    expect(smtp.to(p.person.email)).toHaveLength(1);
  });
});

describe('the mail-daily-digest job in two worker processes', () => {
  let smtp: MailCatcher;
  let t: TestApp;
  const workers: Array<Awaited<ReturnType<typeof createWorkerContext>>> = [];
  beforeAll(async () => {
    smtp = await new MailCatcher().start();
    // REMINDER_HOUR 0: the day's digest is due whenever the test runs.
    // Its own database: these workers scan the whole ledger (see freshTestDatabase).
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, REMINDER_HOUR: '0', QUEUE_PREFIX: `drtest_digest_${process.pid}`, DATABASE_URL: await freshTestDatabase('digest') };
    t = await createTestApp(env);
    for (let i = 0; i < 2; i++) workers.push(await createWorkerContext(testConfig(env), createLogger('error', 'digest-test')));
  });
  afterAll(async () => {
    for (const w of workers.splice(0)) await w.close();
    await t?.close();
    await smtp?.close();
  });

  it('runs on the worker: jobs in both workers at once send one digest per person', async () => {
    const p = await t.make.person(['liaison']);
    const a = await planFor(t, p, 'email');
    await t.db.query(`UPDATE reminders SET state = 'batched' WHERE id = $1`, [a.id]);
    const producer = t.app.get(JobProducer);
    await Promise.all(Array.from({ length: 4 }, (_, i) => producer.add('mail-daily-digest', {}, { jobId: `digest-${randomUUID()}-${i}` })));
    let item = await t.db.getRepository(Reminder).findOneByOrFail({ id: a.id });
    for (let i = 0; i < 100 && item.state !== 'sent'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      item = await t.db.getRepository(Reminder).findOneByOrFail({ id: a.id });
    }
    expect(item.state).toBe('sent');
    const digests = await t.db.getRepository(Reminder).findBy({ kind: 'mail_daily_digest', recipientId: p.person.id });
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ state: 'sent', occurrence: berlinToday() });
    expect(smtp.to(p.person.email)).toHaveLength(1);
    expect(smtp.to(p.person.email)[0]!.mail.subject).toBe(`Drogenrapport: 1 Erinnerung vom ${formatGermanDate(berlinToday())}`);
  });
});

describe('e-mail channel, SMTP down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${await closedPort()}` });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('connection refused is DeliveryError SMTP_UNAVAILABLE, retryable', async () => {
    const p = await t.make.person(['liaison']);
    const r = await planFor(t, p, 'email');
    expect(await deliveryError(t.app.get(EmailChannel).deliver(t.db.manager, r, message(r.subjectId!)))).toMatchObject({ code: 'SMTP_UNAVAILABLE', retryable: true });
  });

  it('a digest whose mail cannot go is retried later (pending, backoff, last_error) and its rows stay batched', async () => {
    const p = await t.make.person(['liaison']);
    const a = await planFor(t, p, 'email');
    await t.db.query(`UPDATE reminders SET state = 'batched' WHERE id = $1`, [a.id]);
    const now = new Date(berlinAt(berlinToday(), t.config.REMINDER_HOUR).getTime() + 60_000);
    await t.app.get(MailDigestService).run(now);
    const digest = await t.db.getRepository(Reminder).findOneByOrFail({ kind: 'mail_daily_digest', recipientId: p.person.id });
    expect(digest).toMatchObject({ state: 'pending', attempts: 1, lastError: 'SMTP_UNAVAILABLE', sentAt: null });
    expect(digest.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await t.db.getRepository(Reminder).findOneByOrFail({ id: a.id })).toMatchObject({ state: 'batched', digestId: digest.id });
  });
});

describe('e-mail without SMTP', () => {
  let dataDir: string;
  let outbox: TestApp;
  let server: TestApp;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'drogenrapport-outbox-'));
    outbox = await createTestApp({ DATA_DIR: dataDir, MAIL_OUTBOX: 'true', PUBLIC_URL });
    server = await createTestApp();
  });
  afterAll(async () => {
    await outbox?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('the outbox writes one RFC 5322 .eml file per reminder under DATA_DIR/outbox-mail; a resend overwrites it', async () => {
    expect(outbox.config.mailDelivery).toBe('outbox');
    const p = await outbox.make.person(['liaison']);
    const r = await planFor(outbox, p, 'email');
    const channel = outbox.app.get(EmailChannel);
    await channel.deliver(outbox.db.manager, r, message(r.subjectId!));
    await channel.deliver(outbox.db.manager, r, message(r.subjectId!, { title: 'Zweiter Versuch' }));
    const dir = join(dataDir, 'outbox-mail');
    expect(await readdir(dir)).toEqual([`${r.id}.eml`]);
    const mail = await simpleParser(await readFile(join(dir, `${r.id}.eml`)));
    expect(mail.subject).toBe('Zweiter Versuch');
    expect(mail.messageId).toBe(`<${r.id}@drogenrapport.example.de>`);
    expect((mail.to as { value: Array<{ address: string }> }).value[0]!.address).toBe(p.person.email);
    expect(mail.text).toContain(`${PUBLIC_URL}/measures/${r.subjectId}`);
  });

  it('a server without SMTP_URL (and no outbox) refuses mail with SMTP_NOT_CONFIGURED, final', async () => {
    expect(server.config.mailDelivery).toBe('none');
    const p = await server.make.person(['liaison']);
    const r = await planFor(server, p, 'email');
    expect(await deliveryError(server.app.get(EmailChannel).deliver(server.db.manager, r, message(r.subjectId!)))).toMatchObject({ code: 'SMTP_NOT_CONFIGURED', retryable: false });
  });

  it('a server without mail plans no daily digest: the batched rows wait until mail is configured', async () => {
    const p = await server.make.person(['liaison']);
    const r = await planFor(server, p, 'email');
    await server.db.query(`UPDATE reminders SET state = 'batched' WHERE id = $1`, [r.id]);
    const now = new Date(berlinAt(berlinToday(), server.config.REMINDER_HOUR).getTime() + 60_000);
    expect(await server.app.get(MailDigestService).run(now)).toMatchObject({ planned: 0, sent: 0, failed: 0 });
    expect(await server.db.getRepository(Reminder).findBy({ kind: 'mail_daily_digest', recipientId: p.person.id })).toEqual([]);
    expect(await server.db.getRepository(Reminder).findOneByOrFail({ id: r.id })).toMatchObject({ state: 'batched', digestId: null });
  });
});

/** A real HTTP receiver for webhooks: answers with `status` (or never, for 'hang'), records what came. */
class HookReceiver {
  readonly received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  status: number | 'hang' = 204;
  private server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (this.status === 'hang') return;
      res.writeHead(this.status).end();
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/drogenrapport`;
    return this;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('webhooks', () => {
  let t: TestApp;
  let hook: HookReceiver;
  let admin: TestPerson;
  beforeAll(async () => {
    hook = await new HookReceiver().start();
    t = await createTestApp({ PUBLIC_URL, WEBHOOK_TIMEOUT_SECONDS: '1' });
    admin = await t.make.person(['admin']);
  });
  afterAll(async () => {
    await t?.close();
    await hook?.close();
  });

  const api = (method: 'get' | 'put' | 'post' | 'delete', agencyId: string, who: TestPerson, suffix = '') =>
    request(t.server)[method](`/api/v1/agencies/${agencyId}/webhook${suffix}`).set(who.auth);

  it("the agency's leadership sets up its webhook and sees the secret once; a reminder is POSTed signed with it", async () => {
    const lead = await t.make.person(['leadership']);
    await api('get', lead.agency.id, lead).expect(404);
    const created = await api('put', lead.agency.id, lead).send({ url: hook.url }).expect(201);
    expect(created.body).toMatchObject({ agencyId: lead.agency.id, url: hook.url, active: true, version: 1 });
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const read = await api('get', lead.agency.id, lead).expect(200);
    expect(read.body.secret).toBeUndefined();
    expect(read.headers.etag).toBe('"1"');

    const member = await t.make.person(['liaison'], { agency: lead.agency });
    const r = await planFor(t, member, 'webhook');
    expect(r).toMatchObject({ agencyId: lead.agency.id, recipientId: null });
    hook.status = 204;
    const before = hook.received.length;
    const channel = t.app.get(WebhookChannel);
    expect(channel.channel).toBe('webhook');
    await channel.deliver(t.db.manager, r, message(r.subjectId!));
    const got = hook.received[before]!;
    expect(got.headers['content-type']).toContain('application/json');
    expect(got.headers['x-drogenrapport-delivery']).toBe(r.id);
    const ts = got.headers['x-drogenrapport-timestamp'] as string;
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(10);
    const sig = got.headers['x-drogenrapport-signature'] as string;
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, ts, got.body, sig, { toleranceSeconds: 300 })).toBe(true);
    expect(verifyWebhook('0'.repeat(64), ts, got.body, sig)).toBe(false);
    const payload = JSON.parse(got.body) as WebhookPayload;
    expect(payload).toEqual({
      id: r.id, kind: 'measure_due_soon', title: message('').title, text: message('').text,
      link: `${PUBLIC_URL}/measures/${r.subjectId}`, dueAt: r.dueAt.toISOString(), sentAt: expect.any(String),
    });

    // Rotation: a new secret, once; the old one no longer verifies.
    const rotated = await api('post', lead.agency.id, lead, '/rotate-secret').send({ version: 1 }).expect(200);
    expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.body.secret).not.toBe(secret);
    await channel.deliver(t.db.manager, r, message(r.subjectId!));
    const again = hook.received[hook.received.length - 1]!;
    const args = [again.headers['x-drogenrapport-timestamp'] as string, again.body, again.headers['x-drogenrapport-signature'] as string] as const;
    expect(verifyWebhook(rotated.body.secret, ...args)).toBe(true);
    expect(verifyWebhook(secret, ...args)).toBe(false);

    // The trail says the secret changed, never what it is.
    const trail = await t.db.getRepository(AuditEntry).find({ where: { entityType: 'agency_webhook', entityId: lead.agency.id }, order: { id: 'ASC' } });
    expect(trail.map((e) => e.action)).toEqual(['create', 'update']);
    expect(trail[1]!.changes).toEqual({ secret: { changed: true } });
    expect(JSON.stringify(trail)).not.toContain(secret);
    expect(JSON.stringify(trail)).not.toContain(rotated.body.secret);
  });

  it('5xx and timeouts are retryable, 4xx is final, an unreachable receiver is retryable', async () => {
    const agency = await t.make.agency();
    await api('put', agency.id, admin).send({ url: hook.url }).expect(201);
    const member = await t.make.person(['liaison'], { agency });
    const r = await planFor(t, member, 'webhook');
    const channel = t.app.get(WebhookChannel);
    const attempt = () => deliveryError(channel.deliver(t.db.manager, r, message(r.subjectId!)));
    hook.status = 503;
    expect(await attempt()).toMatchObject({ code: 'WEBHOOK_HTTP_503', retryable: true });
    hook.status = 429;
    expect(await attempt()).toMatchObject({ code: 'WEBHOOK_HTTP_429', retryable: true });
    hook.status = 410;
    expect(await attempt()).toMatchObject({ code: 'WEBHOOK_HTTP_410', retryable: false });
    hook.status = 'hang';
    const started = Date.now();
    expect(await attempt()).toMatchObject({ code: 'WEBHOOK_TIMEOUT', retryable: true });
    expect(Date.now() - started).toBeLessThan(5000);
    hook.status = 204;
    const current = (await api('get', agency.id, admin).expect(200)).body.version as number;
    await api('put', agency.id, admin).send({ url: `http://127.0.0.1:${await closedPort()}/x`, version: current }).expect(200);
    expect(await attempt()).toMatchObject({ code: 'WEBHOOK_UNREACHABLE', retryable: true });
  });

  it('changing needs the version read; a stale one is 409 with the current state; deactivating and deleting withdraw pending deliveries', async () => {
    const agency = await t.make.agency();
    await api('put', agency.id, admin).send({ url: hook.url }).expect(201);
    const noVersion = await api('put', agency.id, admin).send({ url: hook.url, active: false }).expect(428);
    expect(noVersion.body.code).toBe('VERSION_REQUIRED');
    const member = await t.make.person(['liaison'], { agency });
    const pending = await planFor(t, member, 'webhook');
    const changed = await api('put', agency.id, admin).set('If-Match', '"1"').send({ url: hook.url, active: false }).expect(200);
    expect(changed.body).toMatchObject({ active: false, version: 2 });
    expect(changed.body.secret).toBeUndefined();
    expect((await t.db.getRepository(Reminder).findOneByOrFail({ id: pending.id })).state).toBe('withdrawn');
    const stale = await api('put', agency.id, admin).send({ url: hook.url, active: true, version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: 2, current: { active: false, version: 2 } });
    expect(stale.body.current.secret).toBeUndefined();
    await api('put', agency.id, admin).send({ url: hook.url, active: true, version: 2 }).expect(200);
    const pending2 = await planFor(t, member, 'webhook');
    await api('delete', agency.id, admin).set('If-Match', '"1"').expect(409);
    await api('delete', agency.id, admin).set('If-Match', '"3"').expect(204);
    await api('get', agency.id, admin).expect(404);
    expect((await t.db.getRepository(Reminder).findOneByOrFail({ id: pending2.id })).state).toBe('withdrawn');
    await api('delete', agency.id, admin).expect(404);
    await api('post', agency.id, admin, '/rotate-secret').send({}).expect(404);
  });

  it('refuses bad addresses with 400 naming the field', async () => {
    const agency = await t.make.agency();
    for (const url of ['ftp://chat.example.de/x', 'kein Link', 'https://user:pw@chat.example.de/']) {
      const res = await api('put', agency.id, admin).send({ url }).expect(400);
      expect(res.body.field).toBe('url');
    }
    await api('put', agency.id, admin).send({}).expect(400);
    await api('put', agency.id, admin).send({ url: hook.url, active: null }).expect(400);
    await api('get', agency.id, admin).expect(404);
    await api('get', randomUUID(), admin).expect(404);
  });

  it('denies everyone but admins and the own leadership: no secret, no settings of another agency', async () => {
    const agency = await t.make.agency();
    const created = await api('put', agency.id, admin).send({ url: hook.url }).expect(201);
    const ownLiaison = await t.make.person(['liaison'], { agency });
    const ownCoordinator = await t.make.person(['coordinator'], { agency });
    const otherLead = await t.make.person(['leadership']);
    for (const who of [ownLiaison, ownCoordinator, otherLead]) {
      for (const res of [
        await api('get', agency.id, who),
        await api('put', agency.id, who).send({ url: 'https://evil.example/x', version: 1 }),
        await api('post', agency.id, who, '/rotate-secret').send({}),
        await api('delete', agency.id, who),
      ]) {
        expect(res.status).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(created.body.secret);
        expect(JSON.stringify(res.body)).not.toContain(hook.url);
      }
    }
    const unchanged = await api('get', agency.id, admin).expect(200);
    expect(unchanged.body).toMatchObject({ url: hook.url, version: 1 });
    await request(t.server).get(`/api/v1/agencies/${agency.id}/webhook`).expect(401);
  });
});
