import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

export type FloorCounterRow = {
  id: string;
  label: string;
  number: number;
  state: 'closed' | 'open' | 'serving' | 'paused';
  serviceIds: string[];
  shiftsToday: string[];
};

/** The center floor now: which counters serve what, who is on them, what waits for them (issue #18 items 1–2). */
export const floorRepository = {
  /** Every counter of a center with its service profile and today's assignment shifts. */
  async counters(db: DbOrTx, centerId: string, workDate: string): Promise<FloorCounterRow[]> {
    const rows = await db.execute<{ id: string; label: string; number: number; state: FloorCounterRow['state']; service_ids: string[] | null; shifts: string[] | null }>(sql`
      select k.id, k.label, k.number, k.state,
        (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
        (select array_agg(a.shift) from assignments a where a.counter_id = k.id and a.work_date = ${workDate}) as shifts
      from counters k where k.center_id = ${centerId} order by k.number`);
    return rows.map((r) => ({ id: r.id, label: r.label, number: r.number, state: r.state, serviceIds: r.service_ids ?? [], shiftsToday: r.shifts ?? [] }));
  },

  /** Labels of the open (or serving) counters of the center that serve a service, by number: the kiosk issues only when there is one. */
  async openCountersFor(db: DbOrTx, centerId: string, serviceId: string): Promise<string[]> {
    const rows = await db.execute<{ label: string }>(sql`
      select k.label from counter_services cs join counters k on k.id = cs.counter_id
      where k.center_id = ${centerId} and cs.service_id = ${serviceId} and k.state in ('open', 'serving') order by k.number`);
    return rows.map((r) => r.label);
  },

  /**
   * Open counters a ticket can be transferred to, each with its profile and its queue: the
   * waiting tickets of its services it may call (not those sent to another counter).
   */
  async transferTargets(db: DbOrTx, centerId: string, businessDate: string) {
    const rows = await db.execute<{ id: string; label: string; number: number; state: 'open' | 'serving'; service_ids: string[] | null; waiting: number }>(sql`
      select k.id, k.label, k.number, k.state,
        (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
        (select count(*)::int from tickets t where t.center_id = k.center_id and t.business_date = ${businessDate} and t.status = 'waiting'
          and (t.target_counter_id = k.id or (t.target_counter_id is null and t.service_id in (select cs.service_id from counter_services cs where cs.counter_id = k.id)))) as waiting
      from counters k where k.center_id = ${centerId} and k.state in ('open', 'serving') order by k.number`);
    return rows.map((r) => ({ id: r.id, label: r.label, number: r.number, state: r.state, serviceIds: r.service_ids ?? [], waiting: Number(r.waiting) }));
  },

  /** A ticket of a center (the kiosk that just issued it leaves a phone for it). */
  async ticketOfCenter(db: DbOrTx, centerId: string, ticketId: string) {
    const [row] = await db.execute<{ id: string; status: string; arrived_at: string }>(sql`select id, status, arrived_at from tickets where id = ${ticketId} and center_id = ${centerId} and transferred_from_ticket_id is null`);
    return row ? { id: row.id, status: row.status, arrivedAt: new Date(row.arrived_at) } : undefined;
  },

  /** The next waiting codes of each service of a center today (appointments on time first, then by arrival): the hall's "next numbers". */
  async nextWaiting(db: DbOrTx, centerId: string, businessDate: string, perService = 3): Promise<Map<string, string[]>> {
    const rows = await db.execute<{ service_id: string; code: string }>(sql`
      select service_id, code from (
        select service_id, code, row_number() over (partition by service_id order by appointment_at nulls last, arrived_at, number) as n
        from tickets where center_id = ${centerId} and business_date = ${businessDate} and status = 'waiting'
      ) w where n <= ${perService} order by service_id, n`);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.service_id, [...(out.get(r.service_id) ?? []), r.code]);
    return out;
  },

  /** Every center with its address (the citizen app's home page). */
  async publicCenters(db: DbOrTx) {
    const rows = await db.execute<{ id: string; code: string; name: string; address: string | null }>(sql`select id, code, name, address from centers order by name`);
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, address: r.address ?? '' }));
  },
};
