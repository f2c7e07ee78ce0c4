import { defineRoute } from '../route.js';
import { z } from 'zod';
import { ZIdParams, ZOk } from '../common.js';
import { ZDeliveryPage, ZDeliveryQuery, ZMarkRead, ZNotificationPage, ZNotificationQuery, ZUnitWebhookParams, ZUnreadCount, ZWebhook, ZWebhookCreated, ZWebhookInput } from '../notifications.js';
import { ZThreshold, ZThresholdInput, ZUnitThresholdParams } from '../thresholds.js';
import { orgAdmins } from './access.js';

/** Who sets a unit's alert thresholds: its leaders (their unit and below) and administrators. */
const thresholdEditors = ['admin', 'province_admin', 'leader'] as const;

const unitParam = { type: 'unit', from: 'params', key: 'id' } as const;

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
  listWebhooks: defineRoute({
    method: 'GET', path: '/units/:id/webhooks', tag: 'notifications', summary: 'Alert webhooks of a unit (secrets are never shown again)',
    access: { kind: 'staff', roles: orgAdmins, scope: unitParam }, params: ZIdParams, response: z.array(ZWebhook),
  }),
  createWebhook: defineRoute({
    method: 'POST', path: '/units/:id/webhooks', tag: 'notifications', summary: 'Send this unit’s alerts to an address, signed with a new secret shown once',
    access: { kind: 'staff', roles: orgAdmins, scope: unitParam }, params: ZIdParams, body: ZWebhookInput, response: ZWebhookCreated,
  }),
  disableWebhook: defineRoute({
    method: 'POST', path: '/units/:id/webhooks/:webhookId/disable', tag: 'notifications', status: 200, summary: 'Stop sending alerts to a webhook',
    access: { kind: 'staff', roles: orgAdmins, scope: unitParam }, params: ZUnitWebhookParams, response: ZWebhook,
  }),
  listThresholds: defineRoute({
    method: 'GET', path: '/units/:id/thresholds', tag: 'notifications', summary: 'Alert thresholds of a unit, with whether each is crossed now',
    access: { kind: 'staff', roles: thresholdEditors, scope: unitParam }, params: ZIdParams, response: z.array(ZThreshold),
  }),
  createThreshold: defineRoute({
    method: 'POST', path: '/units/:id/thresholds', tag: 'notifications', summary: 'Alert the unit’s leaders once each time an indicator crosses this line',
    access: { kind: 'staff', roles: thresholdEditors, scope: unitParam }, params: ZIdParams, body: ZThresholdInput, response: ZThreshold,
  }),
  updateThreshold: defineRoute({
    method: 'PUT', path: '/units/:id/thresholds/:thresholdId', tag: 'notifications', summary: 'Change a threshold (a new line starts uncrossed)',
    access: { kind: 'staff', roles: thresholdEditors, scope: unitParam }, params: ZUnitThresholdParams, body: ZThresholdInput, response: ZThreshold,
  }),
  deleteThreshold: defineRoute({
    method: 'DELETE', path: '/units/:id/thresholds/:thresholdId', tag: 'notifications', status: 200, summary: 'Remove a threshold',
    access: { kind: 'staff', roles: thresholdEditors, scope: unitParam }, params: ZUnitThresholdParams, response: ZOk,
  }),
} as const;
