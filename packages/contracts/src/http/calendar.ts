import { z } from 'zod';
import { ZHolidayKind } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDate, ZId } from './common.js';
import { ZOpeningHours } from './org.js';

/** One exception of the working-day calendar: a holiday or a swapped day off closes a day; a working day opens one (compensatory Saturday). */
export const ZCalendarDay = z.object({ date: ZDate, kind: ZHolidayKind, name: z.string() });
export type CalendarDay = z.infer<typeof ZCalendarDay>;
export const ZCalendarDaysQuery = z.object({ year: z.coerce.number({ error: msg('Năm phải là số', 'The year must be a number') }).int().min(2000).max(2100) });
export const ZCalendarDays = z.object({ year: z.number().int(), days: z.array(ZCalendarDay) });
export const ZCalendarDayParams = z.object({ date: ZDate });
export const ZCalendarDayInput = z.object({
  kind: z.enum(['holiday', 'day_off', 'working_day'], { error: msg('Chọn ngày lễ, ngày nghỉ bù hoặc ngày làm bù', 'Choose a holiday, a day off or a working day') }),
  name: z.string().trim().min(1, { error: msg('Hãy ghi tên hoặc căn cứ (ví dụ: Nghỉ bù Quốc khánh)', 'Give a name or the legal basis (e.g. Day off for National Day)') }).max(200),
});

const DAY_NAMES: Record<string, [string, string]> = { '1': ['Thứ Hai', 'Monday'], '2': ['Thứ Ba', 'Tuesday'], '3': ['Thứ Tư', 'Wednesday'], '4': ['Thứ Năm', 'Thursday'], '5': ['Thứ Sáu', 'Friday'], '6': ['Thứ Bảy', 'Saturday'], '7': ['Chủ Nhật', 'Sunday'] };

/** Office windows per weekday, each day's windows ordered and non-overlapping (each window within the day by `ZTimeWindow`). */
export const ZOfficeWindows = ZOpeningHours.superRefine((hours, ctx) => {
  for (const [day, windows] of Object.entries(hours)) {
    if (!windows) continue;
    for (let i = 1; i < windows.length; i++) {
      const prev = windows[i - 1]!;
      const cur = windows[i]!;
      if (cur.start < prev.end) {
        const [vi, en] = DAY_NAMES[day]!;
        ctx.addIssue({
          code: 'custom', path: [day, i, 'start'],
          message: msg(`${vi}: khung giờ ${i + 1} phải bắt đầu từ ${prev.end} trở đi (sau khung trước, không chồng lấn)`, `${en}: window ${i + 1} must start at ${prev.end} or later (after the previous one, no overlap)`)(),
        });
      }
    }
  }
});

/** Office windows a unit sets from a date on (summer/winter hours). The date is today or later: a due time already given never moves. */
export const ZOfficeWindowsInput = z.object({
  effectiveFrom: ZDate,
  officeWindows: ZOfficeWindows,
  note: z.string().trim().max(200).default(''),
});
export type OfficeWindowsInput = z.infer<typeof ZOfficeWindowsInput>;
export const ZOfficeWindowsPeriod = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  effectiveFrom: ZDate,
  officeWindows: ZOpeningHours,
  note: z.string(),
});
export type OfficeWindowsPeriod = z.infer<typeof ZOfficeWindowsPeriod>;
/** What a unit's office windows are: the period in force today (its own or inherited), the ones to come, and the base hours when none is set. */
export const ZOfficeWindowsView = z.object({
  unitId: z.string(),
  today: ZDate,
  inForce: ZOfficeWindowsPeriod.nullable(),
  upcoming: z.array(ZOfficeWindowsPeriod),
  baseHours: ZOpeningHours,
});
export type OfficeWindowsView = z.infer<typeof ZOfficeWindowsView>;
export const ZUnitIdParams = z.object({ id: ZId });
