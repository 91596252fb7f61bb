import type { Role } from '../people/role.js';

/** The signed-in person on whose behalf a service acts (from the access token, never from a body). */
export interface Actor {
  id: string;
  agencyId: string;
  roles: Role[];
  /**
   * Whether a leadership person of the agency confirmed this person's access (four-eyes, issue 7):
   * until then they see only developments visible to all participants (development-visibility.ts).
   */
  accessConfirmed: boolean;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
