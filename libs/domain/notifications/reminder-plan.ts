import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../common/prepared-query.js';
import { DEFAULT_CHANNELS, REMINDER_KINDS, type ReminderKind, type ReminderSubjectType } from './reminder-kinds.js';
import type { ReminderChannel } from './reminder.entity.js';

/**
 * What a rule wants sent: one kind, about one subject, to these people, at this instant. The rules
 * (which reminders a measure, meeting or escalation has) produce intents; planReminders turns them
 * into ledger rows, one per recipient and channel.
 */
export interface ReminderIntent {
  kind: ReminderKind;
  /** Tells apart two reminders of the same kind and subject (a meeting's SEQUENCE for updates; a digest's period). */
  occurrence?: string;
  /** Person ids; inactive people and duplicates are dropped. */
  recipients: string[];
  dueAt: Date;
  /** Also to the webhooks of the recipients' agencies (default: yes, except digests). */
  webhooks?: boolean;
}

export interface PlannedRow {
  kind: ReminderKind;
  occurrence: string;
  recipientId: string | null;
  agencyId: string | null;
  channel: ReminderChannel;
  dueAt: Date;
}

export interface PlanResult {
  /** Rows inserted, moved or revived to pending: the caller may hand them to the queue after commit (ReminderQueue). */
  pendingIds: string[];
  withdrawn: number;
}

/** A ledger row of a subject as lockReminders reads it. */
export interface LockedReminder {
  id: string;
  kind: string;
  occurrence: string;
  recipient_id: string | null;
  agency_id: string | null;
  channel: string;
  due_at: Date;
  state: string;
}

/**
 * Locks a subject's rows of these kinds until the transaction ends, so two planners of the same
 * subject serialise (the unique key alone would let one withdraw what the other just moved).
 * A rule that decides its intents from the existing rows (planRule) locks first and hands them to
 * planLockedReminders: one read serves both.
 */
export async function lockReminders(m: EntityManager, subject: { type: ReminderSubjectType; id: string | null }, kinds: readonly ReminderKind[]): Promise<LockedReminder[]> {
  return preparedQuery<LockedReminder>(m, `SELECT id, kind, occurrence, recipient_id, agency_id, channel, due_at, state FROM reminders
      WHERE subject_type = $1 AND subject_id IS NOT DISTINCT FROM $2::uuid AND kind = ANY($3::text[])
      FOR UPDATE`, [subject.type, subject.id, kinds]);
}

/**
 * Brings a subject's planned reminders of the given kinds in line with what its rules want now,
 * inside the caller's transaction (so a committed change always has its reminders, and a rolled
 * back one has none):
 * - a wanted reminder that is not there is inserted (the unique key makes a second one impossible,
 *   also against a concurrent planner);
 * - a pending (or withdrawn) one whose due time changed is moved (or revived) to the new time;
 * - a pending or batched one that is no longer wanted is withdrawn;
 * - one that is being sent, was sent or failed is never touched: sent stays sent.
 * Channels come from each recipient's settings at planning time (DEFAULT_CHANNELS without a row);
 * a webhook row goes to each distinct agency of the recipients that has an active webhook.
 * `kinds` names every kind the caller's rules own for this subject, so a kind with no intents left
 * gets its pending rows withdrawn.
 */
export async function planReminders(
  m: EntityManager,
  subject: { type: ReminderSubjectType; id: string | null },
  kinds: readonly ReminderKind[],
  intents: readonly ReminderIntent[],
): Promise<PlanResult> {
  return planLockedReminders(m, subject, kinds, intents, await lockReminders(m, subject, kinds));
}

/** planReminders over the rows the caller locked with lockReminders (same subject and kinds) in this transaction. */
export async function planLockedReminders(
  m: EntityManager,
  subject: { type: ReminderSubjectType; id: string | null },
  kinds: readonly ReminderKind[],
  intents: readonly ReminderIntent[],
  existing: readonly LockedReminder[],
): Promise<PlanResult> {
  for (const i of intents) {
    if (!kinds.includes(i.kind)) throw new Error(`planReminders: intent kind ${i.kind} is not among the kinds owned (${kinds.join(', ')})`);
    if (REMINDER_KINDS[i.kind].subject !== subject.type) throw new Error(`planReminders: ${i.kind} is about a ${REMINDER_KINDS[i.kind].subject}, not a ${subject.type}`);
  }
  return syncRows(m, subject, await expand(m, intents), existing);
}

