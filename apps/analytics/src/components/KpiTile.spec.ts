import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import KpiTile from './KpiTile.vue';

const render = (value: number | null) => mount(KpiTile, { props: { label: 'Đúng hạn', value, target: 0.99 }, global: { plugins: [i18n] } });

describe('KpiTile', () => {
  it('shows "no data" for null, never 0%', () => {
    const w = render(null);
    expect(w.text()).toContain('Chưa có dữ liệu');
    expect(w.text()).not.toMatch(/\b0\s?%/);
  });
  it('shows 0% for a real zero, marked below target', () => {
    const w = render(0);
    expect(w.find('.value').text()).toMatch(/^0\s?%$/);
    expect(w.classes()).toContain('tile--bad');
  });
  it('marks a value that meets the target', () => {
    expect(render(0.995).classes()).toContain('tile--ok');
  });
});
