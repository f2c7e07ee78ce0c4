import { describe, expect, it } from 'vitest';
import { landingFor } from './landing.js';

describe('landingFor', () => {
  it('sends officers to their counters and managers to the live board, others to the status page', () => {
    expect(landingFor(['officer'])).toBe('my-counters');
    expect(landingFor(['officer', 'specialist'])).toBe('my-counters');
    expect(landingFor(['center_manager'])).toBe('live');
    expect(landingFor(['center_manager', 'officer'])).toBe('live');
    expect(landingFor(['admin'])).toBe('status');
    expect(landingFor(['leader'])).toBe('status');
    expect(landingFor([])).toBe('status');
  });
});
