import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx, Tx } from '../client.js';
import { col, query } from '../statement.js';
import { realtimeOutbox, type NewOutboxEvent, type OutboxRow } from '../schema/system.js';

/** pg advisory lock of the relay: one publisher at a time keeps each room's events in commit order. */
const RELAY_LOCK = 6_002;

const lockRelay = query(
  'outbox.lockRelay',
  z.object({ ok: z.boolean() }),
  () => sql`select pg_try_advisory_xact_lock(${RELAY_LOCK}) as ok`,
);

const take = query(
  'outbox.take',
  z.object({ id: col.num, namespace: z.string(), room: z.string(), event: z.string(), data: z.unknown(), created_at: col.date }),
  (limit: number) => sql`
      delete from realtime_outbox where id in (select id from realtime_outbox order by id limit ${limit} for update skip locked)
      returning id, namespace, room, event, data, created_at`,
);

const pending = query(
  'outbox.pending',
  z.object({ n: z.number() }),
  () => sql`select count(*)::int as n from realtime_outbox`,
);

export const outboxRepository = {
  /** In the command's transaction: the events leave only if it commits. */
  async add(db: DbOrTx, events: readonly NewOutboxEvent[]): Promise<void> {
    if (events.length) await db.insert(realtimeOutbox).values([...events]);
  },

  /** The relay lock for this transaction, or false when another relay holds it. */
  async lockRelay(tx: Tx): Promise<boolean> {
    const [row] = await lockRelay(tx);
    return row!.ok;
  },

  /** Takes the oldest events (deleted when the transaction commits; back if it rolls back), oldest first. */
  async take(tx: Tx, limit: number): Promise<OutboxRow[]> {
    const rows = await take(tx, limit);
    return rows
      .map((r) => ({ id: r.id, namespace: r.namespace, room: r.room, event: r.event, data: r.data, createdAt: r.created_at }))
      .sort((a, b) => a.id - b.id);
  },

  async pending(db: DbOrTx): Promise<number> {
    const [row] = await pending(db);
    return row!.n;
  },
};
