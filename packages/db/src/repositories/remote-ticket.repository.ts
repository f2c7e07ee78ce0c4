import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { remoteTicketQuotas, remoteTickets, tickets } from '../schema/queue.js';

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
    const rows = await tx.execute(sql`
      insert into remote_ticket_quotas (center_id, hour, taken) values (${centerId}, ${hour}, 1)
      on conflict (center_id, hour) do update set taken = remote_ticket_quotas.taken + 1
      where remote_ticket_quotas.taken < ${limit}
      returning taken`);
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
};
