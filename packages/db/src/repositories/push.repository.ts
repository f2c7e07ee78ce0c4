import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '../client.js';
import { query } from '../statement.js';
import { pushSends, pushSubscriptions } from '../schema/citizen-notifications.js';
import { counters } from '../schema/organisation.js';
import { tickets } from '../schema/queue.js';

export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;
export type PushKind = 'three_ahead' | 'called';

const othersOfTicket = query(
  'push.save',
  z.object({ others: z.number() }),
  (ticketId: string, endpoint: string) => sql`
      select count(*)::int as others from push_subscriptions where ticket_id = ${ticketId} and endpoint <> ${endpoint}`,
);

const aFollower = query(
  'push.centerHasFollowers',
  z.object({}),
  (centerId: string) => sql`
      select 1 from push_subscriptions s join tickets t on t.id = s.ticket_id
      where s.center_id = ${centerId} and t.status in ('waiting', 'called') limit 1`,
);

const nearTheFront = query(
  'push.nearTheFront',
  z.object({ id: z.string(), endpoint: z.string(), p256dh: z.string(), auth: z.string(), language: z.string(), code: z.string(), ahead: z.number() }),
  (centerId: string) => sql`
      select * from (
        select s.id, s.endpoint, s.p256dh, s.auth, s.language, t.code,
          (select count(*)::int from tickets o where o.center_id = t.center_id and o.service_id = t.service_id and o.business_date = t.business_date
             and o.status = 'waiting' and (o.arrived_at, o.number) < (t.arrived_at, t.number) and o.id <> t.id) as ahead
        from push_subscriptions s join tickets t on t.id = s.ticket_id
        where s.center_id = ${centerId} and t.status = 'waiting'
          and not exists (select 1 from push_sends p where p.subscription_id = s.id and p.kind = 'three_ahead')
      ) f where f.ahead between 1 and 3`,
);

/** Web Push subscriptions of tickets (#17) and the once-keys of their messages. */
export const pushRepository = {
  /**
   * Saves (or refreshes) a subscription of a ticket; false when the ticket already has `max`
   * other subscriptions. The ticket row is locked so concurrent saves count one after another.
   */
  async save(tx: DbOrTx, ticket: { id: string; centerId: string }, sub: { endpoint: string; p256dh: string; auth: string; language: string }, max: number): Promise<boolean> {
    await tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticket.id)).for('update');
    const [{ others }] = (await othersOfTicket(tx, ticket.id, sub.endpoint)) as [{ others: number }];
    const exists = (await tx.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(and(eq(pushSubscriptions.ticketId, ticket.id), eq(pushSubscriptions.endpoint, sub.endpoint)))).length > 0;
    if (!exists && others >= max) return false;
    await tx.insert(pushSubscriptions).values({ ticketId: ticket.id, centerId: ticket.centerId, ...sub })
      .onConflictDoUpdate({ target: [pushSubscriptions.ticketId, pushSubscriptions.endpoint], set: { p256dh: sub.p256dh, auth: sub.auth, language: sub.language, updatedAt: sql`now()` } });
    return true;
  },

  /** Whether any ticket still in line at the center is followed by a phone (no job when none is). */
  async centerHasFollowers(db: DbOrTx, centerId: string): Promise<boolean> {
    const rows = await aFollower(db, centerId);
    return rows.length > 0;
  },

  /**
   * Subscriptions of waiting tickets with 1 to 3 people ahead (same service, same day, arrived
   * earlier: the count the tracking page shows) that have not had their "ahead" message yet.
   */
  async nearTheFront(db: DbOrTx, centerId: string) {
    const rows = await nearTheFront(db, centerId);
    return rows.map((r) => ({ ...r }));
  },

  /** Subscriptions of a ticket that is called now, with its code and counter. */
  async ofCalled(db: DbOrTx, ticketId: string) {
    return db
      .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth, language: pushSubscriptions.language, code: tickets.code, counterLabel: counters.label })
      .from(pushSubscriptions)
      .innerJoin(tickets, eq(tickets.id, pushSubscriptions.ticketId))
      .innerJoin(counters, eq(counters.id, tickets.counterId))
      .where(and(eq(pushSubscriptions.ticketId, ticketId), eq(tickets.status, 'called')));
  },

  /** The once-key: true for exactly one caller per subscription and kind. */
  async claim(db: DbOrTx, subscriptionId: string, kind: PushKind): Promise<boolean> {
    const rows = await db.insert(pushSends).values({ subscriptionId, kind }).onConflictDoNothing().returning({ kind: pushSends.kind });
    return rows.length === 1;
  },

  /** A send that failed for a reason worth retrying gives its once-key back. */
  async release(db: DbOrTx, subscriptionId: string, kind: PushKind): Promise<void> {
    await db.delete(pushSends).where(and(eq(pushSends.subscriptionId, subscriptionId), eq(pushSends.kind, kind)));
  },

  /** The push service said the subscription is gone (404/410). */
  async remove(db: DbOrTx, subscriptionId: string): Promise<void> {
    await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, subscriptionId));
  },
};
