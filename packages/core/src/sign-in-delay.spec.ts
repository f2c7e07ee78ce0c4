import { describe, expect, it } from 'vitest';
import { signInDelayMs, signInThrottled, SIGN_IN_MAX_DELAY_MS } from './sign-in-delay.js';

describe('sign-in progressive delay', () => {
  it('the first four failures cost nothing; then the wait doubles, capped at five minutes', () => {
    expect([0, 1, 4].map(signInDelayMs)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 10].map(signInDelayMs)).toEqual([1000, 2000, 4000, 32_000]);
    expect(signInDelayMs(40)).toBe(SIGN_IN_MAX_DELAY_MS);
  });
  it('a try is refused until the wait after the last failure has passed', () => {
    expect(signInThrottled({ count: 6, lastAt: 10_000 }, 11_999)).toBe(true);
    expect(signInThrottled({ count: 6, lastAt: 10_000 }, 12_000)).toBe(false);
    expect(signInThrottled({ count: 0, lastAt: 0 }, 1)).toBe(false);
  });
});
