import { describe, expect, it } from 'vitest';
import { ScanBuffer } from './scan-input.js';

const burst = (b: ScanBuffer, text: string, start: number, step: number) => [...text].map((c, i) => b.push(c, start + i * step));

describe('ScanBuffer', () => {
  it('reads a reader\'s fast burst ending with Enter', () => {
    const b = new ScanBuffer();
    expect(burst(b, 'AB12CD34', 1000, 8)).toEqual([false, true, true, true, true, true, true, true]);
    expect(b.enter(1000 + 8 * 8)).toBe('AB12CD34');
    // Read once.
    expect(b.enter(1000 + 8 * 9)).toBeNull();
  });

  it('ignores a person typing, a short burst and an Enter long after the burst', () => {
    const b = new ScanBuffer();
    burst(b, 'AB12CD34', 0, 200);
    expect(b.enter(1600)).toBeNull();
    burst(b, 'AB12', 5000, 5);
    expect(b.enter(5020)).toBeNull();
    burst(b, 'AB12CD34', 9000, 5);
    expect(b.enter(9000 + 35 + 500)).toBeNull();
  });

  it('starts a new burst after a pause', () => {
    const b = new ScanBuffer();
    burst(b, 'XYZ', 0, 5);
    burst(b, 'AB12CD34', 1000, 5);
    expect(b.enter(1040)).toBe('AB12CD34');
  });
});
