import { addWorkingTime, workingDayLength, workingTimeBetween, type WorkCalendar } from './calendar.js';
import { roundUpToQuarter } from './deadline.js';
import { businessDate } from './business-day.js';

type Bilingual = { vi: string; en: string };
export type RuleResult = { ok: true } | { ok: false; reason: Bilingual };

/**
 * Extension with an apology letter (docs/domain.md "Extension and apology"): at most once
 * per dossier, issued at least 1 working day before the due time, with a later date.
 * The original due never changes; the new date is an extra field.
 */
export function checkExtension(cal: WorkCalendar, input: { dueAt: Date; alreadyExtended: boolean; now: Date; newDueAt: Date }): RuleResult {
  if (input.alreadyExtended) {
    return { ok: false, reason: { vi: 'Hồ sơ đã được gia hạn bằng văn bản xin lỗi một lần; không được gia hạn lần thứ hai.', en: 'The dossier was already extended with an apology letter; a second extension is not allowed.' } };
  }
  const left = input.now.getTime() >= input.dueAt.getTime() ? 0 : workingTimeBetween(cal, input.now, input.dueAt);
  if (left < workingDayLength(cal)) {
    return { ok: false, reason: { vi: 'Văn bản xin lỗi phải được ban hành chậm nhất 1 ngày làm việc trước hạn trả kết quả.', en: 'The apology letter must be issued at least 1 working day before the due time.' } };
  }
  if (input.newDueAt.getTime() <= input.dueAt.getTime()) {
    return { ok: false, reason: { vi: 'Hạn mới phải sau hạn trả kết quả ban đầu.', en: 'The new date must be later than the original due time.' } };
  }
  return { ok: true };
}

export interface StepPlan {
  code: string;
  role: string;
  /** Working days. */
  durationDays: number;
}

/**
 * Due time of each processing step B1…Bn: the durations walked one after another over
 * working time from the start, rounded up to the quarter hour, never later than the dossier's due.
 */
export function stepDueTimes(cal: WorkCalendar, start: Date, steps: readonly StepPlan[], dossierDue: Date): Date[] {
  const day = workingDayLength(cal);
  let elapsed = 0;
  return steps.map((s) => {
    elapsed += s.durationDays * day;
    const at = roundUpToQuarter(addWorkingTime(cal, start, elapsed));
    return at.getTime() > dossierDue.getTime() ? dossierDue : at;
  });
}

/**
 * A supplement request during processing. Only one is expected: the first must list
 * everything; a second one is flagged, and Decision 766 counts the dossier as late.
 */
export function supplementRequest(previousRequests: number): { count: number; flaggedLate: boolean } {
  const count = previousRequests + 1;
  return { count, flaggedLate: count >= 2 };
}

/** Moves a due time by the working time a pause lasted (the clock did not run meanwhile). */
export function shiftByPause(cal: WorkCalendar, due: Date, pausedFrom: Date, resumedAt: Date): Date {
  const paused = workingTimeBetween(cal, pausedFrom, resumedAt);
  return paused > 0 ? roundUpToQuarter(addWorkingTime(cal, due, paused)) : due;
}

/** `<agency electronic ID>-YYMMDD-NNNN`: the date in the receiving center's time zone, at least four digits. */
export function formatDossierCode(electronicId: string, at: Date, timeZone: string, sequence: number): string {
  const yymmdd = businessDate(at, timeZone).slice(2).replaceAll('-', '');
  return `${electronicId}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}
