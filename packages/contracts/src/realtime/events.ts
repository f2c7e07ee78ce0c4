import { z } from 'zod';
import { ZCall } from '../http/queue.js';
import { ZNotificationCreated } from '../http/notifications.js';
import { ZPing } from '../http/system.js';

/** Socket.IO namespaces (docs/architecture.md "Realtime"). */
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
  /** Every socket of one sign-in (server-side only): closed when the session ends. */
  session: (sessionId: string) => `session:${sessionId}`,
  unit: (unitCode: string) => `unit:${unitCode}`,
  system: 'system',
  /** A unit's dashboard room in /dashboard (by id): leaders whose scope reaches the unit. */
  dashboardUnit: (unitId: string) => `unit:${unitId}`,
} as const;

/**
 * Every pushed event carries the room it was sent to and a per-room sequence
 * number; a client that sees a gap (or reconnects) refetches the snapshot. The
 * epoch names the sequence's generation: when Redis loses it (flushed, replaced),
 * numbering restarts at 1 under a new epoch, which clients take as "resync", not "stale".
 */
export function envelope<T extends z.ZodType>(data: T) {
  return z.object({ room: z.string(), epoch: z.string(), seq: z.number().int().nonnegative(), at: z.iso.datetime({ offset: true }), data });
}
export type Envelope<T> = { room: string; epoch: string; seq: number; at: string; data: T };

export const ServerEvent = {
  systemPong: 'system.pong',
  /** The assignment board of a center changed for a day: counters and officers refetch it. */
  assignmentChanged: 'assignment.changed',
  /** A ticket was called or recalled to a counter: displays announce it (public and staff center rooms). */
  ticketCalled: 'ticket.called',
  /** Waiting counts or counter states of a center changed: displays, kiosks, workstations and live boards refresh. */
  queueUpdated: 'queue.updated',
  /** A dossier changed state, assignee or deadline: inboxes and dossier pages refetch it. */
  dossierUpdated: 'dossier.updated',
  /** A notification for the person in room `user:<id>`: the bell counts it, the list shows it. */
  notificationCreated: 'notification.created',
  /** The read models of a unit (or one below it) were rewritten: dashboards refetch (debounced). */
  analyticsUpdated: 'analytics.updated',
  /** A dossier was received or resolved: the conference ticker shows it (no personal data). */
  analyticsActivity: 'analytics.activity',
} as const;

export const ZQueueUpdated = z.object({
  centerId: z.uuid(),
  reason: z.enum(['issued', 'called', 'served', 'transferred', 'no_show', 'counter', 'service', 'expired']),
  services: z.array(z.object({ serviceId: z.uuid(), waiting: z.number().int().nonnegative() })),
});
export type QueueUpdated = z.infer<typeof ZQueueUpdated>;

export const ZAssignmentChanged = z.object({ centerId: z.uuid(), date: z.iso.date() });

export const ZDossierUpdated = z.object({ dossierId: z.uuid(), code: z.string(), status: z.string(), deadlineVersion: z.number().int() });

export const ZAnalyticsUpdated = z.object({ days: z.array(z.iso.date()) });
export type AnalyticsUpdated = z.infer<typeof ZAnalyticsUpdated>;
/** Procedure and unit names only: never the applicant, the dossier code or the officer. */
export const ZAnalyticsActivity = z.object({ kind: z.enum(['received', 'resolved']), procedure: z.string(), unit: z.string(), channel: z.string(), at: z.iso.datetime({ offset: true }) });
export type AnalyticsActivity = z.infer<typeof ZAnalyticsActivity>;

export const ZServerEvents = {
  [ServerEvent.systemPong]: envelope(ZPing),
  [ServerEvent.assignmentChanged]: envelope(ZAssignmentChanged),
  [ServerEvent.ticketCalled]: envelope(ZCall),
  [ServerEvent.queueUpdated]: envelope(ZQueueUpdated),
  [ServerEvent.dossierUpdated]: envelope(ZDossierUpdated),
  [ServerEvent.notificationCreated]: envelope(ZNotificationCreated),
  [ServerEvent.analyticsUpdated]: envelope(ZAnalyticsUpdated),
  [ServerEvent.analyticsActivity]: envelope(ZAnalyticsActivity),
} as const;

export interface StaffServerToClient {
  'system.pong': (e: Envelope<z.infer<typeof ZPing>>) => void;
  'assignment.changed': (e: Envelope<z.infer<typeof ZAssignmentChanged>>) => void;
  'ticket.called': (e: Envelope<z.infer<typeof ZCall>>) => void;
  'queue.updated': (e: Envelope<QueueUpdated>) => void;
  'dossier.updated': (e: Envelope<z.infer<typeof ZDossierUpdated>>) => void;
  'notification.created': (e: Envelope<z.infer<typeof ZNotificationCreated>>) => void;
}
export interface StaffClientToServer {
  /** Join a room the caller's role and scope allow; the ack says whether it was accepted. */
  subscribe: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
}
export interface PublicServerToClient {
  'ticket.called': (e: Envelope<z.infer<typeof ZCall>>) => void;
  'queue.updated': (e: Envelope<QueueUpdated>) => void;
}
export interface PublicClientToServer {
  subscribe: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
}
export interface DashboardServerToClient {
  'analytics.updated': (e: Envelope<AnalyticsUpdated>) => void;
  'analytics.activity': (e: Envelope<AnalyticsActivity>) => void;
}
export interface DashboardClientToServer {
  /** Join `unit:<id>` when the caller's scope reaches that unit; the ack says whether it was accepted. */
  subscribe: (room: string, ack: (result: { ok: boolean; error?: string }) => void) => void;
}
