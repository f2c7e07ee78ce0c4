import { routes, ZDeliveryPage, ZNotificationPage, ZUnreadCount } from '@motcua/contracts';
import { api } from './client.js';

export const fetchMine = (page: number, pageSize: number, unreadOnly: boolean) =>
  api.request('GET', routes.myNotifications.path, { query: { page, pageSize, unread: unreadOnly ? 'true' : undefined }, schema: ZNotificationPage });
export const fetchUnread = () => api.request('GET', routes.myUnreadCount.path, { schema: ZUnreadCount });
export const markRead = (body: { ids: string[] } | { all: true }) => api.request('POST', routes.markNotificationsRead.path, { body });
export const fetchDeliveries = (page: number, status?: string) => api.request('GET', routes.listDeliveries.path, { query: { page, pageSize: 50, status }, schema: ZDeliveryPage });
