import type { TicketStatus } from '@motcua/contracts';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { col, query } from '../statement.js';
import { centers, counterServices, counters, priorityCategories, services } from '../schema/organisation.js';
import { ticketEvents, tickets, type Ticket } from '../schema/queue.js';
import { assignments, staff } from '../schema/staff.js';

/** One queue: what a batch of tickets shares. */
export interface IssueQueue {
  centerId: string;
  serviceId: string;
  businessDate: string;
  prefix: string;
}

export interface IssueItem {
  priorityCategoryId: string | null;
  arrivedAt: Date;
  trackingCode: string;
  actorId: string | null;
  /** Slot of an appointment checked in on time (called first); absent for walk-ins. */
  appointmentAt?: Date | null;
}

const CandidateRow = z.object({ id: z.string(), service_id: z.string(), arrived_at: col.date, priority_weight: z.number().nullable(), appointment_at: col.date.nullable() });
export type CandidateRow = z.output<typeof CandidateRow>;

/** What issuing answers: the new ticket's number and code, and how many wait ahead of it. */
export type NewTicket = { id: string; number: number; code: string; arrivedAt: Date; trackingCode: string; ahead: number };

const ACTIVE: TicketStatus[] = ['called', 'serving'];
/** A uuid[] parameter list for unnest(). */
const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::uuid[]`;
const array = (values: Array<string | null>, type: string) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::${sql.raw(type)}[]`;

const issueTickets = query(
  'ticket.issue',
  z.object({ id: z.string(), number: col.num, code: z.string(), arrived_at: col.date, tracking_code: z.string(), ahead: col.num }),
  (queue: IssueQueue, items: readonly IssueItem[]) => {
    const n = items.length;
    return sql`
      with seq as (
        insert into ticket_sequences (center_id, service_id, business_date, last_number)
        values (${queue.centerId}, ${queue.serviceId}, ${queue.businessDate}, ${n})
        on conflict (center_id, service_id, business_date) do update set last_number = ticket_sequences.last_number + ${n}, updated_at = now()
        returning last_number
      ), waiting as (
        select count(*)::int as n from tickets w
        where w.center_id = ${queue.centerId} and w.service_id = ${queue.serviceId} and w.business_date = ${queue.businessDate} and w.status = 'waiting'
      ), r as (
        select * from unnest(${array(items.map((i) => i.priorityCategoryId), 'uuid')}, ${array(items.map((i) => i.arrivedAt.toISOString()), 'timestamptz')},
          ${array(items.map((i) => i.trackingCode), 'text')}, ${array(items.map((i) => i.actorId), 'uuid')},
          ${array(items.map((i) => i.appointmentAt?.toISOString() ?? null), 'timestamptz')}) with ordinality as r(priority, arrived, tracking, actor, appointment, i)
      ), t as (
        insert into tickets (center_id, service_id, business_date, number, code, status, priority_category_id, arrived_at, tracking_code, appointment_at)
        select ${queue.centerId}, ${queue.serviceId}, ${queue.businessDate}, num, ${queue.prefix} || case when num < 1000 then lpad(num::text, 3, '0') else num::text end,
          'waiting', r.priority, r.arrived, r.tracking, r.appointment
        from seq, r, lateral (select (seq.last_number - ${n} + r.i)::int as num) x
        order by r.i
        returning *
      ), e as (
        insert into ticket_events (ticket_id, kind, to_status, actor_id, at)
        select t.id, 'issued', 'waiting', r.actor, t.arrived_at from t join r on r.tracking = t.tracking_code
      )
      select t.id, t.number, t.code, t.arrived_at, t.tracking_code, waiting.n + (t.number - (seq.last_number - ${n} + 1)) as ahead
      from t, waiting, seq order by t.number`;
  },
);

const recentServiceMs = query(
  'ticket.recentServiceMs',
  z.object({ service_id: z.string(), ms: col.num }),
  (centerId: string, serviceIds: string[], limit: number) => sql`
      select s.id as service_id, r.ms from unnest(${uuidArray(serviceIds)}) as s(id)
      cross join lateral (
        select extract(epoch from (done_at - serving_at)) * 1000 as ms from tickets
        where center_id = ${centerId} and service_id = s.id and status = 'done' and serving_at is not null
        order by done_at desc limit ${limit}
      ) r`,
);

