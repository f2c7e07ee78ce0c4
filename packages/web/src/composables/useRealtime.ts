import type { Envelope } from '@motcua/contracts';
import { io, type Socket } from 'socket.io-client';
import { onScopeDispose, ref } from 'vue';
import { SeqTracker } from '../seq-tracker.js';

export type RealtimeStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/**
 * A Socket.IO connection to one namespace. Subscriptions are re-joined after
 * every reconnect, and `onResync` runs when events may have been missed
 * (a reconnect, a sequence gap, or a new epoch: the server's numbering restarted)
 * so the page refetches its snapshot.
 */
export function useRealtime(namespace: string, options: { url?: string } = {}) {
  const status = ref<RealtimeStatus>('connecting');
  const socket: Socket = io(`${options.url ?? ''}${namespace}`, { transports: ['websocket'], reconnectionDelayMax: 5000 });
  const tracker = new SeqTracker();
  const subscriptions = new Map<string, { onResync?: () => void }>();
  let connectedOnce = false;

  const join = (room: string) => new Promise<boolean>((resolve) => socket.emit('subscribe', room, (ack: { ok: boolean }) => resolve(ack?.ok === true)));

  socket.on('connect', () => {
    status.value = 'online';
    const again = connectedOnce;
    connectedOnce = true;
    for (const [room, sub] of subscriptions) {
      void join(room);
      if (again) {
        tracker.reset(room);
        sub.onResync?.();
      }
    }
  });
  socket.on('disconnect', (reason) => {
    status.value = 'reconnecting';
    // The server closes sockets whose session ended or whose roles changed: one reconnect checks the session again.
    if (reason === 'io server disconnect') socket.connect();
  });
  // A refused handshake (signed out) is not retried.
  socket.on('connect_error', () => {
    if (!socket.active) status.value = 'offline';
  });
  socket.io.on('reconnect_failed', () => (status.value = 'offline'));

  function subscribe<T>(room: string, event: string, handler: (data: T, envelope: Envelope<T>) => void, opts: { onResync?: () => void } = {}) {
    subscriptions.set(room, opts);
    if (socket.connected) void join(room);
    const listener = (e: Envelope<T>) => {
      if (e.room !== room) return;
      const verdict = tracker.accept(room, e.epoch, e.seq);
      if (verdict === 'stale') return;
      handler(e.data, e);
      if (verdict === 'gap' || verdict === 'reset') opts.onResync?.();
    };
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
      subscriptions.delete(room);
    };
  }

  onScopeDispose(() => socket.close());
  return { status, subscribe, socket };
}
