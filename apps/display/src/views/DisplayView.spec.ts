import type { Call, QueueUpdated } from '@motcua/contracts';
import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.js';
import { router } from '../router/index.js';
import DisplayView from './DisplayView.vue';

// The socket and the speakers are stood in for: the test hands events to the page and reads what it would say.
const room = vi.hoisted(() => ({ handlers: null as null | { onCall?: (c: Call) => void; onQueue?: (q: QueueUpdated) => void; onResync: () => void }, joined: [] as string[] }));
const spoken = vi.hoisted(() => [] as { key: string; texts: { text: string; lang: string }[] }[]);
vi.mock('../composables/useCenterRoom.js', async () => {
  const { ref: r } = await import('vue');
  return {
    useCenterRoom: (h: typeof room.handlers) => {
      room.handlers = h;
      return { status: r('online'), join: (id: string) => room.joined.push(id), leave: () => {} };
    },
  };
});
vi.mock('../composables/useAnnouncer.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../composables/useAnnouncer.js')>();
  const { ref: r } = await import('vue');
  return { ...real, useAnnouncer: () => ({ soundOn: r(true), current: r(null), enableSound: async () => {}, announce: (a: (typeof spoken)[number]) => spoken.push(a) }) };
});

const CENTER = '11111111-1111-4111-8111-111111111111';
const HT = '22222222-2222-4222-8222-222222222222';
const counter = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const call = (code: string, n: number, recall = 0): Call => ({ ticketCode: code, counterId: counter(n), counterNumber: n, counterLabel: `Quầy ${n}`, serviceId: HT, calledAt: '2026-11-25T02:14:00Z', recall });
const snapshot = (over: Record<string, unknown> = {}) => ({
  centerId: CENTER,
  centerName: 'TTPVHCC An Xuyên',
  calls: [call('A002', 2), call('A001', 1)],
  services: [{ serviceId: HT, nameVi: 'Hộ tịch', nameEn: 'Civil status', ticketPrefix: 'A', isOpen: true, waiting: 7 }],
  notice: 'Xin giữ trật tự',
  seq: 4,
  epoch: 'e1',
  at: '2026-11-25T02:14:00Z',
  ...over,
});
let snapshots: ReturnType<typeof snapshot>[];

async function mountDisplay(query = '') {
  await router.push(`/display/${CENTER}${query}`);
  const w = mount(DisplayView, { props: { centerId: CENTER }, global: { plugins: [i18n, router] } });
  await flushPromises();
  return w;
}

