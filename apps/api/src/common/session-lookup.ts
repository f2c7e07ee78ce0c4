import type { Actor, CitizenActor, DeviceIdentity } from './actor.js';

/**
 * How the guard (and the queue dashboard) find whom a cookie belongs to. The feature modules that own
 * sessions provide these under the tokens below (auth, devices, citizen), so common/ and infra/ never
 * import a feature.
 */
export interface SessionLookup<T> {
  resolve(token: string | undefined): Promise<T | undefined>;
}

export const STAFF_SESSIONS = Symbol('STAFF_SESSIONS');
export const DEVICE_SESSIONS = Symbol('DEVICE_SESSIONS');
export const CITIZEN_SESSIONS = Symbol('CITIZEN_SESSIONS');

export type StaffSessions = SessionLookup<Actor>;
export type DeviceSessions = SessionLookup<DeviceIdentity>;
export type CitizenSessions = SessionLookup<CitizenActor>;
