import { getSolarDate } from '@dqcai/vn-lunar';
import { isoWeekday, nextDate, type CalendarDay } from './calendar.js';

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A lunar date of Vietnam's calendar (UTC+7, which differs from China's in some years) as a solar date. */
export function lunarToSolar(day: number, month: number, lunarYear: number): string {
  const s = getSolarDate(day, month, lunarYear, false);
  return iso(s.year, s.month, s.day);
}

/**
 * Default public holidays of a year (Labour Code 2019, Art. 112): 1/1; Tết, 5 days
 * from the last day of the lunar year; Hùng Kings 10/3 lunar; 30/4; 1/5; 2/9 plus one
 * adjacent day. A holiday on a weekend gives a day off on the next working day
 * (nghỉ bù). The Government re-arranges days each year, so admins adjust these.
 */
export function defaultHolidays(year: number): CalendarDay[] {
  const tet = lunarToSolar(1, 1, year);
  const holidays: CalendarDay[] = [
    { date: iso(year, 1, 1), kind: 'holiday', name: 'Tết Dương lịch' },
    ...[-1, 0, 1, 2, 3].map((offset) => ({ date: nextDate(tet, offset), kind: 'holiday' as const, name: 'Tết Nguyên đán' })),
    { date: lunarToSolar(10, 3, year), kind: 'holiday', name: 'Giỗ Tổ Hùng Vương' },
    { date: iso(year, 4, 30), kind: 'holiday', name: 'Ngày Chiến thắng' },
    { date: iso(year, 5, 1), kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
    { date: iso(year, 9, 2), kind: 'holiday', name: 'Quốc khánh' },
    // The adjacent day: the one that joins a weekend when that is possible.
    { date: isoWeekday(iso(year, 9, 2)) === 4 ? iso(year, 9, 3) : iso(year, 9, 1), kind: 'holiday', name: 'Quốc khánh (ngày liền kề)' },
  ];
  const taken = new Set(holidays.map((h) => h.date));
  const compensations: CalendarDay[] = [];
  for (const h of holidays) {
    if (isoWeekday(h.date) < 6) continue;
    let d = nextDate(h.date);
    while (isoWeekday(d) >= 6 || taken.has(d)) d = nextDate(d);
    taken.add(d);
    compensations.push({ date: d, kind: 'day_off', name: `Nghỉ bù ${h.name}` });
  }
  return [...holidays, ...compensations].sort((a, b) => a.date.localeCompare(b.date));
}
