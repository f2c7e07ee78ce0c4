import { describe, expect, it } from 'vitest';
import { dossierIndicators, emptyCounts, histogramPercentile, percentile, queueIndicators, queueSumsIndicators, ratio, score766, SCORE_766_MAX, surveyIndicators, type DossierCounts } from './indicators.js';

const NO_RATINGS = { ratedVerySatisfied: 0, ratedSatisfied: 0, ratedNotSatisfied: 0 };

describe('dossier indicators', () => {
  const counts: DossierCounts = {
    ...emptyCounts(),
    received: 200, receivedOnline: 90, carriedOver: 10,
    resolvedEarly: 120, resolvedOnTime: 50, resolvedLate: 10,
    inProgressInTime: 15, inProgressOverdue: 5,
    withFee: 80, paidOnline: 20, dissatisfied: 4, digitised: 150,
    eResults: 171, digitisedAtReception: 150, reusedData: 24,
  };
  // Two withdrawn (one in time, one late) and the original-appointment view of the same 204.
  const withWithdrawn: DossierCounts = { ...counts, withdrawnOnTime: 1, withdrawnLate: 3, originalOnTime: 160, originalInTime: 12 };

  it('computes each rate from a data set with known answers', () => {
    const ind = dossierIndicators(counts);
    expect(ind.resolved).toBe(180);
    expect(ind.toProcess).toBe(200);
    expect(ind.onTimeRate).toBeCloseTo(170 / 180);
    expect(ind.onTimeRate766).toBeCloseTo(185 / 200);
    expect(ind.lateRate).toBeCloseTo(15 / 200);
    expect(ind.onlineRate).toBeCloseTo(0.45);
    expect(ind.onlinePaymentRate).toBeCloseTo(0.25);
    expect(ind.satisfaction766).toBeCloseTo(1 - 15 / 200 - 4 / 200);
  });

  it('computes 766 group 4 as three figures: 4.1 signed e-results over resolved, 4.2 digitised at reception and 4.3 reuse over received', () => {
    const ind = dossierIndicators(counts);
    expect(ind.eResultRate).toBeCloseTo(171 / 180);
    expect(ind.digitisedAtReceptionRate).toBeCloseTo(150 / 200);
    expect(ind.dataReuseRate).toBeCloseTo(24 / 200);
    // Withdrawn dossiers have no result to issue: not in 4.1's denominator.
    expect(dossierIndicators({ ...withWithdrawn, eResults: 171 }).eResultRate).toBeCloseTo(171 / 180);
    // Nothing resolved or received: no data, never 0%.
    const none = dossierIndicators({ ...emptyCounts(), carriedOver: 3, inProgressInTime: 3 });
    expect([none.eResultRate, none.digitisedAtReceptionRate, none.dataReuseRate]).toEqual([null, null, null]);
    // Received but nothing digitised or reused: a real 0.
    const paper = dossierIndicators({ ...emptyCounts(), received: 8 });
    expect([paper.digitisedAtReceptionRate, paper.dataReuseRate]).toEqual([0, 0]);
  });

  it('counts withdrawn and stopped dossiers in 766 2.1 (on time when they ended in time), not in the resolved-only rate', () => {
    const ind = dossierIndicators(withWithdrawn);
    expect(ind.toProcess).toBe(204);
    expect(ind.onTimeRate766).toBeCloseTo(186 / 204);
    expect(ind.onTimeRate).toBeCloseTo(170 / 180);
    expect(ind.lateRate).toBeCloseTo(18 / 204);
    expect(ind.overdue).toBe(18);
    // Against the original appointment, nothing deducted: never above the 766 rate here.
    expect(ind.onTimeRate766Original).toBeCloseTo(172 / 204);
  });

  it('keeps "no data" apart from zero', () => {
    const none = dossierIndicators(emptyCounts());
    expect(none.onTimeRate).toBeNull();
    expect(none.onlinePaymentRate).toBeNull();
    expect(none.satisfaction766).toBeNull();
    const zero = dossierIndicators({ ...emptyCounts(), received: 10, resolvedLate: 10, withFee: 10 });
    expect(zero.onTimeRate).toBe(0);
    expect(zero.onlinePaymentRate).toBe(0);
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(0, 5)).toBe(0);
  });

  it('scores Decision 766 groups with their thresholds, leaving unknown groups out of the total', () => {
    const s = score766(dossierIndicators(counts));
    expect(s.groups.progress).toBeCloseTo(20 * (185 / 200));
    expect(s.groups.online).toBeCloseTo(12 * (0.45 / 0.5));
    expect(s.groups.payment).toBeCloseTo(10 * (0.25 / 0.3));
    expect(s.groups.satisfaction).toBe(18); // 90.5% reaches the 90% threshold
    expect(s.groups.transparency).toBeNull();
    // Digitisation: 4.1 6 × 95% (linear) + 4.2 4 × 75%/80% + 4.3 2 × 12%/80%, out of the 12 points this system can compute.
    expect(s.groups.digitisation).toBeCloseTo(6 * (171 / 180) + 4 * (0.75 / 0.8) + 2 * (0.12 / 0.8));
    expect(s.groupOutOf.digitisation).toBe(12);
    expect(s.outOf).toBe(72);
  });

  it('scores 766 group 4 from 4.1, 4.2 and 4.3 only, never from the old digitised count', () => {
    const base = score766(dossierIndicators(counts));
    // The old single rate (digitised / handled) no longer moves the score.
    expect(score766(dossierIndicators({ ...counts, digitised: 0 })).groups.digitisation).toBe(base.groups.digitisation);
    // Each indicator does, with its own points: all signed e-results adds 6 × (1 − 95%).
    expect(score766(dossierIndicators({ ...counts, eResults: 180 })).groups.digitisation! - base.groups.digitisation!).toBeCloseTo(6 * (9 / 180));
    // Full points at 80% for 4.2 and 4.3, capped: 4 + 2 + 4.1's 6 × 95%.
    expect(score766(dossierIndicators({ ...counts, digitisedAtReception: 200, reusedData: 160 })).groups.digitisation).toBeCloseTo(4 + 2 + 6 * (171 / 180));
    // Nothing resolved: 4.1 has no data, so the group is out of 4.2 + 4.3's 6 points.
    const open = score766(dossierIndicators({ ...emptyCounts(), received: 10, inProgressInTime: 10, digitisedAtReception: 8, reusedData: 8 }));
    expect([open.groups.digitisation, open.groupOutOf.digitisation]).toEqual([6, 6]);
    // Nothing received or resolved: the group is "no data" and out of the total.
    const none = score766(dossierIndicators({ ...emptyCounts(), carriedOver: 2, inProgressInTime: 2 }));
    expect([none.groups.digitisation, none.groupOutOf.digitisation]).toEqual([null, 0]);
    expect(none.outOf).toBe(SCORE_766_MAX.progress + SCORE_766_MAX.satisfaction);
  });

  it('caps a group at its maximum once the threshold is reached', () => {
    const s = score766(dossierIndicators({ ...counts, receivedOnline: 150, paidOnline: 40 }));
    expect(s.groups.online).toBe(12);
    expect(s.groups.payment).toBe(10);
  });
});

