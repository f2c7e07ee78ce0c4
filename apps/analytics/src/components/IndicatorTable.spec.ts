import type { IndicatorsRow } from '@motcua/contracts';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import IndicatorTable from './IndicatorTable.vue';

const row = (key: string, onTime: number | null): IndicatorsRow => ({
  key,
  label: key,
  counts: { received: 1, receivedOnline: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, withdrawnOnTime: 0, withdrawnLate: 0, inProgressInTime: 0, inProgressOverdue: 0, originalOnTime: 0, originalInTime: 0, withFee: 0, paidOnline: 0, dissatisfied: 0, digitised: 0 },
  indicators: { resolved: 0, toProcess: 0, overdue: 0, onTimeRate: onTime, onTimeRate766: onTime, onTimeRate766Original: onTime, lateRate: null, onlineRate: null, onlinePaymentRate: null, satisfaction766: null, digitisationRate: null },
  score766: { total: null, outOf: 0, groups: {} },
});

const routes = [{ path: '/', component: { template: '<p />' } }, { path: '/dossiers', name: 'dossiers', component: { template: '<p />' } }];
const render = (extra: Record<string, unknown> = {}) =>
  mount(IndicatorTable, {
    props: { rows: [row('B', 0.5), row('C', null), row('A', 0.9)], labelHeader: 'Đơn vị', filename: 'x', ...extra },
    global: { plugins: [i18n, createRouter({ history: createMemoryHistory(), routes })] },
  });
const order = (w: ReturnType<typeof render>) => w.findAll('tbody th').map((c) => c.text());

describe('IndicatorTable', () => {
  it('sorts worst first on the first click and keeps "no data" last either way', async () => {
    const w = render();
    const header = w.findAll('thead button').find((b) => b.text().startsWith('Đúng hạn (766)'))!;
    await header.trigger('click');
    expect(order(w)).toEqual(['B', 'A', 'C']);
    await header.trigger('click');
    expect(order(w)).toEqual(['A', 'B', 'C']);
    expect(w.find('thead th[aria-sort="descending"]').exists()).toBe(true);
  });

  it('writes "no data" for a missing rate, never 0%', () => {
    const cells = render().findAll('tbody tr')[1]!.findAll('td').map((c) => c.text());
    expect(cells).toContain('Chưa có dữ liệu');
    expect(cells.join(' ')).not.toMatch(/\b0\s?%/);
  });

  it('opens the dossiers behind each figure of a row: the rate\'s denominator in that row\'s unit, late ones as a numerator', async () => {
    const w = render({ scopeOf: (r: IndicatorsRow | null) => ({ scope: r ? { unitId: `unit-${r.key}` } : {} }) });
    const links = w.findAll('tbody tr')[0]!.findAll('a').map((a) => decodeURIComponent(a.attributes('href') ?? ''));
    expect(links.find((h) => h.includes('figure=onTimeRate766&'))).toMatch(/part=denominator.*unitId=unit-B/);
    expect(links.find((h) => h.includes('figure=onTimeRate766Original'))).toContain('unitId=unit-B');
    expect(links.find((h) => h.includes('figure=lateRate'))).toContain('part=numerator');
    expect(render().findAll('tbody a')).toHaveLength(0);
  });
});
