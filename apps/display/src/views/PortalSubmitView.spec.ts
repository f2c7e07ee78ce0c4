import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import PortalSubmitView from './PortalSubmitView.vue';

type Answer = () => Response;
const json = (body: unknown, status = 200): Answer => () => new Response(JSON.stringify(body), { status });
const me = json({ name: 'Nguyễn Thị Lan', idNumber: '001090000001', phone: '0912000001', expiresAt: '2026-12-01T03:00:00.000Z' });
const ID = '0193a000-0000-7000-8000-000000000001';
const DOC = '0193a000-0000-7000-8000-0000000000d1';
const procedures = json([{
  id: ID, code: 'CTR-XN', name: 'Xác nhận cư trú', onlineLevel: 'full', feeVnd: 0, eForm: [], centers: [{ id: ID, name: 'TT An Xuyên' }],
  checklist: [{ index: 0, name: { vi: 'Tờ khai', en: 'Declaration' }, required: true }, { index: 1, name: { vi: 'Giấy ủy quyền', en: 'Proxy' }, required: false }],
}]);

async function render(answers: Record<string, Answer>) {
  const calls: Array<{ key: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${new URL(url, 'http://x').pathname}`;
    calls.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return (answers[key] ?? (() => new Response('{}', { status: 404 })))();
  }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)', component: PortalSubmitView }] });
  await router.push('/portal/submit');
  const w = mount(PortalSubmitView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return { w, calls };
}

describe('PortalSubmitView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers my digitised papers for the items of the same name and sends the pick with the submission', async () => {
    const reusable = json([{ id: DOC, dossierCode: 'H12-261101-0003', name: 'Tờ khai', pages: 2, attachedAt: '2026-11-01T02:00:00.000Z' }]);
    const receipt = json({ code: 'H12-261201-0009', status: 'submitted', submittedAt: '2026-12-01T02:00:00.000Z', appointmentAt: null, receivingCenter: { name: 'TT', address: 'x' }, trackingPath: '/portal/dossiers/H12-261201-0009', trackingHint: '' });
    const { w, calls } = await render({ 'GET /api/citizen/me': me, 'GET /api/citizen/procedures': procedures, 'GET /api/citizen/reusable-documents': reusable, 'POST /api/citizen/dossiers': receipt });
    expect(w.find('[data-testid=portal-checklist-0] select').exists()).toBe(true);
    expect(w.find('[data-testid=portal-checklist-1] select').exists()).toBe(false);
    expect(w.find('[data-testid=portal-checklist-0] select').text()).toContain('Tệp của hồ sơ H12-261101-0003 (2 trang');
    await w.find('[data-testid=portal-checklist-0] select').setValue(DOC);
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(calls.find((c) => c.key === 'POST /api/citizen/dossiers')!.body).toMatchObject({ procedureId: ID, reuse: [{ index: 0, documentId: DOC }] });
    expect(w.find('[data-testid=portal-receipt]').exists()).toBe(true);
  });

  it('says when none is digitised, and lets me submit when they cannot be loaded', async () => {
    const empty = await render({ 'GET /api/citizen/me': me, 'GET /api/citizen/procedures': procedures, 'GET /api/citizen/reusable-documents': json([]) });
    expect(empty.w.find('[data-testid=portal-reuse-empty]').exists()).toBe(true);
    const failed = await render({ 'GET /api/citizen/me': me, 'GET /api/citizen/procedures': procedures, 'GET /api/citizen/reusable-documents': json({ error: { code: 'SERVICE_UNAVAILABLE', message: 'x' } }, 503) });
    expect(failed.w.find('[data-testid=portal-reuse-error]').exists()).toBe(true);
    expect(failed.w.find('[data-testid=portal-submit]').attributes('disabled')).toBeUndefined();
  });
});
