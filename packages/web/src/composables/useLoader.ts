import { ref, type Ref } from 'vue';
import { latestOnly } from '../latest.js';

/**
 * What a page shows of one fetch: the data, the loading state until it arrives, and the
 * failure to offer a retry for. `load` shows the loading state (first visit, another
 * query, retry); `reload` keeps the current data on screen until the new answer swaps it
 * (after the page's own change). Only the latest call's answer is kept.
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T) {
  const data = ref(initial) as Ref<T>;
  const loading = ref(true);
  const error = ref<unknown>(null);
  const turns = latestOnly();

  async function run(showLoading: boolean) {
    const isLatest = turns.begin();
    if (showLoading) loading.value = true;
    error.value = null;
    try {
      const answer = await fetch();
      if (isLatest()) data.value = answer;
    } catch (e) {
      if (isLatest()) error.value = e;
    } finally {
      if (isLatest()) loading.value = false;
    }
  }

  return { data, loading, error, load: () => run(true), reload: () => run(false) };
}
