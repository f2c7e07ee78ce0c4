import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import KpiTile from './KpiTile.vue';

const render = (value: number | null, previous?: number | null) => mount(KpiTile, { props: { label: 'Đúng hạn', value, target: 0.99, previous }, global: { plugins: [i18n] } });

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
  it('says met or not in words, not by colour alone', () => {
    expect(render(0.995).find('[data-testid="verdict"]').text()).toBe('Đạt');
    expect(render(0.97).find('[data-testid="verdict"]').text()).toBe('Chưa đạt');
    expect(render(null).find('[data-testid="verdict"]').exists()).toBe(false);
  });
  it('shows the change against the previous period in points, with its direction', () => {
    const down = render(0.971, 0.992).find('[data-testid="change"]');
    expect(down.text()).toBe('▼ −2,1 điểm so với kỳ trước');
    expect(down.classes()).toContain('change--down');
    expect(render(0.995, 0.99).find('[data-testid="change"]').text()).toBe('▲ +0,5 điểm so với kỳ trước');
    expect(render(0.99, 0.99).find('[data-testid="change"]').text()).toContain('Không đổi');
    expect(render(0.99, null).find('[data-testid="change"]').text()).toBe('Kỳ trước chưa có dữ liệu');
    // Not yet loaded: nothing rather than a wrong claim.
    expect(render(0.99).find('[data-testid="change"]').exists()).toBe(false);
  });
});
