import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useLiveSnapshot } from './useLiveSnapshot.js';

// A socket that is connected at once and lets the test push server events.
const listeners = new Map<string, Array<(e: unknown) => void>>();
const joined: string[] = [];
vi.mock('socket.io-client', () => ({
  io: () => ({
    connected: true,
    on: (event: string, fn: (e: unknown) => void) => listeners.set(event, [...(listeners.get(event) ?? []), fn]),
    off: (event: string, fn: (e: unknown) => void) => listeners.set(event, (listeners.get(event) ?? []).filter((f) => f !== fn)),
    emit: (_: string, room: string, ack: (r: { ok: boolean }) => void) => {
      joined.push(room);
      ack({ ok: true });
    },
    close: () => {},
    io: { on: () => {} },
  }),
}));
const push = (event: string, room: string, seq: number) => listeners.get(event)?.forEach((fn) => fn({ room, epoch: 'e1', seq, at: new Date().toISOString(), data: {} }));
const center = '0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a01';
const room = `center:${center}`;

describe('useLiveSnapshot', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    listeners.clear();
    joined.length = 0;
  });
  afterEach(() => vi.useRealTimers());

  function start(load: () => Promise<number>) {
    const scope = effectScope();
    const live = scope.run(() => useLiveSnapshot(load, () => center, 250))!;
    return { live, stop: () => scope.stop() };
  }

  it('joins the center room and refetches once for a burst of events of both kinds', async () => {
    let n = 0;
    const load = vi.fn(async () => ++n);
    const { live, stop } = start(load);
    await live.refresh();
    expect(new Set(joined)).toEqual(new Set([room]));
    push('queue.updated', room, 1);
    push('ticket.called', room, 2);
    push('queue.updated', room, 3);
    push('queue.updated', 'center:other', 4);
    await vi.advanceTimersByTimeAsync(300);
    expect(load).toHaveBeenCalledTimes(2);
    expect(live.data.value).toBe(2);
    stop();
    push('queue.updated', room, 4);
    await vi.advanceTimersByTimeAsync(300);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('refetches after a sequence gap and ignores repeated events', async () => {
    const load = vi.fn(async () => 1);
    const { live, stop } = start(load);
    await live.refresh();
    push('queue.updated', room, 1);
    await vi.advanceTimersByTimeAsync(300);
    push('queue.updated', room, 1);
    await vi.advanceTimersByTimeAsync(300);
    expect(load).toHaveBeenCalledTimes(2);
    push('queue.updated', room, 5);
    await vi.advanceTimersByTimeAsync(300);
    expect(load).toHaveBeenCalledTimes(3);
    stop();
  });

  it('never lets an older answer overwrite a newer one (or a command’s own answer)', async () => {
    const answers: Array<(v: number) => void> = [];
    const { live, stop } = start(() => new Promise<number>((resolve) => answers.push(resolve)));
    const first = live.refresh();
    const second = live.refresh();
    answers[1]!(2);
    answers[0]!(1);
    await Promise.all([first, second]);
    expect(live.data.value).toBe(2);
    const third = live.refresh();
    live.set(3);
    answers[2]!(99);
    await third;
    await flushPromises();
    expect(live.data.value).toBe(3);
    stop();
  });
});
