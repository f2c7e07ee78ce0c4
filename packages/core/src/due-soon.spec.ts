import { describe, expect, it } from 'vitest';
import { createCalendar, instantOf } from './calendar.js';
import { computeDue, isDueSoon } from './deadline.js';
import { defaultHolidays } from './holidays.js';

const TZ = 'Asia/Ho_Chi_Minh';
// The windows of the held-back deadline cases (many provinces start the afternoon at 13:30).
const windows = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }];
const cal = createCalendar({ timeZone: TZ, officeHours: { '1': windows, '2': windows, '3': windows, '4': windows, '5': windows }, days: defaultHolidays(2026) });
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);

describe('isDueSoon: less than one working day left', () => {
  it('a one-day dossier received at 20:44 is not flagged at once; it is from the next opening on', () => {
    const due = computeDue(cal, vn('2026-11-25 20:44'), { unit: 'working_days', value: 1 });
    expect(due).toEqual(vn('2026-11-26 17:30'));
    expect(isDueSoon(cal, due, vn('2026-11-25 20:44'))).toBe(false);
    expect(isDueSoon(cal, due, vn('2026-11-26 07:30'))).toBe(false);
    expect(isDueSoon(cal, due, vn('2026-11-26 07:31'))).toBe(true);
  });

  it('counts office time only: the lunch break, nights, weekends and holidays do not bring the warning closer', () => {
    const due = vn('2026-11-30 10:00'); // Monday
    expect(isDueSoon(cal, due, vn('2026-11-27 10:00'))).toBe(false); // Friday, same hour: exactly one working day left
    expect(isDueSoon(cal, due, vn('2026-11-27 10:01'))).toBe(true);
    expect(isDueSoon(cal, due, vn('2026-11-28 12:00'))).toBe(true);
    // 2/9 (National Day) and 1/9 are holidays: Monday 31/8 10:00 → Thursday 3/9 10:00 is still one working day away on the 31st.
    expect(isDueSoon(cal, vn('2026-09-03 10:00'), vn('2026-08-31 10:30'))).toBe(true);
    expect(isDueSoon(cal, vn('2026-09-03 10:00'), vn('2026-08-31 09:30'))).toBe(false);
  });

  it('past the due time it is overdue, not due soon', () => {
    expect(isDueSoon(cal, vn('2026-11-26 10:00'), vn('2026-11-26 10:00'))).toBe(false);
    expect(isDueSoon(cal, vn('2026-11-26 10:00'), vn('2026-11-26 11:00'))).toBe(false);
  });
});
