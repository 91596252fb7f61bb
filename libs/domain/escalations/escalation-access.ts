import type { Actor } from '../common/actor.js';
import { hasRole } from '../common/actor.js';
import { visibilityCondition } from '../developments/development-visibility.js';

/**
 * Who may read which escalation (deny by default):
 * - coordinators and leadership: every escalation (they convene and attend the extended rapport);
 * - liaisons: those raised by someone of their agency, and those linking a development of their
 *   agency that they may see (the visibility predicate applies inside the EXISTS, so an unconfirmed
 *   member learns nothing from their agency's restricted records);
 * - everyone else (admin only, ...): none.
 * Whatever the escalation, its answer lists only the linked developments the reader may see.
 * Returns an SQL condition on the escalation alias `e`, or null when the reader may read none.
 */
export function escalationReadCondition(viewer: Actor): { sql: string; params: Record<string, unknown> } | null {
  if (hasRole(viewer, 'coordinator', 'leadership')) return { sql: 'TRUE', params: {} };
  if (!hasRole(viewer, 'liaison')) return null;
  const vis = visibilityCondition('ld', viewer);
  return {
    sql: `(e.raised_by_agency_id = :escReader OR EXISTS (
      SELECT 1 FROM escalation_developments led JOIN developments ld ON ld.id = led.development_id
       WHERE led.escalation_id = e.id AND ld.reporting_agency_id = :escReader AND ${vis.sql}))`,
    params: { escReader: viewer.agencyId, ...vis.params },
  };
}
