import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { ratingLevel, ticketStatus } from './enums.js';
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

export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    ticketId: uuid().notNull().references(() => tickets.id),
    counterId: uuid().notNull().references(() => counters.id),
    level: ratingLevel().notNull(),
    reason: text(),
    ...timestamps,
  },
  (t) => [uniqueIndex('ratings_ticket_key').on(t.ticketId)],
);
