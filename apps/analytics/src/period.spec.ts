import { describe, expect, it } from 'vitest';
import { bucketFor, clipToToday, lastCompleteMonth, periodAround, previousComparable, shiftPeriod } from './period.js';

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
  it('clips the current month at today and compares it with the same days of the month before, not a whole month', () => {
    const december = clipToToday(periodAround('month', '2026-12-05'), '2026-12-05');
    expect(december).toEqual({ kind: 'month', from: '2026-12-01', to: '2026-12-05' });
    expect(previousComparable(december)).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-05' });
    // A whole past month is compared with the whole month before.
    expect(previousComparable(periodAround('month', '2026-11-10'))).toEqual({ kind: 'month', from: '2026-10-01', to: '2026-10-31' });
    // 1–31 March clipped is compared with 1–28 February, the most February has.
    expect(previousComparable({ kind: 'month', from: '2026-03-01', to: '2026-03-30' })).toEqual({ kind: 'month', from: '2026-02-01', to: '2026-02-28' });
    // The next period from a clipped month is the whole next month.
    expect(shiftPeriod(december, 1)).toEqual({ kind: 'month', from: '2027-01-01', to: '2027-01-31' });
    // A past period is not clipped.
    expect(clipToToday(periodAround('month', '2026-10-10'), '2026-12-05').to).toBe('2026-10-31');
  });
  it('rolls the last 30 days up to today and compares them with the 30 days before', () => {
    const last30 = periodAround('last30', '2026-12-05');
    expect(last30).toEqual({ kind: 'last30', from: '2026-11-06', to: '2026-12-05' });
    expect(previousComparable(last30)).toEqual({ kind: 'custom', from: '2026-10-07', to: '2026-11-05' });
    expect(lastCompleteMonth('2026-12-05')).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30' });
  });
});
