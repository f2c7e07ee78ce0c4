import { routes, type BookAppointmentRequest } from '@motcua/contracts';
import { api } from './client.js';

export const fetchGuide = (centerId: string) => api.call(routes.guideCatalogue, { params: { centerId } });
export const fetchGuideProcedure = (centerId: string, code: string) => api.call(routes.guideProcedure, { params: { centerId, code } });
export const fetchSlots = (centerId: string, serviceId: string, date: string) =>
  api.call(routes.appointmentSlots, { params: { centerId }, query: { serviceId, date } });
export const bookAppointment = (centerId: string, body: BookAppointmentRequest) => api.call(routes.bookAppointment, { params: { centerId }, body });
export const fetchAppointment = (token: string) => api.call(routes.appointment, { params: { token } });
export const cancelAppointment = (token: string) => api.call(routes.cancelAppointment, { params: { token } });
export const rescheduleAppointment = (token: string, slotStart: string) =>
  api.call(routes.rescheduleAppointment, { params: { token }, body: { slotStart } });
export const checkInAppointment = (centerId: string, code: string) => api.call(routes.checkInAppointment, { params: { centerId }, body: { code } });
/** A blank form of the library as a printable page, opened in a new tab. */
export const formSheetUrl = (code: string) => api.url(routes.guideFormSheet, { params: { code } });
