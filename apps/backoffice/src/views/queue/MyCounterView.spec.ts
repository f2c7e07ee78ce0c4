import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../../i18n/index.js';
import MyCounterView from './MyCounterView.vue';

const id = (n: number) => `0196b0a4-1c2d-7e3f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;
const assignment = (n: number) => ({ id: id(n), staffId: id(1), counterId: id(10 + n), workDate: '2026-11-25', shift: 'full', centerId: id(2), counterLabel: `Quầy ${n}` });

async function render(assignments: unknown[]) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ date: '2026-11-25', assignments }), { status: 200 })));
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/my-counter', name: 'my-counter', component: MyCounterView }, { path: '/counter/:counterId', name: 'counter', component: { template: '<p>desk</p>' } }],
  });
  await router.push('/my-counter');
  const wrapper = mount(MyCounterView, { global: { plugins: [i18n, router] } });
  await flushPromises();
  return { wrapper, router };
}

describe('MyCounterView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says so when the officer has no counter today', async () => {
    const { wrapper } = await render([]);
    expect(wrapper.text()).toContain('Bạn chưa được phân công quầy hôm nay');
  });

  it('opens the only counter of the day straight away', async () => {
    const { router } = await render([assignment(1)]);
    expect(router.currentRoute.value.fullPath).toBe(`/counter/${id(11)}`);
  });

  it('lists the counters when there are several', async () => {
    const { wrapper } = await render([assignment(1), assignment(2)]);
    expect(wrapper.findAll('a').map((a) => a.attributes('href'))).toEqual([`/counter/${id(11)}`, `/counter/${id(12)}`]);
  });
});
