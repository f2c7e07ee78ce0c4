import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.js';
import HeatmapGrid from './HeatmapGrid.vue';

describe('HeatmapGrid', () => {
  it('shows opening hours only, on a capped scale: one unusual hour is marked, not washing out the others', () => {
    const cells = [1, 2, 3, 4, 5].flatMap((weekday) => [7, 8, 9, 10, 11, 13, 14, 15, 16].map((hour) => ({ weekday, hour, issued: 20 })));
    cells.find((c) => c.weekday === 2 && c.hour === 9)!.issued = 900;
    cells.push({ weekday: 7, hour: 10, issued: 30 }, { weekday: 3, hour: 19, issued: 5 });
    const w = mount(HeatmapGrid, { props: { heatmap: { cells, max: 900 } }, global: { plugins: [i18n] } });
    const rows = w.findAll('tbody tr');
    expect(rows.map((r) => r.find('th').text())).toEqual(['Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu']);
    expect(w.findAll('thead th').map((h) => h.text()).slice(1)).toEqual(['7h', '8h', '9h', '10h', '11h', '13h', '14h', '15h', '16h']);
    // An ordinary cell is at full colour (20 is the 90% level), not 2% of the outlier.
    expect(rows[0]!.findAll('td')[0]!.attributes('data-level')).toBe('1.00');
    const outlier = rows[1]!.findAll('td')[2]!;
    expect(outlier.text()).toContain('900');
    expect(outlier.text()).toContain('vượt mức màu');
    expect(w.find('[data-testid="heatmap-outside"]').text()).toBe('35 lượt lấy số ngoài giờ làm việc không hiển thị trên bảng.');
  });
});
