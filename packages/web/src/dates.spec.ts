import { describe, expect, it } from 'vitest';
import { addDays, dayIn } from './dates.js';

describe('dates', () => {
  it('takes the day in the center’s time zone, not the browser’s', () => {
    // 18:30 UTC on 31 Dec is already 1 Jan in Hồ Chí Minh City (UTC+7).
    expect(dayIn('Asia/Ho_Chi_Minh', new Date('2026-12-31T18:30:00Z'))).toBe('2027-01-01');
    expect(dayIn('UTC', new Date('2026-12-31T18:30:00Z'))).toBe('2026-12-31');
  });

  it('moves across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
