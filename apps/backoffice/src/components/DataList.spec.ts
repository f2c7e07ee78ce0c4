import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import { i18n } from '../i18n/index.js';
import DataList from './DataList.vue';

type Row = { id: string; name: string; active: boolean };
const columns = [{ key: 'name', label: 'Tên' }, { key: 'active', label: 'Trạng thái' }];
const loader = (over: { loading?: boolean; error?: unknown } = {}) => ({ loading: ref(over.loading ?? false), error: ref(over.error ?? null), load: () => undefined });

function render(rows: Row[], more: { loader?: ReturnType<typeof loader>; actions?: boolean } = {}) {
  return mount(DataList<Row>, {
    props: { rows, columns, rowKey: (r: Row) => r.id, rowTestid: (r: Row) => `row-${r.id}`, emptyTitle: 'Chưa có gì', loader: more.loader, 'data-testid': 'list' },
    slots: {
      'cell-active': ({ row }: { row: Row }) => (row.active ? 'Đang dùng' : 'Đã tắt'),
      ...(more.actions === false ? {} : { actions: ({ row }: { row: Row }) => h('button', { type: 'button' }, `Sửa ${row.name}`) }),
    },
    global: { plugins: [i18n] },
  });
}

describe('DataList', () => {
  it('draws a header per column, the row field or its cell slot, and the row actions last', () => {
    const list = render([{ id: 'a', name: 'Ana', active: true }, { id: 'b', name: 'Bảo', active: false }], { loader: loader() });
    expect(list.findAll('[data-testid="list"] th').map((th) => th.text())).toEqual(['Tên', 'Trạng thái', 'Thao tác']);
    expect(list.find('th .sr-only').text()).toBe('Thao tác');
    expect(list.findAll('[data-testid="row-b"] td').map((td) => td.text())).toEqual(['Bảo', 'Đã tắt', 'Sửa Bảo']);
  });

  it('has no actions column without the slot', () => {
    const list = render([{ id: 'a', name: 'Ana', active: true }], { actions: false });
    expect(list.findAll('th')).toHaveLength(2);
  });

  it('shows loading, then a failure with retry, and an empty list by its title', () => {
    expect(render([], { loader: loader({ loading: true }) }).find('table').exists()).toBe(false);
    const failed = render([], { loader: loader({ error: new Error('boom') }) });
    expect(failed.find('table').exists()).toBe(false);
    expect(failed.find('[role="alert"]').exists()).toBe(true);
    expect(render([]).text()).toContain('Chưa có gì');
  });
});
