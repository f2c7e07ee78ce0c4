import { z } from 'zod';
import { ZHolidayKind } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDate } from './common.js';

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
