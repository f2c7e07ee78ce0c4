import { createCalendar, DEFAULT_TIME_ZONE, flattenOfficeHours, type OfficeHoursPeriod, type WorkCalendar } from '@motcua/core';
import { and, asc, between, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { calendarDays, calendars, officeWindowSchedules } from '../schema/calendars.js';
import { administrativeUnits } from '../schema/organisation.js';
import { scopeRepository } from './scope.repository.js';

export const calendarRepository = {
  /**
   * The working-day calendar that applies to a unit: its own, else the nearest
   * ancestor's, else the default one (no unit). Deadlines and alerts both use it.
   */
  async forUnit(db: DbOrTx, unitId: string | null, timeZone: string = DEFAULT_TIME_ZONE): Promise<WorkCalendar> {
    const chain = unitId ? await scopeRepository.ancestry(db, unitId) : [];
    const all = await db.select().from(calendars).orderBy(asc(calendars.createdAt));
    const own = chain.map((id) => all.find((c) => c.unitId === id)).find(Boolean) ?? all.find((c) => c.unitId === null);
    const schedule = flattenOfficeHours(await this.scheduleLevels(db, chain));
    if (!own) return createCalendar({ timeZone, schedule });
    const days = await db.select().from(calendarDays).where(eq(calendarDays.calendarId, own.id));
    return createCalendar({ timeZone, officeHours: own.officeWindows, days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })), schedule });
  },

  /** Office-window periods of each unit of a chain, nearest first (the input of core's `resolveOfficeHours`). */
  async scheduleLevels(db: DbOrTx, chain: readonly string[]): Promise<OfficeHoursPeriod[][]> {
    if (!chain.length) return [];
    const rows = await db.select().from(officeWindowSchedules).where(inArray(officeWindowSchedules.unitId, [...chain])).orderBy(asc(officeWindowSchedules.effectiveFrom));
    return chain.map((unitId) => rows.filter((r) => r.unitId === unitId).map((r) => ({ from: r.effectiveFrom, officeHours: r.officeWindows })));
  },

  /** The office-window periods set for units (all of them, oldest first). */
  async officeWindowsOf(db: DbOrTx, unitIds: readonly string[]) {
    if (!unitIds.length) return [];
    return db.select({ id: officeWindowSchedules.id, unitId: officeWindowSchedules.unitId, unitName: administrativeUnits.name, effectiveFrom: officeWindowSchedules.effectiveFrom, officeWindows: officeWindowSchedules.officeWindows, note: officeWindowSchedules.note })
      .from(officeWindowSchedules).innerJoin(administrativeUnits, eq(administrativeUnits.id, officeWindowSchedules.unitId))
      .where(inArray(officeWindowSchedules.unitId, [...unitIds])).orderBy(asc(officeWindowSchedules.effectiveFrom));
  },

  /** Sets the office windows of a unit from a date on; returns the row it replaced, if any (for the audit log). */
  async setOfficeWindows(tx: DbOrTx, input: { unitId: string; effectiveFrom: string; officeWindows: OfficeHoursPeriod['officeHours']; note: string; createdBy: string | null }) {
    const [before] = await tx.select().from(officeWindowSchedules).where(and(eq(officeWindowSchedules.unitId, input.unitId), eq(officeWindowSchedules.effectiveFrom, input.effectiveFrom)));
    const [row] = await tx.insert(officeWindowSchedules).values(input)
      .onConflictDoUpdate({ target: [officeWindowSchedules.unitId, officeWindowSchedules.effectiveFrom], set: { officeWindows: input.officeWindows, note: input.note, createdBy: input.createdBy } }).returning();
    return { before, row: row! };
  },

  /** The default calendar (no unit), created by the seed. */
  async defaultCalendar(db: DbOrTx) {
    const [row] = await db.select().from(calendars).where(isNull(calendars.unitId));
    return row;
  },

  async daysOf(db: DbOrTx, calendarId: string, year: number) {
    return db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays)
      .where(and(eq(calendarDays.calendarId, calendarId), between(calendarDays.date, `${year}-01-01`, `${year}-12-31`))).orderBy(asc(calendarDays.date));
  },

  /** Sets what a date is; returns what it was (for the audit log). */
  async setDay(tx: DbOrTx, calendarId: string, day: { date: string; kind: 'holiday' | 'day_off' | 'working_day'; name: string }) {
    const [before] = await tx.select().from(calendarDays).where(and(eq(calendarDays.calendarId, calendarId), eq(calendarDays.date, day.date)));
    await tx.insert(calendarDays).values({ calendarId, ...day }).onConflictDoUpdate({ target: [calendarDays.calendarId, calendarDays.date], set: { kind: day.kind, name: day.name } });
    return before;
  },

  async clearDay(tx: DbOrTx, calendarId: string, date: string) {
    const [before] = await tx.delete(calendarDays).where(and(eq(calendarDays.calendarId, calendarId), eq(calendarDays.date, date))).returning();
    return before;
  },
};
