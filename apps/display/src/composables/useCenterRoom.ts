import { Namespace, Room, ServerEvent, type Call, type QueueUpdated } from '@motcua/contracts';
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
  return { status: realtime.status, join, leave };
}
