import { describe, expect, it } from 'vitest';
import { dayChunks } from './read-models.js';

describe('dayChunks', () => {
  it('covers the range exactly, across month and year ends, without overlap', () => {
    expect(dayChunks('2025-12-30', '2026-01-05', 3)).toEqual([
      ['2025-12-30', '2026-01-01'],
      ['2026-01-02', '2026-01-04'],
      ['2026-01-05', '2026-01-05'],
    ]);
  });
  it('gives one chunk for a single day and none for an empty range', () => {
    expect(dayChunks('2026-02-28', '2026-02-28', 31)).toEqual([['2026-02-28', '2026-02-28']]);
    expect(dayChunks('2026-03-02', '2026-03-01', 31)).toEqual([]);
  });
});
