import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { NetworkError } from '../api-client.js';
import { useLoader } from '../composables/useLoader.js';
import { createAppI18n } from '../i18n.js';
import ListStates from './ListStates.vue';

function render(fetch: () => Promise<string[]>) {
  const Page = defineComponent({
    setup() {
      const list = useLoader(fetch, []);
      void list.load();
      return () => h(ListStates, { loader: list, empty: !list.data.value.length, emptyTitle: 'Chưa có thiết bị' }, () => h('ul', list.data.value.map((x) => h('li', x))));
    },
  });
  return mount(Page, { global: { plugins: [createAppI18n('test', { vi: {}, en: {} }).i18n] } });
}

describe('ListStates', () => {
  it('shows loading, then the list', async () => {
    const page = render(async () => ['Màn hình sảnh']);
    expect(page.find('[role="status"]').exists()).toBe(true);
    await flushPromises();
    expect(page.find('li').text()).toBe('Màn hình sảnh');
  });

  it('shows the empty state for an empty list', async () => {
    const page = render(async () => []);
    await flushPromises();
    expect(page.text()).toContain('Chưa có thiết bị');
    expect(page.find('ul').exists()).toBe(false);
  });

  it('shows the failure, and its retry loads again', async () => {
    const fetch = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new NetworkError('down')).mockResolvedValueOnce(['Kiosk 1']);
    const page = render(fetch);
    await flushPromises();
    expect(page.find('[role="alert"]').text()).toContain('Không kết nối được máy chủ');
    await page.find('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(page.find('li').text()).toBe('Kiosk 1');
  });
});
