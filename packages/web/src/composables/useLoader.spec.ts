import { describe, expect, it } from 'vitest';
import { useLoader } from './useLoader.js';

/** A fetch whose answers the test hands out one call at a time. */
function controlled<T>() {
  const calls: Array<{ resolve: (v: T) => void; reject: (e: unknown) => void }> = [];
  const fetch = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { fetch, calls };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('useLoader', () => {
  it('is loading until the first answer, then holds it', async () => {
    const { fetch, calls } = controlled<string[]>();
    const list = useLoader(fetch, []);
    expect([list.loading.value, list.data.value]).toEqual([true, []]);
    const done = list.load();
    calls[0]!.resolve(['a']);
    await done;
    expect([list.loading.value, list.data.value, list.error.value]).toEqual([false, ['a'], null]);
  });

  it('keeps the failure for a retry, and a retry shows loading again then clears it', async () => {
    const { fetch, calls } = controlled<string[]>();
    const list = useLoader(fetch, []);
    const failed = list.load();
    const boom = new Error('boom');
    calls[0]!.reject(boom);
    await failed;
    expect([list.loading.value, list.error.value]).toEqual([false, boom]);
    const retry = list.load();
    expect([list.loading.value, list.error.value]).toEqual([true, null]);
    calls[1]!.resolve(['b']);
    await retry;
    expect([list.loading.value, list.error.value, list.data.value]).toEqual([false, null, ['b']]);
  });

  it('reload keeps the shown data and no loading state until the new answer', async () => {
    const { fetch, calls } = controlled<string[]>();
    const list = useLoader(fetch, []);
    const first = list.load();
    calls[0]!.resolve(['old']);
    await first;
    const again = list.reload();
    expect([list.loading.value, list.data.value]).toEqual([false, ['old']]);
    calls[1]!.resolve(['new']);
    await again;
    expect(list.data.value).toEqual(['new']);
  });

  it('drops an earlier answer that arrives after a later one', async () => {
    const { fetch, calls } = controlled<string>();
    const page = useLoader(fetch, '');
    const slow = page.load();
    const fast = page.load();
    calls[1]!.resolve('page 2');
    await fast;
    calls[0]!.reject(new Error('late failure of page 1'));
    await slow;
    await tick();
    expect([page.data.value, page.error.value, page.loading.value]).toEqual(['page 2', null, false]);
    const slower = page.load();
    const faster = page.load();
    calls[3]!.resolve('page 4');
    calls[2]!.resolve('page 3');
    await Promise.all([slower, faster]);
    expect(page.data.value).toBe('page 4');
  });

  it('a background refresh that fails keeps the last answer and shows no error', async () => {
    const { fetch, calls } = controlled<string>();
    const live = useLoader(fetch, '');
    const first = live.load();
    calls[0]!.resolve('figures');
    await first;
    const refresh = live.refresh();
    expect(live.loading.value).toBe(false);
    calls[1]!.reject(new Error('network blip'));
    await refresh;
    expect([live.data.value, live.error.value, live.loading.value]).toEqual(['figures', null, false]);
    const next = live.refresh();
    calls[2]!.resolve('newer figures');
    await next;
    expect(live.data.value).toBe('newer figures');
  });
});
