import { type Actor, hasRole } from '../common/actor.js';

/**
 * Who reads rapports (issue 8): coordinators and leadership read every series and meeting; anyone
 * else signed in reads the series and meetings their agency takes part in, and a meeting they are
 * invited to by name (they have to answer it). Everything else answers 404, as if it did not exist.
 * Managing (series, meetings, invitations, attendance) is the coordinators' (checked by the route);
 * answering an invitation is the invitee's alone.
 */
export function readsAllRapports(actor: Actor): boolean {
  return hasRole(actor, 'coordinator', 'leadership');
}

/** SQL for "this viewer may read the row `alias`" (a series or a meeting). */
export function rapportReadCondition(alias: string, actor: Actor, opts: { invitations: boolean }): { sql: string; params: Record<string, unknown> } | null {
  if (readsAllRapports(actor)) return null;
  const own = `:rdAgency = ANY(${alias}.agency_ids)`;
  const invited = `EXISTS (SELECT 1 FROM rapport_invitations ri WHERE ri.rapport_id = ${alias}.id AND ri.person_id = :rdPerson)`;
  return { sql: opts.invitations ? `(${own} OR ${invited})` : own, params: { rdAgency: actor.agencyId, rdPerson: actor.id } };
}
