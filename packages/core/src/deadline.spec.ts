import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingTime, createCalendar, HOUR, instantOf, workingTimeBetween, type CalendarDay } from './calendar.js';
import { computeDue, oneWorkingDayBefore, timeliness } from './deadline.js';
import { defaultHolidays } from './holidays.js';

const TZ = 'Asia/Ho_Chi_Minh';
const cal = createCalendar({ timeZone: TZ, days: defaultHolidays(2026) });
/** Local Hanoi wall-clock time → instant. */
const vn = (s: string) => instantOf(s.slice(0, 10), s.slice(11, 16), TZ);
const due = (received: string, unit: Parameters<typeof computeDue>[2]['unit'], value = 0, options = {}) =>
  computeDue(cal, vn(received), { unit, value }, options);

describe('computeDue — working days', () => {
  it('walks 3 working days to the same time of day', () => {
    expect(due('2026-02-09 10:00', 'working_days', 3)).toEqual(vn('2026-02-12 10:00'));
  });

  it('skips the Tết holidays (16–20 Feb 2026) and the weekends around them', () => {
    expect(due('2026-02-13 14:00', 'working_days', 2)).toEqual(vn('2026-02-24 14:00'));
  });

  it('skips 30/4 and 1/5', () => {
    expect(due('2026-04-29 09:00', 'working_days', 1)).toEqual(vn('2026-05-04 09:00'));
  });

  it('skips the compensatory day off for Hùng Kings day falling on Sunday 26/4/2026', () => {
    expect(due('2026-04-24 16:00', 'working_days', 0.5)).toEqual(vn('2026-04-28 10:30'));
  });

  it('skips 2/9 and its adjacent day', () => {
    expect(due('2026-08-31 15:00', 'working_days', 1)).toEqual(vn('2026-09-03 15:00'));
  });

  it('counts a compensatory working Saturday', () => {
    const withSaturday = createCalendar({ timeZone: TZ, days: [...defaultHolidays(2026), { date: '2026-02-07', kind: 'working_day' } satisfies CalendarDay] });
    expect(computeDue(withSaturday, vn('2026-02-06 16:00'), { unit: 'working_days', value: 0.5 })).toEqual(vn('2026-02-07 10:30'));
    expect(due('2026-02-06 16:00', 'working_days', 0.5)).toEqual(vn('2026-02-09 10:30'));
  });

  it('starts at the next opening when received outside office hours', () => {
    expect(due('2026-03-14 10:00', 'working_hours', 1)).toEqual(vn('2026-03-16 08:30'));
    expect(due('2026-03-10 12:00', 'working_hours', 1)).toEqual(vn('2026-03-10 14:00'));
  });

  it('rounds up to the quarter hour', () => {
    expect(due('2026-03-09 08:07', 'working_hours', 1)).toEqual(vn('2026-03-09 09:15'));
    expect(due('2026-03-09 08:00', 'working_hours', 1)).toEqual(vn('2026-03-09 09:00'));
  });

  it('excludes a pause that spans a holiday and a weekend', () => {
    expect(due('2026-04-28 08:00', 'working_days', 3)).toEqual(vn('2026-05-05 08:00'));
    const pauses = [{ start: vn('2026-04-29 16:00'), end: vn('2026-05-04 09:00') }];
    expect(due('2026-04-28 08:00', 'working_days', 3, { pauses })).toEqual(vn('2026-05-05 10:30'));
  });
});

describe('computeDue — same day', () => {
  it('before the 15:00 cut-off: the end of that working day', () => {
    expect(due('2026-03-10 14:59', 'same_day')).toEqual(vn('2026-03-10 17:00'));
  });
  it('from 15:00: the end of the next working day', () => {
    expect(due('2026-03-10 15:00', 'same_day')).toEqual(vn('2026-03-11 17:00'));
    expect(due('2026-03-13 15:30', 'same_day')).toEqual(vn('2026-03-16 17:00'));
  });
  it('on a closed day: the next working day, honouring a custom cut-off', () => {
    expect(due('2026-02-15 09:00', 'same_day')).toEqual(vn('2026-02-23 17:00'));
    expect(due('2026-03-10 14:30', 'same_day', 0, { cutoff: '14:00' })).toEqual(vn('2026-03-11 17:00'));
  });
});

describe('computeDue — calendar days', () => {
  it('ends at the close of the last day', () => {
    expect(due('2026-04-24 10:00', 'calendar_days', 5)).toEqual(vn('2026-04-29 17:00'));
  });
  it('rolls a closed last day to the next working day', () => {
    expect(due('2026-04-24 10:00', 'calendar_days', 6)).toEqual(vn('2026-05-04 17:00'));
  });
});

describe('oneWorkingDayBefore and timeliness', () => {
  it('finds the apology deadline one working day before due', () => {
    expect(oneWorkingDayBefore(cal, vn('2026-02-12 10:00'), vn('2026-02-09 10:00'))).toEqual(vn('2026-02-11 10:00'));
    expect(oneWorkingDayBefore(cal, vn('2026-02-24 14:00'), vn('2026-02-13 14:00'))).toEqual(vn('2026-02-23 14:00'));
  });
  it('is null when less than a working day is left', () => {
    expect(oneWorkingDayBefore(cal, vn('2026-03-10 17:00'), vn('2026-03-10 09:00'))).toBeNull();
  });
  it('classifies early, on time and late', () => {
    const dueAt = vn('2026-03-12 10:00');
    expect(timeliness(cal, vn('2026-03-11 16:00'), dueAt)).toBe('early');
    expect(timeliness(cal, vn('2026-03-12 09:00'), dueAt)).toBe('on_time');
    expect(timeliness(cal, vn('2026-03-12 10:00'), dueAt)).toBe('on_time');
    expect(timeliness(cal, vn('2026-03-12 10:01'), dueAt)).toBe('late');
  });
});

describe('properties', () => {
  const start = vn('2026-01-01 00:00').getTime();
  const instant = fc.integer({ min: start, max: start + 330 * 24 * HOUR }).map((ms) => new Date(ms));
  const quarterDays = fc.integer({ min: 1, max: 80 }).map((q) => q / 4);

  it('due is monotonic in the received time', () => {
    fc.assert(
      fc.property(instant, instant, quarterDays, (a, b, days) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const limit = { unit: 'working_days' as const, value: days };
        return computeDue(cal, early, limit) <= computeDue(cal, late, limit);
      }),
      { numRuns: 300 },
    );
  });

  it('due is monotonic in the limit', () => {
    fc.assert(
      fc.property(instant, quarterDays, quarterDays, (at, x, y) => {
        const [small, big] = x <= y ? [x, y] : [y, x];
        return computeDue(cal, at, { unit: 'working_days', value: small }) <= computeDue(cal, at, { unit: 'working_days', value: big });
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed working time inverts the walk', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 400 * HOUR }), (from, ms) => {
        return workingTimeBetween(cal, from, addWorkingTime(cal, from, ms)) === ms;
      }),
      { numRuns: 300 },
    );
  });
});
