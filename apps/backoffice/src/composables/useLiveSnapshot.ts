import { Namespace, Room, ServerEvent } from '@motcua/contracts';
import { useRealtime } from '@motcua/web';
import { onScopeDispose, ref, shallowRef, watch } from 'vue';

/**
 * A snapshot from the API kept fresh by the staff room of its center: every
 * `queue.updated` / `ticket.called` (and every reconnect or sequence gap)
 * schedules one debounced refetch, so a burst of events costs one request.
 */
export function useLiveSnapshot<T>(load: () => Promise<T>, centerOf: (data: T | null) => string | undefined, debounceMs = 250) {
  const data = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(true);
  const realtime = useRealtime(Namespace.staff);
  // Only the newest request (or a command's own answer) may land: an older answer never overwrites a newer one.
  let version = 0;

  async function refresh() {
    const mine = ++version;
    try {
      const fresh = await load();
      if (mine !== version) return;
      data.value = fresh;
      error.value = null;
    } catch (e) {
      if (mine === version) error.value = e;
    } finally {
      if (mine === version) loading.value = false;
    }
  }
  function set(fresh: T) {
    version++;
    data.value = fresh;
    error.value = null;
    loading.value = false;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), debounceMs);
  };
  let unsubscribe: Array<() => void> = [];
  watch(
    () => centerOf(data.value),
    (centerId) => {
      unsubscribe.forEach((u) => u());
      unsubscribe = [];
      if (!centerId) return;
      const room = Room.center(centerId);
      unsubscribe = [ServerEvent.queueUpdated, ServerEvent.ticketCalled].map((event) => realtime.subscribe(room, event, soon, { onResync: soon }));
    },
    { immediate: true },
  );
  onScopeDispose(() => {
    clearTimeout(timer);
    unsubscribe.forEach((u) => u());
  });

  return { data, error, loading, refresh, set, status: realtime.status };
}