// Arrival time first (a transferred ticket keeps its own), the number where two arrived in the same instant.
const aheadOf = query(
  'ticket.aheadOf',
  z.object({ n: z.number() }),
  (t: Pick<Ticket, 'centerId' | 'serviceId' | 'businessDate' | 'arrivedAt' | 'number' | 'id'>) => sql`
      select count(*)::int as n from tickets where center_id = ${t.centerId} and service_id = ${t.serviceId} and business_date = ${t.businessDate}
      and status = 'waiting' and (arrived_at, number) < (${t.arrivedAt.toISOString()}::timestamptz, ${t.number}::int) and id <> ${t.id}`,
);

const lockCandidates = query(
  'ticket.lockCandidates',
  CandidateRow,
  (q: { centerId: string; businessDate: string; counterId: string; serviceIds: string[]; perLine?: number }) => sql`
      select c.id, c.service_id, c.arrived_at, c.priority_weight, c.appointment_at
      from unnest(${uuidArray(q.serviceIds)}) as s(id), (values (false, false), (true, false), (false, true)) as line(priority, booked),
      lateral (
        select t.id, t.service_id, t.arrived_at, p.weight as priority_weight, t.appointment_at
        from tickets t left join priority_categories p on p.id = t.priority_category_id
        where t.center_id = ${q.centerId} and t.business_date = ${q.businessDate} and t.status = 'waiting' and t.service_id = s.id
          and (t.appointment_at is not null) = line.booked
          and (line.booked or (t.priority_category_id is not null) = line.priority)
          and (t.target_counter_id is null or t.target_counter_id = ${q.counterId})
        order by t.appointment_at nulls last, t.arrived_at, t.number limit ${q.perLine ?? 5}
        for update of t skip locked
      ) c`,
);

const counterStats = query(
  'ticket.counterStats',
  z.object({ counter_id: z.string(), served: z.number(), avg_ms: col.num.nullable(), officer_name: z.string().nullable() }),
  (centerId: string, businessDate: string) => sql`
      select k.id as counter_id,
        (select count(*)::int from tickets t where t.counter_id = k.id and t.business_date = ${businessDate} and t.status = 'done') as served,
        (select avg(extract(epoch from (t.done_at - t.serving_at)) * 1000) from tickets t where t.counter_id = k.id and t.business_date = ${businessDate} and t.status = 'done' and t.serving_at is not null) as avg_ms,
        (select s.full_name from assignments a join staff s on s.id = a.staff_id where a.counter_id = k.id and a.work_date = ${businessDate} limit 1) as officer_name
      from counters k where k.center_id = ${centerId}`,
);

const serviceStats = query(
  'ticket.serviceStats',
  z.object({ service_id: z.string(), oldest: z.string().nullable(), served: z.number(), avg_wait_ms: col.num.nullable(), issued: z.number(), no_show: z.number() }),
  (centerId: string, businessDate: string) => sql`
      select service_id,
        min(arrived_at) filter (where status = 'waiting') as oldest,
        count(*) filter (where status = 'done')::int as served,
        avg(extract(epoch from (called_at - arrived_at)) * 1000) filter (where called_at is not null) as avg_wait_ms,
        count(*) filter (where transferred_from_ticket_id is null)::int as issued,
        count(*) filter (where status = 'no_show')::int as no_show
      from tickets where center_id = ${centerId} and business_date = ${businessDate} group by service_id`,
);

const lastUnrated = query(
  'ticket.lastUnrated',
  z.object({ id: z.string(), code: z.string(), done_at: col.date }),
  (counterId: string, since: Date) => sql`
      select t.id, t.code, t.done_at from tickets t
      where t.counter_id = ${counterId} and t.status = 'done' and t.done_at > ${since.toISOString()}::timestamptz
        and not exists (select 1 from ratings r where r.ticket_id = t.id)
      order by t.done_at desc limit 1`,
);

const rate = query(
  'ticket.rate',
  z.object({ ticket_id: z.string(), level: z.string(), created_at: z.string() }),
  (values: { ticketId: string; counterId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }) => sql`
      insert into ratings (ticket_id, counter_id, level, reason) values (${values.ticketId}, ${values.counterId}, ${values.level}, ${values.reason})
      on conflict (ticket_id) do nothing returning ticket_id, level, created_at`,
);

