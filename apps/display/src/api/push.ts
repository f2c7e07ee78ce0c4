import { routes, type Language } from '@motcua/contracts';
import { api } from './client.js';

/** Web Push for a ticket (#17): the server's VAPID key, and saving this phone's subscription. */
export const fetchPushKey = () => api.call(routes.pushKey);
export const saveTicketPush = (code: string, subscription: PushSubscriptionJSON, language: Language) =>
  api.call(routes.subscribeTicketPush, {
    params: { code },
    body: { endpoint: subscription.endpoint ?? '', expirationTime: subscription.expirationTime ?? null, keys: { p256dh: subscription.keys?.p256dh ?? '', auth: subscription.keys?.auth ?? '' }, language },
  });
