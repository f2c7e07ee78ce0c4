import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.js';
import HomeView from './HomeView.vue';

describe('HomeView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('tells citizens when the system is down instead of failing silently', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => { throw new TypeError('offline'); }));
    const w = mount(HomeView, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.text()).toContain('Hệ thống đang bảo trì');
  });

  it('says it is running when health is ok', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 'ok', version: '1', uptimeSeconds: 1, checks: { postgres: { status: 'up' }, redis: { status: 'up' } } }))));
    const w = mount(HomeView, { global: { plugins: [i18n] } });
    await flushPromises();
    expect(w.text()).toContain('Hệ thống đang hoạt động');
  });
});
