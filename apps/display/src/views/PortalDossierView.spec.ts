import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import PortalDossierView from './PortalDossierView.vue';

type Answer = (init?: RequestInit) => Response;
const json = (body: unknown, status = 200): Answer => () => new Response(JSON.stringify(body), { status });
const me = json({ name: 'Nguyễn Thị Lan', idNumber: '001090000001', phone: '0912000001', expiresAt: '2026-12-01T03:00:00.000Z' });
const CODE = 'H12.32002-261201-0001';
const base = {
  code: CODE, title: 'Đăng ký thường trú', channel: 'online', status: 'awaiting_supplement', submittedAt: '2026-12-01T02:00:00.000Z', appointmentAt: null, actionNeeded: 'supplement',
  receivingCenter: { name: 'TT An Xuyên', address: 'Cà Mau' }, collectAt: { name: 'TT An Xuyên', address: 'Cà Mau' }, extendedDueAt: null, identityVerified: true, timeline: [],
  asked: { kind: 'supplement', items: ['Tờ khai'], answeredAt: null }, components: [{ index: 0, name: 'Tờ khai', required: true, hasFile: false }], form: [], downloads: [], rating: null, canRate: false,
};

async function render(answers: Record<string, Answer>) {
  const calls: Array<{ key: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const key = `${init?.method ?? 'GET'} ${decodeURIComponent(new URL(url, 'http://x').pathname)}`;
    calls.push({ key, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return (answers[key] ?? (() => new Response('{}', { status: 404 })))(init);
  }));
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/portal', component: { template: '<div />' } }, { path: '/portal/dossiers/:code', component: PortalDossierView, props: true }] });
  await router.push(`/portal/dossiers/${CODE}`);
  const w = mount(PortalDossierView, { props: { code: CODE }, global: { plugins: [i18n, router] } });
  await flushPromises();
  return { w, calls };
}

describe('PortalDossierView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says "supplement done" with the note; shows what the server says is missing, then the resumed dossier', async () => {
    let answer: Answer = json({ error: { code: 'CONFLICT', message: 'Chưa bổ sung đủ: Tờ khai.' } }, 409);
    const { w, calls } = await render({ 'GET /api/citizen/me': me, [`GET /api/citizen/dossiers/${CODE}`]: json(base), [`POST /api/citizen/dossiers/${CODE}/supplement`]: (i) => answer(i) });
    await w.find('#s-note').setValue('  Gửi bản rõ hơn ');
    await w.find('form.supplement').trigger('submit');
    await flushPromises();
    expect(w.find('[data-testid=portal-supplement-error]').text()).toBe('Chưa bổ sung đủ: Tờ khai.');
    expect(calls.at(-1)).toEqual({ key: `POST /api/citizen/dossiers/${CODE}/supplement`, body: { note: 'Gửi bản rõ hơn' } });
    answer = json({ ...base, status: 'in_process', actionNeeded: null, asked: null });
    await w.find('form.supplement').trigger('submit');
    await flushPromises();
    expect(w.find('[data-testid=portal-dossier-status]').text()).toBe('Đang giải quyết');
    expect(w.find('[data-testid=portal-supplement-resumed]').exists()).toBe(true);
  });

  it('offers the rating once the result is handed over, asks for a level, and shows the rating given', async () => {
    const returned = { ...base, status: 'returned', actionNeeded: null, asked: null, canRate: true };
    const { w, calls } = await render({
      'GET /api/citizen/me': me, [`GET /api/citizen/dossiers/${CODE}`]: json(returned),
      [`POST /api/citizen/dossiers/${CODE}/rating`]: json({ ...returned, canRate: false, rating: { level: 'very_satisfied', comment: null, at: '2026-12-02T02:00:00.000Z' } }, 201),
    });
    await w.find('[data-testid=portal-rate]').trigger('submit');
    expect(w.find('[data-testid=portal-rate] [role=alert]').text()).toBe('Hãy chọn một mức đánh giá');
    await w.find('input[value=very_satisfied]').setValue(true);
    await w.find('[data-testid=portal-rate]').trigger('submit');
    await flushPromises();
    expect(calls.at(-1)!.body).toEqual({ level: 'very_satisfied' });
    expect(w.find('[data-testid=portal-rated]').text()).toContain('Bạn đã đánh giá: Rất hài lòng');
    expect(w.find('[data-testid=portal-rate]').exists()).toBe(false);
  });
});
