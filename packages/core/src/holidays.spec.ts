import { describe, expect, it } from 'vitest';
import { defaultHolidays, lunarToSolar } from './holidays.js';

const dates = (year: number, kind?: string) => defaultHolidays(year).filter((d) => !kind || d.kind === kind).map((d) => d.date);

describe('lunar holidays in Vietnam’s time zone', () => {
  it('finds Tết', () => {
    expect(lunarToSolar(1, 1, 2025)).toBe('2025-01-29');
    expect(lunarToSolar(1, 1, 2026)).toBe('2026-02-17');
    expect(lunarToSolar(1, 1, 2027)).toBe('2027-02-06');
  });
  it('differs from the Chinese calendar where the UTC+7 new moon falls a day earlier (Tết 2007, 1985)', () => {
    expect(lunarToSolar(1, 1, 2007)).toBe('2007-02-17');
    expect(lunarToSolar(1, 1, 1985)).toBe('1985-01-21');
  });
  it('finds Hùng Kings day (10/3 lunar)', () => {
    expect(lunarToSolar(10, 3, 2025)).toBe('2025-04-07');
    expect(lunarToSolar(10, 3, 2026)).toBe('2026-04-26');
  });
});

describe('defaultHolidays', () => {
  it('gives 2026 its eleven legal holidays', () => {
    expect(dates(2026, 'holiday')).toEqual([
      '2026-01-01', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-26', '2026-04-30', '2026-05-01', '2026-09-01', '2026-09-02',
    ]);
  });
  it('gives a day off on the next working day for a holiday on a weekend', () => {
    expect(dates(2026, 'day_off')).toEqual(['2026-04-27']);
    // 2025: Tết's fifth day is Saturday 1/2 → Monday 3/2.
    expect(dates(2025, 'day_off')).toContain('2025-02-03');
  });
  it('joins 2/9 to a weekend through the adjacent day when 2/9 is a Thursday', () => {
    expect(dates(2027, 'holiday')).toContain('2027-09-03');
  });
});
