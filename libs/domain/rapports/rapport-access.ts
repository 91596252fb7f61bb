import type { EntityManager } from 'typeorm';
import { type Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import { Rapport } from './rapport.entity.js';

/**
 * Who reads rapports (issue 8): coordinators read every series and meeting. Leadership reads every
 * series and regular meeting, but an extended rapport only when invited to it or when their agency
 * takes part in it. Anyone else signed in reads the series and meetings their agency takes part in,
 * and a meeting they are invited to by name (they have to answer it). Everything else answers 404,
 * as if it did not exist. Managing (series, meetings, invitations, attendance) is the coordinators'
 * (checked by the route); answering an invitation is the invitee's alone.
 */
export function readsAllRapports(actor: Actor): boolean {
  return hasRole(actor, 'coordinator');
}

/**
 * SQL for "this viewer may read the row `alias`": a series (`invitations: false`) or a meeting
 * (`invitations: true`, the row has kind and invitations). Null: every row.
 */
export function rapportReadCondition(alias: string, actor: Actor, opts: { invitations: boolean }): { sql: string; params: Record<string, unknown> } | null {
  if (readsAllRapports(actor)) return null;
  const own = `:rdAgency = ANY(${alias}.agency_ids)`;
  const params = { rdAgency: actor.agencyId, rdPerson: actor.id };
  if (!opts.invitations) return hasRole(actor, 'leadership') ? null : { sql: own, params: { rdAgency: actor.agencyId } };
  const invited = `EXISTS (SELECT 1 FROM rapport_invitations ri WHERE ri.rapport_id = ${alias}.id AND ri.person_id = :rdPerson)`;
  if (hasRole(actor, 'leadership')) return { sql: `(${alias}.kind <> 'extended' OR ${own} OR ${invited})`, params };
  return { sql: `(${own} OR ${invited})`, params };
}

/** 404 unless the viewer may read the meeting (as if it did not exist). */
export async function assertReadsRapport(m: EntityManager, viewer: Actor, id: string): Promise<void> {
  const qb = m.getRepository(Rapport).createQueryBuilder('r').select('r.id').where('r.id = :id', { id });
  const cond = rapportReadCondition('r', viewer, { invitations: true });
  if (cond) qb.andWhere(cond.sql, cond.params);
  if (!(await qb.getExists())) throw DomainError.notFound('rapport');
}
