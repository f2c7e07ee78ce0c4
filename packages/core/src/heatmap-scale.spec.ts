import { describe, expect, it } from 'vitest';
import { heatScale, openingSlots } from './heatmap-scale.js';

describe('heatmap scale', () => {
  it('takes the hours that overlap the office windows (07:30–11:30, 13:00–17:00, Monday–Friday)', () => {
    const slots = openingSlots();
    expect([...slots.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(slots.get(1)).toEqual([7, 8, 9, 10, 11, 13, 14, 15, 16]);
  });

  it('caps the scale at a quantile of the open cells, so one unusual hour does not wash out the rest', () => {
    const cells = [1, 2, 3, 4, 5].flatMap((weekday) => [7, 8, 9, 10, 11, 13, 14, 15, 16].map((hour) => ({ weekday, hour, issued: 10 + hour })));
    cells.push({ weekday: 2, hour: 9, issued: 900 });
    cells.push({ weekday: 7, hour: 9, issued: 50 }, { weekday: 1, hour: 20, issued: 7 });
    const scale = heatScale(cells);
    expect(scale.cap).toBe(26);
    // An ordinary busy hour is near full colour, not a pale 3% of the outlier.
    expect(scale.level(25)).toBeGreaterThan(0.9);
    expect(scale.level(900)).toBe(1);
    expect(scale.isCapped(900)).toBe(true);
    expect(scale.isCapped(20)).toBe(false);
    // Sunday and 20:00 are not drawn: they are counted apart.
    expect(scale.weekdays).not.toContain(7);
    expect(scale.hours).not.toContain(20);
    expect(scale.outside).toBe(57);
  });
});
