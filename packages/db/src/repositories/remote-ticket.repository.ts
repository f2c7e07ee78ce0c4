import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { centers, counters } from '../schema/organisation.js';
import { remoteTicketQuotas, remoteTickets, ticketEvents, tickets, type Ticket } from '../schema/queue.js';

const takePlace = query(
  'remoteTicket.takePlace',
  z.object({ taken: z.number() }),
  (centerId: string, hour: string, limit: number) => sql`
      insert into remote_ticket_quotas (center_id, hour, taken) values (${centerId}, ${hour}, 1)
      on conflict (center_id, hour) do update set taken = remote_ticket_quotas.taken + 1
      where remote_ticket_quotas.taken < ${limit}
      returning taken`,
);

export const remoteTicketRepository = {
  /** Remote tickets already taken at a center in one local clock hour. */
  async takenIn(db: DbOrTx, centerId: string, hour: string): Promise<number> {
    const [row] = await db.select({ taken: remoteTicketQuotas.taken }).from(remoteTicketQuotas).where(and(eq(remoteTicketQuotas.centerId, centerId), eq(remoteTicketQuotas.hour, hour)));
    return row?.taken ?? 0;
  },

  /**
   * Takes one place of the hour's quota, or none (false) when it is full. The conditional upsert
   * locks the hour's row: concurrent takers wait and see the count left by the one before.
   */
  async takePlace(tx: DbOrTx, centerId: string, hour: string, limit: number): Promise<boolean> {
    if (limit <= 0) return false;
    const rows = await takePlace(tx, centerId, hour, limit);
    return rows.length === 1;
  },

  async record(tx: DbOrTx, values: { ticketId: string; centerId: string; citizenIdNumber: string | null }): Promise<void> {
    await tx.insert(remoteTickets).values(values);
  },

  /** The remote ticket behind a tracking code, with its ticket. */
  async byTrackingCode(db: DbOrTx, code: string) {
    const [row] = await db.select({ ticket: tickets, remote: remoteTickets }).from(tickets).innerJoin(remoteTickets, eq(remoteTickets.ticketId, tickets.id)).where(eq(tickets.trackingCode, code));
    return row;
  },

  /** Marks arrival once; an already confirmed ticket keeps its first time. */
  async confirm(db: DbOrTx, ticketId: string, at: Date): Promise<Date> {
    const [row] = await db.update(remoteTickets).set({ confirmedAt: at, updatedAt: at }).where(and(eq(remoteTickets.ticketId, ticketId), isNull(remoteTickets.confirmedAt))).returning({ confirmedAt: remoteTickets.confirmedAt });
    if (row) return row.confirmedAt!;
    const [old] = await db.select({ confirmedAt: remoteTickets.confirmedAt }).from(remoteTickets).where(eq(remoteTickets.ticketId, ticketId));
    return old!.confirmedAt!;
  },

  /** The center's confirmation window (minutes) of a remote ticket not yet confirmed; undefined for any other ticket. */
  async confirmWindow(db: DbOrTx, ticketId: string): Promise<number | undefined> {
    const [row] = await db.select({ minutes: centers.remoteConfirmMinutes }).from(remoteTickets).innerJoin(centers, eq(centers.id, remoteTickets.centerId))
      .where(and(eq(remoteTickets.ticketId, ticketId), isNull(remoteTickets.confirmedAt)));
    return row?.minutes;
  },

  /**
   * The remote no-show: a called remote ticket nobody confirmed becomes `no_show`, with the event a
   * counter's own no-show writes, and its counter is free to call the next. Locks the counter first,
   * as counter commands do (no deadlock with them); the single conditional UPDATE decides, so a
   * ticket started, confirmed or already closed in the meantime is left alone.
   */
  async noShowIfUnconfirmed(tx: DbOrTx, ticketId: string, at: Date): Promise<Ticket | undefined> {
    const [before] = await tx.select({ counterId: tickets.counterId }).from(tickets).where(eq(tickets.id, ticketId));
    if (!before?.counterId) return undefined;
    await tx.select({ id: counters.id }).from(counters).where(eq(counters.id, before.counterId)).for('update');
    const [gone] = await tx.update(tickets).set({ status: 'no_show' })
      .where(and(eq(tickets.id, ticketId), eq(tickets.status, 'called'), sql`exists (select 1 from remote_tickets r where r.ticket_id = ${tickets.id} and r.confirmed_at is null)`))
      .returning();
    if (!gone) return undefined;
    await tx.insert(ticketEvents).values({ ticketId: gone.id, kind: 'no_show', fromStatus: 'called', toStatus: 'no_show', counterId: gone.counterId, actorId: null, at, data: { automatic: true, remote: true } });
    // A paused or closed counter stays so; a counter busy with this ticket opens.
    await tx.update(counters).set({ state: 'open' }).where(and(eq(counters.id, gone.counterId!), eq(counters.state, 'serving')));
    return gone;
  },
};
