import type { MatrixPart } from './matrix.js';

/** Everyone has their own notifications; only admins read the delivery log; leaders and admins set alert thresholds. */
export const notificationsMatrix: MatrixPart = {
  async fixtures({ sql, target }) {
    const [center] = await sql`select unit_id from centers where id = ${target.centerId!}`;
    const [hook] = await sql`insert into alert_webhooks (unit_id, url, secret) values (${center!.unit_id}, 'https://example.invalid/hook', 'matrix-secret') returning id`;
    const [line] = await sql`insert into indicator_thresholds (unit_id, indicator, comparison, value, period, created_by) values (${center!.unit_id}, 'on_time_rate', 'below', 95, 'month', ${target.staffId!}) returning id`;
    return { unitId: center!.unit_id, webhookId: hook!.id, thresholdId: line!.id };
  },
  samples: {
    myNotifications: () => ({ path: '/me/notifications?page=1&pageSize=5' }),
    myUnreadCount: () => ({ path: '/me/notifications/unread-count' }),
    markNotificationsRead: () => ({ path: '/me/notifications/read', body: { all: true } }),
    listDeliveries: () => ({ path: '/admin/notification-deliveries?page=1' }),
    listWebhooks: (t) => ({ path: `/units/${t.unitId}/webhooks` }),
    createWebhook: (t) => ({ path: `/units/${t.unitId}/webhooks`, body: { url: 'https://example.invalid/alerts' } }),
    disableWebhook: (t) => ({ path: `/units/${t.unitId}/webhooks/${t.webhookId}/disable` }),
    listThresholds: (t) => ({ path: `/units/${t.unitId}/thresholds` }),
    createThreshold: (t) => ({ path: `/units/${t.unitId}/thresholds`, body: { indicator: 'queue_wait_p90', comparison: 'above', value: 30, period: 'day' } }),
    updateThreshold: (t) => ({ path: `/units/${t.unitId}/thresholds/${t.thresholdId}`, body: { indicator: 'on_time_rate', comparison: 'below', value: 90, period: 'month', enabled: true } }),
    deleteThreshold: (t) => ({ path: `/units/${t.unitId}/thresholds/${t.thresholdId}` }),
  },
};
