import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { notificationDeliveries, notifications } from '../schema/notifications.js';
import { staff } from '../schema/staff.js';

export const notificationRepository = {
  /** One person's notifications, newest first, with the total and the unread count. */
  async page(db: DbOrTx, recipientId: string, q: { page: number; pageSize: number; unreadOnly: boolean }) {
    const mine = eq(notifications.recipientId, recipientId);
    const where = q.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
    const [items, [totals]] = await Promise.all([
      db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` }).from(notifications).where(mine),
    ]);
    return { items, total: q.unreadOnly ? totals!.unread : totals!.total, unread: totals!.unread };
  },

  async unreadCount(db: DbOrTx, recipientId: string): Promise<number> {
    const [r] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
    return r!.n;
  },

  /** Only the caller's own rows: ids of other people's notifications are silently not touched. */
  async markRead(db: DbOrTx, recipientId: string, ids: readonly string[] | 'all', at: Date): Promise<void> {
    await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, [...ids])));
  },

  async deliveries(db: DbOrTx, q: { page: number; pageSize: number; status?: string }) {
    const where = q.status ? eq(notificationDeliveries.status, q.status) : undefined;
    const [items, [total]] = await Promise.all([
      db
        .select({ d: notificationDeliveries, kind: notifications.kind, recipientName: staff.fullName })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .innerJoin(staff, eq(staff.id, notifications.recipientId))
        .where(where)
        .orderBy(desc(notificationDeliveries.updatedAt), desc(notificationDeliveries.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: count() }).from(notificationDeliveries).where(where),
    ]);
    return { items, total: total!.n };
  },
};
