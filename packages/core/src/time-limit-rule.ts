import type { WorkCalendar } from './calendar.js';
import { computeDue, type TimeLimit } from './deadline.js';

/**
 * One rule, one place (#18 item 11): the appointment printed on the receipt (Mẫu 01) and the time
 * limit the public guide publishes come from here, so the citizen reads the same rule on the QR
 * poster as on the slip. Same-day procedures received after the cut-off are due at the close of the
 * next working day (docs/domain.md "Working-day calendar and deadlines").
 */
export const SAME_DAY_CUTOFF = '15:00';

/** The appointment of a dossier received at `receivedAt` (the receipt and the due time). */
export function appointmentFor(cal: WorkCalendar, receivedAt: Date, limit: TimeLimit): Date {
  return computeDue(cal, receivedAt, limit, { cutoff: SAME_DAY_CUTOFF });
}

const count = (n: number) => (Number.isInteger(n) ? String(n) : String(n).replace('.', ','));
const countEn = (n: number) => String(n);

/** How the guide states the limit, in words that match `appointmentFor`. */
export function timeLimitText(limit: TimeLimit): { vi: string; en: string } {
  switch (limit.unit) {
    case 'same_day':
      return {
        vi: `Trong ngày làm việc (nộp sau ${SAME_DAY_CUTOFF}: trả trong ngày làm việc tiếp theo)`,
        en: `Same working day (received after ${SAME_DAY_CUTOFF}: the next working day)`,
      };
    case 'working_days':
      return { vi: `${count(limit.value)} ngày làm việc`, en: `${countEn(limit.value)} working day${limit.value === 1 ? '' : 's'}` };
    case 'working_hours':
      return { vi: `${count(limit.value)} giờ làm việc`, en: `${countEn(limit.value)} working hour${limit.value === 1 ? '' : 's'}` };
    case 'calendar_days':
      return { vi: `${count(limit.value)} ngày (ngày cuối là ngày nghỉ: trả ngày làm việc tiếp theo)`, en: `${countEn(limit.value)} days (a last day that is closed: the next working day)` };
  }
}
