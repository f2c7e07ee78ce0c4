import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange, formatMonth, formatPeriod, formatQuarter, formatWeekdayDate, formatWeekdayDay } from './date-labels.js';

describe('dates as people write them here', () => {
  it('writes days dd/mm/yyyy, months "Tháng 12/2026", quarters "Quý IV/2026"', () => {
    expect(formatDay('2026-12-04')).toBe('04/12/2026');
    expect(formatMonth(2026, 12)).toBe('Tháng 12/2026');
    expect(formatMonth(2026, 3)).toBe('Tháng 3/2026');
    expect(formatQuarter(2026, 4)).toBe('Quý IV/2026');
    expect(formatQuarter(2027, 1, 'en')).toBe('Quarter I/2027');
    expect(formatDayRange('2026-11-05', '2026-12-04')).toBe('05/11/2026 – 04/12/2026');
  });

  it('names the weekday the Vietnamese way, in the center time zone', () => {
    expect(formatWeekdayDay('2026-12-04')).toBe('Thứ Sáu, 04/12/2026');
    expect(formatWeekdayDay('2026-12-06')).toBe('Chủ Nhật, 06/12/2026');
    expect(formatWeekdayDay('2026-12-04', 'en')).toBe('Friday, 04/12/2026');
    // 18:00 UTC on 3 December is already 4 December in Hồ Chí Minh City.
    expect(formatWeekdayDate(new Date('2026-12-03T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Thứ Sáu, 04/12/2026');
  });

  it('labels periods, and says up to which day when a month or quarter is clipped at today', () => {
    expect(formatPeriod({ kind: 'month', from: '2026-11-01', to: '2026-11-30' })).toBe('Tháng 11/2026');
    expect(formatPeriod({ kind: 'month', from: '2026-12-01', to: '2026-12-05' })).toBe('Tháng 12/2026 (đến 05/12/2026)');
    expect(formatPeriod({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' })).toBe('Quý IV/2026');
    expect(formatPeriod({ kind: 'year', from: '2026-01-01', to: '2026-12-31' })).toBe('Năm 2026');
    expect(formatPeriod({ kind: 'day', from: '2026-12-04', to: '2026-12-04' })).toBe('Thứ Sáu, 04/12/2026');
    expect(formatPeriod({ kind: 'custom', from: '2026-11-06', to: '2026-12-05' })).toBe('06/11/2026 – 05/12/2026');
  });
});
