import { and, eq, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { alertWebhooks, notificationDeliveries, notifications } from '../schema/notifications.js';

export const deliveryRepository = {
  /** A delivery with its notification and, for a webhook, the signing secret. */
  async get(db: DbOrTx, id: string) {
    const [row] = await db
      .select({ d: notificationDeliveries, n: notifications })
      .from(notificationDeliveries)
      .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
      .where(eq(notificationDeliveries.id, id));
    if (!row) return undefined;
    const hookId = row.d.channel.startsWith('webhook:') ? row.d.channel.slice('webhook:'.length) : null;
    const [hook] = hookId ? await db.select().from(alertWebhooks).where(eq(alertWebhooks.id, hookId)) : [];
    return { ...row, webhook: hook };
  },

  async markSent(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.update(notificationDeliveries).set({ status: 'sent', deliveredAt: at, attempts: sql`${notificationDeliveries.attempts} + 1`, lastError: null }).where(eq(notificationDeliveries.id, id));
  },

  /** A failed attempt; `final` when no retry is left. */
  async markFailedAttempt(db: DbOrTx, id: string, error: string, final: boolean): Promise<void> {
    await db
      .update(notificationDeliveries)
      .set({ status: final ? 'failed' : 'pending', attempts: sql`${notificationDeliveries.attempts} + 1`, lastError: error.slice(0, 1000) })
      .where(eq(notificationDeliveries.id, id));
  },

  /** Pending deliveries older than `before` whose job may have been lost. */
  async stalePending(db: DbOrTx, before: Date, limit: number): Promise<string[]> {
    const rows = await db
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(and(eq(notificationDeliveries.status, 'pending'), lt(notificationDeliveries.updatedAt, before)))
      .limit(limit);
    return rows.map((r) => r.id);
  },
};
