import { routes, ZDeliveryPage, ZNotificationPage, ZUnreadCount, ZWebhook, ZWebhookCreated } from '@motcua/contracts';
import { fillPath } from '@motcua/web';
import { api } from './client.js';

export const fetchMine = (page: number, pageSize: number, unreadOnly: boolean) =>
  api.request('GET', routes.myNotifications.path, { query: { page, pageSize, unread: unreadOnly ? 'true' : undefined }, schema: ZNotificationPage });
export const fetchUnread = () => api.request('GET', routes.myUnreadCount.path, { schema: ZUnreadCount });
export const markRead = (body: { ids: string[] } | { all: true }) => api.request('POST', routes.markNotificationsRead.path, { body });
export const fetchDeliveries = (page: number, status?: string) => api.request('GET', routes.listDeliveries.path, { query: { page, pageSize: 50, status }, schema: ZDeliveryPage });
export const fetchWebhooks = (unitId: string) => api.request('GET', fillPath(routes.listWebhooks.path, { id: unitId }), { schema: ZWebhook.array() });
export const createWebhook = (unitId: string, url: string) => api.request('POST', fillPath(routes.createWebhook.path, { id: unitId }), { body: { url }, schema: ZWebhookCreated });
export const disableWebhook = (unitId: string, webhookId: string) => api.request('POST', fillPath(routes.disableWebhook.path, { id: unitId, webhookId }), { schema: ZWebhook });
