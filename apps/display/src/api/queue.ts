import { routes, type IssueTicketInput, type RatingRequest } from '@motcua/contracts';
import { api } from './client.js';

export const fetchKiosk = (centerId: string) => api.call(routes.kiosk, { params: { centerId } });
export const issueTicket = (centerId: string, body: IssueTicketInput) => api.call(routes.issueTicket, { params: { centerId }, body });
/** The phone left after the ticket (#18 item 4): never on the slip or a screen. */
export const saveTicketContact = (centerId: string, ticketId: string, phone: string) =>
  api.call(routes.ticketContact, { params: { centerId, ticketId }, body: { phone, language: 'vi' } });
/** The paired device calling, or an error (401) when this browser is not one. */
export const fetchDeviceMe = () => api.call(routes.deviceMe);
export const pairDevice = (code: string) => api.call(routes.pairDevice, { body: { code } });
export const fetchDisplay = (centerId: string) => api.call(routes.display, { params: { centerId } });
export const fetchTracking = (code: string) => api.call(routes.trackTicket, { params: { code } });
export const fetchRatingPrompt = (counterId: string) => api.call(routes.ratingPrompt, { params: { counterId } });
export const rateTicket = (counterId: string, body: RatingRequest) => api.call(routes.rate, { params: { counterId }, body });
/** "Lấy số từ xa" (#17): today's ticket from a phone, within the center's limits. */
export const takeRemoteTicket = (centerId: string, serviceId: string, language: 'vi' | 'en') =>
  api.call(routes.issueRemoteTicket, { params: { centerId }, body: { serviceId, language } });
export const confirmArrival = (code: string) => api.call(routes.confirmRemoteArrival, { params: { code } });
