import type { EntityManager } from 'typeorm';
import type { ReminderKind } from '../reminder-kinds.js';
import { peopleWithRole, planRule, type RuleIntent } from './rule-support.js';

export const ESCALATION_REMINDER_KINDS: readonly ReminderKind[] = ['escalation_proposed', 'escalation_sensitive_breach'];

/**
 * An escalation's reminders (inside the transaction that raises it, in which a threshold rule
 * proposes it, and those that dismiss it or convene its extended rapport): while proposed, at once to every coordinator; when a threshold rule's breach lies
 * near a particularly sensitive place (scope kind 'sensitive'), also to the leadership of the
 * agencies of that district. Agencies have no district in the data model (they work city-wide, and
 * no series or meeting is tied to a district), so that is the leadership of every active agency.
 * Once no longer proposed, pending ones are withdrawn (and one already claimed by a worker renders null).
 */
export async function planEscalationReminders(m: EntityManager, escalationId: string, now: Date = new Date()): Promise<void> {
  const [e] = (await m.query(
    `SELECT e.id, e.status, r.scope_kind FROM escalations e LEFT JOIN threshold_rules r ON r.id = e.rule_id WHERE e.id = $1`,
    [escalationId],
  )) as Array<{ id: string; status: string; scope_kind: string | null }>;
  const intents: RuleIntent[] = [];
  if (e?.status === 'proposed') {
    intents.push({ kind: 'escalation_proposed', recipients: await peopleWithRole(m, 'coordinator'), atOnce: true });
    if (e.scope_kind === 'sensitive') intents.push({ kind: 'escalation_sensitive_breach', recipients: await peopleWithRole(m, 'leadership'), atOnce: true });
  }
  await planRule(m, { type: 'escalation', id: escalationId }, ESCALATION_REMINDER_KINDS, intents, now);
}
