import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { dossiers } from './dossiers.js';
import { centers } from './organisation.js';
import { tickets } from './queue.js';
import { staff } from './staff.js';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * A phone left at the kiosk to be told when the ticket is called. Kept apart from
 * `tickets` so no query behind a public screen can ever select it.
 */
export const ticketContacts = pgTable('ticket_contacts', {
  ticketId: uuid().primaryKey().references(() => tickets.id, { onDelete: 'cascade' }),
  phone: text().notNull(),
  language: text().notNull().default('vi'),
  ...timestamps,
});

/** One phone number or email address a citizen is reached at: its opt-out token and, once used, when. */
export const citizenContacts = pgTable(
  'citizen_contacts',
  {
    id: id(),
    /** `phone:<digits, 84…>` or `email:<lower-case address>`. */
    contact: text().notNull(),
    optOutToken: text().notNull(),
    optedOutAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [unique('citizen_contacts_contact_key').on(t.contact), unique('citizen_contacts_token_key').on(t.optOutToken)],
);

/** The province's wording of one event × channel × language; the code's default applies when absent. */
export const citizenTemplates = pgTable(
  'citizen_templates',
  {
    event: text().notNull(),
    channel: text().notNull(),
    language: text().notNull(),
    subject: text().notNull().default(''),
    body: text().notNull(),
    updatedById: uuid().references(() => staff.id),
    ...timestamps,
  },
  (t) => [primaryKey({ name: 'citizen_templates_pkey', columns: [t.event, t.channel, t.language] })],
);

/**
 * One message to a citizen: the idempotency key is (event key, channel), so a re-run
 * command or job never sends twice. The text is rendered when the row is made.
 */
export const citizenDeliveries = pgTable(
  'citizen_deliveries',
  {
    id: id(),
    /** The dossier_events row, or `ticket-called:<ticket id>`. */
    eventKey: text().notNull(),
    event: text().notNull(),
    channel: text().notNull(),
    /** Phone number, email address or webhook URL. */
    target: text().notNull(),
    contactId: uuid().references(() => citizenContacts.id),
    language: text().notNull(),
    /** Center whose managers see the row: the dossier's return point, or the ticket's center. */
    centerId: uuid().notNull().references(() => centers.id),
    dossierId: uuid().references(() => dossiers.id),
    ticketId: uuid().references(() => tickets.id, { onDelete: 'set null' }),
    /** Dossier or ticket code, for the log. */
    reference: text().notNull(),
    subject: text().notNull().default(''),
    body: text().notNull(),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    deliveredAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [
    unique('citizen_deliveries_once_key').on(t.eventKey, t.channel),
    index('citizen_deliveries_center_idx').on(t.centerId, t.createdAt),
    index('citizen_deliveries_status_idx').on(t.status, t.updatedAt),
  ],
);
export type CitizenDeliveryRow = typeof citizenDeliveries.$inferSelect;
export type NewCitizenDelivery = typeof citizenDeliveries.$inferInsert;

/**
 * A citizen signed in through the identity provider (issue #17): apart from staff sessions (own
 * table, own cookie), so no staff route can resolve one. The identity is the ID token's, as verified.
 */
export const citizenSessions = pgTable(
  'citizen_sessions',
  {
    id: id(),
    /** SHA-256 of the cookie token. */
    tokenHash: text().notNull(),
    /** The provider's subject and issuer. */
    subject: text().notNull(),
    issuer: text().notNull(),
    idNumber: text().notNull(),
    name: text().notNull(),
    phone: text(),
    expiresAt: timestamp(tz).notNull(),
    ...timestamps,
  },
  (t) => [unique('citizen_sessions_token_hash_key').on(t.tokenHash), index('citizen_sessions_expires_idx').on(t.expiresAt)],
);
export type CitizenSession = typeof citizenSessions.$inferSelect;

/**
 * A phone's Web Push subscription for one ticket (#17). Deleted with the ticket, or when the push
 * service answers 404/410 (the browser dropped it). Keys are the browser's, not secrets of ours.
 */
export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: id(),
    ticketId: uuid().notNull().references(() => tickets.id, { onDelete: 'cascade' }),
    centerId: uuid().notNull().references(() => centers.id),
    endpoint: text().notNull(),
    p256dh: text().notNull(),
    auth: text().notNull(),
    language: text().notNull().default('vi'),
    ...timestamps,
  },
  (t) => [unique('push_subscriptions_ticket_endpoint_key').on(t.ticketId, t.endpoint), index('push_subscriptions_center_idx').on(t.centerId)],
);

/** The once-key of one push message to one subscription (`three_ahead`, `called`): claimed before sending, so replicas and retries send it once. */
export const pushSends = pgTable(
  'push_sends',
  {
    subscriptionId: uuid().notNull().references(() => pushSubscriptions.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    sentAt: timestamp(tz).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'push_sends_pkey', columns: [t.subscriptionId, t.kind] })],
);
