import { TZDate } from '@date-fns/tz';
import { addDays, format, getISODay, parseISO } from 'date-fns';

export interface TimeWindow {
  /** "HH:MM", local time of the calendar's zone. */
  start: string;
  end: string;
}
/** ISO weekday (1 = Monday … 7 = Sunday) → office windows; a missing day is closed. */
export type OfficeHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', TimeWindow[]>>;

export type DayKind = 'holiday' | 'day_off' | 'working_day';
export interface CalendarDay {
  date: string;
  kind: DayKind;
  name?: string;
}

export interface WorkCalendar {
  timeZone: string;
  officeHours: OfficeHours;
  /** Exceptions by local date: holidays and swapped days off close a day; `working_day` opens one (compensatory Saturday). */
  days: ReadonlyMap<string, CalendarDay>;
  /** Windows of an exceptional working day, and the length of "one working day": a normal weekday's. */
  normalDay: TimeWindow[];
  /** Office hours that apply from a date on (summer/winter hours), ascending by `from`; before the first, `officeHours`. */
  schedule?: readonly OfficeHoursPeriod[];
}

/** Office hours in force from a local date (YYYY-MM-DD) until the next period of the same scope. */
export interface OfficeHoursPeriod {
  from: string;
  officeHours: OfficeHours;
}

export const DEFAULT_OFFICE_WINDOWS: TimeWindow[] = [
  { start: '07:30', end: '11:30' },
  { start: '13:00', end: '17:00' },
];

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  '1': DEFAULT_OFFICE_WINDOWS,
  '2': DEFAULT_OFFICE_WINDOWS,
  '3': DEFAULT_OFFICE_WINDOWS,
  '4': DEFAULT_OFFICE_WINDOWS,
  '5': DEFAULT_OFFICE_WINDOWS,
};

export function createCalendar(input: { timeZone: string; officeHours?: OfficeHours; days?: Iterable<CalendarDay>; schedule?: readonly OfficeHoursPeriod[] }): WorkCalendar {
  const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
  const normalDay = normalDayOf(officeHours);
  const days = new Map<string, CalendarDay>();
  for (const day of input.days ?? []) days.set(day.date, day);
  const schedule = input.schedule?.length ? [...input.schedule].sort((a, b) => a.from.localeCompare(b.from)) : undefined;
  return schedule ? { timeZone: input.timeZone, officeHours, days, normalDay, schedule } : { timeZone: input.timeZone, officeHours, days, normalDay };
}

function normalDayOf(officeHours: OfficeHours): TimeWindow[] {
  return officeHours['1'] ?? Object.values(officeHours).find((w) => w && w.length) ?? DEFAULT_OFFICE_WINDOWS;
}

/** The office hours in force on a local date: the latest scheduled period starting on or before it, else the calendar's base hours. */
export function officeHoursOn(cal: WorkCalendar, date: string): OfficeHours {
  return latestPeriod(cal.schedule ?? [], date)?.officeHours ?? cal.officeHours;
}

function latestPeriod(periods: readonly OfficeHoursPeriod[], date: string): OfficeHoursPeriod | undefined {
  let best: OfficeHoursPeriod | undefined;
  for (const p of periods) if (p.from <= date && (!best || p.from > best.from)) best = p;
  return best;
}

/**
 * Which office hours apply on a date, given the periods of each scope from the nearest
 * (the agency) to the farthest (the province): the nearest scope that has a period starting
 * on or before the date wins, and within it the latest such period. `null` when none applies.
 */
export function resolveOfficeHours(levels: readonly (readonly OfficeHoursPeriod[])[], date: string): OfficeHoursPeriod | null {
  for (const level of levels) {
    const hit = latestPeriod(level, date);
    if (hit) return hit;
  }
  return null;
}

/** The scoped periods flattened into one schedule (one entry at each date where the hours in force may change). */
export function flattenOfficeHours(levels: readonly (readonly OfficeHoursPeriod[])[]): OfficeHoursPeriod[] {
  const dates = [...new Set(levels.flatMap((l) => l.map((p) => p.from)))].sort();
  const out: OfficeHoursPeriod[] = [];
  for (const from of dates) {
    const hit = resolveOfficeHours(levels, from);
    if (hit && out.at(-1)?.officeHours !== hit.officeHours) out.push({ from, officeHours: hit.officeHours });
  }
  return out;
}

const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

export function windowsLength(windows: readonly TimeWindow[]): number {
  return windows.reduce((sum, w) => sum + (minutesOf(w.end) - minutesOf(w.start)) * MINUTE, 0);
}

