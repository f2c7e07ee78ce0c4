import { instantOf } from './calendar.js';

export interface SlotWindow {
  start: string;
  end: string;
}

/**
 * Appointment slots of one local day: each office window cut into `slotMinutes`
 * pieces that fit entirely inside it (a slot never straddles the lunch break).
 */
export function slotStarts(date: string, windows: readonly SlotWindow[], slotMinutes: number, timeZone: string): Date[] {
  const out: Date[] = [];
  const step = slotMinutes * 60_000;
  for (const w of windows) {
    const end = instantOf(date, w.end, timeZone).getTime();
    for (let t = instantOf(date, w.start, timeZone).getTime(); t + step <= end; t += step) out.push(new Date(t));
  }
  return out;
}

/** Bookable appointments in a slot: the counters planned for the service that day, each taking `perCounter`. */
export function slotCapacity(plannedCounters: number, perCounter: number): number {
  return Math.max(0, plannedCounters) * Math.max(0, perCounter);
}

export type CheckInTiming = 'early' | 'on_time' | 'late';

/**
 * Where a checked-in appointment goes (the center's rule, default ±10 minutes):
 * on time → called before walk-ins; late → joins the normal line; early → asked to come back.
 */
export function checkInTiming(slotStart: Date, now: Date, onTimeMinutes: number): CheckInTiming {
  const diff = now.getTime() - slotStart.getTime();
  const window = onTimeMinutes * 60_000;
  if (diff < -window) return 'early';
  return diff <= window ? 'on_time' : 'late';
}

/**
 * When a booked appointment nobody checked in for counts as missed: the end of its slot plus the
 * center's on-time window (a citizen checking in late but within it still gets a ticket).
 */
export function appointmentMissedAt(slotStart: Date, slotMinutes: number, onTimeMinutes: number): Date {
  return new Date(slotStart.getTime() + (slotMinutes + onTimeMinutes) * 60_000);
}
