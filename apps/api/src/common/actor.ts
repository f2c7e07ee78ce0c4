import type { RoleGrant } from '@motcua/contracts';

/** Who is calling: set by the RouteGuard from the session cookie. */
export interface Actor {
  staffId: string;
  sessionId: string;
  roles: RoleGrant[];
  /** A temporary password: only me, change-password and sign-out until it is changed. */
  mustChangePassword?: boolean;
}

export type RequestWithActor = { actor?: Actor };
