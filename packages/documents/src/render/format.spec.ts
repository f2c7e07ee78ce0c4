import { describe, expect, it } from 'vitest';
import { formatDateLine, formatDateTime } from './format.js';

describe('formatDateTime', () => {
  it('prints dd/mm/yyyy HH:mm in the given zone, crossing midnight from UTC', () => {
    expect(formatDateTime(new Date('2026-03-04T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('05/03/2026 00:30');
    expect(formatDateTime(new Date('2026-03-04T17:30:00Z'), 'UTC')).toBe('04/03/2026 17:30');
  });
});

describe('formatDateLine', () => {
  it('prints the place and the local date in words', () => {
    expect(formatDateLine('Cà Mau', new Date('2026-12-31T18:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Cà Mau, ngày 01 tháng 01 năm 2027');
  });
});
