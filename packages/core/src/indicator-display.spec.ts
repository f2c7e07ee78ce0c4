import { describe, expect, it } from 'vitest';
import { bandOf, HEADLINE_NAME, isSmallSample, shownIndicators, shownScore, targetOf } from './indicator-display.js';
import { dossierIndicators, emptyCounts } from './indicators.js';

describe('figures as a leader sees them', () => {
  it('names one headline on-time figure, the 766 rate, with its 99% target', () => {
    expect(HEADLINE_NAME.vi).toBe('Tỷ lệ giải quyết đúng hạn (766)');
    expect(targetOf('onTimeRate766')).toBe(0.99);
  });

  it('a unit with no resolved dossier shows "no data" in every outcome rate, not 100% in one and no data in the next', () => {
    // Four received, all still open in time: the raw 766 rate is 100%, the resolved-only rate has no denominator.
    const raw = dossierIndicators({ ...emptyCounts(), received: 4, receivedOnline: 2, inProgressInTime: 4 });
    expect(raw.onTimeRate766).toBe(1);
    expect(raw.onTimeRate).toBeNull();
    const shown = shownIndicators(raw);
    for (const k of ['onTimeRate766', 'onTimeRate766Original', 'onTimeRate', 'lateRate', 'satisfaction766', 'eResultRate'] as const) expect(shown[k]).toBeNull();
    // What was received is still a fact.
    expect(shown.onlineRate).toBe(0.5);
    expect(shownScore(raw, 12)).toBeNull();
    // One resolved dossier is enough to judge.
    const one = dossierIndicators({ ...emptyCounts(), received: 4, resolvedOnTime: 1, inProgressInTime: 3 });
    expect(shownIndicators(one).onTimeRate766).toBe(1);
    expect(shownScore(one, 20)).toBe(20);
  });

  it('puts a unit below the minimum sample apart', () => {
    const few = dossierIndicators({ ...emptyCounts(), resolvedOnTime: 2, resolvedLate: 1 });
    expect(isSmallSample(few)).toBe(true);
    expect(isSmallSample(few, 3)).toBe(false);
    expect(isSmallSample(dossierIndicators({ ...emptyCounts(), resolvedOnTime: 20 }))).toBe(false);
  });

  it('bands a rate against its target: met, near (3 points under a high target, 10 under a low one), below, none', () => {
    expect(bandOf(0.995, 0.99)).toBe('met');
    expect(bandOf(0.99, 0.99)).toBe('met');
    expect(bandOf(0.965, 0.99)).toBe('near');
    expect(bandOf(0.95, 0.99)).toBe('below');
    expect(bandOf(0.42, 0.5)).toBe('near');
    expect(bandOf(0.39, 0.5)).toBe('below');
    expect(bandOf(null, 0.99)).toBe('none');
  });
});
