import type { IndicatorsRow } from '@motcua/contracts';
import { dossierIndicators, emptyCounts, score766, type DossierCounts } from '@motcua/core';
import { describe, expect, it } from 'vitest';
import { needingAttention, pages, parseConference, rowsThatFit } from './conference.js';

const row = (label: string, c: Partial<DossierCounts>, smallSample = false): IndicatorsRow & { smallSample: boolean } => {
  const counts = { ...emptyCounts(), ...c };
  const indicators = dossierIndicators(counts);
  return { key: label, label, counts, indicators, score766: score766(indicators), smallSample };
};

describe('conference options', () => {
  it('keeps the known views in the order asked, once each', () => {
    expect(parseConference('heatmap,overview,bogus,heatmap', '30')).toEqual({ views: ['heatmap', 'overview'], seconds: 30 });
  });
  it('shows the hall set every 20 s by default and never faster than every 5 s', () => {
    expect(parseConference(undefined, undefined)).toEqual({ views: ['overview', 'attention', 'ranking', 'trends'], seconds: 20 });
    expect(parseConference('ranking', '1').seconds).toBe(5);
    expect(parseConference('ranking', 'x').seconds).toBe(20);
  });
});

describe('what the wall shows', () => {
  it('names at most five communes needing attention: below the 766 target, worst first, never a small sample or one on target', () => {
    const rows = [
      row('A', { resolvedOnTime: 90, resolvedLate: 10 }),
      row('B', { resolvedOnTime: 100 }),
      row('C', { resolvedOnTime: 1, resolvedLate: 2 }, true),
      row('D', { resolvedOnTime: 97, resolvedLate: 3 }),
      ...['E', 'F', 'G', 'H', 'I'].map((l, i) => row(l, { resolvedOnTime: 95 - i, resolvedLate: 5 + i })),
    ];
    expect(needingAttention(rows).map((r) => r.label)).toEqual(['A', 'I', 'H', 'G', 'F']);
    expect(needingAttention([rows[1]!, rows[2]!])).toEqual([]);
  });
  it('pages a long table instead of scrolling it, as many rows as fit at 28 px', () => {
    expect(pages([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages([], 4)).toEqual([[]]);
    expect(rowsThatFit(1080)).toBe(11);
    expect(rowsThatFit(768)).toBe(6);
  });
});
