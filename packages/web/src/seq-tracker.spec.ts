import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.js';

describe('SeqTracker', () => {
  it('accepts consecutive events and flags a gap', () => {
    const t = new SeqTracker();
    expect(t.accept('center:1', 5)).toBe('ok');
    expect(t.accept('center:1', 6)).toBe('ok');
    expect(t.accept('center:1', 9)).toBe('gap');
    expect(t.accept('center:1', 10)).toBe('ok');
  });
  it('ignores duplicates and keeps rooms apart', () => {
    const t = new SeqTracker();
    t.accept('a', 1);
    expect(t.accept('a', 1)).toBe('stale');
    expect(t.accept('b', 7)).toBe('ok');
  });
  it('continues from a snapshot’s sequence number', () => {
    const t = new SeqTracker();
    t.accept('a', 3);
    t.reset('a', 10);
    expect(t.accept('a', 11)).toBe('ok');
    expect(t.accept('a', 10)).toBe('stale');
  });
});
