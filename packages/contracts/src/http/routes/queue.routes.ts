import { defineRoute } from '../route.js';
import { ZCenterParams } from '../common.js';
import {
  ZCallSpecificRequest, ZCounterParams, ZCounterStateRequest, ZDisplaySnapshot, ZIssuedTicket, ZIssueTicketRequest, ZKioskSnapshot, ZLiveBoard,
  ZPushKey, ZPushSubscribed, ZPushSubscriptionRequest, ZRating, ZRatingPrompt, ZRemoteArrival, ZRemoteTicketRequest, ZRatingRequest, ZPublicCenters, ZServiceAvailabilityRequest, ZServiceParams, ZTicketContactParams, ZTicketContactRequest, ZTicketContactSaved, ZTicketTracking, ZTrackingParams, ZTransferRequest, ZWorkstation,
} from '../queue.js';
import { ZService } from '../org.js';
import { centerAdmins, centerParam } from './access.js';

// Displays reload snapshots on every reconnect; a hall may hold several screens behind one address.
const publicRead = { kind: 'public', rateLimit: { limit: 240, windowSeconds: 60 } } as const;
const counterParam = { type: 'counter', from: 'params', key: 'counterId' } as const;
const counterStaff = ['admin', 'center_manager', 'officer'] as const;
/** Ratings feed the satisfaction score: only the paired tablet bound to that counter gives them (#15). */
const ratingTablet = { kind: 'device', devices: ['rating'], scope: counterParam } as const;
/** A counter's own actions: officers, center managers and admins, within that counter's center. */
const atCounter = { kind: 'staff', roles: counterStaff, scope: counterParam } as const;

