import {
  HOUR, addWorkingTime, closingTime, isWorkingDay, localDate, nextDate, instantOf, workingDayLength, workingDayOnOrAfter,
  workingTimeBetween, type WorkCalendar,
} from './calendar.js';

export type TimeLimitUnit = 'same_day' | 'working_days' | 'working_hours' | 'calendar_days';
export interface TimeLimit {
  unit: TimeLimitUnit;
  /** Ignored for same_day; may be fractional (0.25, 0.5) for working days. */
  value: number;
}
export interface Interval {
  start: Date;
  end: Date;
}
export interface DueOptions {
  /** Same-day cut-off, local "HH:MM": received later → next working day. Default 15:00. */
  cutoff?: string;
  /** Closed pause intervals (supplement, obligation, suspension): their working time does not count. */
  pauses?: readonly Interval[];
}

const QUARTER = 15 * 60_000;
export const roundUpToQuarter = (at: Date): Date => new Date(Math.ceil(at.getTime() / QUARTER) * QUARTER);

/** Working time inside the pauses, so the due moves later by exactly that much. */
export function pausedWorkingTime(cal: WorkCalendar, pauses: readonly Interval[]): number {
  return pauses.reduce((sum, p) => sum + workingTimeBetween(cal, p.start, p.end), 0);
}

/**
 * When a dossier received at `receivedAt` is due (docs/domain.md "Working-day calendar and
 * deadlines"): walk the limit forward over working time, skip closed days, exclude
 * pauses, round up to the quarter hour.
 */
export function computeDue(cal: WorkCalendar, receivedAt: Date, limit: TimeLimit, options: DueOptions = {}): Date {
  const paused = pausedWorkingTime(cal, options.pauses ?? []);
  const extend = (due: Date) => (paused > 0 ? addWorkingTime(cal, due, paused) : due);

  switch (limit.unit) {
    case 'same_day': {
      const day = localDate(receivedAt, cal.timeZone);
      const beforeCutoff = receivedAt.getTime() < instantOf(day, options.cutoff ?? '15:00', cal.timeZone).getTime();
      const resultDay = isWorkingDay(cal, day) && beforeCutoff ? day : workingDayOnOrAfter(cal, nextDate(day));
      return roundUpToQuarter(extend(closingTime(cal, resultDay)));
    }
    case 'calendar_days': {
      // Civil Code Art. 147–148: counted in days; a last day that is closed rolls to the next working day.
      const lastDay = workingDayOnOrAfter(cal, nextDate(localDate(receivedAt, cal.timeZone), Math.ceil(limit.value)));
      return roundUpToQuarter(extend(closingTime(cal, lastDay)));
    }
    case 'working_days':
    case 'working_hours': {
      const ms = limit.unit === 'working_days' ? limit.value * workingDayLength(cal) : limit.value * HOUR;
      return roundUpToQuarter(addWorkingTime(cal, receivedAt, ms + paused));
    }
  }
}

/** The instant one working day before `due`: the due-soon alert and the last moment for an apology. */
export function oneWorkingDayBefore(cal: WorkCalendar, due: Date, from: Date): Date | null {
  const available = workingTimeBetween(cal, from, due);
  const day = workingDayLength(cal);
  if (available <= day) return null;
  return addWorkingTime(cal, from, available - day);
}

/**
 * "Sắp đến hạn": less than one working day of office time is left before `due` (docs/domain.md
 * Alerts, due_soon). Counted in working time, so a dossier received in the evening with a
 * one-day limit still has its whole next working day and is not flagged at once.
 */
export function isDueSoon(cal: WorkCalendar, due: Date, now: Date): boolean {
  if (now.getTime() >= due.getTime()) return false;
  return workingTimeBetween(cal, now, due) < workingDayLength(cal);
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** Early = finished on an earlier local day than due; on time = same day, not after due; late = after due. */
export function timeliness(cal: WorkCalendar, finishedAt: Date, dueAt: Date): Timeliness {
  if (finishedAt.getTime() > dueAt.getTime()) return 'late';
  return localDate(finishedAt, cal.timeZone) < localDate(dueAt, cal.timeZone) ? 'early' : 'on_time';
}