describe('queue indicators', () => {
  it('averages, takes the 90th percentile, and the share served within the target', () => {
    const min = 60_000;
    const q = queueIndicators({ waitsMs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 20].map((m) => m * min), servicesMs: [5 * min, 7 * min], issued: 12, noShows: 2 });
    expect(q.avgWaitMs).toBe(6.5 * min);
    expect(q.p90WaitMs).toBe(9 * min);
    expect(q.avgServiceMs).toBe(6 * min);
    expect(q.noShowRate).toBeCloseTo(2 / 12);
    expect(q.servedWithinTarget).toBeCloseTo(0.9);
    expect(percentile([], 90)).toBeNull();
    expect(queueIndicators({ waitsMs: [], servicesMs: [], issued: 0, noShows: 0 }).noShowRate).toBeNull();
  });
});

describe('queue indicators from rollup sums', () => {
  it('takes the 90th percentile from the minute histogram as an upper edge', () => {
    // 10 waits: 6 under a minute, 3 in [4, 5) minutes, 1 in [20, 21).
    const h = Array.from({ length: 121 }, () => 0);
    h[0] = 6;
    h[4] = 3;
    h[20] = 1;
    expect(histogramPercentile(h, 90)).toBe(5);
    expect(histogramPercentile(h, 100)).toBe(21);
    expect(histogramPercentile(h, 50)).toBe(1);
    expect(histogramPercentile(h.map(() => 0), 90)).toBeNull();
  });

  it('averages per called and served ticket, no-shows per issued ticket or per called for a counter', () => {
    const h = [2, 0, 2];
    const center = queueSumsIndicators({ issued: 5, called: 4, served: 3, noShow: 1, waitSecondsSum: 480, serviceSecondsSum: 540, withinTarget: 4, ...NO_RATINGS, histogram: h });
    expect(center).toEqual({ avgWaitMinutes: 2, p90WaitMinutes: 3, avgServiceMinutes: 3, noShowRate: 0.2, servedWithinTarget: 1, ratings: 0, surveySatisfied: null, surveyAverage: null });
    expect(queueSumsIndicators({ issued: null, called: 4, served: 3, noShow: 1, waitSecondsSum: 0, serviceSecondsSum: 0, withinTarget: 2, ...NO_RATINGS, histogram: h }).noShowRate).toBe(0.25);
  });

  it('averages the survey: share satisfied or better, mean on 1…3, no ratings as no data', () => {
    expect(surveyIndicators({ ratedVerySatisfied: 2, ratedSatisfied: 1, ratedNotSatisfied: 1 })).toEqual({ ratings: 4, surveySatisfied: 0.75, surveyAverage: 2.25 });
    expect(surveyIndicators({ ratedVerySatisfied: 0, ratedSatisfied: 0, ratedNotSatisfied: 3 })).toEqual({ ratings: 3, surveySatisfied: 0, surveyAverage: 1 });
    expect(surveyIndicators(NO_RATINGS)).toEqual({ ratings: 0, surveySatisfied: null, surveyAverage: null });
  });

  it('keeps "no data" apart from zero', () => {
    const none = queueSumsIndicators({ issued: 0, called: 0, served: 0, noShow: 0, waitSecondsSum: 0, serviceSecondsSum: 0, withinTarget: 0, ...NO_RATINGS, histogram: [] });
    expect(none).toEqual({ avgWaitMinutes: null, p90WaitMinutes: null, avgServiceMinutes: null, noShowRate: null, servedWithinTarget: null, ratings: 0, surveySatisfied: null, surveyAverage: null });
  });
});
