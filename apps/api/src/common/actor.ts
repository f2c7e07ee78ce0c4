import type { DeviceKind, RoleGrant } from '@motcua/contracts';

/** Who is calling: set by the RouteGuard from the session cookie. */
export interface Actor {
  staffId: string;
  sessionId: string;
  roles: RoleGrant[];
  /** A temporary password: only me, change-password and sign-out until it is changed. */
  mustChangePassword?: boolean;
}

export type RequestWithActor = { actor?: Actor };

/** A citizen signed in through the identity provider: set by the RouteGuard on `citizen` routes only, from the citizen cookie. */
export interface CitizenActor {
  sessionId: string;
  /** The verified ID number (số định danh cá nhân): the key of "Hồ sơ của tôi". */
  idNumber: string;
  name: string;
  phone: string | null;
  expiresAt: Date;
}

export type RequestWithCitizen = { citizen?: CitizenActor };

/** A paired device (kiosk, display, rating tablet): set by the RouteGuard on `device` routes from the device cookie. */
export interface DeviceIdentity {
  deviceId: string;
  centerId: string;
  kind: DeviceKind;
  /** A rating tablet's counter: it rates there only. */
  counterId: string | null;
}
