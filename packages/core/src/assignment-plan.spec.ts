import { describe, expect, it } from 'vitest';
import { copySourceDay, missingSkills, nextWorkingDay, planConflicts, previousWorkingDay, shiftAt, shiftCovers, shiftOfInstant, shiftsOverlap, skillWarning, type PlannedSlot } from './assignment-plan.js';
import { createCalendar } from './calendar.js';

const cal = createCalendar({ timeZone: 'Asia/Ho_Chi_Minh', days: [{ date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' }, { date: '2026-09-05', kind: 'working_day' }] });

describe('working days of the board', () => {
  it('plans the next working day: Friday → Monday, skipping a holiday, and a compensatory Saturday counts', () => {
    expect(nextWorkingDay(cal, '2026-12-04')).toBe('2026-12-07');
    expect(nextWorkingDay(cal, '2026-09-01')).toBe('2026-09-03');
    expect(nextWorkingDay(cal, '2026-09-04')).toBe('2026-09-05');
    expect(nextWorkingDay(cal, '2026-12-07')).toBe('2026-12-08');
  });

  it('copies from the last working day before the target, or the same weekday a week earlier', () => {
    expect(previousWorkingDay(cal, '2026-12-07')).toBe('2026-12-04');
    expect(copySourceDay(cal, '2026-09-03', 'last_working_day')).toBe('2026-09-01');
    expect(copySourceDay(cal, '2026-12-07', 'same_weekday_last_week')).toBe('2026-11-30');
  });
});

describe('shifts', () => {
  it('morning ends at noon; all-day covers both halves', () => {
    expect(shiftAt('11:59')).toBe('morning');
    expect(shiftAt('12:00')).toBe('afternoon');
    expect(shiftCovers('all_day', 'afternoon')).toBe(true);
    expect(shiftCovers('morning', 'morning')).toBe(true);
    expect(shiftCovers('morning', 'afternoon')).toBe(false);
  });

  it('reads the half-day on the center’s clock, not UTC', () => {
    expect(shiftOfInstant(new Date('2026-12-07T04:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('morning');
    expect(shiftOfInstant(new Date('2026-12-07T05:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('afternoon');
    expect(shiftOfInstant(new Date('2026-12-07T05:00:00Z'), 'UTC')).toBe('morning');
  });

  it('only morning and afternoon do not meet', () => {
    expect(shiftsOverlap('morning', 'afternoon')).toBe(false);
    expect(shiftsOverlap('all_day', 'afternoon')).toBe(true);
    expect(shiftsOverlap('morning', 'morning')).toBe(true);
  });

  it('refuses one person on two counters in the same shift, allows morning and afternoon on different counters', () => {
    const s = (staffId: string, counterId: string, shift: PlannedSlot['shift'], workDate = '2026-12-07'): PlannedSlot => ({ staffId, counterId, shift, workDate });
    expect(planConflicts([s('an', 'k1', 'morning'), s('an', 'k2', 'afternoon')])).toEqual([]);
    expect(planConflicts([s('an', 'k1', 'morning'), s('an', 'k2', 'morning', '2026-12-08')])).toEqual([]);
    expect(planConflicts([s('an', 'k1', 'morning'), s('an', 'k2', 'morning')]).map((c) => c.kind)).toEqual(['staff_twice']);
    expect(planConflicts([s('an', 'k1', 'all_day'), s('an', 'k2', 'afternoon')]).map((c) => c.kind)).toEqual(['staff_twice']);
    expect(planConflicts([s('an', 'k1', 'afternoon'), s('binh', 'k1', 'all_day')]).map((c) => c.kind)).toEqual(['counter_twice']);
  });
});

describe('skill warnings', () => {
  const services = [{ id: 'ht', name: 'Hộ tịch' }, { id: 'dd', name: 'Đất đai' }, { id: 'dk', name: 'Đăng ký kinh doanh' }];
  it('names what is missing', () => {
    expect(skillWarning(missingSkills(services, ['dk']))).toBe('Thiếu kỹ năng: Hộ tịch, Đất đai');
    expect(skillWarning(missingSkills(services, ['dk']), 'en')).toBe('Missing skills: Hộ tịch, Đất đai');
    expect(skillWarning(missingSkills(services, ['ht', 'dd', 'dk']))).toBeUndefined();
  });
});
