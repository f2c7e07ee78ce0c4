import { sql } from 'drizzle-orm';
import { boolean, check, date, index, inet, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { deviceKind, role } from './enums.js';
import { administrativeUnits, centers, counters, services } from './organisation.js';

const tz = { withTimezone: true, mode: 'date' } as const;

export const staff = pgTable(
  'staff',
  {
    id: id(),
    username: text().notNull(),
    passwordHash: text().notNull(),
    fullName: text().notNull(),
    email: text(),
    phone: text(),
    homeUnitId: uuid().references(() => administrativeUnits.id),
    homeCenterId: uuid().references(() => centers.id),
    active: boolean().notNull().default(true),
    failedLogins: integer().notNull().default(0),
    lockedUntil: timestamp(tz),
    mustChangePassword: boolean().notNull().default(false),
    passwordChangedAt: timestamp(tz).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('staff_username_key').on(t.username),
    check('staff_username_lower', sql`${t.username} = lower(${t.username})`),
    index('staff_home_center_idx').on(t.homeCenterId),
  ],
);
export type StaffRow = typeof staff.$inferSelect;

/** A role with its scope: a unit subtree, or one center; both null means system-wide (admin). */
export const staffRoles = pgTable(
  'staff_roles',
  {
    id: id(),
    staffId: uuid().notNull().references(() => staff.id, { onDelete: 'cascade' }),
    role: role().notNull(),
    scopeUnitId: uuid().references(() => administrativeUnits.id),
    scopeCenterId: uuid().references(() => centers.id),
    ...timestamps,
  },
  (t) => [index('staff_roles_staff_idx').on(t.staffId)],
);

export const staffSkills = pgTable(
  'staff_skills',
  {
    id: id(),
    staffId: uuid().notNull().references(() => staff.id, { onDelete: 'cascade' }),
    serviceId: uuid().notNull().references(() => services.id),
    weight: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('staff_skills_key').on(t.staffId, t.serviceId)],
);

export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    staffId: uuid().notNull().references(() => staff.id, { onDelete: 'cascade' }),
    /** SHA-256 of the cookie token: a database leak does not hand out sessions. */
    tokenHash: text().notNull(),
    expiresAt: timestamp(tz).notNull(),
    lastSeenAt: timestamp(tz).notNull().defaultNow(),
    userAgent: text(),
    ip: inet(),
    ...timestamps,
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_staff_idx').on(t.staffId)],
);

export const devices = pgTable(
  'devices',
  {
    id: id(),
    centerId: uuid().notNull().references(() => centers.id),
    kind: deviceKind().notNull(),
    /** The counter a rating tablet belongs to. */
    counterId: uuid().references(() => counters.id),
    name: text().notNull(),
    tokenHash: text(),
    pairingCode: text(),
    pairingExpiresAt: timestamp(tz),
    pairedAt: timestamp(tz),
    revokedAt: timestamp(tz),
    /** When the device's socket was last seen by an API instance (presence itself lives in Redis). */
    lastSeenAt: timestamp(tz),
    ...timestamps,
  },
  (t) => [uniqueIndex('devices_token_hash_key').on(t.tokenHash), uniqueIndex('devices_pairing_code_key').on(t.pairingCode), index('devices_center_idx').on(t.centerId)],
);

/**
 * One outage of a paired device, alerted: `since` is its `last_seen_at` when the alert was made, so the
 * same outage (same device, same last sighting) is alerted once whatever the workers, and a device that
 * came back and dropped again starts another (#18 item 12).
 */
export const deviceOutages = pgTable(
  'device_outages',
  {
    id: id(),
    deviceId: uuid().notNull().references(() => devices.id, { onDelete: 'cascade' }),
    since: timestamp(tz).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('device_outages_once_key').on(t.deviceId, t.since)],
);

/** Who works at which counter on a day: the board the counter workstation enforces. */
export const assignments = pgTable(
  'assignments',
  {
    id: id(),
    staffId: uuid().notNull().references(() => staff.id),
    counterId: uuid().notNull().references(() => counters.id),
    workDate: date().notNull(),
    shift: text().$type<'all_day' | 'morning' | 'afternoon'>().notNull().default('all_day'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('assignments_counter_day_key').on(t.counterId, t.workDate, t.shift),
    uniqueIndex('assignments_staff_day_key').on(t.staffId, t.workDate, t.shift),
  ],
);
export type Assignment = typeof assignments.$inferSelect;
