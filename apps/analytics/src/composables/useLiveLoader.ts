import { useLoader } from '@motcua/web';
import { watch, type WatchSource } from 'vue';
import { useLiveStore } from '../stores/live.js';

/**
 * One screen's data that follows its inputs and the live read models: loads when `sources`
 * change and refreshes quietly on every `analytics.updated` (last answer stays on screen).
 */
export function useLiveLoader<T>(load: () => Promise<T>, sources: WatchSource[]) {
  const loader = useLoader<T | null>(load, null);
  watch(sources, () => void loader.load(), { immediate: true });
  watch(() => useLiveStore().version, () => void loader.refresh());
  return { data: loader.data, error: loader.error, loading: loader.loading, reload: loader.load, refresh: loader.refresh };
}
