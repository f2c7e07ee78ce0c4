import type { RoleGrant } from '@motcua/contracts';

/** Who is calling: set by the RouteGuard from the session cookie. */
export interface Actor {
  staffId: string;
  sessionId: string;
  roles: RoleGrant[];
}

export type RequestWithActor = { actor?: Actor };
