import { describe, expect, it } from 'vitest';
import { latestOnly } from './latest.js';

describe('latestOnly', () => {
  it('keeps only the answer of the latest request, whatever order answers arrive in', async () => {
    const loads = latestOnly();
    const shown: string[] = [];
    const request = async (value: string, ms: number) => {
      const isLatest = loads.begin();
      await new Promise((r) => setTimeout(r, ms));
      if (isLatest()) shown.push(value);
    };
    await Promise.all([request('all entries', 30), request('staff only', 5)]);
    expect(shown).toEqual(['staff only']);
  });
});