const expirePastDays = query(
  'ticket.expirePastDays',
  z.object({ center_id: z.string(), n: z.number() }),
  (now: Date) => sql`
      with expired as (
        update tickets t set status = 'expired', updated_at = now()
        from centers c
        where c.id = t.center_id and t.status in ('waiting', 'called')
          and t.business_date < (${now.toISOString()}::timestamptz at time zone c.time_zone)::date
        returning t.id, t.center_id, t.status
      ), ev as (
        insert into ticket_events (ticket_id, kind, to_status, at) select id, 'expired', 'expired', ${now.toISOString()}::timestamptz from expired
      )
      select center_id, count(*)::int as n from expired group by center_id`,
);

export const ticketRepository = {
  /** A center with its services and priority categories: what the kiosk and the issue rules need. */
  async centerConfig(db: DbOrTx, centerId: string) {
    const [center] = await db.select().from(centers).where(eq(centers.id, centerId));
    if (!center) return undefined;
    const [svc, prio] = await Promise.all([
      db.select().from(services).where(eq(services.centerId, centerId)).orderBy(asc(services.sortOrder)),
      db.select().from(priorityCategories).where(sql`${priorityCategories.centerId} = ${centerId} or ${priorityCategories.centerId} is null`).orderBy(asc(priorityCategories.code)),
    ]);
    return { center, services: svc, priorityCategories: prio };
  },

  /**
   * Takes the next numbers of one center × service × day and inserts the tickets and their
   * events, in ONE statement: the sequence row's lock serialises issuers of one queue, and a
   * failure rolls the numbers back with the tickets, so numbers are gap-free. A batch (several
   * kiosk requests that arrived together) takes consecutive numbers in its order.
   */
  async issue(db: DbOrTx, queue: IssueQueue, items: readonly IssueItem[]): Promise<NewTicket[]> {
    const rows = await issueTickets(db, queue, items);
    return rows.map((r) => ({ id: r.id, number: r.number, code: r.code, arrivedAt: r.arrived_at, trackingCode: r.tracking_code, ahead: r.ahead }));
  },

  /** Waiting tickets per service of a center today. */
  async waitingCounts(db: DbOrTx, centerId: string, businessDate: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ serviceId: tickets.serviceId, n: sql<number>`count(*)::int` })
      .from(tickets)
      .where(and(eq(tickets.centerId, centerId), eq(tickets.businessDate, businessDate), eq(tickets.status, 'waiting')))
      .groupBy(tickets.serviceId);
    return new Map(rows.map((r) => [r.serviceId, r.n]));
  },

  /** Recent service durations (serve → done) per service, newest first; the wait estimate averages them. */
  async recentServiceMs(db: DbOrTx, centerId: string, serviceIds: string[], limit = 20): Promise<Map<string, number[]>> {
    if (!serviceIds.length) return new Map();
    const rows = await recentServiceMs(db, centerId, serviceIds, limit);
    const out = new Map<string, number[]>();
    for (const r of rows) out.set(r.service_id, [...(out.get(r.service_id) ?? []), r.ms]);
    return out;
  },

  /** Open counters (open or serving) per service they serve. */
  async openCountersPerService(db: DbOrTx, centerId: string): Promise<Map<string, number>> {
    const rows = await db
      .select({ serviceId: counterServices.serviceId, n: sql<number>`count(*)::int` })
      .from(counterServices)
      .innerJoin(counters, eq(counters.id, counterServices.counterId))
      .where(and(eq(counters.centerId, centerId), inArray(counters.state, ['open', 'serving'])))
      .groupBy(counterServices.serviceId);
    return new Map(rows.map((r) => [r.serviceId, r.n]));
  },

  async byTrackingCode(db: DbOrTx, code: string) {
    const [row] = await db
      .select({ ticket: tickets, centerName: centers.name, timeZone: centers.timeZone, service: services, counterLabel: counters.label, counterNumber: counters.number })
      .from(tickets)
      .innerJoin(centers, eq(centers.id, tickets.centerId))
      .innerJoin(services, eq(services.id, tickets.serviceId))
      .leftJoin(counters, eq(counters.id, tickets.counterId))
      .where(eq(tickets.trackingCode, code))
      .orderBy(desc(tickets.createdAt))
      .limit(1);
    return row;
  },

  /** Waiting tickets of the same service that arrived before this one. */
  async aheadOf(db: DbOrTx, t: Pick<Ticket, 'centerId' | 'serviceId' | 'businessDate' | 'arrivedAt' | 'number' | 'id'>): Promise<number> {
    const [row] = await aheadOf(db, t);
    return row!.n;
  },

  /** The latest calls of a center's day, newest first, with their counters. */
  async lastCalls(db: DbOrTx, centerId: string, businessDate: string, limit = 12) {
    return db
      .select({ code: tickets.code, serviceId: tickets.serviceId, calledAt: tickets.calledAt, recallCount: tickets.recallCount, counterId: counters.id, counterLabel: counters.label, counterNumber: counters.number })
      .from(tickets)
      .innerJoin(counters, eq(counters.id, tickets.counterId))
      .where(and(eq(tickets.centerId, centerId), eq(tickets.businessDate, businessDate), sql`${tickets.calledAt} is not null`))
      .orderBy(desc(tickets.calledAt))
      .limit(limit);
  },

  // Counter workstation ------------------------------------------------------

  async counter(db: DbOrTx, counterId: string) {
    const [row] = await db.select().from(counters).where(eq(counters.id, counterId));
    return row;
  },

  async servedToday(db: DbOrTx, counterId: string, businessDate: string): Promise<number> {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(and(eq(tickets.counterId, counterId), eq(tickets.businessDate, businessDate), eq(tickets.status, 'done')));
    return row!.n;
  },

  /** Locks the counter row: one command at a time per counter. */
  async lockCounter(tx: DbOrTx, counterId: string) {
    const [row] = await tx.select().from(counters).where(eq(counters.id, counterId)).for('update');
    return row;
  },

  async counterServices(db: DbOrTx, counterId: string) {
    return db.select({ serviceId: counterServices.serviceId, weight: counterServices.weight }).from(counterServices).where(eq(counterServices.counterId, counterId));
  },

  /** The ticket called or being served at a counter, if any. */
  async activeAt(db: DbOrTx, counterId: string): Promise<Ticket | undefined> {
    const [row] = await db.select().from(tickets).where(and(eq(tickets.counterId, counterId), inArray(tickets.status, ACTIVE))).orderBy(desc(tickets.calledAt)).limit(1);
    return row;
  },

  /**
   * The oldest waiting tickets a counter may call, per service and per line (normal,
   * priority, and on-time appointments by slot), locked with SKIP LOCKED: two counters
   * calling at once lock disjoint rows, so no ticket can be claimed twice.
   */
  async lockCandidates(tx: DbOrTx, q: { centerId: string; businessDate: string; counterId: string; serviceIds: string[]; perLine?: number }): Promise<CandidateRow[]> {
    if (!q.serviceIds.length) return [];
    return lockCandidates(tx, q);
  },

  /** Locks one waiting ticket of the center (calling a chosen ticket). */
  async lockWaiting(tx: DbOrTx, ticketId: string, centerId: string, businessDate: string): Promise<Ticket | undefined> {
    const [row] = await tx.select().from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.centerId, centerId), eq(tickets.businessDate, businessDate), eq(tickets.status, 'waiting'))).for('update', { skipLocked: true });
    return row;
  },

  async update(tx: DbOrTx, id: string, values: Partial<typeof tickets.$inferInsert>): Promise<Ticket> {
    const [row] = await tx.update(tickets).set(values).where(eq(tickets.id, id)).returning();
    return row!;
  },

  async insert(tx: DbOrTx, values: typeof tickets.$inferInsert): Promise<Ticket> {
    const [row] = await tx.insert(tickets).values(values).returning();
    return row!;
  },

  async event(tx: DbOrTx, values: typeof ticketEvents.$inferInsert): Promise<void> {
    await tx.insert(ticketEvents).values(values);
  },

  /** A closing counter's transferred-in tickets go back to their service's line (arrival time unchanged). */
  async releaseTargeted(tx: DbOrTx, counterId: string): Promise<number> {
    const rows = await tx.update(tickets).set({ targetCounterId: null }).where(and(eq(tickets.targetCounterId, counterId), eq(tickets.status, 'waiting'))).returning({ id: tickets.id });
    return rows.length;
  },

  async setCounter(tx: DbOrTx, counterId: string, values: Partial<typeof counters.$inferInsert>): Promise<void> {
    await tx.update(counters).set(values).where(eq(counters.id, counterId));
  },

  /** Waiting tickets a counter may serve, oldest first. */
  async waitingFor(db: DbOrTx, q: { centerId: string; businessDate: string; counterId: string; serviceIds: string[]; limit: number }) {
    if (!q.serviceIds.length) return { rows: [] as Ticket[], total: 0 };
    const where = and(
      eq(tickets.centerId, q.centerId),
      eq(tickets.businessDate, q.businessDate),
      eq(tickets.status, 'waiting'),
      inArray(tickets.serviceId, q.serviceIds),
      sql`(${tickets.targetCounterId} is null or ${tickets.targetCounterId} = ${q.counterId})`,
    );
    const [rows, [count]] = await Promise.all([
      db.select().from(tickets).where(where).orderBy(asc(tickets.arrivedAt), asc(tickets.number)).limit(q.limit),
      db.select({ n: sql<number>`count(*)::int` }).from(tickets).where(where),
    ]);
    return { rows, total: count!.n };
  },

  async otherCounters(db: DbOrTx, centerId: string) {
    return db.select({ id: counters.id, label: counters.label, number: counters.number, state: counters.state, pauseReason: counters.pauseReason }).from(counters).where(eq(counters.centerId, centerId)).orderBy(asc(counters.number));
  },

  /** On the board for that counter in the half-day now on: a morning-only officer cannot work it after noon. */
  async isAssigned(db: DbOrTx, staffId: string, counterId: string, workDate: string, half: 'morning' | 'afternoon'): Promise<boolean> {
    const [row] = await db.select({ id: assignments.id }).from(assignments)
      .where(and(eq(assignments.staffId, staffId), eq(assignments.counterId, counterId), eq(assignments.workDate, workDate), inArray(assignments.shift, ['all_day', half])));
    return !!row;
  },

  /** Per counter of a center today: served count, average service time, current ticket, officer on the board. */
  async counterStats(db: DbOrTx, centerId: string, businessDate: string) {
    return counterStats(db, centerId, businessDate);
  },

  /** Per service of a center today: oldest waiting arrival, served count, average wait (issue → call). */
  async serviceStats(db: DbOrTx, centerId: string, businessDate: string) {
    return serviceStats(db, centerId, businessDate);
  },

  /** The staff member's name, for the live board. */
  async staffName(db: DbOrTx, id: string): Promise<string | undefined> {
    const [row] = await db.select({ name: staff.fullName }).from(staff).where(eq(staff.id, id));
    return row?.name;
  },

  async setServiceOpen(tx: DbOrTx, serviceId: string, isOpen: boolean) {
    const [row] = await tx.update(services).set({ isOpen }).where(eq(services.id, serviceId)).returning();
    return row;
  },

  // Rating --------------------------------------------------------------------

  /** The last ticket finished at a counter within `withinMs`, if it has no rating yet. */
  async lastUnrated(db: DbOrTx, counterId: string, now: Date, withinMs: number) {
    const [row] = await lastUnrated(db, counterId, new Date(now.getTime() - withinMs));
    return row ? { id: row.id, code: row.code, doneAt: row.done_at } : undefined;
  },

  async ticketAtCounter(db: DbOrTx, ticketId: string, counterId: string) {
    const [row] = await db.select().from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.counterId, counterId)));
    return row;
  },

  /** Inserts a rating unless the ticket has one; undefined when it was already rated. */
  async rate(db: DbOrTx, values: { ticketId: string; counterId: string; level: 'very_satisfied' | 'satisfied' | 'not_satisfied'; reason: string | null }) {
    const rows = await rate(db, values);
    return rows[0];
  },

  // End of day ----------------------------------------------------------------

  /** Closes tickets of past business days (each center's own time zone) still waiting or called. */
  async expirePastDays(tx: DbOrTx, now: Date): Promise<Array<{ center_id: string; n: number }>> {
    return expirePastDays(tx, now);
  },
};
