import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { dossiers } from './dossiers.js';
import { notificationKind, thresholdComparison, thresholdIndicator, thresholdPeriod, thresholdState } from './enums.js';
import { administrativeUnits } from './organisation.js';
import { deviceOutages, staff } from './staff.js';

const tz = { withTimezone: true, mode: 'date' } as const;

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    recipientId: uuid().notNull().references(() => staff.id),
    dossierId: uuid().references(() => dossiers.id),
    /** The alert threshold a `threshold` notification is about (its stage is the crossing number). */
    thresholdId: uuid().references((): AnyPgColumn => indicatorThresholds.id, { onDelete: 'cascade' }),
    /** The device outage a `device_offline` notification is about. */
    deviceOutageId: uuid().references(() => deviceOutages.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    deadlineVersion: integer().notNull().default(0),
    /** Step number (step_overdue), SLA hours (intake_sla), local date as yyyymmdd (digest), crossing number (threshold), else 0. */
    stage: integer().notNull().default(0),
    title: text().notNull(),
    body: text().notNull(),
    readAt: timestamp(tz),
    /** Set once the real-time push went out; the sweep pushes rows a crash left unpushed. */
    pushedAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [
    // A retried or duplicated alert job can never notify twice; a digest (no dossier) once a day per leader;
    // a threshold once per crossing per leader; a device outage once per manager.
    unique('notifications_once_key').on(t.dossierId, t.thresholdId, t.deviceOutageId, t.kind, t.deadlineVersion, t.stage, t.recipientId).nullsNotDistinct(),
    index('notifications_recipient_idx').on(t.recipientId, t.readAt),
    index('notifications_unpushed_idx').on(t.createdAt).where(sql`pushed_at is null`),
  ],
);
export type Notification = typeof notifications.$inferSelect;

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    notificationId: uuid().notNull().references(() => notifications.id, { onDelete: 'cascade' }),
    /** `email` or `webhook:<webhook id>`. */
    channel: text().notNull(),
    /** The address or URL it goes to, as it was when the notification was made. */
    target: text().notNull().default(''),
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    deliveredAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [uniqueIndex('notification_deliveries_key').on(t.notificationId, t.channel), index('notification_deliveries_status_idx').on(t.status, t.createdAt)],
);
export type NotificationDelivery = typeof notificationDeliveries.$inferSelect;

/** A unit's signed webhook: alerts of dossiers handled in the unit are POSTed with an HMAC-SHA256 signature. */
export const alertWebhooks = pgTable(
  'alert_webhooks',
  {
    id: id(),
    unitId: uuid().notNull().references(() => administrativeUnits.id),
    url: text().notNull(),
    secret: text().notNull(),
    active: boolean().notNull().default(true),
    ...timestamps,
  },
  (t) => [index('alert_webhooks_unit_idx').on(t.unitId)],
);

/**
 * A leader's alert line on one indicator of one unit (issue #19 item 11). The row also keeps
 * which side of the line the figure was on at the last evaluation: `crossed` is set by a
 * conditional update (only from `ok`), so one crossing notifies once, whatever the number of
 * workers or retries; `crossings` numbers them (the notifications' stage).
 */
export const indicatorThresholds = pgTable(
  'indicator_thresholds',
  {
    id: id(),
    unitId: uuid().notNull().references(() => administrativeUnits.id),
    indicator: thresholdIndicator().notNull(),
    comparison: thresholdComparison().notNull(),
    /** In the indicator's unit: percent for rates, minutes for waits. */
    value: doublePrecision().notNull(),
    period: thresholdPeriod().notNull(),
    enabled: boolean().notNull().default(true),
    createdBy: uuid().notNull().references(() => staff.id),
    state: thresholdState().notNull().default('ok'),
    stateSince: timestamp(tz),
    crossings: integer().notNull().default(0),
    lastValue: doublePrecision(),
    lastEvaluatedAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [index('indicator_thresholds_unit_idx').on(t.unitId), index('indicator_thresholds_enabled_idx').on(t.enabled)],
);
export type IndicatorThreshold = typeof indicatorThresholds.$inferSelect;