describe('DisplayView', () => {
  beforeEach(() => {
    spoken.length = 0;
    room.joined.length = 0;
    snapshots = [snapshot()];
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(snapshots.shift() ?? snapshot()))));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the latest call large, the last call of each counter, waiting per service and the notice', async () => {
    const w = await mountDisplay();
    expect(room.joined).toEqual([CENTER]);
    expect(w.get('[data-testid=latest-call]').text()).toContain('A002');
    expect(w.get('[data-testid=latest-call]').text()).toContain('Quầy 2');
    expect(w.findAll('.board__calls tbody tr').map((r) => r.text())).toEqual(['A001➜ 1', 'A002➜ 2']);
    expect(w.get('[data-testid=waiting-A]').text()).toContain('7');
    expect(w.get('[data-testid=notice]').text()).toBe('Xin giữ trật tự');
    expect(spoken).toEqual([]); // the snapshot is history, not news
  });

  it('announces a live call in Vietnamese and puts it on top; a recall is announced again', async () => {
    const w = await mountDisplay();
    room.handlers!.onCall!(call('A003', 5));
    await flushPromises();
    expect(w.get('[data-testid=latest-call]').text()).toContain('A003');
    expect(w.get('[data-testid=latest-call]').text()).toContain('Quầy 5');
    room.handlers!.onCall!(call('A003', 5, 1));
    expect(spoken.map((s) => s.texts)).toEqual([
      [{ text: 'Mời số A 0 0 3 đến quầy số 5', lang: 'vi-VN' }],
      [{ text: 'Mời số A 0 0 3 đến quầy số 5', lang: 'vi-VN' }],
    ]);
  });

  it('adds English to the announcement with ?lang=en', async () => {
    await mountDisplay('?lang=en');
    room.handlers!.onCall!(call('B010', 3));
    expect(spoken[0]!.texts).toEqual([
      { text: 'Mời số B 0 1 0 đến quầy số 3', lang: 'vi-VN' },
      { text: 'Number B 0 1 0, please go to counter 3', lang: 'en-US' },
    ]);
  });

  it('updates waiting counts from queue.updated and refetches the snapshot on resync without reloading', async () => {
    const w = await mountDisplay();
    room.handlers!.onQueue!({ centerId: CENTER, reason: 'issued', services: [{ serviceId: HT, waiting: 8 }] });
    await flushPromises();
    expect(w.get('[data-testid=waiting-A]').text()).toContain('8');
    snapshots = [snapshot({ calls: [call('A009', 4)], services: [{ serviceId: HT, nameVi: 'Hộ tịch', nameEn: 'Civil status', ticketPrefix: 'A', isOpen: true, waiting: 2 }] })];
    room.handlers!.onResync();
    await flushPromises();
    expect(w.get('[data-testid=latest-call]').text()).toContain('A009');
    expect(w.get('[data-testid=waiting-A]').text()).toContain('2');
    expect(spoken).toEqual([]);
  });

  it('reads the snapshot again a second after a change that may leave services out (a count down to zero)', async () => {
    const w = await mountDisplay();
    const fetch = vi.mocked(globalThis.fetch);
    const before = fetch.mock.calls.length;
    snapshots = [snapshot({ services: [{ serviceId: HT, nameVi: 'Hộ tịch', nameEn: 'Civil status', ticketPrefix: 'A', isOpen: true, waiting: 0 }] })];
    room.handlers!.onQueue!({ centerId: CENTER, reason: 'called', services: [] });
    room.handlers!.onQueue!({ centerId: CENTER, reason: 'served', services: [] });
    await vi.waitFor(() => expect(w.get('[data-testid=waiting-A]').text()).toContain('0'), { timeout: 2000 });
    expect(fetch.mock.calls.length - before).toBe(1);
  });

  it('stays silent with ?sound=off (a second screen in the same hall) but still shows the call', async () => {
    const w = await mountDisplay('?sound=off');
    room.handlers!.onCall!(call('B011', 2));
    await flushPromises();
    expect(w.get('[data-testid=latest-call]').text()).toContain('B011');
    expect(spoken).toEqual([]);
  });

  it('says on screen when the center in its address does not exist, instead of retrying forever', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy trung tâm này' } }), { status: 404 })));
    const w = await mountDisplay();
    const shown = w.get('[data-testid=display-error]').text();
    expect(shown).toContain('Không tìm thấy trung tâm của màn hình này');
    expect(shown).toContain('Không tìm thấy trung tâm này');
  });

  it('a closed hall says "Ngoài giờ làm việc" with the next opening, not "Chưa gọi số nào"', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(snapshot({ calls: [], isOpenNow: false, nextOpening: '2026-11-26T00:30:00.000Z', next: [{ serviceId: HT, codes: ['A003', 'A004'] }] })), { headers: { 'content-type': 'application/json' } })));
    const w = await mountDisplay();
    const closed = w.get('[data-testid=display-closed]').text();
    expect(closed).toContain('Ngoài giờ làm việc');
    expect(closed).toContain('Mở cửa lại: 07:30 Thứ Năm, 26/11');
    expect(w.text()).not.toContain('Chưa gọi số nào');
    // The next numbers of each service.
    expect(w.get('[data-testid=next-A]').text()).toBe('Tiếp theo: A003 · A004');
  });

  it('uses the stacked layout with ?orientation=portrait', async () => {
    const w = await mountDisplay('?orientation=portrait');
    expect(w.get('[data-testid=display]').classes()).toContain('board--portrait');
  });
});
