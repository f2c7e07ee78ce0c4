import { describe, expect, it } from 'vitest';
import { bucketFor, periodAround, shiftPeriod } from './period.js';

describe('periods', () => {
  it('finds the week (Monday first), month, quarter and year around a day', () => {
    // 25 November 2026 is a Wednesday.
    expect(periodAround('week', '2026-11-25')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
    expect(periodAround('week', '2026-11-29')).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
    expect(periodAround('month', '2028-02-10')).toEqual({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(periodAround('quarter', '2026-11-25')).toEqual({ kind: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(periodAround('year', '2026-11-25')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });
  it('steps to the previous and next period', () => {
    expect(shiftPeriod(periodAround('month', '2026-03-15'), -1)).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    expect(shiftPeriod(periodAround('quarter', '2026-11-25'), 1)).toEqual({ kind: 'quarter', from: '2027-01-01', to: '2027-03-31' });
    expect(shiftPeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-10' }, 1)).toEqual({ kind: 'custom', from: '2026-03-11', to: '2026-03-20' });
  });
  it('chooses trend buckets by length', () => {
    expect(bucketFor(periodAround('month', '2026-03-01'))).toBe('day');
    expect(bucketFor(periodAround('quarter', '2026-03-01'))).toBe('week');
    expect(bucketFor(periodAround('year', '2026-03-01'))).toBe('month');
  });
});
