import type { QueueRow } from '@motcua/contracts';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import QueueTable from './QueueTable.vue';

const row = (i: number): QueueRow => ({
  key: `k${i}`, label: `Cán bộ ${i}`, center: 'TT', issued: null, called: 10, served: 9, noShow: 1,
  avgWaitMinutes: i, p90WaitMinutes: i, avgServiceMinutes: 5, noShowRate: 0.1, servedWithinTarget: 0.9, ratings: 0, surveySatisfied: null, surveyAverage: null,
});
const render = (count: number, large = false) => mount(QueueTable, { props: { rows: Array.from({ length: count }, (_, i) => row(i)), labelHeader: 'Cán bộ', filename: 'x', showCenter: true, large }, global: { plugins: [i18n] } });
const labels = (w: ReturnType<typeof render>) => w.findAll('tbody th').map((c) => c.text());

describe('QueueTable', () => {
  it('shows the 15 longest waits first and the rest on request', async () => {
    const w = render(40);
    expect(labels(w)).toHaveLength(15);
    expect(labels(w)[0]).toBe('Cán bộ 39');
    const more = w.find('button.show-all');
    expect(more.text()).toBe('Xem tất cả 40 dòng');
    await more.trigger('click');
    expect(labels(w)).toHaveLength(40);
    expect(more.attributes('aria-expanded')).toBe('true');
    await more.trigger('click');
    expect(labels(w)).toHaveLength(15);
  });

  it('offers no button when everything fits, nor on a conference screen', () => {
    expect(render(15).find('button.show-all').exists()).toBe(false);
    expect(render(40, true).find('button.show-all').exists()).toBe(false);
  });
});
