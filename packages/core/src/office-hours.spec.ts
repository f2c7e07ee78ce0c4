import { describe, expect, it } from 'vitest';
import { addWorkingTime, createCalendar, flattenOfficeHours, HOUR, officeHoursOn, resolveOfficeHours, windowsOn, type OfficeHours, type OfficeHoursPeriod } from './calendar.js';

const TZ = 'Asia/Ho_Chi_Minh';
const week = (w: { start: string; end: string }[]): OfficeHours => ({ '1': w, '2': w, '3': w, '4': w, '5': w });
const winter = week([{ start: '07:30', end: '11:30' }, { start: '13:00', end: '17:00' }]);
const summer = week([{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }]);
const agencyHours = week([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);

describe('office hours resolution', () => {
  const province: OfficeHoursPeriod[] = [{ from: '2026-01-01', officeHours: winter }, { from: '2026-05-01', officeHours: summer }];
  const agency: OfficeHoursPeriod[] = [{ from: '2026-07-01', officeHours: agencyHours }];

  it('takes the latest period starting on or before the date', () => {
    expect(resolveOfficeHours([province], '2026-04-30')?.officeHours).toBe(winter);
    expect(resolveOfficeHours([province], '2026-05-01')?.officeHours).toBe(summer);
    expect(resolveOfficeHours([province], '2025-12-31')).toBeNull();
  });

  it('an agency override beats the province once it is in force, not before', () => {
    expect(resolveOfficeHours([agency, province], '2026-06-30')?.officeHours).toBe(summer);
    expect(resolveOfficeHours([agency, province], '2026-07-01')?.officeHours).toBe(agencyHours);
    expect(resolveOfficeHours([agency, province], '2027-01-01')?.officeHours).toBe(agencyHours);
  });

  it('flattens scopes into one schedule the calendar reads by date', () => {
    const flat = flattenOfficeHours([agency, province]);
    expect(flat.map((p) => p.from)).toEqual(['2026-01-01', '2026-05-01', '2026-07-01']);
    const cal = createCalendar({ timeZone: TZ, officeHours: winter, schedule: flat });
    expect(officeHoursOn(cal, '2026-05-04')).toBe(summer);
    expect(windowsOn(cal, '2026-05-04')[1]).toEqual({ start: '13:30', end: '17:30' });
    expect(windowsOn(cal, '2026-04-27')[1]).toEqual({ start: '13:00', end: '17:00' });
    expect(windowsOn(cal, '2026-07-06')[0]).toEqual({ start: '08:00', end: '12:00' });
  });

  it('working time is counted with the windows in force on each day', () => {
    const cal = createCalendar({ timeZone: TZ, officeHours: winter, schedule: [{ from: '2026-05-04', officeHours: summer }] });
    // Friday 1 May 2026 is a working day here (no holidays given); 10:30 + 4 h: 1 h in the morning, 3 h after 13:00 → 16:00
    expect(addWorkingTime(cal, new Date('2026-04-30T03:30:00Z'), 4 * HOUR).toISOString()).toBe('2026-04-30T09:00:00.000Z');
    // Monday 4 May, summer hours: 10:30 + 4 h → 1 h morning, 3 h from 13:30 → 16:30 local
    expect(addWorkingTime(cal, new Date('2026-05-04T03:30:00Z'), 4 * HOUR).toISOString()).toBe('2026-05-04T09:30:00.000Z');
  });
});
