import type { OpeningHours } from '@motcua/contracts';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';
import { counterState, unitLevel } from './enums.js';

export const administrativeUnits = pgTable(
  'administrative_units',
  {
    id: id(),
    code: text().notNull(),
    name: text().notNull(),
    level: unitLevel().notNull(),
    parentId: uuid().references((): AnyPgColumn => administrativeUnits.id),
    validFrom: date(),
    validTo: date(),
    disadvantaged: boolean().notNull().default(false),
    /** Place on the province tile map (column, row from the top left), laid out roughly as the province; null = not on the map. */
    tileX: integer(),
    tileY: integer(),
    ...timestamps,
  },
  (t) => [uniqueIndex('administrative_units_code_key').on(t.code), index('administrative_units_parent_idx').on(t.parentId)],
);
export type AdministrativeUnit = typeof administrativeUnits.$inferSelect;

export const agencies = pgTable(
  'agencies',
  {
    id: id(),
    code: text().notNull(),
    /** Electronic ID code, the prefix of dossier codes. */
    electronicId: text().notNull(),
    name: text().notNull(),
    unitId: uuid().notNull().references(() => administrativeUnits.id),
    kind: text().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('agencies_code_key').on(t.code), uniqueIndex('agencies_electronic_id_key').on(t.electronicId), index('agencies_unit_idx').on(t.unitId)],
);
export type Agency = typeof agencies.$inferSelect;

export const centers = pgTable(
  'centers',
  {
    id: id(),
    code: text().notNull(),
    name: text().notNull(),
    unitId: uuid().notNull().references(() => administrativeUnits.id),
    timeZone: text().notNull().default('Asia/Ho_Chi_Minh'),
    openingHours: jsonb().$type<OpeningHours>().notNull(),
    address: text().notNull().default(''),
    allowCallSpecific: boolean().notNull().default(false),
    /** Normal tickets served per priority ticket. */
    priorityRatio: integer().notNull().default(2),
    noShowAfterRecalls: integer().notNull().default(2),
    /** The scrolling line on the hall display. */
    displayNotice: text().notNull().default(''),
    // Online appointments: slot length, bookings per planned counter and slot, and the
    // check-in window (± minutes around the slot) within which an appointment is called first.
    appointmentSlotMinutes: integer().notNull().default(30),
    appointmentsPerCounter: integer().notNull().default(2),
    appointmentOnTimeMinutes: integer().notNull().default(10),
    /** How many local days ahead (today included) citizens may book. */
    appointmentBookingDays: integer().notNull().default(14),
    // Remote tickets (#17): per clock hour, when they stop before closing, and how long after
    // the call the citizen has to confirm arrival before the ticket becomes a no-show.
    remotePerHour: integer().notNull().default(20),
    remoteStopMinutes: integer().notNull().default(30),
    remoteConfirmMinutes: integer().notNull().default(5),
    ...timestamps,
  },
  (t) => [uniqueIndex('centers_code_key').on(t.code), index('centers_unit_idx').on(t.unitId)],
);
export type Center = typeof centers.$inferSelect;

export const services = pgTable(
  'services',
  {
    id: id(),
    centerId: uuid().notNull().references(() => centers.id),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    ticketPrefix: text().notNull(),
    typicalServiceMinutes: integer().notNull().default(10),
    field: text().notNull(),
    isOpen: boolean().notNull().default(true),
    sortOrder: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('services_center_code_key').on(t.centerId, t.code), uniqueIndex('services_center_prefix_key').on(t.centerId, t.ticketPrefix)],
);
export type Service = typeof services.$inferSelect;

export const counters = pgTable(
  'counters',
  {
    id: id(),
    centerId: uuid().notNull().references(() => centers.id),
    label: text().notNull(),
    number: integer().notNull(),
    state: counterState().notNull().default('closed'),
    /** Why the counter is paused ("Họp", "Nghỉ trưa"…), shown on the live board and the hall display; null unless paused. */
    pauseReason: text(),
    /** Normal tickets called since the last priority one: drives the priority interleaving. */
    normalsSincePriority: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [uniqueIndex('counters_center_number_key').on(t.centerId, t.number)],
);
export type Counter = typeof counters.$inferSelect;

export const counterServices = pgTable(
  'counter_services',
  {
    id: id(),
    counterId: uuid().notNull().references(() => counters.id, { onDelete: 'cascade' }),
    serviceId: uuid().notNull().references(() => services.id),
    weight: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('counter_services_key').on(t.counterId, t.serviceId)],
);

export const priorityCategories = pgTable(
  'priority_categories',
  {
    id: id(),
    /** Null: applies province-wide. */
    centerId: uuid().references(() => centers.id),
    code: text().notNull(),
    nameVi: text().notNull(),
    nameEn: text().notNull(),
    weight: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('priority_categories_center_code_key').on(t.centerId, t.code)],
);
export type PriorityCategory = typeof priorityCategories.$inferSelect;
