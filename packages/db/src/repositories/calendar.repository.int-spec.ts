import { addWorkingTime, defaultHolidays, isWorkingDay } from '@motcua/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDays, calendars } from '../schema/calendars.js';
import { seedDemo } from '../seed/demo.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { calendarRepository } from './calendar.repository.js';

describe('calendarRepository.forUnit', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
  });
  afterAll(() => database?.drop());

  it('gives a commune the default calendar with the seeded holidays, and a unit calendar overrides it', async () => {
    const [commune] = await database.sql`select id from administrative_units where code = '32002'`;
    const year = new Date().getUTCFullYear();
    const tet = defaultHolidays(year).find((d) => d.name === 'Tết Nguyên đán')!.date;
    const cal = await calendarRepository.forUnit(database.db, commune!.id);
    expect(isWorkingDay(cal, tet)).toBe(false);
    // Friday 16:30 + 1 working hour ends Monday 08:00 (weekend skipped), unless Monday is a holiday.
    const friday = new Date('2030-03-08T09:30:00Z');
    expect(addWorkingTime(cal, friday, 3_600_000).toISOString()).toBe('2030-03-11T01:00:00.000Z');

    const [own] = await database.db.insert(calendars).values({ unitId: commune!.id, name: 'Lịch riêng', officeWindows: { '1': [{ start: '08:00', end: '12:00' }] } }).returning();
    await database.db.insert(calendarDays).values({ calendarId: own!.id, date: tet, kind: 'working_day' });
    const overridden = await calendarRepository.forUnit(database.db, commune!.id);
    expect(overridden.officeHours['2']).toBeUndefined();
    expect(isWorkingDay(overridden, tet)).toBe(true);
  });
});