/** Queue ticketing: kiosk → counters → hall display, tracking and rating (issue #4). */
export const queueRoutes = {
  kiosk: defineRoute({
    method: 'GET', path: '/public/centers/:centerId/kiosk', tag: 'queue', summary: 'Services of a center with waiting counts and estimated waits, for the kiosk',
    access: publicRead, params: ZCenterParams, response: ZKioskSnapshot,
  }),
  issueTicket: defineRoute({
    method: 'POST', path: '/centers/:centerId/tickets', tag: 'queue', summary: 'Issue the next ticket of a service (gap-free numbering per center, service and local day)',
    access: { kind: 'device', devices: ['kiosk'], scope: centerParam, staffRoles: counterStaff }, params: ZCenterParams, body: ZIssueTicketRequest, response: ZIssuedTicket,
  }),
  publicCenters: defineRoute({
    method: 'GET', path: '/public/centers', tag: 'queue', summary: 'Centers of the province with their address, for the citizen app’s home page',
    access: publicRead, response: ZPublicCenters,
  }),
  ticketContact: defineRoute({
    method: 'POST', path: '/centers/:centerId/tickets/:ticketId/contact', tag: 'queue', status: 200,
    summary: 'Leave a phone for a text when the ticket just issued is called (within 10 minutes of issue, while it waits; never shown anywhere)',
    access: { kind: 'device', devices: ['kiosk'], scope: centerParam, staffRoles: counterStaff }, params: ZTicketContactParams, body: ZTicketContactRequest, response: ZTicketContactSaved,
  }),
  display: defineRoute({
    method: 'GET', path: '/public/centers/:centerId/display', tag: 'queue', summary: 'Snapshot of the hall display: latest calls, waiting per service, notice line',
    access: publicRead, params: ZCenterParams, response: ZDisplaySnapshot,
  }),
  trackTicket: defineRoute({
    method: 'GET', path: '/public/tickets/:code', tag: 'queue', summary: 'A ticket’s status, people ahead and estimated wait (the QR code target)',
    access: publicRead, params: ZTrackingParams, response: ZTicketTracking,
  }),
  ratingPrompt: defineRoute({
    method: 'GET', path: '/public/counters/:counterId/rating', tag: 'queue', summary: 'The ticket a counter’s rating tablet asks about: the last finished there, not yet rated (the paired tablet of that counter only)',
    access: ratingTablet, params: ZCounterParams, response: ZRatingPrompt,
  }),
  rate: defineRoute({
    method: 'POST', path: '/public/counters/:counterId/ratings', tag: 'queue', summary: 'Rate a ticket just finished at this counter (once per ticket; the paired tablet of that counter only)',
    access: ratingTablet, params: ZCounterParams, body: ZRatingRequest, response: ZRating,
  }),

  workstation: defineRoute({
    method: 'GET', path: '/counters/:counterId/workstation', tag: 'counter', summary: 'The counter workstation: current ticket and the waiting line (for the officer assigned today)',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  callNext: defineRoute({
    method: 'POST', path: '/counters/:counterId/call-next', tag: 'counter', status: 200, summary: 'Claim and call the next ticket for this counter (atomic: no two counters get one ticket)',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  callSpecific: defineRoute({
    method: 'POST', path: '/counters/:counterId/call', tag: 'counter', status: 200, summary: 'Call a chosen waiting ticket (only where the center allows it)',
    access: atCounter, params: ZCounterParams, body: ZCallSpecificRequest, response: ZWorkstation,
  }),
  recall: defineRoute({
    method: 'POST', path: '/counters/:counterId/recall', tag: 'counter', status: 200, summary: 'Announce the called ticket again',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  startServing: defineRoute({
    method: 'POST', path: '/counters/:counterId/start', tag: 'counter', status: 200, summary: 'The called citizen arrived: start serving',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  finish: defineRoute({
    method: 'POST', path: '/counters/:counterId/done', tag: 'counter', status: 200, summary: 'Finish serving the current ticket',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  noShow: defineRoute({
    method: 'POST', path: '/counters/:counterId/no-show', tag: 'counter', status: 200, summary: 'The called citizen did not come',
    access: atCounter, params: ZCounterParams, response: ZWorkstation,
  }),
  transfer: defineRoute({
    method: 'POST', path: '/counters/:counterId/transfer', tag: 'counter', status: 200, summary: 'Send the ticket being served to another service or counter; it keeps its number and arrival time',
    access: atCounter, params: ZCounterParams, body: ZTransferRequest, response: ZWorkstation,
  }),
  setCounterState: defineRoute({
    method: 'POST', path: '/counters/:counterId/state', tag: 'counter', status: 200, summary: 'Open, pause or close the counter',
    access: atCounter, params: ZCounterParams, body: ZCounterStateRequest, response: ZWorkstation,
  }),
  liveBoard: defineRoute({
    method: 'GET', path: '/centers/:centerId/live', tag: 'queue', summary: 'The center live board: counters, current tickets, waiting per service',
    access: { kind: 'staff', roles: [...centerAdmins, 'leader'], scope: centerParam }, params: ZCenterParams, response: ZLiveBoard,
  }),
  setServiceAvailability: defineRoute({
    method: 'PUT', path: '/services/:serviceId/availability', tag: 'queue', summary: 'Open or pause a service at the kiosk',
    access: { kind: 'staff', roles: centerAdmins, scope: { type: 'service', from: 'params', key: 'serviceId' } }, params: ZServiceParams, body: ZServiceAvailabilityRequest, response: ZService,
  }),
  issueRemoteTicket: defineRoute({
    method: 'POST', path: '/public/centers/:centerId/remote-tickets', tag: 'queue',
    summary: 'Take a ticket for today from a phone (same gap-free numbers as the kiosk), within the center’s hourly quota and not in the last minutes before closing',
    access: { kind: 'public', citizen: 'optional', rateLimit: { limit: 5, windowSeconds: 600 } }, params: ZCenterParams, body: ZRemoteTicketRequest, response: ZIssuedTicket,
  }),
  confirmRemoteArrival: defineRoute({
    method: 'POST', path: '/public/tickets/:code/arrived', tag: 'queue', status: 200,
    summary: 'The citizen of a remote ticket says “I have arrived” (holding the tracking code is the proof)',
    access: { kind: 'public', rateLimit: { limit: 20, windowSeconds: 60 } }, params: ZTrackingParams, response: ZRemoteArrival,
  }),
  pushKey: defineRoute({
    method: 'GET', path: '/public/push/key', tag: 'queue', summary: 'The VAPID public key phones subscribe to Web Push with (null when not configured)',
    access: publicRead, response: ZPushKey,
  }),
  subscribeTicketPush: defineRoute({
    method: 'POST', path: '/public/tickets/:code/push', tag: 'queue', status: 200,
    summary: 'Save a Web Push subscription for a ticket: “3 people ahead” once, then the call (holding the tracking code is the proof)',
    access: { kind: 'public', rateLimit: { limit: 20, windowSeconds: 60 } }, params: ZTrackingParams, body: ZPushSubscriptionRequest, response: ZPushSubscribed,
  }),
} as const;

