import { instantOf, localDate, nextDate, windowsOn, type WorkCalendar } from './calendar.js';

// A year of closed days would be a broken calendar: nothing to announce then.
const MAX_DAYS = 400;

/**
 * The next time the center opens after `now`: the start of the first office window that
 * starts later than `now` (the next window today, or the first of the next working day).
 * Null when the calendar has no office hours in the coming year.
 */
export function nextOpening(cal: WorkCalendar, now: Date): Date | null {
  let date = localDate(now, cal.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    for (const w of windowsOn(cal, date)) {
      const start = instantOf(date, w.start, cal.timeZone);
      if (start.getTime() > now.getTime()) return start;
    }
  }
  return null;
}

export type FloorCounterState = 'closed' | 'open' | 'serving' | 'paused';

/** A counter as the floor sees it now: its state, what it serves and who is on it today. */
export interface FloorCounter {
  id: string;
  label: string;
  number: number;
  state: FloorCounterState;
  serviceIds: readonly string[];
  /** Shifts of today's assignments on this counter ('all_day', 'morning', 'afternoon'); empty when nobody is on it. */
  shiftsToday: readonly string[];
}

/**
 * When a citizen can be served for one service (issue #18 item 1):
 * - `now`: an open counter serves it;
 * - `paused`: only paused counters serve it (they come back: a meeting, lunch);
 * - `later_today`: a closed counter serving it has an officer on today's board (from the afternoon shift's start when that is the shift);
 * - `next_opening`: the center is closed now; counters serving it exist;
 * - `not_today`: counters serve it, but none is open or staffed today;
 * - `no_counter`: no counter of the center has it in its profile.
 */
export type ServiceExpectation =
  | { kind: 'now' }
  | { kind: 'paused'; counters: string[] }
  | { kind: 'later_today'; counters: string[]; from: string | null }
  | { kind: 'next_opening'; at: Date | null }
  | { kind: 'not_today' }
  | { kind: 'no_counter' };

export interface ServiceFloor {
  /** A ticket may be issued now. */
  servable: boolean;
  /** Labels of the open counters that serve it, in counter order: printed on the slip. */
  openCounters: string[];
  expected: ServiceExpectation;
}

const OPEN: readonly FloorCounterState[] = ['open', 'serving'];

/**
 * Who can serve a service now and, if nobody, when someone is expected. Pure: the caller
 * passes whether the center is open now, its next opening and the start of today's
 * afternoon window (for an afternoon shift), all from the center's working calendar.
 */
export function serviceFloor(
  serviceId: string,
  counters: readonly FloorCounter[],
  ctx: { isOpenNow: boolean; nextOpening: Date | null; afternoonStart: string | null; localTime: string },
): ServiceFloor {
  const serving = [...counters].filter((c) => c.serviceIds.includes(serviceId)).sort((a, b) => a.number - b.number);
  const open = serving.filter((c) => OPEN.includes(c.state));
  if (!serving.length) return { servable: false, openCounters: [], expected: { kind: 'no_counter' } };
  if (!ctx.isOpenNow) return { servable: false, openCounters: [], expected: { kind: 'next_opening', at: ctx.nextOpening } };
  if (open.length) return { servable: true, openCounters: open.map((c) => c.label), expected: { kind: 'now' } };
  const paused = serving.filter((c) => c.state === 'paused');
  if (paused.length) return { servable: false, openCounters: [], expected: { kind: 'paused', counters: paused.map((c) => c.label) } };
  const staffed = serving.filter((c) => c.shiftsToday.some((s) => s !== 'morning' || !ctx.afternoonStart || ctx.localTime < ctx.afternoonStart));
  if (staffed.length) {
    const onlyAfternoon = staffed.every((c) => c.shiftsToday.every((s) => s === 'afternoon'));
    const from = onlyAfternoon && ctx.afternoonStart && ctx.localTime < ctx.afternoonStart ? ctx.afternoonStart : null;
    return { servable: false, openCounters: [], expected: { kind: 'later_today', counters: staffed.map((c) => c.label), from } };
  }
  return { servable: false, openCounters: [], expected: { kind: 'not_today' } };
}
