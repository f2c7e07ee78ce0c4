import type { MatrixPart } from './matrix.js';

/** Everyone has their own notifications; only admins read the delivery log. */
export const notificationsMatrix: MatrixPart = {
  samples: {
    myNotifications: () => ({ path: '/me/notifications?page=1&pageSize=5' }),
    myUnreadCount: () => ({ path: '/me/notifications/unread-count' }),
    markNotificationsRead: () => ({ path: '/me/notifications/read', body: { all: true } }),
    listDeliveries: () => ({ path: '/admin/notification-deliveries?page=1' }),
  },
};
