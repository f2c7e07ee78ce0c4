import { latestOnly } from '@motcua/web';
import { ref, shallowRef, watch, type WatchSource } from 'vue';
import { useLiveStore } from '../stores/live.js';

/**
 * One screen's data: loads when its inputs change, keeps the last answer on screen while a
 * live refresh runs (no flicker, on every `analytics.updated`), and drops answers that arrive after a newer request.
 */
export function useLoader<T>(load: () => Promise<T>, sources: WatchSource[]) {
  const data = shallowRef<T | null>(null);
  const error = ref<unknown>(null);
  const loading = ref(false);
  const turns = latestOnly();

  async function run(quiet = false) {
    const current = turns.begin();
    if (!quiet) loading.value = true;
    try {
      const answer = await load();
      if (!current()) return;
      data.value = answer;
      error.value = null;
    } catch (e) {
      if (current() && !quiet) error.value = e;
    } finally {
      if (current()) loading.value = false;
    }
  }

  watch(sources, () => void run(), { immediate: true });
  // Live: the read models changed; refetch quietly.
  watch(() => useLiveStore().version, () => void run(true));
  return { data, error, loading, reload: () => run(), refresh: () => run(true) };
}
