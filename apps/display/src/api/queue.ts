import {
  routes, ZDeviceSession, ZDisplaySnapshot, ZIssuedTicket, ZKioskSnapshot, ZRating, ZRatingPrompt, ZTicketContactSaved, ZTicketTracking,
  type IssueTicketInput,
} from '@motcua/contracts';
import { api } from './client.js';

/** Fills the `:name` placeholders of a contract path. */
export function pathOf(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''));
}

export const fetchKiosk = (centerId: string) => api.request('GET', pathOf(routes.kiosk.path, { centerId }), { schema: ZKioskSnapshot });
export const issueTicket = (centerId: string, body: IssueTicketInput) => api.request('POST', pathOf(routes.issueTicket.path, { centerId }), { body, schema: ZIssuedTicket });
/** The phone left after the ticket (#18 item 4): never on the slip or a screen. */
export const saveTicketContact = (centerId: string, ticketId: string, phone: string) =>
  api.request('POST', pathOf(routes.ticketContact.path, { centerId, ticketId }), { body: { phone, language: 'vi' }, schema: ZTicketContactSaved });
/** The paired device calling, or an error (401) when this browser is not one. */
export const fetchDeviceMe = () => api.request('GET', routes.deviceMe.path, { schema: ZDeviceSession });
export const pairDevice = (code: string) => api.request('POST', routes.pairDevice.path, { body: { code }, schema: ZDeviceSession });
export const fetchDisplay = (centerId: string) => api.request('GET', pathOf(routes.display.path, { centerId }), { schema: ZDisplaySnapshot });
export const fetchTracking = (code: string) => api.request('GET', pathOf(routes.trackTicket.path, { code }), { schema: ZTicketTracking });
export const fetchRatingPrompt = (counterId: string) => api.request('GET', pathOf(routes.ratingPrompt.path, { counterId }), { schema: ZRatingPrompt });
export const rateTicket = (counterId: string, body: { ticketId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }) =>
  api.request('POST', pathOf(routes.rate.path, { counterId }), { body, schema: ZRating });
