import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, command, query } from '../statement.js';
import { appointments, tickets, type Appointment } from '../schema/queue.js';

export type SlotKey = { centerId: string; serviceId: string; slotStart: Date };

const plannedCounters = query(
  'appointment.plannedCounters',
  z.object({ assigned: z.number(), profile: z.number(), board: z.boolean() }),
  (centerId: string, serviceId: string, date: string) => sql`
      select
        (select count(distinct k.id)::int from counters k join counter_services cs on cs.counter_id = k.id
          join assignments a on a.counter_id = k.id and a.work_date = ${date}
          where k.center_id = ${centerId} and cs.service_id = ${serviceId}) as assigned,
        (select count(*)::int from counters k join counter_services cs on cs.counter_id = k.id
          where k.center_id = ${centerId} and cs.service_id = ${serviceId}) as profile,
        exists (select 1 from assignments a join counters k on k.id = a.counter_id where k.center_id = ${centerId} and a.work_date = ${date}) as board`,
);

const bookedSlots = query(
  'appointment.booked',
  z.object({ slot_start: col.date, booked: z.number() }),
  (centerId: string, serviceId: string, from: Date, to: Date) => sql`
      select slot_start, booked from appointment_slots
      where center_id = ${centerId} and service_id = ${serviceId} and slot_start >= ${from.toISOString()}::timestamptz and slot_start < ${to.toISOString()}::timestamptz`,
);

const takeSlot = query(
  'appointment.take',
  z.object({ booked: z.number() }),
  (slot: SlotKey, capacity: number) => sql`
      insert into appointment_slots (center_id, service_id, slot_start, booked) values (${slot.centerId}, ${slot.serviceId}, ${slot.slotStart.toISOString()}::timestamptz, 1)
      on conflict (center_id, service_id, slot_start) do update set booked = appointment_slots.booked + 1, updated_at = now()
      where appointment_slots.booked < ${capacity}
      returning booked`,
);

const releaseSlot = command('appointment.release', (slot: SlotKey) => sql`
      update appointment_slots set booked = booked - 1, updated_at = now()
      where center_id = ${slot.centerId} and service_id = ${slot.serviceId} and slot_start = ${slot.slotStart.toISOString()}::timestamptz and booked > 0`);

const ofTickets = query(
  'appointment.ofTickets',
  z.object({ id: z.string(), slot_start: col.date, on_time: z.boolean() }),
  (ticketIds: string[]) => sql`
      select tickets.id, a.slot_start, o.appointment_at is not null as on_time
      from tickets
      join appointments a on a.ticket_id = coalesce(tickets.transferred_from_ticket_id, tickets.id)
      join tickets o on o.id = a.ticket_id
      where ${inArray(tickets.id, ticketIds)}`,
);

const expireMissed = query(
  'appointment.expireMissed',
  z.object({ id: z.string(), center_id: z.string() }),
  (now: Date) => sql`
      update appointments a set status = 'missed', updated_at = now()
      from centers c
      where c.id = a.center_id and a.status = 'booked' and a.slot_start < ${now.toISOString()}::timestamptz
        and a.slot_start < ${now.toISOString()}::timestamptz - make_interval(mins => c.appointment_slot_minutes + c.appointment_on_time_minutes)
      returning a.id, a.center_id`,
);

export const appointmentRepository = {
  /**
   * Counters planned for a service on a day: those on the day's assignment board that
   * serve it; before the board of that day is built, every counter that serves it.
   */
  async plannedCounters(db: DbOrTx, centerId: string, serviceId: string, date: string): Promise<number> {
    const [row] = await plannedCounters(db, centerId, serviceId, date);
    return row!.board ? row!.assigned : row!.profile;
  },

  /** Bookings per slot start (ms) in [from, to). */
  async booked(db: DbOrTx, centerId: string, serviceId: string, from: Date, to: Date): Promise<Map<number, number>> {
    const rows = await bookedSlots(db, centerId, serviceId, from, to);
    return new Map(rows.map((r) => [r.slot_start.getTime(), r.booked]));
  },

  /**
   * Takes one place in a slot if fewer than `capacity` are booked, in one statement: the
   * upsert locks the slot row and re-checks the count on its latest version, so concurrent
   * bookings queue on the row and the slot is never oversold. False when it is full.
   */
  async take(tx: DbOrTx, slot: SlotKey, capacity: number): Promise<boolean> {
    if (capacity < 1) return false;
    const rows = await takeSlot(tx, slot, capacity);
    return rows.length === 1;
  },

  async release(tx: DbOrTx, slot: SlotKey): Promise<void> {
    await releaseSlot(tx, slot);
  },

  async insert(tx: DbOrTx, values: typeof appointments.$inferInsert): Promise<Appointment> {
    const [row] = await tx.insert(appointments).values(values).returning();
    return row!;
  },

  async byToken(db: DbOrTx, token: string): Promise<Appointment | undefined> {
    const [row] = await db.select().from(appointments).where(eq(appointments.manageToken, token));
    return row;
  },

  async lockByToken(tx: DbOrTx, token: string): Promise<Appointment | undefined> {
    const [row] = await tx.select().from(appointments).where(eq(appointments.manageToken, token)).for('update');
    return row;
  },

  async lockByCode(tx: DbOrTx, centerId: string, code: string): Promise<Appointment | undefined> {
    const [row] = await tx.select().from(appointments).where(and(eq(appointments.code, code), eq(appointments.centerId, centerId))).for('update');
    return row;
  },

  /** Code and tracking code of the ticket an appointment was checked in with. */
  async ticketOf(db: DbOrTx, ticketId: string) {
    const [row] = await db.select({ code: tickets.code, trackingCode: tickets.trackingCode }).from(tickets).where(eq(tickets.id, ticketId));
    return row;
  },

  /**
   * The appointment behind each of these tickets (a transferred copy answers for its original),
   * with whether it was checked in on time (its ticket carried the slot, so it was called first).
   */
  async ofTickets(db: DbOrTx, ticketIds: string[]): Promise<Map<string, { slotStart: Date; onTime: boolean }>> {
    if (!ticketIds.length) return new Map();
    const rows = await ofTickets(db, ticketIds);
    return new Map(rows.map((r) => [r.id, { slotStart: r.slot_start, onTime: r.on_time }]));
  },

  /**
   * Booked appointments nobody checked in for become `missed` once their slot has ended plus
   * the center's on-time window. One conditional update: a row a kiosk is checking in is
   * locked, and a second sweep running at once re-reads the status and skips what the first
   * took, so running it twice or concurrently changes each appointment once.
   */
  async expireMissed(tx: DbOrTx, now: Date): Promise<Array<{ id: string; center_id: string }>> {
    return expireMissed(tx, now);
  },

  async update(tx: DbOrTx, id: string, values: Partial<typeof appointments.$inferInsert>): Promise<Appointment> {
    const [row] = await tx.update(appointments).set(values).where(eq(appointments.id, id)).returning();
    return row!;
  },
};
