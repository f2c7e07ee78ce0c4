import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const api = vi.hoisted(() => ({ fetchPushKey: vi.fn(), saveTicketPush: vi.fn() }));
vi.mock('../api/push.js', () => api);

import { subscribeTicketPush } from './useTicketPush.js';

const KEY = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

/** A browser with a service worker and push: records what the page asked of it. */
function fakeBrowser(permission: NotificationPermission) {
  const subscribe = vi.fn(async (_opts: PushSubscriptionOptionsInit) => ({ toJSON: () => ({ endpoint: 'https://push.example.com/s/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }) }));
  const registration = { pushManager: { getSubscription: vi.fn(async () => null), subscribe } };
  const register = vi.fn(async () => registration);
  vi.stubGlobal('Notification', Object.assign(function Notification() {}, { permission: 'default', requestPermission: vi.fn(async () => permission) }));
  vi.stubGlobal('PushManager', function PushManager() {});
  Object.defineProperty(navigator, 'serviceWorker', { configurable: true, value: { register, ready: Promise.resolve(registration) } });
  return { register, subscribe };
}

describe('subscribeTicketPush', () => {
  beforeEach(() => {
    api.fetchPushKey.mockResolvedValue({ publicKey: KEY });
    api.saveTicketPush.mockResolvedValue({ code: 'A001', subscribed: true });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'serviceWorker');
    vi.clearAllMocks();
  });

  it('asks permission, subscribes with the server key at the root service worker and saves the subscription for the ticket', async () => {
    const b = fakeBrowser('granted');
    expect(await subscribeTicketPush('ABCDEFGH23', 'en')).toBe('subscribed');
    expect(b.register).toHaveBeenCalledWith('/sw.js');
    const opts = b.subscribe.mock.calls[0]![0];
    expect(opts.userVisibleOnly).toBe(true);
    const key = opts.applicationServerKey as Uint8Array;
    expect(key).toHaveLength(65);
    expect(key[0]).toBe(4);
    expect(api.saveTicketPush).toHaveBeenCalledWith('ABCDEFGH23', { endpoint: 'https://push.example.com/s/1', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } }, 'en');
  });

  it('stops without subscribing when permission is refused, push is off on the server, or the browser has no push', async () => {
    const b = fakeBrowser('denied');
    expect(await subscribeTicketPush('ABCDEFGH23')).toBe('denied');
    api.fetchPushKey.mockResolvedValue({ publicKey: null });
    expect(await subscribeTicketPush('ABCDEFGH23')).toBe('disabled');
    expect(b.subscribe).not.toHaveBeenCalled();
    Reflect.deleteProperty(navigator, 'serviceWorker');
    expect(await subscribeTicketPush('ABCDEFGH23')).toBe('unsupported');
    expect(api.saveTicketPush).not.toHaveBeenCalled();
  });
});
