import type { EntityManager } from 'typeorm';
import type { ReminderKind } from '../reminder-kinds.js';
import { digestWeeks } from './reminder-timing.js';
import { peopleWithRole, planRule, type RuleIntent } from './rule-support.js';

export const DIGEST_REMINDER_KINDS: readonly ReminderKind[] = ['leadership_weekly_digest'];

/**
 * The weekly leadership digest: one per active leadership person per ISO week (occurrence
 * "2026-W49"), due Monday 08:00 Europe/Berlin. Planned a week ahead by the worker's periodic
 * `leadership-digest` job (and this week's, if it is still to come or already in the ledger): the
 * unique key makes two workers' runs one row per person per week. Older weeks' pending digests are
 * withdrawn (a digest a week late is no digest); someone who left leadership loses the pending ones.
 */
export async function planLeadershipDigests(m: EntityManager, now: Date = new Date()): Promise<string[]> {
  const leadership = await peopleWithRole(m, 'leadership');
  const intents: RuleIntent[] = digestWeeks(now).map((w) => ({ kind: 'leadership_weekly_digest', occurrence: w.week, recipients: leadership, dueAt: w.at }));
  return (await planRule(m, { type: 'digest', id: null }, DIGEST_REMINDER_KINDS, intents, now)).pendingIds;
}
