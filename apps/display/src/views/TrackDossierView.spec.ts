import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import TrackDossierView from './TrackDossierView.vue';

async function render(path = '/track?code=H12.32002-261201-0001') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/track', component: TrackDossierView }] });
  await router.push(path);
  return mount(TrackDossierView, { global: { plugins: [i18n, router] } });
}

describe('TrackDossierView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes the code from the QR link and shows status, appointment, where to collect and each status change', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({
      code: 'H12.32002-261201-0001', title: 'Đăng ký thường trú', status: 'resolved', receivedAt: '2026-12-01T02:00:00.000Z', appointmentAt: '2026-12-10T02:00:00.000Z', extendedDueAt: null,
      collectAt: { name: 'Trung tâm Phục vụ hành chính công phường An Xuyên', address: 'Phường An Xuyên, Tỉnh Cà Mau' },
      timeline: [
        { at: '2026-12-01T02:00:00.000Z', status: 'submitted', kind: 'submitted' },
        { at: '2026-12-01T02:00:00.000Z', status: 'received', kind: 'received' },
        { at: '2026-12-02T02:00:00.000Z', status: 'in_process', kind: 'assign' },
        { at: '2026-12-09T02:00:00.000Z', status: 'resolved', kind: 'resolved' },
      ],
    })));
    vi.stubGlobal('fetch', fetch);
    const w = await render();
    expect((w.find('#t-code').element as HTMLInputElement).value).toBe('H12.32002-261201-0001');
    await w.find('#t-phone').setValue('5678');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toContain('/api/track?code=H12.32002-261201-0001&phoneLast4=5678');
    expect(w.find('[data-testid=tracking-status]').text()).toBe('Đã có kết quả, mời nhận');
    expect(w.text()).toContain('10/12/2026');
    expect(w.text()).toContain('Trung tâm Phục vụ hành chính công phường An Xuyên');
    expect(w.findAll('.timeline li')).toHaveLength(4);
    expect(w.find('.timeline li.current').text()).toContain('Đã có kết quả');
  });

  it('a dossier waiting for a financial obligation shows the amount and how to pay (#18 item 13)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({
      code: 'H12.32002-261201-0002', title: 'Chuyển nhượng quyền sử dụng đất', status: 'awaiting_obligation', receivedAt: '2026-12-01T02:00:00.000Z', appointmentAt: null, extendedDueAt: null,
      collectAt: { name: 'Trung tâm An Xuyên', address: 'Phường An Xuyên' }, payment: { amountVnd: 1250000, howToPay: 'Nộp tại Kho bạc hoặc qua Cổng DVC quốc gia' },
      timeline: [{ at: '2026-12-01T02:00:00.000Z', status: 'awaiting_obligation', kind: 'obligation' }],
    }))));
    const w = await render();
    await w.find('#t-phone').setValue('5678');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid=tracking-amount]').text()).toBe('1.250.000 đ');
    expect(w.get('[data-testid=tracking-how]').text()).toBe('Nộp tại Kho bạc hoặc qua Cổng DVC quốc gia');
  });

  it('shows the field message for a wrong second factor', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'query.phoneLast4', message: 'Nhập 4 số cuối điện thoại' }] } }), { status: 400 })));
    const w = await render();
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.find('.field-error').text()).toBe('Nhập 4 số cuối điện thoại');
    expect(w.find('#t-phone').attributes('aria-invalid')).toBe('true');
    expect(w.find('[data-testid=tracking]').exists()).toBe(false);
  });
});
