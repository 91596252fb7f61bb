import type { DevelopmentCategory } from '../developments/development-enums.js';

/** Why a situation needs the extended rapport (the reasons named in the seeds). */
export const ESCALATION_REASONS = ['many_syringe_finds', 'residents_complaints', 'aggression_violence', 'new_scene', 'other'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/**
 * proposed -> convened (an extended rapport was convened for it) -> resolved (that rapport was held
 * and its minutes, with the measures agreed there, are published; held alone stays convened).
 * convened -> proposed again when the extended rapport is cancelled. proposed -> dismissed (by a
 * coordinator with a reason, or as merged into an escalation that returned to proposed).
 */
export const ESCALATION_STATUSES = ['proposed', 'convened', 'dismissed', 'resolved'] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

/** district: developments in a district; place: at a place; sensitive: near a particularly sensitive place (counted per place). */
export const RULE_SCOPE_KINDS = ['district', 'place', 'sensitive'] as const;
export type RuleScopeKind = (typeof RULE_SCOPE_KINDS)[number];

/** The reason a rule's proposal carries: from its categories when they all point to one reason, else 'other'. */
export function reasonForCategories(categories: readonly DevelopmentCategory[]): EscalationReason {
  const map: Partial<Record<DevelopmentCategory, EscalationReason>> = {
    syringe_finds: 'many_syringe_finds',
    complaint: 'residents_complaints',
    aggression_violence: 'aggression_violence',
    new_scene: 'new_scene',
  };
  const reasons = new Set(categories.map((c) => map[c] ?? 'other'));
  return reasons.size === 1 ? [...reasons][0]! : 'other';
}
