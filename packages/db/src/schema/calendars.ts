import type { OpeningHours } from '@motcua/contracts';
import { date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { staff } from './staff.js';
import { id, timestamps } from './_helpers.js';
import { dayKind } from './enums.js';
import { administrativeUnits } from './organisation.js';

/** Office windows per weekday; the calendar with no unit is the province default. */
export const calendars = pgTable(
  'calendars',
  { id: id(), unitId: uuid().references(() => administrativeUnits.id), name: text().notNull(), officeWindows: jsonb().$type<OpeningHours>().notNull(), ...timestamps },
  (t) => [uniqueIndex('calendars_unit_key').on(t.unitId)],
);

export const calendarDays = pgTable(
  'calendar_days',
  { id: id(), calendarId: uuid().notNull().references(() => calendars.id, { onDelete: 'cascade' }), date: date().notNull(), kind: dayKind().notNull(), name: text().notNull().default(''), ...timestamps },
  (t) => [uniqueIndex('calendar_days_key').on(t.calendarId, t.date)],
);

/**
 * Office windows a province (or, where it differs, an agency) sets from a date on: summer/winter hours.
 * The hours in force on a date are those of the nearest scope with a row whose `effectiveFrom` ≤ that date,
 * the latest such row; with none, the calendar's own `office_windows`. Rows are never moved back in time:
 * a due time already given is stored on the dossier and never recomputed.
 */
export const officeWindowSchedules = pgTable(
  'office_window_schedules',
  {
    id: id(),
    unitId: uuid().notNull().references(() => administrativeUnits.id),
    effectiveFrom: date().notNull(),
    officeWindows: jsonb().$type<OpeningHours>().notNull(),
    note: text().notNull().default(''),
    createdBy: uuid().references(() => staff.id),
    ...timestamps,
  },
  (t) => [uniqueIndex('office_window_schedules_key').on(t.unitId, t.effectiveFrom), index('office_window_schedules_unit_idx').on(t.unitId)],
);