async function expand(m: EntityManager, intents: readonly ReminderIntent[]): Promise<PlannedRow[]> {
  const personIds = [...new Set(intents.flatMap((i) => i.recipients))];
  if (!personIds.length) return [];
  const people = await preparedQuery<{ id: string; agency_id: string; channels: Record<string, ReminderChannel[]> | null; has_webhook: boolean }>(m,
    `SELECT p.id, p.agency_id, s.channels, (w.agency_id IS NOT NULL) AS has_webhook
       FROM people p
       LEFT JOIN notification_settings s ON s.person_id = p.id
       LEFT JOIN agency_webhooks w ON w.agency_id = p.agency_id AND w.active
      WHERE p.id = ANY($1::uuid[]) AND p.active`,
    [personIds],
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const rows = new Map<string, PlannedRow>();
  const add = (r: PlannedRow) => rows.set(rowKey(r), r);
  for (const i of intents) {
    const group = REMINDER_KINDS[i.kind].group;
    const occurrence = i.occurrence ?? '';
    const agencies = new Set<string>();
    for (const pid of new Set(i.recipients)) {
      const p = byId.get(pid);
      if (!p) continue;
      for (const channel of p.channels?.[group] ?? DEFAULT_CHANNELS[group]) add({ kind: i.kind, occurrence, recipientId: p.id, agencyId: null, channel, dueAt: i.dueAt });
      if (p.has_webhook) agencies.add(p.agency_id);
    }
    if (i.webhooks ?? group !== 'digests') {
      for (const agencyId of agencies) add({ kind: i.kind, occurrence, recipientId: null, agencyId, channel: 'webhook', dueAt: i.dueAt });
    }
  }
  return [...rows.values()];
}

function rowKey(r: { kind: string; occurrence: string; recipientId: string | null; agencyId: string | null; channel: string }): string {
  return `${r.kind}|${r.occurrence}|${r.recipientId ?? ''}|${r.agencyId ?? ''}|${r.channel}`;
}

async function syncRows(m: EntityManager, subject: { type: ReminderSubjectType; id: string | null }, wanted: PlannedRow[], existing: readonly LockedReminder[]): Promise<PlanResult> {
  const have = new Map(existing.map((e) => [rowKey({ kind: e.kind, occurrence: e.occurrence, recipientId: e.recipient_id, agencyId: e.agency_id, channel: e.channel }), e]));
  const wantedKeys = new Set(wanted.map(rowKey));
  const pendingIds: string[] = [];

  const toWithdraw = existing.filter((e) => (e.state === 'pending' || e.state === 'batched') && !wantedKeys.has(rowKey({ kind: e.kind, occurrence: e.occurrence, recipientId: e.recipient_id, agencyId: e.agency_id, channel: e.channel })));
  if (toWithdraw.length) {
    await preparedQuery(m, `UPDATE reminders SET state = 'withdrawn', next_attempt_at = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`, [toWithdraw.map((e) => e.id)]);
  }

  const moves: Array<{ id: string; dueAt: Date }> = [];
  const inserts: PlannedRow[] = [];
  for (const w of wanted) {
    const e = have.get(rowKey(w));
    if (!e) inserts.push(w);
    else if ((e.state === 'pending' && e.due_at.getTime() !== w.dueAt.getTime()) || e.state === 'withdrawn') moves.push({ id: e.id, dueAt: w.dueAt });
  }
  if (moves.length) {
    await preparedQuery(m,
      `UPDATE reminders r SET due_at = v.due_at, state = 'pending', attempts = 0, next_attempt_at = NULL, last_error = NULL, updated_at = now()
         FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, due_at) WHERE r.id = v.id`,
      [moves.map((x) => x.id), moves.map((x) => x.dueAt.toISOString())],
    );
    pendingIds.push(...moves.map((x) => x.id));
  }
  if (inserts.length) {
    const inserted = await preparedQuery<{ id: string }>(m,
      `INSERT INTO reminders (kind, subject_type, subject_id, occurrence, recipient_id, agency_id, channel, due_at)
       SELECT v.kind, $1, $2, v.occurrence, v.recipient_id, v.agency_id, v.channel, v.due_at
         FROM unnest($3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::timestamptz[]) AS v(kind, occurrence, recipient_id, agency_id, channel, due_at)
       ON CONFLICT ON CONSTRAINT reminders_once DO NOTHING
       RETURNING id`,
      [subject.type, subject.id, inserts.map((r) => r.kind), inserts.map((r) => r.occurrence), inserts.map((r) => r.recipientId), inserts.map((r) => r.agencyId), inserts.map((r) => r.channel), inserts.map((r) => r.dueAt.toISOString())],
    );
    pendingIds.push(...inserted.map((r) => r.id));
  }
  return { pendingIds, withdrawn: toWithdraw.length };
}

/** Withdraws every pending reminder of a subject (a measure finished, a meeting cancelled): sent ones stay sent. */
export async function withdrawReminders(m: EntityManager, subject: { type: ReminderSubjectType; id: string }, kinds?: readonly ReminderKind[]): Promise<number> {
  // TypeORM answers an UPDATE with [rows, affected count].
  const [, count] = (await m.query(
    `UPDATE reminders SET state = 'withdrawn', next_attempt_at = NULL, updated_at = now()
      WHERE subject_type = $1 AND subject_id = $2 AND state IN ('pending', 'batched') AND ($3::text[] IS NULL OR kind = ANY($3::text[]))`,
    [subject.type, subject.id, kinds ?? null],
  )) as [unknown, number];
  return count;
}
