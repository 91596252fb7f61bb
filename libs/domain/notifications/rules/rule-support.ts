import type { EntityManager } from 'typeorm';
import type { Role } from '../../people/role.js';
import type { ReminderKind, ReminderSubjectType } from '../reminder-kinds.js';
import { lockReminders, planLockedReminders, type PlanResult, type ReminderIntent } from '../reminder-plan.js';

/**
 * What a rule wants, before time is taken into account:
 * - a scheduled reminder (dueAt given) whose time already passed is planned only if the ledger
 *   already has it at that very time (it is due and waits for a worker, or went out: keep it). A
 *   reminder whose time passed before the subject needed it (a measure agreed 3 days before its
 *   deadline gets no "in 7 days") is not planned; when a deadline moves, one whose new time lies
 *   in the past is dropped (and its pending row withdrawn).
 * - an "at once" reminder (atOnce) is due when first planned: a recipient keeps the time of their
 *   existing row, a new recipient (a person invited later) gets `now`.
 */
export type RuleIntent = (Omit<ReminderIntent, 'dueAt'> & { dueAt: Date; atOnce?: false }) | (Omit<ReminderIntent, 'dueAt'> & { atOnce: true });

/** Turns the rule's intents into planReminders intents (see RuleIntent) and plans them: the one way the rules plan. */
export async function planRule(
  m: EntityManager,
  subject: { type: ReminderSubjectType; id: string | null },
  kinds: readonly ReminderKind[],
  intents: readonly RuleIntent[],
  now: Date,
): Promise<PlanResult> {
  // The rows the intents are judged against are the ones planning brings in line: locked once, read once.
  const existing = await lockReminders(m, subject, kinds);
  const out: ReminderIntent[] = [];
  for (const i of intents) {
    const occurrence = i.occurrence ?? '';
    const same = existing.filter((e) => e.kind === i.kind && e.occurrence === occurrence);
    if (i.atOnce) {
      // One intent per distinct due time: each recipient keeps the time they were first planned at.
      const byDue = new Map<number, string[]>();
      for (const r of new Set(i.recipients)) {
        const due = same.find((e) => e.recipient_id === r)?.due_at.getTime() ?? now.getTime();
        byDue.set(due, [...(byDue.get(due) ?? []), r]);
      }
      for (const [due, recipients] of byDue) out.push({ kind: i.kind, occurrence, recipients, dueAt: new Date(due), webhooks: i.webhooks });
      continue;
    }
    if (i.dueAt.getTime() < now.getTime() && !same.some((e) => e.due_at.getTime() === i.dueAt.getTime())) continue;
    out.push({ kind: i.kind, occurrence, recipients: i.recipients, dueAt: i.dueAt, webhooks: i.webhooks });
  }
  return planLockedReminders(m, subject, kinds, out, existing);
}

/**
 * Active people holding a role (of active agencies), optionally only of these agencies, as SQL:
 * `role` a text expression, `agencies` a uuid[] expression (NULL: all agencies). One column `id`,
 * ordered; a rule that reads more in the same statement embeds it (measure-reminders.ts).
 */
export function peopleWithRoleSql(role: string, agencies: string): string {
  return `SELECT p.id FROM people p JOIN agencies a ON a.id = p.agency_id
      WHERE p.active AND a.active AND ${role} = ANY(p.roles) AND (${agencies} IS NULL OR p.agency_id = ANY(${agencies}))
      ORDER BY p.id`;
}

/** Active people holding a role, optionally only of these agencies (of active agencies). */
export async function peopleWithRole(m: EntityManager, role: Role, agencyIds?: readonly string[]): Promise<string[]> {
  const rows = (await m.query(peopleWithRoleSql('$1', '$2::uuid[]'), [role, agencyIds ?? null])) as Array<{ id: string }>;
  return rows.map((r) => r.id);
}
