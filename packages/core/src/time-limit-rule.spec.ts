import { describe, expect, it } from 'vitest';
import { createCalendar, instantOf } from './calendar.js';
import { defaultHolidays } from './holidays.js';
import { appointmentFor, SAME_DAY_CUTOFF, timeLimitText } from './time-limit-rule.js';

const TZ = 'Asia/Ho_Chi_Minh';
const windows = [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:30' }];
const cal = createCalendar({ timeZone: TZ, officeHours: { '1': windows, '2': windows, '3': windows, '4': windows, '5': windows }, days: defaultHolidays(2026) });
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);

describe('the time-limit rule the guide publishes and the receipt applies', () => {
  it('same day: before the cut-off the same day’s close; after it (or at 20:44) the next working day’s close, as the guide says', () => {
    const sameDay = { unit: 'same_day' as const, value: 0 };
    expect(appointmentFor(cal, vn('2026-11-25 14:59'), sameDay)).toEqual(vn('2026-11-25 17:30'));
    expect(appointmentFor(cal, vn(`2026-11-25 ${SAME_DAY_CUTOFF}`), sameDay)).toEqual(vn('2026-11-26 17:30'));
    expect(appointmentFor(cal, vn('2026-11-27 20:44'), sameDay)).toEqual(vn('2026-11-30 17:30')); // Friday evening → Monday
    expect(timeLimitText(sameDay).vi).toBe('Trong ngày làm việc (nộp sau 15:00: trả trong ngày làm việc tiếp theo)');
  });

  it('working days walk the office windows (07:30–11:30, 13:30–17:30), and the text says the same count', () => {
    const half = { unit: 'working_days' as const, value: 0.5 };
    expect(appointmentFor(cal, vn('2026-11-25 10:00'), half)).toEqual(vn('2026-11-25 16:00'));
    expect(timeLimitText(half)).toEqual({ vi: '0,5 ngày làm việc', en: '0.5 working days' });
    expect(timeLimitText({ unit: 'working_days', value: 1 }).en).toBe('1 working day');
  });
});
