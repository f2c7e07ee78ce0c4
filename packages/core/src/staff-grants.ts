import type { Role, RoleGrant } from '@motcua/contracts';

/** What each kind of administrator may hand out: nobody but an admin makes admins; a center manager staffs counters and desks. */
export const grantableBy: Readonly<Record<Role, readonly Role[]>> = {
  admin: ['admin', 'province_admin', 'center_manager', 'officer', 'specialist', 'leader'],
  province_admin: ['province_admin', 'center_manager', 'officer', 'specialist', 'leader'],
  center_manager: ['officer', 'specialist'],
  officer: [],
  specialist: [],
  leader: [],
};

/** Where a grant's scope sits: its center (for a center grant) and its unit with every ancestor unit. */
export interface GrantPlace {
  centerId: string | null;
  unitIds: readonly string[];
}

/** Whether one of the actor's grants covers a place: admin everywhere, a unit grant its subtree, a center grant that center. */
const reaches = (g: RoleGrant, place: GrantPlace) =>
  g.role === 'admin' || (g.scopeCenterId !== null && g.scopeCenterId === place.centerId) || (g.scopeUnitId !== null && place.unitIds.includes(g.scopeUnitId));

/**
 * Whether the actor could grant this role at this place: one grant of the actor must both allow
 * the role and reach the place (a manager of one center and a province admin elsewhere do not add up).
 */
export function mayGrant(actor: readonly RoleGrant[], role: Role, place: GrantPlace): boolean {
  return actor.some((g) => grantableBy[g.role].includes(role) && reaches(g, place));
}

/**
 * The grant rule for staff administration (reset a password, edit, deactivate, change roles):
 * the actor may act on a person only if the actor could grant every role that person holds,
 * at that person's scope. `places` gives the place of each of the person's grants, in order.
 */
export function mayAdminister(actor: readonly RoleGrant[], held: readonly RoleGrant[], places: readonly GrantPlace[]): boolean {
  return held.every((g, i) => mayGrant(actor, g.role, places[i] ?? { centerId: null, unitIds: [] }));
}