/** Length of one working day in ms (8 h almost everywhere). */
export function workingDayLength(cal: WorkCalendar): number {
  return windowsLength(cal.normalDay);
}

// Deadline walks convert the same dates and times over and over (a year of demo history
// does it millions of times): these pure conversions are cached, bounded.
const CACHE_LIMIT = 100_000;
function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const nextDates = new Map<string, string>();
const weekdays = new Map<string, number>();
const instants = new Map<string, number>();

export function localDate(at: Date, timeZone: string): string {
  const f = memo(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }));
  const parts = f.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

export function nextDate(date: string, days = 1): string {
  return memo(nextDates, `${date}|${days}`, () => format(addDays(parseISO(date), days), 'yyyy-MM-dd'));
}

export function isoWeekday(date: string): number {
  return memo(weekdays, date, () => getISODay(parseISO(date)));
}

/** The instant of a local wall-clock time on a date, in the calendar's zone. */
export function instantOf(date: string, hhmm: string, timeZone: string): Date {
  return new Date(memo(instants, `${timeZone}|${date}|${hhmm}`, () => {
    const [y, mo, d] = date.split('-').map(Number);
    const minutes = minutesOf(hhmm);
    return new TZDate(y!, mo! - 1, d!, Math.floor(minutes / 60), minutes % 60, timeZone).getTime();
  }));
}

export function windowsOn(cal: WorkCalendar, date: string): readonly TimeWindow[] {
  const hours = cal.schedule ? officeHoursOn(cal, date) : cal.officeHours;
  const exception = cal.days.get(date);
  if (exception) return exception.kind === 'working_day' ? (hours[String(isoWeekday(date)) as '1'] ?? (hours === cal.officeHours ? cal.normalDay : normalDayOf(hours))) : [];
  return hours[String(isoWeekday(date)) as '1'] ?? [];
}

export function isWorkingDay(cal: WorkCalendar, date: string): boolean {
  return windowsOn(cal, date).length > 0;
}

// Ten years of closed days would be a broken calendar, not a long deadline.
const MAX_DAYS_WALKED = 3660;

function* windowsFrom(cal: WorkCalendar, from: Date): Generator<{ start: Date; end: Date }> {
  let date = localDate(from, cal.timeZone);
  for (let i = 0; i < MAX_DAYS_WALKED; i++, date = nextDate(date)) {
    for (const w of windowsOn(cal, date)) {
      const start = instantOf(date, w.start, cal.timeZone);
      const end = instantOf(date, w.end, cal.timeZone);
      if (end.getTime() <= from.getTime()) continue;
      yield { start: start.getTime() < from.getTime() ? from : start, end };
    }
  }
  throw new Error(`The calendar has no office hours in the ${MAX_DAYS_WALKED} days after ${from.toISOString()}`);
}

/**
 * Walks `ms` of working time forward from `from` over office windows, skipping
 * closed days. Time outside office hours does not count, so a start at night
 * begins at the next opening. Ending exactly at a window's close stays there.
 */
export function addWorkingTime(cal: WorkCalendar, from: Date, ms: number): Date {
  if (ms < 0) throw new RangeError('Working time to add must not be negative');
  let remaining = ms;
  for (const w of windowsFrom(cal, from)) {
    const available = w.end.getTime() - w.start.getTime();
    if (remaining <= available) return new Date(w.start.getTime() + remaining);
    remaining -= available;
  }
  /* c8 ignore next */
  throw new Error('unreachable');
}

/** Working time (ms) between two instants: the inverse of addWorkingTime. */
export function workingTimeBetween(cal: WorkCalendar, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  for (const w of windowsFrom(cal, from)) {
    if (w.start.getTime() >= to.getTime()) break;
    total += Math.min(w.end.getTime(), to.getTime()) - w.start.getTime();
  }
  return total;
}

/** End of the last office window of a working day. */
export function closingTime(cal: WorkCalendar, date: string): Date {
  const windows = windowsOn(cal, date);
  const last = windows[windows.length - 1];
  if (!last) throw new Error(`${date} is not a working day`);
  return instantOf(date, last.end, cal.timeZone);
}

/** The first working day on or after `date`. */
export function workingDayOnOrAfter(cal: WorkCalendar, date: string): string {
  let d = date;
  for (let i = 0; i < MAX_DAYS_WALKED; i++, d = nextDate(d)) if (isWorkingDay(cal, d)) return d;
  throw new Error(`No working day in the ${MAX_DAYS_WALKED} days from ${date}`);
}
