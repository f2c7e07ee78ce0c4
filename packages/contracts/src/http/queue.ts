import { z } from 'zod';
import { ZCounterAction, ZCounterState, ZLanguage, ZTicketStatus } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDateTime, ZId } from './common.js';
import { ZPhone } from './dossiers.js';

// Public surfaces (kiosk, display, tracking, rating) carry ticket codes, counter labels
// and service names only: tickets hold no personal data (a phone left at the kiosk lives
// in its own table, read only by the notification worker).

export const ZWaitEstimate = z.object({ peopleAhead: z.number().int().nonnegative(), minMinutes: z.number().int().nonnegative(), maxMinutes: z.number().int().nonnegative() });
export type WaitEstimate = z.infer<typeof ZWaitEstimate>;

/** When someone can serve a service that nobody serves now (see `serviceFloor` in core). */
export const ZServiceExpectation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('now') }),
  z.object({ kind: z.literal('paused'), counters: z.array(z.string()) }),
  z.object({ kind: z.literal('later_today'), counters: z.array(z.string()), from: z.string().nullable() }),
  z.object({ kind: z.literal('next_opening'), at: ZDateTime.nullable() }),
  z.object({ kind: z.literal('not_today') }),
  z.object({ kind: z.literal('no_counter') }),
]);
export type ServiceExpectation = z.infer<typeof ZServiceExpectation>;

export const ZKioskService = z.object({
  id: ZId,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  ticketPrefix: z.string(),
  /** Procedure field (ho_tich, dat_dai…): the kiosk's icon and example procedures. */
  field: z.string().optional(),
  isOpen: z.boolean(),
  waiting: z.number().int().nonnegative(),
  estimate: ZWaitEstimate,
  /** An open counter serves it now: the kiosk issues tickets for it only then (#18 item 1). */
  servable: z.boolean(),
  /** Labels of the open counters that serve it (printed on the slip). */
  openCounters: z.array(z.string()),
  expected: ZServiceExpectation,
});
export const ZKioskSnapshot = z.object({
  centerId: ZId,
  centerName: z.string(),
  /** Within opening hours now (center time zone). */
  isOpenNow: z.boolean(),
  openingHoursToday: z.array(z.object({ start: z.string(), end: z.string() })),
  /** The next opening after now (working calendar), for a closed kiosk; null when none is known. */
  nextOpening: ZDateTime.nullable(),
  services: z.array(ZKioskService),
  priorityCategories: z.array(z.object({ id: ZId, nameVi: z.string(), nameEn: z.string() })),
  /** Remote tickets (#17): per clock hour (0 = none), stop minutes before closing, minutes to confirm after the call. */
  remote: z.object({ perHour: z.number().int(), stopMinutes: z.number().int(), confirmMinutes: z.number().int() }).optional(),
});
export type KioskSnapshot = z.infer<typeof ZKioskSnapshot>;

export const ZIssueTicketRequest = z.object({
  serviceId: ZId,
  priorityCategoryId: ZId.nullable().default(null),
  /** Optional: a text message when the ticket is called. Never shown on screens or public endpoints. */
  phone: ZPhone.optional(),
  /** Language of that message (the kiosk's). */
  language: ZLanguage.default('vi'),
});
export type IssueTicketRequest = z.infer<typeof ZIssueTicketRequest>;

/** A ticket taken from a phone (#17): no priority category (that is checked at the counter). */
export const ZRemoteTicketRequest = z.object({
  serviceId: ZId,
  /** Optional: a text when 3 people are ahead and when called. Never shown anywhere. */
  phone: ZPhone.optional(),
  language: ZLanguage.default('vi'),
});
export type RemoteTicketRequest = z.infer<typeof ZRemoteTicketRequest>;
export const ZRemoteArrival = z.object({ code: z.string(), confirmedAt: z.string() });

/** What a client sends (defaults filled by the API). */
export type IssueTicketInput = z.input<typeof ZIssueTicketRequest>;

/** Centers a citizen can pick on the home page (guide, booking). */
export const ZPublicCenters = z.array(z.object({ id: ZId, code: z.string(), name: z.string(), address: z.string() }));

/** The phone a citizen leaves after taking the ticket (#18 item 4: services first, the phone after). */
/** The VAPID public key a phone subscribes with (base64url); null when Web Push is not configured. */
export const ZPushKey = z.object({ publicKey: z.string().nullable() });
const ZBase64Url = (what: string, min: number) => z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, { error: msg(`${what} không đúng dạng base64url`, `${what} is not base64url`) }).min(min).max(200);
/** A browser's PushSubscription (`subscription.toJSON()`), plus the language of the messages. */
export const ZPushSubscriptionRequest = z.object({
  endpoint: z.url({ error: msg('Địa chỉ nhận thông báo không hợp lệ', 'The push endpoint is not a valid URL') }).max(1000),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: ZBase64Url('p256dh', 80), auth: ZBase64Url('auth', 16) }),
  language: ZLanguage.default('vi'),
});
export type PushSubscriptionRequest = z.infer<typeof ZPushSubscriptionRequest>;
export const ZPushSubscribed = z.object({ code: z.string(), subscribed: z.literal(true) });

