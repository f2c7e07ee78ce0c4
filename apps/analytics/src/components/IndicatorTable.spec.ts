import type { IndicatorsRow } from '@motcua/contracts';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18n } from '../i18n/index.js';
import IndicatorTable from './IndicatorTable.vue';

const row = (key: string, onTime: number | null, resolved = onTime === null ? 0 : 10): IndicatorsRow => ({
  key,
  label: key,
  counts: { received: 1, receivedOnline: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0, withdrawnOnTime: 0, withdrawnLate: 0, inProgressInTime: 0, inProgressOverdue: 0, originalOnTime: 0, originalInTime: 0, withFee: 0, paidOnline: 0, dissatisfied: 0, digitised: 0, eResults: 0, digitisedAtReception: 0, reusedData: 0 },
  indicators: { resolved, toProcess: resolved, overdue: 0, onTimeRate: onTime, onTimeRate766: onTime, onTimeRate766Original: onTime, lateRate: null, onlineRate: null, onlinePaymentRate: null, satisfaction766: null, eResultRate: null, digitisedAtReceptionRate: null, dataReuseRate: null },
  score766: { total: null, outOf: 0, groups: {}, groupOutOf: {} },
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
    const header = w.findAll('thead button').find((b) => b.text().startsWith('Tỷ lệ giải quyết đúng hạn (766)'))!;
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
    const w = render({ detail: true, scopeOf: (r: IndicatorsRow | null) => ({ scope: r ? { unitId: `unit-${r.key}` } : {} }) });
    const links = w.findAll('tbody tr')[0]!.findAll('a').map((a) => decodeURIComponent(a.attributes('href') ?? ''));
    expect(links.find((h) => h.includes('figure=onTimeRate766&'))).toMatch(/part=denominator.*unitId=unit-B/);
    expect(links.find((h) => h.includes('figure=onTimeRate766Original'))).toContain('unitId=unit-B');
    expect(links.find((h) => h.includes('figure=lateRate'))).toContain('part=numerator');
    expect(render().findAll('tbody a')).toHaveLength(0);
  });

  it('has one on-time column, the 766 headline; the other definitions only in the detail table, labelled for reference', () => {
    const headers = (w: ReturnType<typeof render>) => w.findAll('thead th').map((h) => h.text());
    const plain = headers(render());
    expect(plain.filter((h) => /đúng hạn|đúng hẹn/i.test(h))).toEqual(['Tỷ lệ giải quyết đúng hạn (766)']);
    const detail = headers(render({ detail: true }));
    expect(detail).toContain('Tham khảo: đúng hạn trong số hồ sơ đã có kết quả');
    expect(detail).toContain('Tham khảo: so với hẹn ban đầu, không trừ thời gian');
  });

  it('a commune with no resolved dossier shows "no data" in every outcome column, not 100% in one and no data in the next', () => {
    // Three received, all still open in time: the raw 766 rate is 100%, the resolved-only rate has no denominator.
    const open = { ...row('Xã Mới', 1, 0), indicators: { ...row('Xã Mới', 1, 0).indicators, toProcess: 3, onTimeRate: null, lateRate: 0, satisfaction766: 1 }, score766: { total: 25, outOf: 72, groups: {}, groupOutOf: {} } };
    const w = mount(IndicatorTable, {
      props: { rows: [open], labelHeader: 'Đơn vị', filename: 'x', detail: true },
      global: { plugins: [i18n, createRouter({ history: createMemoryHistory(), routes })] },
    });
    const headers = w.findAll('thead th').map((h) => h.text().replace(/[▲▼]/g, '').trim());
    const cells = w.findAll('tbody td').map((c) => c.text());
    const cell = (name: string) => cells[headers.indexOf(name) - 1];
    for (const name of ['Tỷ lệ giải quyết đúng hạn (766)', 'Tham khảo: so với hẹn ban đầu, không trừ thời gian', 'Tham khảo: đúng hạn trong số hồ sơ đã có kết quả', 'Hài lòng (766)', 'Điểm 766']) expect(cell(name)).toBe('Chưa có dữ liệu');
    expect(cells.join(' ')).not.toContain('100');
  });
});
