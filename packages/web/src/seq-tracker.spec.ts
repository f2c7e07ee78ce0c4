import { describe, expect, it } from 'vitest';
import { SeqTracker } from './seq-tracker.js';

describe('SeqTracker', () => {
  it('accepts consecutive events and flags a gap', () => {
    const t = new SeqTracker();
    expect(t.accept('center:1', 'e1', 5)).toBe('ok');
    expect(t.accept('center:1', 'e1', 6)).toBe('ok');
    expect(t.accept('center:1', 'e1', 9)).toBe('gap');
    expect(t.accept('center:1', 'e1', 10)).toBe('ok');
  });
  it('ignores duplicates and keeps rooms apart', () => {
    const t = new SeqTracker();
    t.accept('a', 'e1', 1);
    expect(t.accept('a', 'e1', 1)).toBe('stale');
    expect(t.accept('b', 'e1', 7)).toBe('ok');
  });
  it('continues from a snapshot’s position', () => {
    const t = new SeqTracker();
    t.accept('a', 'e1', 3);
    t.reset('a', { epoch: 'e1', seq: 10 });
    expect(t.accept('a', 'e1', 11)).toBe('ok');
    expect(t.accept('a', 'e1', 10)).toBe('stale');
    t.reset('a', null);
    expect(t.accept('a', 'e1', 42)).toBe('ok');
  });
  it('takes numbering restarted under a new epoch (Redis lost it) as a reset, not as stale events', () => {
    const t = new SeqTracker();
    t.accept('center:1', 'e1', 820);
    expect(t.accept('center:1', 'e2', 1)).toBe('reset');
    expect(t.accept('center:1', 'e2', 2)).toBe('ok');
    expect(t.accept('center:1', 'e2', 2)).toBe('stale');
    // An event of the old numbering arriving late is a reset too: the snapshot settles it.
    expect(t.accept('center:1', 'e1', 821)).toBe('reset');
  });
});
