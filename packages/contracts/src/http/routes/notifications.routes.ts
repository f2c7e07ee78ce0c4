import { defineRoute } from '../route.js';
import { ZOk } from '../common.js';
import { ZDeliveryPage, ZDeliveryQuery, ZMarkRead, ZNotificationPage, ZNotificationQuery, ZUnreadCount } from '../notifications.js';

/** My notifications (the bell) and, for admins, the email/webhook delivery log. */
export const notificationRoutes = {
  myNotifications: defineRoute({
    method: 'GET', path: '/me/notifications', tag: 'notifications', summary: 'My notifications, newest first',
    access: { kind: 'staff', roles: 'any' }, query: ZNotificationQuery, response: ZNotificationPage,
  }),
  myUnreadCount: defineRoute({
    method: 'GET', path: '/me/notifications/unread-count', tag: 'notifications', summary: 'How many of my notifications are unread (the bell)',
    access: { kind: 'staff', roles: 'any' }, response: ZUnreadCount,
  }),
  markNotificationsRead: defineRoute({
    method: 'POST', path: '/me/notifications/read', tag: 'notifications', status: 200, summary: 'Mark some or all of my notifications read',
    access: { kind: 'staff', roles: 'any' }, body: ZMarkRead, response: ZOk,
  }),
  listDeliveries: defineRoute({
    method: 'GET', path: '/admin/notification-deliveries', tag: 'notifications', summary: 'Email and webhook deliveries with their status, attempts and last error',
    access: { kind: 'staff', roles: ['admin'] }, query: ZDeliveryQuery, response: ZDeliveryPage,
  }),
} as const;
