import { z } from 'zod';
import { ZAlertKind } from '../enums.js';
import { msg } from '../i18n.js';
import { ZDateTime, ZId } from './common.js';

export const ZNotificationKind = z.enum([...ZAlertKind.options, 'digest', 'system', 'threshold', 'device_offline']);
export type NotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  dossierId: ZId.nullable(),
  deadlineVersion: z.number().int(),
  stage: z.number().int(),
  title: z.string(),
  body: z.string(),
  readAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
});
export type Notification = z.infer<typeof ZNotification>;

const ZPageSize = z.coerce.number({ error: msg('Phải là số', 'Must be a number') }).int().min(1, { error: msg('Từ 1 đến 100', 'Between 1 and 100') }).max(100, { error: msg('Từ 1 đến 100', 'Between 1 and 100') }).default(20);
const ZPage = z.coerce.number({ error: msg('Phải là số', 'Must be a number') }).int().min(1, { error: msg('Trang bắt đầu từ 1', 'Pages start at 1') }).default(1);

export const ZNotificationQuery = z.object({ page: ZPage, pageSize: ZPageSize, unread: z.enum(['true', 'false']).optional() });
export const ZNotificationPage = z.object({ items: z.array(ZNotification), total: z.number().int(), unread: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type NotificationPage = z.infer<typeof ZNotificationPage>;
export const ZUnreadCount = z.object({ unread: z.number().int().nonnegative() });
/** Mark some (ids) or all of my notifications read. */
export const ZMarkRead = z.object({ ids: z.array(ZId).max(500, { error: msg('Tối đa 500 thông báo mỗi lần', 'At most 500 notifications at a time') }).optional(), all: z.boolean().optional() })
  .refine((v) => v.all === true || (v.ids?.length ?? 0) > 0, { path: ['ids'], error: msg('Hãy chọn thông báo, hoặc đánh dấu tất cả', 'Choose notifications, or mark all') });

export const DeliveryStatus = ['pending', 'sent', 'failed'] as const;
export const ZDeliveryStatus = z.enum(DeliveryStatus);
export const ZDelivery = z.object({
  id: ZId,
  notificationId: ZId,
  kind: ZNotificationKind,
  recipientName: z.string(),
  channel: z.string(),
  target: z.string(),
  status: ZDeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  deliveredAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export const ZDeliveryQuery = z.object({ page: ZPage, pageSize: ZPageSize, status: ZDeliveryStatus.optional() });
export const ZDeliveryPage = z.object({ items: z.array(ZDelivery), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type DeliveryPage = z.infer<typeof ZDeliveryPage>;

/** Pushed to `user:<id>` on /staff when a notification is created for that person. */
export const ZNotificationCreated = z.object({ notification: ZNotification, unread: z.number().int().nonnegative() });
export type NotificationCreated = z.infer<typeof ZNotificationCreated>;

/** A unit's alert webhook; its signing secret is shown once, when it is created. */
export const ZWebhook = z.object({ id: ZId, unitId: ZId, url: z.string(), active: z.boolean(), createdAt: ZDateTime });
export type Webhook = z.infer<typeof ZWebhook>;
export const ZWebhookInput = z.object({
  url: z
    .url({ protocol: /^https?$/, error: msg('Địa chỉ phải bắt đầu bằng http:// hoặc https://', 'The address must start with http:// or https://') })
    .max(500, { error: msg('Địa chỉ tối đa 500 ký tự', 'The address must be at most 500 characters') }),
});
export const ZWebhookCreated = z.object({ webhook: ZWebhook, secret: z.string().describe('HMAC-SHA256 key of the X-Motcua-Signature header; shown only now') });
export const ZUnitWebhookParams = z.object({ id: ZId, webhookId: ZId });
