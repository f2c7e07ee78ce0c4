import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { h } from 'vue';
import { i18n } from '../i18n/index.js';
import DeliveryLog from './DeliveryLog.vue';

type Row = { id: string; target: string };
const rows = (page: number): Row[] => [{ id: `r${page}`, target: `row of page ${page}` }];

function render(fetchPage: (page: number) => Promise<{ items: Row[]; total: number }>) {
  return mount(DeliveryLog<Row>, {
    props: { fetchPage, filter: { status: '' }, emptyTitle: 'Chưa có lượt gửi nào', 'data-testid': 'log' },
    slots: { head: () => h('th', 'Địa chỉ'), row: ({ item }: { item: Row }) => h('td', item.target) },
    global: { plugins: [i18n] },
  });
}

describe('DeliveryLog', () => {
  it('pages through the log and starts again at page 1 when the filter changes', async () => {
    const fetchPage = vi.fn(async (page: number) => ({ items: rows(page), total: 120 }));
    const log = render(fetchPage);
    await flushPromises();
    expect(log.find('[data-testid="log"] td').text()).toBe('row of page 1');
    expect(log.text()).toContain('1 / 3');
    const [back, next] = log.findAll('p button');
    expect(back!.attributes('disabled')).toBeDefined();
    await next!.trigger('click');
    await flushPromises();
    expect(log.find('td').text()).toBe('row of page 2');
    expect(log.text()).toContain('2 / 3');
    await log.setProps({ filter: { status: 'failed' } });
    await flushPromises();
    expect(fetchPage.mock.calls.map(([p]) => p)).toEqual([1, 2, 1]);
    expect(log.text()).toContain('1 / 3');
  });

  it('says so when nothing was sent', async () => {
    const log = render(async () => ({ items: [], total: 0 }));
    await flushPromises();
    expect(log.text()).toContain('Chưa có lượt gửi nào');
    expect(log.find('table').exists()).toBe(false);
  });
});
