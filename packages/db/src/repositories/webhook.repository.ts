import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { alertWebhooks } from '../schema/notifications.js';

export type WebhookRow = typeof alertWebhooks.$inferSelect;

export const webhookRepository = {
  async forUnit(db: DbOrTx, unitId: string): Promise<WebhookRow[]> {
    return db.select().from(alertWebhooks).where(eq(alertWebhooks.unitId, unitId)).orderBy(asc(alertWebhooks.createdAt));
  },

  async create(tx: DbOrTx, values: { unitId: string; url: string; secret: string }): Promise<WebhookRow> {
    const [row] = await tx.insert(alertWebhooks).values(values).returning();
    return row!;
  },

  /** Undefined when the webhook is not this unit's. */
  async disable(tx: DbOrTx, unitId: string, id: string): Promise<WebhookRow | undefined> {
    const [row] = await tx.update(alertWebhooks).set({ active: false }).where(and(eq(alertWebhooks.id, id), eq(alertWebhooks.unitId, unitId))).returning();
    return row;
  },
};
