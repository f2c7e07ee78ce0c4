import { ref, type Ref } from 'vue';
import { latestOnly } from '../latest.js';

type Mode = 'load' | 'reload' | 'refresh';

/**
 * What a page shows of one fetch: the data, the loading state until it arrives, and the
 * failure to offer a retry for. `load` shows the loading state (first visit, another
 * query, retry); `reload` keeps the current data on screen until the new answer swaps it
 * (after the page's own change); `refresh` is a background update (live data) whose failure
 * leaves the last answer on screen instead of an error. Only the latest call's answer is kept.
 */
export function useLoader<T>(fetch: () => Promise<T>, initial: T) {
  const data = ref(initial) as Ref<T>;
  const loading = ref(true);
  const error = ref<unknown>(null);
  const turns = latestOnly();

  async function run(mode: Mode) {
    const isLatest = turns.begin();
    if (mode === 'load') loading.value = true;
    if (mode !== 'refresh') error.value = null;
    try {
      const answer = await fetch();
      if (isLatest()) {
        data.value = answer;
        error.value = null;
      }
    } catch (e) {
      if (isLatest() && mode !== 'refresh') error.value = e;
    } finally {
      if (isLatest()) loading.value = false;
    }
  }

  return { data, loading, error, load: () => run('load'), reload: () => run('reload'), refresh: () => run('refresh') };
}
