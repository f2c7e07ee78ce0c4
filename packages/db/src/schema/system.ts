import { bigint, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';

/** Self-test pings: one row per end-to-end check (API → Postgres → BullMQ → worker → Socket.IO). */
export const systemPings = pgTable('system_pings', {
  id: id(),
  message: text().notNull(),
  processedAt: timestamp({ withTimezone: true, mode: 'date' }),
  ...timestamps,
});
export type SystemPing = typeof systemPings.$inferSelect;

/**
 * Realtime events written in the transaction of the command that caused them, and deleted
 * once published to Redis: events of a Redis outage reach the screens when it returns. An
 * insert notifies `realtime_outbox` at commit (trigger in the migration), so relays wake at once.
 */
export const realtimeOutbox = pgTable('realtime_outbox', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  namespace: text().notNull(),
  room: text().notNull(),
  event: text().notNull(),
  data: jsonb().notNull(),
  createdAt: timestamp({ withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});
export type OutboxRow = typeof realtimeOutbox.$inferSelect;
export type NewOutboxEvent = Pick<typeof realtimeOutbox.$inferInsert, 'namespace' | 'room' | 'event' | 'data'>;
