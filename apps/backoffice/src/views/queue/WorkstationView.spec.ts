import type { QueueTicket, Workstation } from '@motcua/contracts';
import { allowedCounterActions } from '@motcua/core';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n/index.js';
import WorkstationView from './WorkstationView.vue';

// No server in unit tests: a socket that never connects.
vi.mock('socket.io-client', () => ({
  io: () => ({ connected: false, on: () => {}, off: () => {}, emit: () => {}, close: () => {}, io: { on: () => {} } }),
}));

const id = (n: number) => `0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;
const ticket = (code: string, status: QueueTicket['status']): QueueTicket => ({
  id: id(10), code, serviceId: id(2), status, priority: false, arrivedAt: new Date().toISOString(), calledAt: null, servingAt: null, recallCount: 0, transferred: false, appointmentAt: null, appointmentOnTime: false,
});
/** A workstation as the API sends it: the allowed actions come from the same lifecycle in core. */
const desk = (over: Partial<Omit<Workstation, 'allowedActions'>> = {}): Workstation => {
  const w = {
    counter: { id: id(3), centerId: id(4), label: 'Quầy 1', number: 1, state: 'open' as const, services: [{ serviceId: id(2), weight: 3 }] },
    centerName: 'Trung tâm An Xuyên', timeZone: 'Asia/Ho_Chi_Minh', allowCallSpecific: false, noShowAfterRecalls: 3, current: null,
    waiting: [ticket('A001', 'waiting')], waitingTotal: 1, servedToday: 4,
    services: [{ serviceId: id(2), nameVi: 'Hộ tịch', nameEn: 'Civil status', ticketPrefix: 'A', isOpen: true, waiting: 1, field: 'ho_tich' }], otherCounters: [],
    ...over,
  };
  const state = w.current && w.counter.state === 'open' ? 'serving' : w.counter.state;
  const allowedActions = allowedCounterActions(
    { state, current: w.current, maxRecalls: w.noShowAfterRecalls, allowCallSpecific: w.allowCallSpecific },
    { waitingTotal: w.waitingTotal, transferTargets: w.services.length - 1 + w.otherCounters.length },
  );
  return { ...w, counter: { ...w.counter, state }, allowedActions };
};
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

async function render(answers: Array<(url: string, init: RequestInit) => Response>) {
  const calls: Array<{ method: string; url: string }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url });
    const next = answers.shift();
    if (!next) throw new Error(`unexpected ${init.method} ${url}`);
    return next(url, init);
  }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<p/>' } }, { path: '/my-counters', name: 'my-counters', component: { template: '<p/>' } }] });
  const wrapper = mount(WorkstationView, { props: { counterId: id(3) }, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, calls };
}
const key = async (k: string, target: EventTarget = document.body) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));
  await flushPromises();
};

describe('WorkstationView', () => {
  let unmount: (() => void) | undefined;
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => {
    unmount?.();
    vi.unstubAllGlobals();
  });

  it('refuses clearly when the officer is not assigned to this counter today', async () => {
    const { wrapper } = await render([() => json(403, { error: { code: 'FORBIDDEN', message: 'Bạn không được phân công quầy này hôm nay' } })]);
    unmount = () => wrapper.unmount();
    expect(wrapper.find('h1').text()).toBe('Bạn không được phân công quầy này hôm nay');
    expect(wrapper.find('[role=alert] a').attributes('href')).toBe('/my-counters');
  });

  it('calls the next ticket with N, greys out impossible actions and shows a 409 message from the API', async () => {
    const { wrapper, calls } = await render([
      () => json(200, desk()),
      () => json(200, desk({ current: ticket('A001', 'called'), waiting: [], waitingTotal: 0 })),
      () => json(409, { error: { code: 'CONFLICT', message: 'Số A001 đã được quầy khác phục vụ' } }),
      () => json(200, desk({ waiting: [], waitingTotal: 0 })),
    ]);
    unmount = () => wrapper.unmount();
    expect(wrapper.find('[data-code=A001]').exists()).toBe(true);
    expect(wrapper.find('.act--done').attributes('disabled')).toBeDefined();

    await key('n');
    expect(calls.at(-1)).toEqual({ method: 'POST', url: `/api/counters/${id(3)}/call-next` });
    expect(wrapper.find('[data-testid=current-code]').text()).toBe('A001');
    expect(wrapper.find('[data-testid=desk-notice]').text()).toBe('Đã gọi số A001');
    expect(wrapper.find('.act--callNext').attributes('disabled')).toBeDefined();

    await key('n'); // nothing to call now: no request
    await key('d'); // not serving yet: no request
    expect(calls).toHaveLength(2);

    await key('s');
    expect(calls[2]).toEqual({ method: 'POST', url: `/api/counters/${id(3)}/start` });
    expect(wrapper.find('[role=alert][data-testid=desk-notice]').text()).toBe('Số A001 đã được quầy khác phục vụ');
    await flushPromises();
    expect(calls[3]).toEqual({ method: 'GET', url: `/api/counters/${id(3)}/workstation` });
  });

  it('marks appointment tickets in the line and the current panel, on time apart from late', async () => {
    // 09:30 on the center's clock (UTC+7), whatever time zone the browser is set to.
    const slot = (hh: number, mm: number) => new Date(Date.UTC(2026, 10, 25, hh - 7, mm)).toISOString();
    const onTime = { ...ticket('A002', 'waiting'), id: id(11), appointmentAt: slot(9, 30), appointmentOnTime: true };
    const late = { ...ticket('A003', 'waiting'), id: id(12), appointmentAt: slot(10, 0), appointmentOnTime: false };
    const { wrapper } = await render([() => json(200, desk({ current: { ...onTime, status: 'called' }, waiting: [ticket('A001', 'waiting'), late], waitingTotal: 2 }))]);
    unmount = () => wrapper.unmount();
    const current = wrapper.find('[data-testid=current-appointment]');
    expect(current.text()).toBe('Hẹn trước 09:30');
    expect(current.classes()).toContain('mark--appt-onTime');
    expect(current.attributes('title')).toBe('Đến đúng giờ hẹn: được gọi trước số thường');
    expect(wrapper.find('[data-code=A001] [data-testid=appointment-mark]').exists()).toBe(false);
    const mark = wrapper.find('[data-code=A003] [data-testid=appointment-mark]');
    expect(mark.text()).toBe('Hẹn trước 10:00 · đến muộn');
    expect(mark.classes()).toContain('mark--appt-late');
  });
});