export const ZTicketContactParams = z.object({ centerId: ZId, ticketId: ZId });
export const ZTicketContactRequest = z.object({ phone: ZPhone, language: ZLanguage.default('vi') });
export const ZTicketContactSaved = z.object({ ticketId: ZId, saved: z.literal(true) });

/** What the kiosk prints on the slip. */
export const ZIssuedTicket = z.object({
  id: ZId,
  code: z.string(),
  number: z.number().int().positive(),
  centerName: z.string(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  priority: z.boolean(),
  arrivedAt: ZDateTime,
  estimate: ZWaitEstimate,
  trackingCode: z.string(),
  /** The open counters that serve its service when it was issued (the slip names them). */
  counterLabels: z.array(z.string()).optional(),
  /** Issued by a paired kiosk: it prints the slip by itself (#18 item 3). */
  printAtKiosk: z.boolean().optional(),
});
export type IssuedTicket = z.infer<typeof ZIssuedTicket>;

export const ZCall = z.object({
  ticketCode: z.string(),
  counterId: ZId,
  counterNumber: z.number().int(),
  counterLabel: z.string(),
  serviceId: ZId,
  calledAt: ZDateTime,
  recall: z.number().int().nonnegative(),
});
export type Call = z.infer<typeof ZCall>;

export const ZServiceWaiting = z.object({ serviceId: ZId, nameVi: z.string(), nameEn: z.string(), ticketPrefix: z.string(), isOpen: z.boolean(), waiting: z.number().int().nonnegative() });

/** Everything a hall display shows; a display that reconnects or sees a sequence gap fetches it again. */
export const ZDisplaySnapshot = z.object({
  centerId: ZId,
  centerName: z.string(),
  calls: z.array(ZCall).describe('Latest calls, newest first'),
  services: z.array(ZServiceWaiting),
  notice: z.string(),
  /** Within opening hours now; a closed hall says so with the next opening (#18 item 5). */
  isOpenNow: z.boolean().optional(),
  nextOpening: ZDateTime.nullable().optional(),
  /** The next waiting numbers of each service, in the order they are likely called. */
  next: z.array(z.object({ serviceId: ZId, codes: z.array(z.string()) })).optional(),
  /** Paused counters with their reason: the hall reads "Tạm dừng — Nghỉ trưa" next to the counter. */
  paused: z.array(z.object({ label: z.string(), number: z.number().int(), reason: z.string().nullable() })).optional(),
  /** Last sequence number sent to the public room of this center (0 with a null epoch when it could not be read). */
  seq: z.number().int().nonnegative(),
  /** The sequence's generation: it changes when Redis lost the sequence (flushed, replaced); null when Redis could not be asked. */
  epoch: z.string().nullable(),
  at: ZDateTime,
});
export type DisplaySnapshot = z.infer<typeof ZDisplaySnapshot>;

export const ZTrackingCode = z.string().regex(/^[A-Z2-9]{10}$/, { error: msg('Mã theo dõi không đúng', 'Invalid tracking code') });
export const ZTrackingParams = z.object({ code: ZTrackingCode });
export const ZTicketTracking = z.object({
  code: z.string(),
  status: ZTicketStatus,
  centerId: ZId,
  centerName: z.string(),
  serviceNameVi: z.string(),
  serviceNameEn: z.string(),
  arrivedAt: ZDateTime,
  estimate: ZWaitEstimate.nullable(),
  counterLabel: z.string().nullable(),
  counterNumber: z.number().int().nullable(),
  calledAt: ZDateTime.nullable(),
  /** Set for a ticket taken from a phone (#17): confirm arrival within `confirmMinutes` of the call. */
  remote: z.object({ confirmMinutes: z.number().int(), confirmedAt: ZDateTime.nullable() }).nullable().optional(),
});
export type TicketTracking = z.infer<typeof ZTicketTracking>;

export const RatingLevel = ['very_satisfied', 'satisfied', 'not_satisfied'] as const;
export const ZRatingLevel = z.enum(RatingLevel, { error: msg('Hãy chọn một mức đánh giá', 'Choose a rating') });
export const ZCounterParams = z.object({ counterId: ZId });
/** The ticket a counter's rating tablet asks about: the last one finished there, not yet rated. */
export const ZRatingPrompt = z.object({ counterLabel: z.string(), ticket: z.object({ id: ZId, code: z.string(), doneAt: ZDateTime }).nullable() });
export const ZRatingRequest = z.object({
  ticketId: ZId,
  level: ZRatingLevel,
  reason: z.string().trim().max(500, { error: msg('Lý do tối đa 500 ký tự', 'The reason must be at most 500 characters') }).nullable().default(null),
});
export type RatingRequest = z.input<typeof ZRatingRequest>;
export const ZRating = z.object({ ticketId: ZId, level: ZRatingLevel, at: ZDateTime });

// Counter workstation and the manager's live board.

export const ZQueueTicket = z.object({
  id: ZId,
  code: z.string(),
  serviceId: ZId,
  status: ZTicketStatus,
  priority: z.boolean(),
  arrivedAt: ZDateTime,
  calledAt: ZDateTime.nullable(),
  servingAt: ZDateTime.nullable(),
  recallCount: z.number().int(),
  transferred: z.boolean(),
  /** Slot of the online appointment this ticket was checked in for (staff screens only); null for walk-ins. */
  appointmentAt: ZDateTime.nullable(),
  /** Checked in within the center's on-time window, so called before walk-ins; false when late or no appointment. */
  appointmentOnTime: z.boolean(),
});
export type QueueTicket = z.infer<typeof ZQueueTicket>;

export const ZWorkstation = z.object({
  counter: z.object({ id: ZId, centerId: ZId, label: z.string(), number: z.number().int(), state: ZCounterState, pauseReason: z.string().nullable().optional(), services: z.array(z.object({ serviceId: ZId, weight: z.number().int() })) }),
  centerName: z.string(),
  /** The center's time zone: times on the desk read as on the hall clock, wherever the browser is set. */
  timeZone: z.string(),
  allowCallSpecific: z.boolean(),
  noShowAfterRecalls: z.number().int(),
  current: ZQueueTicket.nullable(),
  /** Waiting tickets this counter may serve, oldest first (at most 100). */
  waiting: z.array(ZQueueTicket),
  waitingTotal: z.number().int(),
  servedToday: z.number().int(),
  /** `field`: the procedure field of the service (intake offers that field's procedures first). */
  services: z.array(ZServiceWaiting.extend({ field: z.string() })),
  /** Transfer targets: the open counters of the center (not this one), with their profile and queue length. */
  otherCounters: z.array(z.object({ id: ZId, label: z.string(), number: z.number().int(), state: ZCounterState, serviceIds: z.array(ZId).optional(), waiting: z.number().int().nonnegative().optional() })),
  /** The buttons that work now, decided by the ticket lifecycle in packages/core; the workstation does not re-decide them. */
  allowedActions: z.array(ZCounterAction),
});
export type Workstation = z.infer<typeof ZWorkstation>;

export const ZCallSpecificRequest = z.object({ ticketId: ZId });
export const ZTransferRequest = z
  .object({ serviceId: ZId.nullable().default(null), counterId: ZId.nullable().default(null) })
  .refine((v) => v.serviceId !== null || v.counterId !== null, { path: ['serviceId'], error: msg('Hãy chọn dịch vụ hoặc quầy nhận chuyển', 'Choose the service or the counter to transfer to') });
/** The reasons offered for a pause (any other text up to 80 characters is accepted too). */
export const counterPauseReasons = ['Họp', 'Nghỉ trưa', 'Hỗ trợ công dân'] as const;
export const ZCounterStateRequest = z.object({
  state: z.enum(['open', 'paused', 'closed'], { error: msg('Trạng thái quầy là mở, tạm dừng hoặc đóng', 'A counter is open, paused or closed') }),
  /** Why the counter pauses; kept only with `paused`, cleared when it opens or closes. */
  reason: z.string().trim().max(80, { error: msg('Lý do tạm dừng tối đa 80 ký tự', 'A pause reason has at most 80 characters') }).optional(),
});
export const ZServiceAvailabilityRequest = z.object({ isOpen: z.boolean({ error: msg('Hãy chọn mở hoặc tạm dừng', 'Choose open or paused') }) });
export const ZServiceParams = z.object({ serviceId: ZId });

export const ZLiveCounter = z.object({
  id: ZId,
  label: z.string(),
  number: z.number().int(),
  state: ZCounterState,
  /** Why it is paused ("Nghỉ trưa"), null unless paused. */
  pauseReason: z.string().nullable(),
  officerName: z.string().nullable(),
  current: ZQueueTicket.nullable(),
  servedToday: z.number().int(),
  avgServiceMinutes: z.number().nullable(),
});
export const ZLiveBoard = z.object({
  centerId: ZId,
  centerName: z.string(),
  date: z.string(),
  counters: z.array(ZLiveCounter),
  services: z.array(ZServiceWaiting.extend({ oldestWaitMinutes: z.number().nullable(), servedToday: z.number().int(), avgWaitMinutes: z.number().nullable(), servable: z.boolean().optional() })),
  totals: z.object({ issued: z.number().int(), waiting: z.number().int(), served: z.number().int(), noShow: z.number().int() }),
  /** Whether the center is within today's office windows now (a closed center says so on the board). */
  opening: z.object({ isOpenNow: z.boolean(), windows: z.array(z.object({ start: z.string(), end: z.string() })) }),
});
export type LiveBoard = z.infer<typeof ZLiveBoard>;
