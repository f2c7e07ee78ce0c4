import type { OpeningHours } from '@motcua/contracts';
import { date, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
