import type { Language } from '@motcua/contracts';
import { computed, ref } from 'vue';
import { fetchPushKey, saveTicketPush } from '../api/push.js';

/** How asking for notifications ended: only `subscribed` means the phone will be told. */
export type TicketPushOutcome = 'subscribed' | 'unsupported' | 'denied' | 'disabled';

/** The service worker (public/sw.js) shows the messages; it lives at the root so it covers every page. */
const SW_URL = '/sw.js';

const pushSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The VAPID key as the bytes `pushManager.subscribe` wants. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const b64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/**
 * Asks this phone to be notified about a ticket (#17): "3 people ahead" once, then the call.
 * Call it from a click (browsers only show the permission prompt after a gesture). Throws the
 * API's error (e.g. too many devices for the ticket) for the page to show.
 */
export async function subscribeTicketPush(trackingCode: string, language: Language = 'vi'): Promise<TicketPushOutcome> {
  if (!pushSupported()) return 'unsupported';
  const { publicKey } = await fetchPushKey();
  if (!publicKey) return 'disabled';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  const registration = await navigator.serviceWorker.register(SW_URL);
  await navigator.serviceWorker.ready;
  // One subscription per browser: an existing one (another ticket today) is reused for this ticket too.
  const subscription = (await registration.pushManager.getSubscription()) ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  await saveTicketPush(trackingCode, subscription.toJSON(), language);
  return 'subscribed';
}

/** The same, with state for a button: supported, busy, the outcome, and the error to show. */
export function useTicketPush() {
  const outcome = ref<TicketPushOutcome | null>(null);
  const busy = ref(false);
  const error = ref<unknown>(null);
  const supported = computed(() => pushSupported());
  async function subscribe(trackingCode: string, language: Language = 'vi'): Promise<TicketPushOutcome | null> {
    busy.value = true;
    error.value = null;
    try {
      outcome.value = await subscribeTicketPush(trackingCode, language);
    } catch (e) {
      error.value = e;
    } finally {
      busy.value = false;
    }
    return outcome.value;
  }
  return { supported, busy, outcome, error, subscribe };
}
