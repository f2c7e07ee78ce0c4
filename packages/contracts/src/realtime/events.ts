import { z } from 'zod';
import { ZNotificationCreated } from '../http/notifications.js';
import { ZPing } from '../http/system.js';

/** Socket.IO namespaces (DESIGN.md "Real-time contract"). */
export const Namespace = {
  public: '/public',
  staff: '/staff',
  dashboard: '/dashboard',
} as const;
export type Namespace = (typeof Namespace)[keyof typeof Namespace];

export const Room = {
  center: (centerId: string) => `center:${centerId}`,
  counter: (counterId: string) => `counter:${counterId}`,
  user: (userId: string) => `user:${userId}`,
  unit: (unitCode: string) => `unit:${unitCode}`,
  system: 'system',
} as const;

/**
 * Every pushed event carries the room it was sent to and a per-room sequence
 * number; a client that sees a gap (or reconnects) refetches the snapshot.
 */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ room: z.string(), seq: z.number().int().nonnegative(), at: z.iso.datetime({ offset: true }), data });
}
export type Envelope<T> = { room: string; seq: number; at: string; data: T };

export const ServerEvent = {
  systemPong: 'system.pong',
  /** The assignment board of a center changed for a day: counters and officers refetch it. */
  assignmentChanged: 'assignment.changed',
  /** A notification for the person in room `user:<id>`: the bell counts it, the list shows it. */
  notificationCreated: 'notification.created',
} as const;

export const ZAssignmentChanged = z.object({ centerId: z.uuid(), date: z.iso.date() });

export const ZServerEvents = {
  [ServerEvent.systemPong]: envelope(ZPing),
  [ServerEvent.assignmentChanged]: envelope(ZAssignmentChanged),
  [ServerEvent.notificationCreated]: envelope(ZNotificationCreated),
} as const;

export interface StaffServerToClient {
  'system.pong': (e: Envelope<z.infer<typeof ZPing>>) => void;
  'assignment.changed': (e: Envelope<z.infer<typeof ZAssignmentChanged>>) => void;
  'notification.created': (e: Envelope<z.infer<typeof ZNotificationCreated>>) => void;
}
export interface StaffClientToServer {
  /** Join a room the caller's role and scope allow; the ack says whether it was accepted. */
  subscribe: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
}
export interface PublicServerToClient {}
export interface PublicClientToServer {
  subscribe: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
}
export interface DashboardServerToClient {}
