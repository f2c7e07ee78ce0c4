import { z } from 'zod';
import { ZCenterParams, ZIdParams } from '../common.js';
import {
  ZAppointment, ZAppointmentSlots, ZAppointmentTokenParams, ZBookAppointmentRequest, ZCheckedIn, ZCheckInRequest, ZGuideCatalogue, ZGuideContent, ZGuideContentInput, ZGuideFormParams, ZGuideProcedure,
  ZProcedureCodeParams, ZRescheduleRequest, ZSlotQuery,
} from '../guide.js';
import { defineRoute } from '../route.js';
import { centerParam, orgAdmins } from './access.js';

// QR posters send a whole hall to the same pages; reads are generous, writes strict per address.
const guideRead = { kind: 'public', rateLimit: { limit: 240, windowSeconds: 60 } } as const;
const bookingWrite = { kind: 'public', rateLimit: { limit: 10, windowSeconds: 60 } } as const;

/** Citizen services: the procedure guide behind the QR posters and online appointments (issue #9). */
export const guideRoutes = {
  guideCatalogue: defineRoute({
    method: 'GET', path: '/public/centers/:centerId/guide', tag: 'guide', summary: 'Procedures a center receives, by field, with each field’s live queue',
    access: guideRead, params: ZCenterParams, response: ZGuideCatalogue,
  }),
  guideProcedure: defineRoute({
    method: 'GET', path: '/public/centers/:centerId/guide/:code', tag: 'guide', summary: 'A procedure’s guide at a center: steps, documents, forms, fee, time limit, today’s wait',
    access: guideRead, params: ZProcedureCodeParams, response: ZGuideProcedure,
  }),
  guideFormSheet: defineRoute({
    method: 'GET', path: '/public/guide/forms/:code', tag: 'guide', summary: 'A blank form of the library as a printable A4 page (HTML): Vietnamese labels with English, lines to fill in by hand',
    access: guideRead, params: ZGuideFormParams, response: z.string(), produces: 'text/html',
  }),
  procedureGuide: defineRoute({
    method: 'GET', path: '/procedures/:id/guide', tag: 'guide', summary: 'A procedure’s guide content for the editor (steps, documents, forms, notes in vi and en) and the form library',
    access: { kind: 'staff', roles: orgAdmins }, params: ZIdParams, response: ZGuideContent,
  }),
  updateProcedureGuide: defineRoute({
    method: 'PUT', path: '/procedures/:id/guide', tag: 'guide', summary: 'Replace a procedure’s guide content (one transaction, audited); the public guide shows it at once',
    access: { kind: 'staff', roles: orgAdmins }, params: ZIdParams, body: ZGuideContentInput, response: ZGuideContent,
  }),
  appointmentSlots: defineRoute({
    method: 'GET', path: '/public/centers/:centerId/appointment-slots', tag: 'appointments', summary: 'Bookable slots of a service on a day, with places left',
    access: guideRead, params: ZCenterParams, query: ZSlotQuery, response: ZAppointmentSlots,
  }),
  bookAppointment: defineRoute({
    method: 'POST', path: '/public/centers/:centerId/appointments', tag: 'appointments', summary: 'Book a slot (never oversold); answers the code and the private link',
    access: bookingWrite, params: ZCenterParams, body: ZBookAppointmentRequest, response: ZAppointment,
  }),
  appointment: defineRoute({
    method: 'GET', path: '/public/appointments/:token', tag: 'appointments', summary: 'The citizen’s appointment, through its private link',
    access: guideRead, params: ZAppointmentTokenParams, response: ZAppointment,
  }),
  cancelAppointment: defineRoute({
    method: 'POST', path: '/public/appointments/:token/cancel', tag: 'appointments', status: 200, summary: 'Cancel an appointment (frees its place)',
    access: bookingWrite, params: ZAppointmentTokenParams, response: ZAppointment,
  }),
  rescheduleAppointment: defineRoute({
    method: 'POST', path: '/public/appointments/:token/reschedule', tag: 'appointments', status: 200, summary: 'Move an appointment to another slot of the same service',
    access: bookingWrite, params: ZAppointmentTokenParams, body: ZRescheduleRequest, response: ZAppointment,
  }),
  checkInAppointment: defineRoute({
    method: 'POST', path: '/centers/:centerId/appointments/check-in', tag: 'appointments', summary: 'Check in at the kiosk with the appointment code: issues its ticket (on time: called first)',
    access: { kind: 'device', devices: ['kiosk'], scope: centerParam, staffRoles: ['admin', 'center_manager', 'officer'] }, params: ZCenterParams, body: ZCheckInRequest, response: ZCheckedIn,
  }),
} as const;
