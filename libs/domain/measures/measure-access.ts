import { Actor, hasRole } from '../common/actor.js';
import { DomainError } from '../common/domain-error.js';
import type { Measure } from './measure.entity.js';
import type { MeasureStatus } from './measure-status.js';

/**
 * Object-level rules (issue 4). Everyone signed in reads measures (they are the shared agreement).
 * Coordinators create, reassign and cancel. The owning agency's liaisons, the responsible person
 * and the deputy carry the measure: status, progress notes, milestones. Roles alone do not decide:
 * a liaison of another agency is refused, the named responsible person is allowed whatever roles
 * they hold.
 */
export function carriesMeasure(actor: Actor, m: Pick<Measure, 'owningAgencyId' | 'responsibleId' | 'deputyId'>): boolean {
  return (m.owningAgencyId === actor.agencyId && hasRole(actor, 'liaison')) || actor.id === m.responsibleId || actor.id === m.deputyId;
}

export function assertCarriesMeasure(actor: Actor, m: Pick<Measure, 'owningAgencyId' | 'responsibleId' | 'deputyId'>): void {
  if (!carriesMeasure(actor, m)) {
    throw new DomainError(403, 'NOT_MEASURE_OWNER', "Only the owning agency's liaisons, the responsible person and the deputy may update this measure.");
  }
}

/** Cancelling ends the agreement: that is the coordinators' decision; every other move is the owners'. */
export function assertMayChangeStatus(actor: Actor, m: Pick<Measure, 'owningAgencyId' | 'responsibleId' | 'deputyId'>, to: MeasureStatus): void {
  if (to === 'cancelled') {
    if (!hasRole(actor, 'coordinator')) {
      throw new DomainError(403, 'ROLE_REQUIRED', 'Only coordinators cancel a measure.', undefined, { requiredRoles: ['coordinator'] });
    }
    return;
  }
  assertCarriesMeasure(actor, m);
}
