import { z } from 'zod';
import { ZAlertKind, ZCitizenEvent } from '../enums.js';

/** BullMQ queues. Explicit strings: renaming a class must never orphan jobs in flight. */
export const QueueName = {
  system: 'system',
  queue: 'queue',
  analytics: 'analytics',
  /** Delayed wake-up calls at alert instants. */
  alerts: 'alerts',
  /** One job per email/webhook delivery, retried with backoff. */
  deliveries: 'deliveries',
  /** Citizen notifications: fan-out of one event to its channels, then one job per delivery. */
  citizen: 'citizen',
  /** Repeatable jobs (BullMQ job schedulers): sweeps, digests, end-of-day expiry, rollups. */
  scheduled: 'scheduled',
  /** Documents of record (receipt, supplement request, refusal, apology, result): rendered and signed off the request path. */
  documents: 'documents',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  systemPing: 'system.ping',
  /** Closes the tickets of past business days that are still waiting or called (hourly; centers may span time zones). */
  queueExpireDays: 'queue.expire-days',
  /** A remote ticket called and not confirmed within the center's window becomes a no-show (#17); delayed, one per ticket. */
  queueRemoteNoShow: 'queue.remote-no-show',
  /** Rewrites the analytics read models of some local days (default: today and yesterday) from the raw rows. */
  analyticsRollup: 'analytics.rollup',
  alertFire: 'alert.fire',
  deliverySend: 'delivery.send',
  alertSweep: 'alert.sweep',
  alertDigest: 'alert.digest',
  /** Compares each enabled alert threshold with its indicator; notifies once per crossing. */
  alertThresholds: 'alert.thresholds',
  /** Alerts the managers of open centers about paired devices silent for a while, once per outage. */
  devicesOffline: 'devices.offline',
  /** Marks booked appointments nobody checked in for as missed (slot end plus the on-time window). */
  appointmentsExpire: 'appointments.expire-missed',
  /** Asks the payment gateway (querydr) about attempts left pending and settles or expires them. */
  paymentsReconcile: 'payments.reconcile',
  /** One event a citizen is told about: the worker makes one delivery per channel (idempotent). */
  citizenNotify: 'citizen.notify',
  /** One email, SMS, Zalo message or webhook post to a citizen, retried with backoff. */
  citizenSend: 'citizen.send',
  /** Web Push to the phones following tickets of a center: "3 ahead" once per ticket, and the call (#17). */
  pushNotify: 'push.notify',
  /** Renders, signs and stores the document of record one dossier event calls for (once per dossier, kind and event). */
  documentIssue: 'document.issue',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

/** Payload schema and queue of every job; producers and processors share this table. */
export const jobs = {
  [JobName.systemPing]: { queue: QueueName.system, payload: z.object({ pingId: z.uuid() }) },
  // `asOf` moves the job's clock in integration tests; the worker ignores it unless NODE_ENV=test.
  [JobName.queueExpireDays]: { queue: QueueName.queue, payload: z.object({ asOf: z.iso.datetime({ offset: true }).optional() }) },
  [JobName.queueRemoteNoShow]: { queue: QueueName.queue, payload: z.object({ ticketId: z.uuid() }) },
  [JobName.analyticsRollup]: { queue: QueueName.analytics, payload: z.object({ days: z.array(z.iso.date()).max(800).optional() }) },
  // Kept tiny (Redis holds one per planned alert): the processor re-reads the dossier anyway.
  [JobName.alertFire]: {
    queue: QueueName.alerts,
    payload: z.object({ dossierId: z.uuid(), kind: ZAlertKind, stage: z.number().int().nonnegative(), deadlineVersion: z.number().int().nonnegative() }),
  },
  [JobName.deliverySend]: { queue: QueueName.deliveries, payload: z.object({ deliveryId: z.uuid() }) },
  [JobName.alertSweep]: { queue: QueueName.scheduled, payload: z.object({}) },
  [JobName.alertDigest]: { queue: QueueName.scheduled, payload: z.object({}) },
  [JobName.alertThresholds]: { queue: QueueName.scheduled, payload: z.object({}) },
  [JobName.appointmentsExpire]: { queue: QueueName.scheduled, payload: z.object({}) },
  [JobName.devicesOffline]: { queue: QueueName.scheduled, payload: z.object({}) },
  [JobName.paymentsReconcile]: { queue: QueueName.scheduled, payload: z.object({}) },
  // `key` names the event (a dossier_events id, or the ticket for its first call): deliveries are unique per key and channel.
  [JobName.citizenNotify]: {
    queue: QueueName.citizen,
    payload: z.object({ event: ZCitizenEvent, key: z.string().min(1).max(200), dossierId: z.uuid().optional(), ticketId: z.uuid().optional() }),
  },
  [JobName.citizenSend]: { queue: QueueName.citizen, payload: z.object({ deliveryId: z.uuid() }) },
  // A wake-up call: the worker reads the line and the once-keys; `calledTicketId` also gets the call message.
  [JobName.pushNotify]: { queue: QueueName.citizen, payload: z.object({ centerId: z.uuid(), calledTicketId: z.uuid().optional() }) },
  // The event says the kind, the signing time (its instant) and the officer; the worker re-reads it.
  [JobName.documentIssue]: { queue: QueueName.documents, payload: z.object({ dossierId: z.uuid(), eventId: z.uuid() }) },
} as const satisfies Record<JobName, { queue: QueueName; payload: z.ZodType }>;

export type JobPayload<N extends JobName> = z.infer<(typeof jobs)[N]['payload']>;

/**
 * The job id of a document of record: one per dossier, kind and event, so a second enqueue (the
 * API's and the sweep's, a retried command) finds the first job instead of adding another.
 */
export const documentIssueJobId = (dossierId: string, kind: string, eventId: string): string => `document-issue-${kind}-${dossierId}-${eventId}`;
