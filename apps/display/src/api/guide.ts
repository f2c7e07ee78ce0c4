import {
  routes, ZAppointment, ZAppointmentSlots, ZCheckedIn, ZGuideCatalogue, ZGuideProcedure, type BookAppointmentRequest,
} from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchGuide = (centerId: string) => api.request('GET', fillPath(routes.guideCatalogue.path, { centerId }), { schema: ZGuideCatalogue });
export const fetchGuideProcedure = (centerId: string, code: string) => api.request('GET', fillPath(routes.guideProcedure.path, { centerId, code }), { schema: ZGuideProcedure });
export const fetchSlots = (centerId: string, serviceId: string, date: string) =>
  api.request('GET', fillPath(routes.appointmentSlots.path, { centerId }), { query: { serviceId, date }, schema: ZAppointmentSlots });
export const bookAppointment = (centerId: string, body: BookAppointmentRequest) => api.request('POST', fillPath(routes.bookAppointment.path, { centerId }), { body, schema: ZAppointment });
export const fetchAppointment = (token: string) => api.request('GET', fillPath(routes.appointment.path, { token }), { schema: ZAppointment });
export const cancelAppointment = (token: string) => api.request('POST', fillPath(routes.cancelAppointment.path, { token }), { schema: ZAppointment });
export const rescheduleAppointment = (token: string, slotStart: string) =>
  api.request('POST', fillPath(routes.rescheduleAppointment.path, { token }), { body: { slotStart }, schema: ZAppointment });
export const checkInAppointment = (centerId: string, code: string) => api.request('POST', fillPath(routes.checkInAppointment.path, { centerId }), { body: { code }, schema: ZCheckedIn });
