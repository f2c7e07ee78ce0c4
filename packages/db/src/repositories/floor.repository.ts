import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, query } from '../statement.js';

export type FloorCounterRow = {
  id: string;
  label: string;
  number: number;
  state: 'closed' | 'open' | 'serving' | 'paused';
  serviceIds: string[];
  shiftsToday: string[];
};

const countersOfCenter = query(
  'floor.counters',
  z.object({ id: z.string(), label: z.string(), number: z.number(), state: z.enum(['closed', 'open', 'serving', 'paused']), service_ids: z.array(z.string()).nullable(), shifts: z.array(z.string()).nullable() }),
  (centerId: string, workDate: string) => sql`
      select k.id, k.label, k.number, k.state,
        (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
        (select array_agg(a.shift) from assignments a where a.counter_id = k.id and a.work_date = ${workDate}) as shifts
      from counters k where k.center_id = ${centerId} order by k.number`,
);

const openCountersFor = query(
  'floor.openCountersFor',
  z.object({ label: z.string() }),
  (centerId: string, serviceId: string) => sql`
      select k.label from counter_services cs join counters k on k.id = cs.counter_id
      where k.center_id = ${centerId} and cs.service_id = ${serviceId} and k.state in ('open', 'serving') order by k.number`,
);

const transferTargets = query(
  'floor.transferTargets',
  z.object({ id: z.string(), label: z.string(), number: z.number(), state: z.enum(['open', 'serving']), service_ids: z.array(z.string()).nullable(), waiting: z.number() }),
  (centerId: string, businessDate: string) => sql`
      select k.id, k.label, k.number, k.state,
        (select array_agg(cs.service_id::text) from counter_services cs where cs.counter_id = k.id) as service_ids,
        (select count(*)::int from tickets t where t.center_id = k.center_id and t.business_date = ${businessDate} and t.status = 'waiting'
          and (t.target_counter_id = k.id or (t.target_counter_id is null and t.service_id in (select cs.service_id from counter_services cs where cs.counter_id = k.id)))) as waiting
      from counters k where k.center_id = ${centerId} and k.state in ('open', 'serving') order by k.number`,
);

const ticketOfCenter = query(
  'floor.ticketOfCenter',
  z.object({ id: z.string(), status: z.string(), arrived_at: col.date }),
  (centerId: string, ticketId: string) => sql`select id, status, arrived_at from tickets where id = ${ticketId} and center_id = ${centerId} and transferred_from_ticket_id is null`,
);

const nextWaiting = query(
  'floor.nextWaiting',
  z.object({ service_id: z.string(), code: z.string() }),
  (centerId: string, businessDate: string, perService: number) => sql`
      select service_id, code from (
        select service_id, code, row_number() over (partition by service_id order by appointment_at nulls last, arrived_at, number) as n
        from tickets where center_id = ${centerId} and business_date = ${businessDate} and status = 'waiting'
      ) w where n <= ${perService} order by service_id, n`,
);

const publicCenters = query(
  'floor.publicCenters',
  z.object({ id: z.string(), code: z.string(), name: z.string(), address: z.string().nullable() }),
  () => sql`select id, code, name, address from centers order by name`,
);

/** The center floor now: which counters serve what, who is on them, what waits for them (issue #18 items 1–2). */
export const floorRepository = {
  /** Every counter of a center with its service profile and today's assignment shifts. */
  async counters(db: DbOrTx, centerId: string, workDate: string): Promise<FloorCounterRow[]> {
    const rows = await countersOfCenter(db, centerId, workDate);
    return rows.map((r) => ({ id: r.id, label: r.label, number: r.number, state: r.state, serviceIds: r.service_ids ?? [], shiftsToday: r.shifts ?? [] }));
  },

  /** Labels of the open (or serving) counters of the center that serve a service, by number: the kiosk issues only when there is one. */
  async openCountersFor(db: DbOrTx, centerId: string, serviceId: string): Promise<string[]> {
    const rows = await openCountersFor(db, centerId, serviceId);
    return rows.map((r) => r.label);
  },

  /**
   * Open counters a ticket can be transferred to, each with its profile and its queue: the
   * waiting tickets of its services it may call (not those sent to another counter).
   */
  async transferTargets(db: DbOrTx, centerId: string, businessDate: string) {
    const rows = await transferTargets(db, centerId, businessDate);
    return rows.map((r) => ({ id: r.id, label: r.label, number: r.number, state: r.state, serviceIds: r.service_ids ?? [], waiting: r.waiting }));
  },

  /** A ticket of a center (the kiosk that just issued it leaves a phone for it). */
  async ticketOfCenter(db: DbOrTx, centerId: string, ticketId: string) {
    const [row] = await ticketOfCenter(db, centerId, ticketId);
    return row ? { id: row.id, status: row.status, arrivedAt: row.arrived_at } : undefined;
  },

  /** The next waiting codes of each service of a center today (appointments on time first, then by arrival): the hall's "next numbers". */
  async nextWaiting(db: DbOrTx, centerId: string, businessDate: string, perService = 3): Promise<Map<string, string[]>> {
    const rows = await nextWaiting(db, centerId, businessDate, perService);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.service_id, [...(out.get(r.service_id) ?? []), r.code]);
    return out;
  },

  /** Every center with its address (the citizen app's home page). */
  async publicCenters(db: DbOrTx) {
    const rows = await publicCenters(db);
    return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, address: r.address ?? '' }));
  },
};
