import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.js';
import { router } from '../router/index.js';
import { SCAN_GAP_MS } from '../lib/scan-input.js';
import KioskView from './KioskView.vue';

// The live feed needs a server; these tests drive the kiosk through HTTP answers only.
const reconnect = vi.hoisted(() => ({ count: 0 }));
vi.mock('../composables/useCenterRoom.js', () => ({ useCenterRoom: () => ({ status: { value: 'online' }, join: () => {}, leave: () => {}, reconnect: () => reconnect.count++ }) }));

const CENTER = '11111111-1111-4111-8111-111111111111';
const HT = '22222222-2222-4222-8222-222222222222';
const DD = '33333333-3333-4333-8333-333333333333';
const KD = '44444444-4444-4444-8444-444444444444';
const ELDER = '55555555-5555-4555-8555-555555555555';
const est = (peopleAhead: number, minMinutes: number, maxMinutes: number) => ({ peopleAhead, minMinutes, maxMinutes });

/** Served now by these open counters (#18 item 1). */
const serves = (openCounters: string[]) => ({ servable: true, openCounters, expected: { kind: 'now' } });

const kiosk = (over: Record<string, unknown> = {}) => ({
  centerId: CENTER,
  centerName: 'TTPVHCC An Xuyên',
  isOpenNow: true,
  nextOpening: null,
  openingHoursToday: [{ start: '07:30', end: '11:30' }, { start: '13:30', end: '17:00' }],
  services: [
    { id: HT, code: 'HT', nameVi: 'Hộ tịch', nameEn: 'Civil status', ticketPrefix: 'A', isOpen: true, waiting: 12, estimate: est(12, 10, 15), ...serves(['Quầy 1']) },
    { id: DD, code: 'DD', nameVi: 'Đất đai', nameEn: 'Land', ticketPrefix: 'B', isOpen: true, waiting: 0, estimate: est(0, 0, 0), ...serves(['Quầy 2']) },
    { id: KD, code: 'KD', nameVi: 'Kinh doanh', nameEn: 'Business', ticketPrefix: 'C', isOpen: false, waiting: 0, estimate: est(0, 0, 0), ...serves(['Quầy 3']) },
  ],
  priorityCategories: [],
  ...over,
});
const issued = { id: HT, code: 'B001', number: 1, centerName: 'TTPVHCC An Xuyên', serviceNameVi: 'Đất đai', serviceNameEn: 'Land', priority: false, arrivedAt: '2026-11-25T02:14:00Z', estimate: est(0, 0, 0), trackingCode: 'ABCDEFGH23' };
const error = (status: number, code: string, message: string) => new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'content-type': 'application/json' } });

type Handler = (url: string, init: RequestInit) => Response;
let calls: { method: string; url: string; body: unknown }[];
function serve(handler: Handler) {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(init.body as string) : undefined });
    return handler(url, init);
  }));
}
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

async function mountKiosk() {
  const w = mount(KioskView, { props: { centerId: CENTER }, global: { plugins: [i18n, router] }, attachTo: document.body });
  await flushPromises();
  return w;
}
const press = async (key: string) => {
  window.dispatchEvent(new KeyboardEvent('keydown', { key }));
  // On the service list a number key acts one reader gap later (a scanned code may start with a digit).
  await new Promise((resolve) => setTimeout(resolve, SCAN_GAP_MS + 10));
  await flushPromises();
};
/** A reader used as a keyboard: the whole code at once, then Enter. */
const scanKeys = (text: string) => {
  for (const key of [...text, 'Enter']) window.dispatchEvent(new KeyboardEvent('keydown', { key, cancelable: true }));
};

