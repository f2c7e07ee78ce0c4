import { routes, type DeliveryStatus } from '@motcua/contracts';
import { api } from './client.js';

export const fetchMine = (page: number, pageSize: number, unreadOnly: boolean) =>
  api.call(routes.myNotifications, { query: { page, pageSize, unread: unreadOnly ? 'true' : undefined } });
export const fetchUnread = () => api.call(routes.myUnreadCount);
export const markRead = (body: { ids: string[] } | { all: true }) => api.call(routes.markNotificationsRead, { body });
export const fetchDeliveries = (page: number, status?: (typeof DeliveryStatus)[number]) => api.call(routes.listDeliveries, { query: { page, pageSize: 50, status } });
export const fetchWebhooks = (unitId: string) => api.call(routes.listWebhooks, { params: { id: unitId } });
export const createWebhook = (unitId: string, url: string) => api.call(routes.createWebhook, { params: { id: unitId }, body: { url } });
export const disableWebhook = (unitId: string, webhookId: string) => api.call(routes.disableWebhook, { params: { id: unitId, webhookId } });
