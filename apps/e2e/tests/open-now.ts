import { request as playwrightRequest } from '@playwright/test';
import type postgres from 'postgres';
import { account } from './support.js';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Minutes since local midnight at the demo centers. */
export function localMinutes(at = new Date()): number {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at).split(':').map(Number);
  return h! * 60 + m!;
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * An on-time check-in needs the center open now, and browser tests run at any hour, on any day.
 * Opens the center from an hour ago to two hours ahead, every weekday, with 10-minute slots and a
 * ±30-minute on-time window (through its setup API, as a manager would), makes today a working day
 * in every calendar, and returns what puts it all back.
 */
export async function openAroundNow(sql: postgres.Sql, centerId: string): Promise<() => Promise<void>> {
  const manager = await playwrightRequest.newContext({ baseURL: process.env.E2E_BASE_URL });
  if (!(await manager.post('/api/auth/sign-in', { data: account('quanly.anxuyen') })).ok()) throw new Error('the manager could not sign in');
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(new Date());
  const [before] = await sql`select opening_hours, appointment_slot_minutes, appointment_on_time_minutes from centers where id = ${centerId}`;
  const existing = await sql`select calendar_id, kind, name from calendar_days where date = ${today}`;
  await sql`insert into calendar_days (calendar_id, date, kind) select id, ${today}, 'working_day' from calendars
    on conflict (calendar_id, date) do update set kind = 'working_day'`;

  const now = localMinutes();
  const window = { start: hhmm(Math.max(0, Math.floor((now - 60) / 10) * 10)), end: hhmm(Math.min(23 * 60 + 59, now + 120)) };
  const patch = async (body: object) => {
    const res = await manager.patch(`/api/centers/${centerId}`, { data: body });
    if (!res.ok()) throw new Error(`updating the center answered ${res.status()}: ${await res.text()}`);
  };
  const restore = async () => {
    await sql`delete from calendar_days where date = ${today}`;
    for (const h of existing) await sql`insert into calendar_days (calendar_id, date, kind, name) values (${h.calendar_id}, ${today}, ${h.kind}, ${h.name})`;
    await patch({ openingHours: before!.opening_hours, appointmentSlotMinutes: before!.appointment_slot_minutes, appointmentOnTimeMinutes: before!.appointment_on_time_minutes });
    await manager.dispose();
  };
  try {
    // The API forgets its cached hours when the center is updated, so the calendar change above is read too.
    await patch({ openingHours: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [window]])), appointmentSlotMinutes: 10, appointmentOnTimeMinutes: 30 });
  } catch (error) {
    // Nothing half-changed is left for the tests after this one.
    await restore();
    throw error;
  }
  return restore;
}
