import { Namespace, Room, ServerEvent, type Call, type QueueUpdated } from '@motcua/contracts';
import { onMounted, onUnmounted } from 'vue';
import { useRealtime } from '@motcua/web';

/**
 * The public live feed of one center: calls and waiting counts. `onResync`
 * runs after a reconnect or a sequence gap; the page refetches its snapshot
 * then instead of reloading.
 */
export function useCenterRoom(handlers: { onCall?: (c: Call) => void; onQueue?: (q: QueueUpdated) => void; onResync: () => void }) {
  const realtime = useRealtime(Namespace.public);
  let unsubscribe: Array<() => void> = [];

  function join(centerId: string) {
    leave();
    const room = Room.center(centerId);
    const opts = { onResync: handlers.onResync };
    unsubscribe = [
      realtime.subscribe<Call>(room, ServerEvent.ticketCalled, (c) => handlers.onCall?.(c), opts),
      realtime.subscribe<QueueUpdated>(room, ServerEvent.queueUpdated, (q) => handlers.onQueue?.(q), opts),
    ];
  }
  function leave() {
    for (const off of unsubscribe) off();
    unsubscribe = [];
  }
  /** A fresh handshake, so a device cookie set after the socket opened (paired on the page) makes it the device's presence. */
  function reconnect() {
    realtime.socket.disconnect().connect();
  }
  return { status: realtime.status, join, leave, reconnect };
}

/**
 * For pages that show a center's queue without drawing each event: `load` runs once at mount
 * and again `delayMs` after the queue moves (a burst of events costs one request), while mounted.
 */
export function useCenterRefetch(centerId: string, load: () => Promise<void>, { delayMs, onCalls = false }: { delayMs: number; onCalls?: boolean }) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void load(), delayMs);
  };
  const room = useCenterRoom({ onQueue: soon, onCall: onCalls ? soon : undefined, onResync: soon });
  onMounted(() => {
    void load();
    room.join(centerId);
  });
  onUnmounted(() => {
    clearTimeout(timer);
    room.leave();
  });
  return room;
}