describe('KioskView', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => {
    vi.unstubAllGlobals();
    document.body.innerHTML = '';
  });

  it('lists services with their waiting count and wait range, a paused one disabled with the reason', async () => {
    serve(() => json(kiosk()));
    const w = await mountKiosk();
    const ht = w.get('[data-testid=service-HT]');
    expect(ht.text()).toContain('12 người đang chờ');
    expect(ht.text()).toContain('Khoảng 10–15 phút');
    expect(ht.text()).toContain('About 10–15 min');
    const kd = w.get('[data-testid=service-KD]');
    expect(kd.attributes('disabled')).toBeDefined();
    expect(kd.text()).toContain('Tạm dừng cấp số');
    w.unmount();
  });

  it('moves between services with the arrow keys, skipping paused ones, and Enter takes the focused one', async () => {
    serve((url, init) => (init.method === 'POST' ? json(issued) : json(kiosk())));
    const w = await mountKiosk();
    expect(document.activeElement).toBe(w.get('[data-testid=service-HT]').element);
    await press('ArrowRight');
    expect(document.activeElement).toBe(w.get('[data-testid=service-DD]').element);
    await press('ArrowRight'); // KD is paused: on to "I have an appointment", then back to the first
    expect(document.activeElement).toBe(w.get('[data-testid=kiosk-appointment]').element);
    await press('ArrowRight');
    expect(document.activeElement).toBe(w.get('[data-testid=service-HT]').element);
    await press('ArrowLeft');
    await press('ArrowLeft');
    expect(document.activeElement).toBe(w.get('[data-testid=service-DD]').element);
    (document.activeElement as HTMLButtonElement).click(); // what Enter does on a focused button
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ serviceId: DD, priorityCategoryId: null });
    w.unmount();
  });

  it('checks in an appointment by code: a wrong code is answered on the same screen, an on-time one prints a slip marked as called first', async () => {
    let attempt = 0;
    serve((url, init) => {
      if (init.method !== 'POST') return json(kiosk());
      attempt += 1;
      if (attempt === 1) return new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'x', details: [{ path: 'body.code', message: 'Không có lịch hẹn nào với mã này tại trung tâm' }] } }), { status: 400, headers: { 'content-type': 'application/json' } });
      return json({ ...issued, code: 'A031', onTime: true, slotStart: '2026-11-25T02:30:00Z' });
    });
    const w = await mountKiosk();
    await w.get('[data-testid=kiosk-appointment]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(w.get('#appt-code').element);
    await w.get('#appt-code').setValue('abcd2345');
    await w.get('[data-testid=kiosk-appointment-form]').trigger('submit');
    await flushPromises();
    expect(w.get('#appt-error').text()).toBe('Không có lịch hẹn nào với mã này tại trung tâm');
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: `/api/centers/${CENTER}/appointments/check-in`, body: { code: 'ABCD2345' } });
    // A barcode reader types the whole appointment link (the QR) and Enter: the code is taken from it.
    await w.get('#appt-code').setValue(`${location.origin}/appointment/tok123?code=wxyz6789`);
    await w.get('[data-testid=kiosk-appointment-form]').trigger('submit');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(w.get('[data-testid=kiosk-appointment-result]').text()).toContain('Đúng giờ hẹn');
    expect(w.get('[data-testid=slip-number]').text()).toBe('A031');
    expect(calls.filter((c) => c.method === 'POST').at(-1)!.body).toEqual({ code: 'WXYZ6789' });
    w.unmount();
  });

  it('checks in what a reader used as a keyboard types on the service list, even a link starting with a digit key, without picking a service', async () => {
    serve((url, init) => (init.method === 'POST' ? json({ ...issued, code: 'A032', onTime: true, slotStart: '2026-11-25T02:30:00Z' }) : json(kiosk())));
    const w = await mountKiosk();
    scanKeys('2XYZ6789');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(w.get('[data-testid=kiosk-appointment-result]').text()).toContain('Đúng giờ hẹn');
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toEqual([{ method: 'POST', url: `/api/centers/${CENTER}/appointments/check-in`, body: { code: '2XYZ6789' } }]);
    // No ticket was taken for the service behind key 2.
    await new Promise((resolve) => setTimeout(resolve, SCAN_GAP_MS + 10));
    expect(calls.filter((c) => c.url.endsWith('/tickets'))).toHaveLength(0);
    w.unmount();
  });

  it('issues a ticket with the number key and shows the slip with the number and a QR code to the tracking page', async () => {
    serve((url, init) => (init.method === 'POST' ? json(issued) : json(kiosk())));
    const w = await mountKiosk();
    await press('2');
    await vi.waitFor(() => expect(w.find('[data-testid=slip-qr]').exists()).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toEqual({ method: 'POST', url: `/api/centers/${CENTER}/tickets`, body: { serviceId: DD, priorityCategoryId: null } });
    expect(w.get('[data-testid=slip-number]').text()).toBe('B001');
    expect(w.get('[data-testid=slip-qr]').attributes('alt')).toBe(`${location.origin}/t/ABCDEFGH23`);
    expect(w.get('[data-testid=slip-qr]').attributes('src')).toMatch(/^data:image\/png;base64,/);
    w.unmount();
  });

  it('asks for a priority category when the center has some, and sends the one chosen', async () => {
    serve((url, init) => (init.method === 'POST' ? json({ ...issued, priority: true }) : json(kiosk({ priorityCategories: [{ id: ELDER, nameVi: 'Người cao tuổi', nameEn: 'Elderly' }] }))));
    const w = await mountKiosk();
    await press('1');
    expect(w.text()).toContain('Bạn có thuộc đối tượng ưu tiên không?');
    await press('2');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ serviceId: HT, priorityCategoryId: ELDER });
    expect(w.get('[data-testid=slip]').text()).toContain('Ưu tiên');
    w.unmount();
  });

  it('refuses while the center is closed and shows today’s hours', async () => {
    serve(() => json(kiosk({ isOpenNow: false })));
    const w = await mountKiosk();
    expect(w.get('[data-testid=kiosk-closed]').text()).toContain('Giờ làm việc hôm nay: 07:30–11:30, 13:30–17:00');
    expect(w.get('[data-testid=kiosk-closed]').text()).toContain('Opening hours today');
    expect(w.findAll('.kiosk__service').every((b) => b.attributes('disabled') !== undefined)).toBe(true);
    await press('1');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    w.unmount();
  });

  it('shows the API’s reason when it refuses the ticket', async () => {
    serve((url, init) => (init.method === 'POST' ? error(409, 'CONFLICT', 'Dịch vụ đang tạm dừng cấp số') : json(kiosk())));
    const w = await mountKiosk();
    await press('1');
    expect(w.get('[data-testid=kiosk-refused]').text()).toContain('Dịch vụ đang tạm dừng cấp số');
    expect(w.get('[data-testid=kiosk-refused]').text()).toContain('Could not issue a ticket');
    w.unmount();
  });

  it('asks for a pairing code on 401, pairs, then issues the ticket it was asked for', async () => {
    let paired = false;
    serve((url, init) => {
      if (url.endsWith('/devices/pair')) {
        paired = true;
        return json({ deviceId: KD, centerId: CENTER, kind: 'kiosk', counterId: null });
      }
      if (init.method === 'POST') return paired ? json(issued) : error(401, 'UNAUTHENTICATED', 'Chưa đăng nhập');
      return json(kiosk());
    });
    const w = await mountKiosk();
    await press('2');
    const form = w.get('[data-testid=kiosk-pair]');
    await form.get('input').setValue('ab12cd34');
    await form.trigger('submit');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/devices/pair'))?.body).toEqual({ code: 'ab12cd34' });
    expect(calls.filter((c) => c.url.endsWith('/tickets'))).toHaveLength(2);
    // Its one socket handshakes again with the device cookie: the kiosk's presence on the Devices page.
    expect(reconnect.count).toBe(1);
    w.unmount();
  });

  it('returns to the service list 20 seconds after the slip', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    serve((url, init) => (init.method === 'POST' ? json(issued) : json(kiosk())));
    const w = await mountKiosk();
    await press('2');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    vi.advanceTimersByTime(19_000);
    await flushPromises();
    expect(w.find('[data-testid=slip]').exists()).toBe(true);
    vi.advanceTimersByTime(1_000);
    await flushPromises();
    expect(w.find('[data-testid=slip]').exists()).toBe(false);
    expect(w.find('[data-testid=service-HT]').exists()).toBe(true);
    w.unmount();
  });
  it('asks for the optional phone after the ticket, on a keypad; a bad number is shown beside the field; the next visitor starts clean', async () => {
    let first = true;
    serve((url, init) => {
      if (init.method !== 'POST') return json(kiosk());
      if (url.endsWith('/contact')) {
        if (first) {
          first = false;
          return new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'body.phone', message: 'Số điện thoại Việt Nam gồm 10–11 số' }] } }), { status: 400, headers: { 'content-type': 'application/json' } });
        }
        return json({ ticketId: HT, saved: true });
      }
      return json(issued);
    });
    const w = await mountKiosk();
    // Services come first: no phone field before the ticket.
    expect(w.find('[data-testid=notify-phone]').exists()).toBe(false);
    await w.get('[data-testid=service-DD]').trigger('click');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect(calls.find((c) => c.url.endsWith('/tickets'))!.body).toEqual({ serviceId: DD, priorityCategoryId: null });
    for (const d of '090511') await w.findAll('.kiosk__padkey').find((b) => b.text() === d)!.trigger('click');
    await w.get('[data-testid=phone-form]').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.url.endsWith('/contact')).at(-1)).toEqual({ method: 'POST', url: `/api/centers/${CENTER}/tickets/${HT}/contact`, body: { phone: '090511', language: 'vi' } });
    expect(w.get('#phone-error').text()).toBe('Số điện thoại Việt Nam gồm 10–11 số');
    expect(w.get('[data-testid=notify-phone]').attributes('aria-invalid')).toBe('true');
    await w.get('[data-testid=notify-phone]').setValue('0905 111 222');
    await w.get('[data-testid=phone-form]').trigger('submit');
    await flushPromises();
    expect(calls.filter((c) => c.url.endsWith('/contact')).at(-1)!.body).toEqual({ phone: '0905111222', language: 'vi' });
    expect(w.find('[data-testid=phone-saved]').exists()).toBe(true);
    expect(w.text()).not.toContain('0905111222');
    // Not printed by itself (not a paired kiosk): "In phiếu" is the primary action.
    expect(w.get('[data-testid=print]').classes()).toContain('kiosk__btn--primary');
    await w.findAll('.kiosk__btn').find((b) => b.text().includes('Xong'))!.trigger('click');
    await w.get('[data-testid=service-DD]').trigger('click');
    await vi.waitFor(() => expect(w.find('[data-testid=slip]').exists()).toBe(true));
    expect((w.get('[data-testid=notify-phone]').element as HTMLInputElement).value).toBe('');
    w.unmount();
  });

  it('a paired kiosk prints each slip by itself and then says where to take it', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    serve((url, init) => {
      // The API says the ticket was issued by a paired kiosk.
      return init.method === 'POST' ? json({ ...issued, counterLabels: ['Quầy 2', 'Quầy 4'], printAtKiosk: true }) : json(kiosk());
    });
    const w = await mountKiosk();
    await press('2');
    await vi.waitFor(() => expect(w.find('[data-testid=printed]').exists()).toBe(true));
    expect(print).toHaveBeenCalledTimes(1);
    expect(w.find('[data-testid=print]').exists()).toBe(false);
    expect(w.get('[data-testid=slip-counters]').text()).toContain('Quầy 2, Quầy 4');
    w.unmount();
  });
});
