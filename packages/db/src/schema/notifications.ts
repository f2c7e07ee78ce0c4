import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { dossiers } from './dossiers.js';
import { notificationKind } from './enums.js';
import { staff } from './staff.js';

const tz = { withTimezone: true, mode: 'date' } as const;

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    recipientId: uuid().notNull().references(() => staff.id),
    dossierId: uuid().references(() => dossiers.id),
    kind: notificationKind().notNull(),
    deadlineVersion: integer().notNull().default(0),
    title: text().notNull(),
    body: text().notNull(),
    readAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [
    // A retried or duplicated alert job can never notify twice.
    uniqueIndex('notifications_once_key').on(t.dossierId, t.kind, t.deadlineVersion, t.recipientId),
    index('notifications_recipient_idx').on(t.recipientId, t.readAt),
  ],
);

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    notificationId: uuid().notNull().references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text().notNull(),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    deliveredAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [uniqueIndex('notification_deliveries_key').on(t.notificationId, t.channel)],
);
