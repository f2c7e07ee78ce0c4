import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import RemoteView from './RemoteView.vue';

vi.mock('../composables/useCenterRoom.js', async () => {
  const { ref } = await import('vue');
  return { useCenterRoom: () => ({ status: ref('online'), join: () => {}, leave: () => {} }) };
});

const CENTER = '11111111-1111-4111-8111-111111111111';
const SERVICE = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const service = (id: string, code: string, over: Record<string, unknown> = {}) => ({
  id, code, nameVi: code === 'HT' ? 'Hộ tịch' : 'Đất đai', nameEn: code === 'HT' ? 'Civil status' : 'Land', ticketPrefix: code[0], isOpen: true,
  waiting: 3, estimate: { peopleAhead: 3, minMinutes: 10, maxMinutes: 15 }, servable: true, openCounters: ['Quầy 1'], expected: { kind: 'now' }, ...over,
});
const snapshot = (over: Record<string, unknown> = {}) => ({
  centerId: CENTER, centerName: 'TTPVHCC An Xuyên', isOpenNow: true, openingHoursToday: [{ start: '07:30', end: '17:00' }], nextOpening: null,
  services: [service(SERVICE, 'HT'), service(OTHER, 'DD', { servable: false, openCounters: [] })], priorityCategories: [],
  remote: { perHour: 20, stopMinutes: 30, confirmMinutes: 5 }, ...over,
});
const issued = { id: '44444444-4444-4444-8444-444444444444', code: 'A004', number: 4, centerName: 'TTPVHCC An Xuyên', serviceNameVi: 'Hộ tịch', serviceNameEn: 'Civil status', priority: false, arrivedAt: '2026-11-25T02:00:00Z', estimate: { peopleAhead: 3, minMinutes: 10, maxMinutes: 15 }, trackingCode: 'ABCDEFGH23' };

function stubApi(opts: { snapshot?: unknown; take?: () => Response } = {}) {
  const posts: unknown[] = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    if (url.endsWith('/api/public/centers')) return new Response(JSON.stringify([{ id: CENTER, code: 'TT-32002', name: 'TTPVHCC An Xuyên', address: 'Cà Mau' }]));
    if (url.endsWith('/kiosk')) return new Response(JSON.stringify(opts.snapshot ?? snapshot()));
    if (url.endsWith('/remote-tickets')) {
      posts.push(JSON.parse(String(init?.body)));
      return opts.take?.() ?? new Response(JSON.stringify(issued), { status: 201 });
    }
    return new Response('{}', { status: 404 });
  }));
  return posts;
}
async function open(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/remote', name: 'remote', component: RemoteView }, { path: '/t/:code', name: 'ticket', component: { template: '<p>ticket</p>' } }] });
  await router.push(path);
  const w = mount(RemoteView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return { w, router };
}

describe('RemoteView', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('from a procedure link: center and service preselected, people ahead shown; taking goes to the ticket page and is remembered', async () => {
    const posts = stubApi();
    const { w, router } = await open(`/remote?center=${CENTER}&service=${SERVICE}`);
    expect((w.get('[data-testid=remote-center]').element as HTMLSelectElement).value).toBe(CENTER);
    expect((w.get(`[data-testid=remote-service-HT] input`).element as HTMLInputElement).checked).toBe(true);
    expect(w.get('[data-testid=remote-ahead]').text()).toBe('3');
    expect(w.text()).toContain('trong vòng 5 phút');
    // A service no open counter serves cannot be picked.
    expect((w.get(`[data-testid=remote-service-DD] input`).element as HTMLInputElement).disabled).toBe(true);
    await w.get('[data-testid=remote-take]').trigger('click');
    await flushPromises();
    expect(posts).toEqual([{ serviceId: SERVICE, language: 'vi' }]);
    expect(router.currentRoute.value.fullPath).toBe('/t/ABCDEFGH23');
    expect(JSON.parse(localStorage.getItem('motcua.remoteTicket')!)).toMatchObject({ code: 'A004', trackingCode: 'ABCDEFGH23' });
  });

  it('nothing is chosen yet: the button waits for a service', async () => {
    stubApi();
    const { w } = await open(`/remote?center=${CENTER}`);
    expect(w.get('[data-testid=remote-take]').attributes('disabled')).toBeDefined();
    await w.get(`[data-testid=remote-service-HT] input`).setValue(true);
    expect(w.get('[data-testid=remote-take]').attributes('disabled')).toBeUndefined();
  });

  it('a center with 0 per hour says it takes no remote tickets; a closed one says so', async () => {
    stubApi({ snapshot: snapshot({ remote: { perHour: 0, stopMinutes: 30, confirmMinutes: 5 } }) });
    const off = (await open(`/remote?center=${CENTER}`)).w;
    expect(off.get('[data-testid=remote-off]').text()).toContain('không nhận lấy số từ xa');
    expect(off.find('[data-testid=remote-take]').exists()).toBe(false);
    stubApi({ snapshot: snapshot({ isOpenNow: false, nextOpening: '2026-11-26T00:30:00Z' }) });
    const closed = (await open(`/remote?center=${CENTER}`)).w;
    expect(closed.get('[data-testid=remote-closed]').text()).toContain('ngoài giờ làm việc');
    expect(closed.get('[data-testid=remote-closed]').text()).toContain('07:30');
  });

  it('a refusal is said in the API’s words; too many requests in minutes', async () => {
    stubApi({ take: () => new Response(JSON.stringify({ error: { code: 'CONFLICT', message: 'Đã hết lượt lấy số từ xa trong giờ này. Xin mời thử lại từ 10:00 hoặc đến trực tiếp.', details: { reason: 'quota_reached' } } }), { status: 409 }) });
    const { w } = await open(`/remote?center=${CENTER}&service=${SERVICE}`);
    await w.get('[data-testid=remote-take]').trigger('click');
    await flushPromises();
    expect(w.get('[data-testid=remote-refusal]').text()).toBe('Đã hết lượt lấy số từ xa trong giờ này. Xin mời thử lại từ 10:00 hoặc đến trực tiếp.');

    stubApi({ take: () => new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Quá nhiều yêu cầu', details: { retryAfterSeconds: 290 } } }), { status: 429 }) });
    const limited = (await open(`/remote?center=${CENTER}&service=${SERVICE}`)).w;
    await limited.get('[data-testid=remote-take]').trigger('click');
    await flushPromises();
    expect(limited.get('[data-testid=remote-refusal]').text()).toContain('thử lại sau khoảng 5 phút');
  });
});
