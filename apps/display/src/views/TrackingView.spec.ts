import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.js';
import TrackingView from './TrackingView.vue';

const room = vi.hoisted(() => ({ handlers: null as null | { onCall?: () => void; onResync: () => void }, joined: [] as string[] }));
vi.mock('../composables/useCenterRoom.js', async () => {
  const { ref } = await import('vue');
  return { useCenterRoom: (h: typeof room.handlers) => ((room.handlers = h), { status: ref('online'), join: (id: string) => room.joined.push(id), leave: () => {} }) };
});

const push = vi.hoisted(() => ({ supported: false, calls: [] as Array<[string, string]> }));
vi.mock('../composables/useTicketPush.js', async () => {
  const { computed, ref } = await import('vue');
  return {
    useTicketPush: () => {
      const outcome = ref<string | null>(null);
      return { supported: computed(() => push.supported), busy: ref(false), error: ref(null), outcome, subscribe: async (code: string, lang: string) => (push.calls.push([code, lang]), (outcome.value = 'subscribed')) };
    },
  };
});

const CENTER = '11111111-1111-4111-8111-111111111111';
const ticket = (over: Record<string, unknown> = {}) => ({
  code: 'A023', status: 'waiting', centerId: CENTER, centerName: 'TTPVHCC An Xuyên', serviceNameVi: 'Hộ tịch', serviceNameEn: 'Civil status',
  arrivedAt: '2026-11-25T02:14:00Z', estimate: { peopleAhead: 4, minMinutes: 5, maxMinutes: 10 }, counterLabel: null, counterNumber: null, calledAt: null, ...over,
});

describe('TrackingView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('shows my number, status, people ahead and the wait, and follows the center live', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ticket()))));
    const w = mount(TrackingView, { props: { code: 'ABCDEFGH23' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.get('[data-testid=track-number]').text()).toBe('A023');
    expect(w.get('[data-testid=track-status]').text()).toBe('Đang chờ đến lượt');
    expect(w.get('[data-testid=track-ahead]').text()).toBe('4');
    expect(w.text()).toContain('Khoảng 5–10 phút');
    expect(room.joined).toContain(CENTER);
  });

  it('refetches once, a second after a burst of events, and highlights the counter with a vibration when called', async () => {
    vi.useFakeTimers();
    const answers = [ticket(), ticket({ status: 'called', counterLabel: 'Quầy 5', counterNumber: 5, estimate: null })];
    const fetch = vi.fn(async () => new Response(JSON.stringify(answers.shift() ?? ticket())));
    vi.stubGlobal('fetch', fetch);
    const vibrate = vi.fn();
    vi.stubGlobal('navigator', { ...navigator, vibrate });
    const w = mount(TrackingView, { props: { code: 'ABCDEFGH23' }, global: { plugins: [i18n] } });
    await flushPromises();
    for (let i = 0; i < 5; i++) room.handlers!.onCall!();
    await vi.advanceTimersByTimeAsync(999);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(w.get('[data-testid=track-counter]').text()).toContain('Quầy 5');
    expect(w.get('[data-testid=track-card]').classes()).toContain('track__card--called');
    expect(vibrate).toHaveBeenCalledOnce();
  });

  it('says kindly that a bad code is not found, without asking the server for a malformed one', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } }), { status: 404 }));
    vi.stubGlobal('fetch', fetch);
    const bad = mount(TrackingView, { props: { code: 'nope' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(bad.get('[data-testid=track-not-found]').text()).toContain('Không tìm thấy phiếu này');
    expect(fetch).not.toHaveBeenCalled();
    const unknown = mount(TrackingView, { props: { code: 'ZZZZZZZZZZ' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(unknown.find('[data-testid=track-not-found]').exists()).toBe(true);
  });

  it('a remote ticket shows the arrival rule and "Tôi đã đến" confirms it; a kiosk ticket shows neither', async () => {
    const calls: Array<{ url: string; method: string }> = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? 'GET' });
      if (url.endsWith('/arrived')) return new Response(JSON.stringify({ code: 'A023', confirmedAt: '2026-11-25T02:31:00Z' }));
      return new Response(JSON.stringify(ticket({ status: 'called', counterLabel: 'Quầy 2', estimate: null, remote: { confirmMinutes: 7, confirmedAt: null } })));
    }));
    const w = mount(TrackingView, { props: { code: 'ABCDEFGH23' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.get('[data-testid=track-remote]').text()).toContain('trong vòng 7 phút');
    await w.get('[data-testid=track-arrive]').trigger('click');
    await flushPromises();
    expect(calls.at(-1)).toEqual({ url: expect.stringMatching(/\/api\/public\/tickets\/ABCDEFGH23\/arrived$/), method: 'POST' });
    expect(w.get('[data-testid=track-arrived]').text()).toContain('09:31');
    expect(w.find('[data-testid=track-arrive]').exists()).toBe(false);

    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ticket({ remote: null })))));
    const kiosk = mount(TrackingView, { props: { code: 'ABCDEFGH24' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(kiosk.find('[data-testid=track-remote]').exists()).toBe(false);
  });

  it('an arrival refused by the server is said in its words, the button stays', async () => {
    vi.stubGlobal('fetch', vi.fn(async (url: string) => url.endsWith('/arrived')
      ? new Response(JSON.stringify({ error: { code: 'CONFLICT', message: 'Vé này không còn hiệu lực. Xin mời lấy số mới.' } }), { status: 409 })
      : new Response(JSON.stringify(ticket({ remote: { confirmMinutes: 5, confirmedAt: null } })))));
    const w = mount(TrackingView, { props: { code: 'ABCDEFGH23' }, global: { plugins: [i18n] } });
    await flushPromises();
    await w.get('[data-testid=track-arrive]').trigger('click');
    await flushPromises();
    expect(w.get('[data-testid=track-remote] [role=alert]').text()).toBe('Vé này không còn hiệu lực. Xin mời lấy số mới.');
    expect(w.find('[data-testid=track-arrive]').exists()).toBe(true);
  });

  it('offers phone notifications while waiting where the browser can push, for this ticket, and says when they are on', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(ticket()))));
    const without = mount(TrackingView, { props: { code: 'abcdefgh23' }, global: { plugins: [i18n] } });
    await flushPromises();
    expect(without.find('[data-testid=track-push]').exists()).toBe(false);
    push.supported = true;
    const w = mount(TrackingView, { props: { code: 'abcdefgh23' }, global: { plugins: [i18n] } });
    await flushPromises();
    await w.get('[data-testid=track-push] button').trigger('click');
    await flushPromises();
    expect(push.calls).toEqual([['ABCDEFGH23', 'vi']]);
    expect(w.get('[data-testid=track-push] [role=status]').text()).toContain('Đã bật thông báo');
    push.supported = false;
  });
});
