import { isWorkingDay, nextDate, type WorkCalendar } from './calendar.js';

/**
 * Rules of the assignment board (issue #18 item 10): which day to plan by default, which day a
 * copy takes, how morning/afternoon shifts may combine, and what a skill warning says.
 */

export const SHIFTS = ['all_day', 'morning', 'afternoon'] as const;
export type Shift = (typeof SHIFTS)[number];
export type CopyMode = 'last_working_day' | 'same_weekday_last_week';

// A year of closed days is a broken calendar, not a long holiday.
const MAX_DAYS_WALKED = 366;

/** The first working day strictly after `date`: the day a manager usually plans. */
export function nextWorkingDay(cal: WorkCalendar, date: string): string {
  let d = nextDate(date);
  for (let i = 0; i < MAX_DAYS_WALKED; i++, d = nextDate(d)) if (isWorkingDay(cal, d)) return d;
  throw new Error(`No working day in the ${MAX_DAYS_WALKED} days after ${date}`);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: string): string {
  let d = nextDate(date, -1);
  for (let i = 0; i < MAX_DAYS_WALKED; i++, d = nextDate(d, -1)) if (isWorkingDay(cal, d)) return d;
  throw new Error(`No working day in the ${MAX_DAYS_WALKED} days before ${date}`);
}

/** The day a copy into `target` takes its board from. */
export function copySourceDay(cal: WorkCalendar, target: string, mode: CopyMode): string {
  return mode === 'last_working_day' ? previousWorkingDay(cal, target) : nextDate(target, -7);
}

/** The shift that is on at a local time "HH:MM": the morning ends at noon. */
export function shiftAt(localTime: string): Exclude<Shift, 'all_day'> {
  return localTime < '12:00' ? 'morning' : 'afternoon';
}

/** The shift on at an instant, read on the center's clock (time zone). */
export function shiftOfInstant(at: Date, timeZone: string): Exclude<Shift, 'all_day'> {
  return shiftAt(new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at));
}

/** Whether an assignment of `shift` covers the moment of `current` (all-day covers both halves). */
export function shiftCovers(shift: Shift, current: Exclude<Shift, 'all_day'>): boolean {
  return shift === 'all_day' || shift === current;
}

/** Two shifts of one day share time: all-day meets everything, morning and afternoon do not meet. */
export function shiftsOverlap(a: Shift, b: Shift): boolean {
  return a === 'all_day' || b === 'all_day' || a === b;
}

export interface PlannedSlot {
  staffId: string;
  counterId: string;
  workDate: string;
  shift: Shift;
}

export interface PlanConflict {
  kind: 'staff_twice' | 'counter_twice';
  a: PlannedSlot;
  b: PlannedSlot;
}

/**
 * Conflicts in a plan: one person on two counters in shifts that meet, or one counter held by two
 * people in shifts that meet. Morning at one counter and afternoon at another is fine.
 */
export function planConflicts(slots: readonly PlannedSlot[]): PlanConflict[] {
  const out: PlanConflict[] = [];
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const a = slots[i]!;
      const b = slots[j]!;
      if (a.workDate !== b.workDate || !shiftsOverlap(a.shift, b.shift)) continue;
      if (a.staffId === b.staffId && a.counterId !== b.counterId) out.push({ kind: 'staff_twice', a, b });
      else if (a.counterId === b.counterId && a.staffId !== b.staffId) out.push({ kind: 'counter_twice', a, b });
      else if (a.staffId === b.staffId) out.push({ kind: 'staff_twice', a, b });
    }
  }
  return out;
}

/** Services of the counter the person has no skill for, by name (sorted as given). */
export function missingSkills(counterServices: ReadonlyArray<{ id: string; name: string }>, skills: Iterable<string>): string[] {
  const has = new Set(skills);
  return counterServices.filter((s) => !has.has(s.id)).map((s) => s.name);
}

/** "Thiếu kỹ năng: Hộ tịch, Đất đai" — undefined when nothing is missing. */
export function skillWarning(missing: readonly string[], lang: 'vi' | 'en' = 'vi'): string | undefined {
  if (!missing.length) return undefined;
  return `${lang === 'vi' ? 'Thiếu kỹ năng' : 'Missing skills'}: ${missing.join(', ')}`;
}
