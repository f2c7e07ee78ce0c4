import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { appointmentStatus, ticketStatus } from './enums.js';
import { centers, counters, priorityCategories, services } from './organisation.js';
import { staff } from './staff.js';

const tz = { withTimezone: true, mode: 'date' } as const;

/** The row a ticket number is taken from (UPDATE … RETURNING), per center × service × business day. */
export const ticketSequences = pgTable(
  'ticket_sequences',
  {
    centerId: uuid().notNull().references(() => centers.id),
    serviceId: uuid().notNull().references(() => services.id),
    businessDate: date().notNull(),
    lastNumber: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'ticket_sequences_pkey', columns: [t.centerId, t.serviceId, t.businessDate] })],
);

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    centerId: uuid().notNull().references(() => centers.id),
    serviceId: uuid().notNull().references(() => services.id),
    businessDate: date().notNull(),
    number: integer().notNull(),
    /** Human code shown and announced, e.g. A023. */
    code: text().notNull(),
    status: ticketStatus().notNull().default('waiting'),
    priorityCategoryId: uuid().references(() => priorityCategories.id),
    arrivedAt: timestamp(tz).notNull(),
    calledAt: timestamp(tz),
    servingAt: timestamp(tz),
    doneAt: timestamp(tz),
    counterId: uuid().references(() => counters.id),
    officerId: uuid().references(() => staff.id),
    recallCount: integer().notNull().default(0),
    transferredFromTicketId: uuid().references((): AnyPgColumn => tickets.id),
    /** A transfer to one counter: only that counter may call it. */
    targetCounterId: uuid().references(() => counters.id),
    /** Unguessable code of the tracking page (the slip's QR code). */
    trackingCode: text().notNull(),
    /** Slot of an appointment checked in on time: called before walk-ins, earliest slot first. */
    appointmentAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [
    // Transferred copies keep the number they were issued with, in another service's line.
    uniqueIndex('tickets_number_key').on(t.centerId, t.serviceId, t.businessDate, t.number).where(sql`${t.transferredFromTicketId} is null`),
    // A transferred copy keeps the citizen's tracking code (the QR on the slip).
    uniqueIndex('tickets_tracking_code_key').on(t.trackingCode).where(sql`${t.transferredFromTicketId} is null`),
    index('tickets_tracking_idx').on(t.trackingCode),
    index('tickets_waiting_idx').on(t.centerId, t.serviceId, t.status, t.arrivedAt),
    index('tickets_counter_idx').on(t.counterId, t.status),
  ],
);
export type Ticket = typeof tickets.$inferSelect;

export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: id(),
    ticketId: uuid().notNull().references(() => tickets.id),
    kind: text().notNull(),
    fromStatus: ticketStatus(),
    toStatus: ticketStatus(),
    counterId: uuid().references(() => counters.id),
    actorId: uuid().references(() => staff.id),
    at: timestamp(tz).notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
    ...timestamps,
  },
  (t) => [index('ticket_events_ticket_idx').on(t.ticketId, t.at)],
);

/**
 * Bookings taken per center × service × slot. A booking increments `booked` with one
 * conditional upsert (`… where booked < capacity`), so the row lock decides and a slot
 * can never be oversold, however many book at once.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    centerId: uuid().notNull().references(() => centers.id),
    serviceId: uuid().notNull().references(() => services.id),
    slotStart: timestamp(tz).notNull(),
    booked: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'appointment_slots_pkey', columns: [t.centerId, t.serviceId, t.slotStart] })],
);

/** An online appointment. The phone is optional and never leaves the API on a public screen. */
export const appointments = pgTable(
  'appointments',
  {
    id: id(),
    centerId: uuid().notNull().references(() => centers.id),
    serviceId: uuid().notNull().references(() => services.id),
    procedureCode: text(),
    slotStart: timestamp(tz).notNull(),
    /** Short code typed at the kiosk. */
    code: text().notNull(),
    /** Unguessable token of the cancel/reschedule link (the QR). */
    manageToken: text().notNull(),
    phone: text(),
    status: appointmentStatus().notNull().default('booked'),
    checkedInAt: timestamp(tz),
    ticketId: uuid().references(() => tickets.id),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('appointments_code_key').on(t.code),
    uniqueIndex('appointments_token_key').on(t.manageToken),
    index('appointments_slot_idx').on(t.centerId, t.serviceId, t.slotStart),
    // The missed-appointment sweep reads only the appointments still booked.
    index('appointments_booked_idx').on(t.slotStart).where(sql`${t.status} = 'booked'`),
  ],
);
export type Appointment = typeof appointments.$inferSelect;

/**
 * A ticket taken from a phone (#17). Apart from `tickets` so public reads of tickets stay as they
 * are; `citizen_id_number` is who held a citizen session, never shown on a public surface.
 */
export const remoteTickets = pgTable('remote_tickets', {
  ticketId: uuid().primaryKey().references(() => tickets.id, { onDelete: 'cascade' }),
  centerId: uuid().notNull().references(() => centers.id),
  citizenIdNumber: text(),
  confirmedAt: timestamp(tz),
  ...timestamps,
});

/** Remote tickets taken per center and local clock hour: the conditional UPDATE that enforces the quota. */
export const remoteTicketQuotas = pgTable(
  'remote_ticket_quotas',
  {
    centerId: uuid().notNull().references(() => centers.id),
    hour: text().notNull(),
    taken: integer().notNull().default(0),
  },
  (t) => [primaryKey({ name: 'remote_ticket_quotas_pkey', columns: [t.centerId, t.hour] })],
);
