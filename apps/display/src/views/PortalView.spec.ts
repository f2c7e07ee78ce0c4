import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import PortalView from './PortalView.vue';

async function render(answers: Record<string, () => Response>, path = '/portal') {
  vi.stubGlobal('fetch', vi.fn(async (url: string) => (answers[new URL(url, 'http://x').pathname] ?? (() => new Response('{}', { status: 404 })))()));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/portal', component: PortalView }, { path: '/portal/:rest(.*)', component: PortalView }] });
  await router.push(path);
  const w = mount(PortalView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return w;
}
const json = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status });
const me = json({ name: 'Nguyễn Thị Lan', idNumber: '001090000001', phone: '0912000001', expiresAt: '2026-12-01T03:00:00.000Z' });

describe('PortalView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers sign-in with the identity provider when no citizen is signed in, and says when it was cancelled', async () => {
    const w = await render({ '/api/citizen/me': json({ error: { code: 'UNAUTHENTICATED', message: 'Sign in' } }, 401) }, '/portal?signin=cancelled');
    expect(w.find('[data-testid=portal-sign-in]').attributes('href')).toBe('/api/citizen/auth/sign-in?returnTo=%2Fportal');
    expect(w.text()).toContain('Bạn đã hủy đăng nhập.');
  });

  it('lists my dossiers with status and what is asked of me, or says there are none', async () => {
    const list = [{ code: 'H12.32002-261201-0001', title: 'Đăng ký thường trú', channel: 'counter', status: 'awaiting_obligation', submittedAt: '2026-12-01T02:00:00.000Z', appointmentAt: null, actionNeeded: 'payment' }];
    const w = await render({ '/api/citizen/me': me, '/api/citizen/dossiers': json(list) });
    expect(w.find('[data-testid=portal-who]').text()).toContain('Nguyễn Thị Lan');
    const item = w.find('[data-testid=portal-list] a');
    expect(item.text()).toContain('Chờ bạn nộp nghĩa vụ tài chính');
    expect(item.text()).toContain('Cần nộp phí');
    expect(item.text()).toContain('Tại quầy');
    const empty = await render({ '/api/citizen/me': me, '/api/citizen/dossiers': json([]) });
    expect(empty.find('[data-testid=portal-empty]').text()).toBe('Chưa có hồ sơ nào mang số định danh của bạn.');
  });

  it('shows the error when the list cannot be loaded', async () => {
    const w = await render({ '/api/citizen/me': me, '/api/citizen/dossiers': json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'Hệ thống tạm thời gián đoạn' } }, 503) });
    expect(w.find('[role=alert]').text()).toContain('Hệ thống tạm thời gián đoạn');
  });
});
