import type { DeliveryPage, Notification, NotificationPage } from '@motcua/contracts';
import { notificationRepository, type DatabaseHandle, type Notification as NotificationRow } from '@motcua/db';
import { Inject, Injectable } from '@nestjs/common';
import { DATABASE } from '../../infra/tokens.js';

export const toNotification = (n: NotificationRow): Notification => ({
  id: n.id, kind: n.kind, dossierId: n.dossierId, deadlineVersion: n.deadlineVersion, stage: n.stage, title: n.title, body: n.body,
  readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
});

@Injectable()
export class NotificationsService {
  constructor(@Inject(DATABASE) private readonly database: DatabaseHandle) {}

  async mine(staffId: string, q: { page: number; pageSize: number; unread?: 'true' | 'false' }): Promise<NotificationPage> {
    const r = await notificationRepository.page(this.database.db, staffId, { page: q.page, pageSize: q.pageSize, unreadOnly: q.unread === 'true' });
    return { items: r.items.map(toNotification), total: r.total, unread: r.unread, page: q.page, pageSize: q.pageSize };
  }

  async unread(staffId: string) {
    return { unread: await notificationRepository.unreadCount(this.database.db, staffId) };
  }

  async markRead(staffId: string, body: { ids?: string[]; all?: boolean }, now: Date) {
    await notificationRepository.markRead(this.database.db, staffId, body.all ? 'all' : (body.ids ?? []), now);
    return { ok: true as const };
  }

  async deliveries(q: { page: number; pageSize: number; status?: 'pending' | 'sent' | 'failed' }): Promise<DeliveryPage> {
    const r = await notificationRepository.deliveries(this.database.db, q);
    return {
      items: r.items.map(({ d, kind, recipientName }) => ({
        id: d.id, notificationId: d.notificationId, kind, recipientName, channel: d.channel, target: d.target, status: d.status as 'pending' | 'sent' | 'failed',
        attempts: d.attempts, lastError: d.lastError, deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
      })),
      total: r.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
