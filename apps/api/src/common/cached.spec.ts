import { describe, expect, it } from 'vitest';
import { Cached } from './cached.js';

/** A load whose answer the test releases by hand, counting calls. */
function loader<T>() {
  const calls: Array<(value: T) => void> = [];
  const fails: Array<(e: Error) => void> = [];
  const load = () => new Promise<T>((resolve, reject) => { calls.push(resolve); fails.push(reject); });
  return { load, calls, fails };
}
const settle = () => new Promise((r) => setImmediate(r));

describe('Cached', () => {
  it('shares one load between concurrent misses', async () => {
    const cache = new Cached<number>(1000);
    const l = loader<number>();
    const all = Promise.all([cache.get('k', l.load, 0), cache.get('k', l.load, 1), cache.get('k', l.load, 2)]);
    expect(l.calls).toHaveLength(1);
    l.calls[0]!(7);
    expect(await all).toEqual([7, 7, 7]);
  });

  it('reloads in the background in the second half of a value’s life, serving the old one meanwhile', async () => {
    const cache = new Cached<number>(1000);
    const l = loader<number>();
    const first = cache.get('k', l.load, 0);
    l.calls[0]!(1);
    await first;
    expect(await cache.get('k', l.load, 400)).toBe(1);
    expect(l.calls).toHaveLength(1);
    // Half-life passed: answered at once from the old value, one reload started however many ask.
    expect(await cache.get('k', l.load, 600)).toBe(1);
    expect(await cache.get('k', l.load, 650)).toBe(1);
    expect(l.calls).toHaveLength(2);
    l.calls[1]!(2);
    await settle();
    // The reload started at 600, so it is fresh until 1600: no wait at the old expiry.
    expect(await cache.get('k', l.load, 1050)).toBe(2);
    expect(l.calls).toHaveLength(2);
  });

  it('never serves a value at or past its time to live', async () => {
    const cache = new Cached<number>(1000);
    const l = loader<number>();
    const first = cache.get('k', l.load, 0);
    l.calls[0]!(1);
    await first;
    const late = cache.get('k', l.load, 1000);
    expect(l.calls).toHaveLength(2);
    l.calls[1]!(2);
    expect(await late).toBe(2);
  });

  it('does not keep a failed load, and keeps the old value when a background reload fails', async () => {
    const cache = new Cached<number>(1000);
    const l = loader<number>();
    const failed = cache.get('k', l.load, 0);
    l.fails[0]!(new Error('db down'));
    await expect(failed).rejects.toThrow('db down');
    await settle();
    const ok = cache.get('k', l.load, 10);
    expect(l.calls).toHaveLength(2);
    l.calls[1]!(5);
    expect(await ok).toBe(5);
    expect(await cache.get('k', l.load, 700)).toBe(5);
    l.fails[2]!(new Error('blip'));
    await settle();
    expect(await cache.get('k', l.load, 800)).toBe(5);
    expect(l.calls).toHaveLength(4);
  });

  it('deleteWhere drops matching entries, and a reload already in flight for them is not kept', async () => {
    const cache = new Cached<{ device: string } | undefined>(1000);
    const l = loader<{ device: string } | undefined>();
    const a = cache.get('cookie-a', l.load, 0);
    const b = cache.get('cookie-b', l.load, 0);
    l.calls[0]!({ device: 'kiosk-1' });
    l.calls[1]!({ device: 'kiosk-2' });
    await Promise.all([a, b]);
    // A reload of cookie-a starts (read before the revocation committed) and answers after it.
    expect(await cache.get('cookie-a', l.load, 600)).toEqual({ device: 'kiosk-1' });
    await cache.deleteWhere((v) => v?.device === 'kiosk-1');
    l.calls[2]!({ device: 'kiosk-1' });
    await settle();
    const again = cache.get('cookie-a', l.load, 700);
    expect(l.calls).toHaveLength(4);
    l.calls[3]!(undefined);
    expect(await again).toBeUndefined();
    expect(await cache.get('cookie-b', l.load, 700)).toEqual({ device: 'kiosk-2' });
  });

  it('drops the entries of one prefix only', async () => {
    const cache = new Cached<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    for (const key of ['c1:1', 'c1:2', 'c10:1']) await cache.get(key, load, 0);
    cache.deletePrefix('c1:');
    expect(await cache.get('c10:1', load, 10)).toBe(3);
    expect(await cache.get('c1:1', load, 10)).toBe(4);
    expect(loads).toBe(4);
  });

  it('clear drops every entry: the next read of each loads again', async () => {
    const cache = new Cached<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    for (const key of ['a', 'b']) await cache.get(key, load, 0);
    cache.clear();
    expect([await cache.get('a', load, 10), await cache.get('b', load, 10)]).toEqual([3, 4]);
  });

  it('stays bounded: expired entries go first, then everything', async () => {
    const cache = new Cached<number>(1000, 2);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('a', load, 0);
    await cache.get('b', load, 900);
    await cache.get('c', load, 1200); // 'a' expired and is evicted, 'b' stays
    expect(await cache.get('b', load, 1300)).toBe(2);
    expect(loads).toBe(3);
    await cache.get('d', load, 1300); // full of live entries: cleared
    expect(await cache.get('c', load, 1300)).toBe(5);
  });
});
