import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import PayView from './PayView.vue';

const CODE = 'H12.32002-261201-0001';
const due = { code: CODE, title: 'Đăng ký thường trú', status: 'received', due: { purpose: 'fee', amountVnd: 20000 }, online: true, attempts: [] };

async function render() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/pay/:dossierCode', name: 'pay', component: PayView, props: true },
      { path: '/track', name: 'track-dossier', component: PayView },
      { path: '/portal/dossiers/:code', name: 'portal-dossier', component: PayView },
    ],
  });
  await router.push(`/pay/${CODE}`);
  return mount(PayView, { props: { dossierCode: CODE }, global: { plugins: [i18n, router] } });
}

describe('PayView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('opened by the signed-in owner (from the portal): no phone field, pays without the digits', async () => {
    const fetch = vi.fn(async (url: string) => new Response(JSON.stringify(String(url).includes('/payments/due') ? due : { txnRef: 'A', amountVnd: 20000, redirectUrl: 'https://sandbox.test/pay' }), { status: String(url).includes('/payments/due') ? 200 : 201 }));
    vi.stubGlobal('fetch', fetch);
    const assign = vi.fn();
    vi.stubGlobal('location', { ...window.location, assign });
    const w = await render();
    await flushPromises();
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toMatch(/\/api\/payments\/due\?code=H12\.32002-261201-0001$/);
    expect(w.find('#p-phone').exists()).toBe(false);
    expect(w.get('[data-testid=pay-as-citizen]').text()).toContain('không cần nhập số điện thoại');
    expect(w.get('[data-testid=pay-amount]').text()).toBe('20.000 đ');
    await w.get('[data-testid=pay-button]').trigger('click');
    await flushPromises();
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ code: CODE, locale: 'vi' });
  });

  it('without a citizen session (400) the phone field is shown, with no error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Dữ liệu chưa hợp lệ', details: [{ path: 'query.phoneLast4', message: 'Nhập 4 số cuối điện thoại' }] } }), { status: 400 })));
    const w = await render();
    await flushPromises();
    expect(w.find('#p-phone').exists()).toBe(true);
    expect(w.find('[role=alert]').exists()).toBe(false);
    expect(w.find('.field-error').exists()).toBe(false);
  });
});
