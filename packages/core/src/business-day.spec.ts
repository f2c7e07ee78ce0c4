import { describe, expect, it } from 'vitest';
import { businessDate } from './business-day.js';
import { FixedClock } from './clock.js';

describe('businessDate', () => {
  it('uses the local date in Vietnam, not the UTC date', () => {
    // 17:30 UTC on 31 Dec is already 00:30 on 1 Jan in Hanoi.
    expect(businessDate(new Date('2026-12-31T17:30:00Z'))).toBe('2027-01-01');
    expect(businessDate(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });

  it('honours another time zone', () => {
    expect(businessDate(new Date('2026-12-31T17:30:00Z'), 'UTC')).toBe('2026-12-31');
  });
});

describe('FixedClock', () => {
  it('stands still until moved', () => {
    const clock = new FixedClock('2026-11-22T01:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-11-22T01:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2026-11-22T01:01:00.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().getUTCFullYear()).toBe(2027);
  });
});
