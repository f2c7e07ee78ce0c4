import { sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../client.js';
import { realtimeOutbox, type NewOutboxEvent, type OutboxRow } from '../schema/system.js';

/** pg advisory lock of the relay: one publisher at a time keeps each room's events in commit order. */
const RELAY_LOCK = 6_002;

export const outboxRepository = {
  /** In the command's transaction: the events leave only if it commits. */
  async add(db: DbOrTx, events: readonly NewOutboxEvent[]): Promise<void> {
    if (events.length) await db.insert(realtimeOutbox).values([...events]);
  },

  /** The relay lock for this transaction, or false when another relay holds it. */
  async lockRelay(tx: Tx): Promise<boolean> {
    const [row] = await tx.execute<{ ok: boolean }>(sql`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as ok`);
    return row!.ok;
  },

  /** Takes the oldest events (deleted when the transaction commits; back if it rolls back), oldest first. */
  async take(tx: Tx, limit: number): Promise<OutboxRow[]> {
    const rows = await tx.execute<{ id: string; namespace: string; room: string; event: string; data: unknown; created_at: string }>(sql`
      delete from realtime_outbox where id in (select id from realtime_outbox order by id limit ${limit} for update skip locked)
      returning id, namespace, room, event, data, created_at`);
    return rows
      .map((r) => ({ id: Number(r.id), namespace: r.namespace, room: r.room, event: r.event, data: r.data, createdAt: new Date(r.created_at) }))
      .sort((a, b) => a.id - b.id);
  },

  async pending(db: DbOrTx): Promise<number> {
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from realtime_outbox`);
    return row!.n;
  },
};
