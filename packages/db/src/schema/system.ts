import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id, timestamps } from './_helpers.js';

/** Self-test pings: one row per end-to-end check (API → Postgres → BullMQ → worker → Socket.IO). */
export const systemPings = pgTable('system_pings', {
  id: id(),
  message: text().notNull(),
  processedAt: timestamp({ withTimezone: true, mode: 'date' }),
  ...timestamps,
});
export type SystemPing = typeof systemPings.$inferSelect;
