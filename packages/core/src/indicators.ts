/**
 * Performance indicators of docs/domain.md "Indicators and Decision 766" and Decision 766/QĐ-TTg
 * (formulas and legal bases: docs/indicators.md). Pure functions over counts; how each dossier is
 * judged is in dossier-clock.ts, what each figure means in indicator-definitions.ts.
 * "No data" is null, never 0.
 */

/** A share in [0, 1], or null when there is nothing to divide by. */
export type Ratio = number | null;

export function ratio(numerator: number, denominator: number): Ratio {
  return denominator > 0 ? numerator / denominator : null;
}

// Dossier indicators from counts --------------------------------------------------

/**
 * Counts for one unit (or field, procedure, channel) over one period: what rollups store. Each
 * dossier is judged as of the day (dossier-clock.ts): finished ones at their finish, open ones
 * at the end of the period.
 */
export interface DossierCounts {
  /** Received in the period, by channel. */
  received: number;
  receivedOnline: number;
  /** Still in progress from before the period. */
  carriedOver: number;
  /** Result ready in the period (approved, or refused after appraisal; finish = resolved, not returned). */
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** Withdrawn or stopped in the period after being received: 766 counts them as finished. */
  withdrawnOnTime: number;
  withdrawnLate: number;
  /** In progress at the end of the period. */
  inProgressInTime: number;
  inProgressOverdue: number;
  /** The same dossiers against the original appointment, nothing deducted: finished in the period on time, open at its end in time. */
  originalOnTime: number;
  originalInTime: number;
  /** Dossiers received of procedures with a non-zero fee, and those whose fee was paid online. */
  withFee: number;
  paidOnline: number;
  /** Resolved dossiers rated "not satisfied" or with a complaint. */
  dissatisfied: number;
  /** Dossiers with digitised components and an electronic result. */
  digitised: number;
  /** 766 4.1: resolved dossiers whose result document is issued electronically, signed. */
  eResults: number;
  /** 766 4.2: dossiers received whose every required component has a file or is exempt (checklist.ts isDigitised). */
  digitisedAtReception: number;
  /** 766 4.3: dossiers received that reused a document digitised before (no new scan). */
  reusedData: number;
}

export const COUNT_KEYS = [
  'received', 'receivedOnline', 'carriedOver', 'resolvedEarly', 'resolvedOnTime', 'resolvedLate', 'withdrawnOnTime', 'withdrawnLate',
  'inProgressInTime', 'inProgressOverdue', 'originalOnTime', 'originalInTime', 'withFee', 'paidOnline', 'dissatisfied', 'digitised',
  'eResults', 'digitisedAtReception', 'reusedData',
] as const satisfies ReadonlyArray<keyof DossierCounts>;
export type CountKey = (typeof COUNT_KEYS)[number];

export const emptyCounts = (): DossierCounts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as DossierCounts;

export function addCounts(a: DossierCounts, b: DossierCounts): DossierCounts {
  const out = emptyCounts();
  for (const k of COUNT_KEYS) out[k] = a[k] + b[k];
  return out;
}

const sumOf = (c: DossierCounts, keys: readonly CountKey[]) => keys.reduce((s, k) => s + c[k], 0);

/** Groups of counts the rates are built from (see indicator-definitions.ts, which documents each). */
export const RESOLVED: readonly CountKey[] = ['resolvedEarly', 'resolvedOnTime', 'resolvedLate'];
/** 766 2.1 denominator: every dossier handled in the period (finished in it, or still open at its end). */
export const HANDLED: readonly CountKey[] = [...RESOLVED, 'withdrawnOnTime', 'withdrawnLate', 'inProgressInTime', 'inProgressOverdue'];
export const LATE: readonly CountKey[] = ['resolvedLate', 'withdrawnLate', 'inProgressOverdue'];
/** Counts shown as one figure (the overview's "Đang giải quyết"): the dossier list behind it lists every key of the group. */
export const COUNT_GROUPS = { inProgress: ['inProgressInTime', 'inProgressOverdue'] } as const satisfies Record<string, readonly CountKey[]>;
export type CountGroupKey = keyof typeof COUNT_GROUPS;

/** A rate as a numerator and a denominator of counts: the definition pages and the dossier lists behind a figure read the same keys. */
export interface RateFormula {
  numerator: readonly CountKey[];
  denominator: readonly CountKey[];
}

export const RATE_FORMULAS = {
  onTimeRate766: { numerator: ['resolvedEarly', 'resolvedOnTime', 'withdrawnOnTime', 'inProgressInTime'], denominator: HANDLED },
  onTimeRate766Original: { numerator: ['originalOnTime', 'originalInTime'], denominator: HANDLED },
  onTimeRate: { numerator: ['resolvedEarly', 'resolvedOnTime'], denominator: RESOLVED },
  lateRate: { numerator: LATE, denominator: HANDLED },
  onlineRate: { numerator: ['receivedOnline'], denominator: ['received'] },
  onlinePaymentRate: { numerator: ['paidOnline'], denominator: ['withFee'] },
  dissatisfiedRate: { numerator: ['dissatisfied'], denominator: HANDLED },
  eResultRate: { numerator: ['eResults'], denominator: RESOLVED },
  digitisedAtReceptionRate: { numerator: ['digitisedAtReception'], denominator: ['received'] },
  dataReuseRate: { numerator: ['reusedData'], denominator: ['received'] },
} as const satisfies Record<string, RateFormula>;
export type RateKey = keyof typeof RATE_FORMULAS;

export const rateOf = (c: DossierCounts, f: RateFormula): Ratio => ratio(sumOf(c, f.numerator), sumOf(c, f.denominator));

export interface DossierIndicators {
  resolved: number;
  toProcess: number;
  overdue: number;
  /** (early + on time) / resolved. */
  onTimeRate: Ratio;
  /** 766 2.1: (finished on time + in progress within time) / everything handled in the period, deductions applied. */
  onTimeRate766: Ratio;
  /** The same against the original appointment, nothing deducted. */
  onTimeRate766Original: Ratio;
  /** (late finished + overdue in progress) / to process. */
  lateRate: Ratio;
  onlineRate: Ratio;
  onlinePaymentRate: Ratio;
  /** 766 5.4: 100% − (overdue rate + dissatisfied rate). */
  satisfaction766: Ratio;
  /** 766 4.1: signed electronic results over resolved dossiers. */
  eResultRate: Ratio;
  /** 766 4.2: dossiers digitised at reception over dossiers received. */
  digitisedAtReceptionRate: Ratio;
  /** 766 4.3: dossiers that reused digitised data over dossiers received. */
  dataReuseRate: Ratio;
}

export function dossierIndicators(c: DossierCounts): DossierIndicators {
  const lateRate = rateOf(c, RATE_FORMULAS.lateRate);
  const dissatisfiedRate = rateOf(c, RATE_FORMULAS.dissatisfiedRate);
  return {
    resolved: sumOf(c, RESOLVED),
    toProcess: sumOf(c, HANDLED),
    overdue: sumOf(c, LATE),
    onTimeRate: rateOf(c, RATE_FORMULAS.onTimeRate),
    onTimeRate766: rateOf(c, RATE_FORMULAS.onTimeRate766),
    onTimeRate766Original: rateOf(c, RATE_FORMULAS.onTimeRate766Original),
    lateRate,
    onlineRate: rateOf(c, RATE_FORMULAS.onlineRate),
    onlinePaymentRate: rateOf(c, RATE_FORMULAS.onlinePaymentRate),
    satisfaction766: lateRate === null || dissatisfiedRate === null ? null : Math.max(0, 1 - lateRate - dissatisfiedRate),
    eResultRate: rateOf(c, RATE_FORMULAS.eResultRate),
    digitisedAtReceptionRate: rateOf(c, RATE_FORMULAS.digitisedAtReceptionRate),
    dataReuseRate: rateOf(c, RATE_FORMULAS.dataReuseRate),
  };
}

// Decision 766 scores ------------------------------------------------------------------

export const SCORE_766_MAX = { transparency: 18, progress: 20, online: 12, payment: 10, satisfaction: 18, digitisation: 22 } as const;
export type Group766 = keyof typeof SCORE_766_MAX;
/** The share at which a group reaches full points (linear below it); progress is linear to 100%. Digitisation is scored per indicator (SCORE_766_DIGITISATION). */
export const SCORE_766_THRESHOLD = { progress: 1, online: 0.5, payment: 0.3, satisfaction: 0.9 } as const;

/**
 * Group 4 "Số hóa hồ sơ" (22 points) as the indicators this system computes, with the points and
 * full-point thresholds of the 766 formula sheet (4.1 linear, 4.2 and 4.3 full at 80%). The group's
 * other 10 points (4.4 citizen data store, 4.5 population data, e-certified copies) need national
 * systems, so they stay "no data": out of the score and of `outOf`, like transparency.
 */
export const SCORE_766_DIGITISATION = {
  eResultRate: { indicator: '4.1', max: 6, threshold: 1 },
  digitisedAtReceptionRate: { indicator: '4.2', max: 4, threshold: 0.8 },
  dataReuseRate: { indicator: '4.3', max: 2, threshold: 0.8 },
} as const satisfies Partial<Record<RateKey, { indicator: string; max: number; threshold: number }>>;
export type Digitisation766Key = keyof typeof SCORE_766_DIGITISATION;
const DIGITISATION_KEYS = Object.keys(SCORE_766_DIGITISATION) as Digitisation766Key[];

/** Full points at the threshold, proportional below it. */
const thresholdScore = (max: number, r: Ratio, threshold: number) => (r === null ? null : Math.min(max, (max * r) / threshold));

export interface Score766 {
  groups: Record<Group766, number | null>;
  /** Points each group is scored out of: its maximum, or for digitisation the points of its indicators with data. */
  groupOutOf: Record<Group766, number>;
  /** Sum of the groups with data, out of `outOf` (100 when every group has data). */
  total: number | null;
  outOf: number;
}

/** Group 4 from 4.1, 4.2 and 4.3: the sum of the indicators with data, out of their points; null when none has data. */
function digitisationScore(ind: DossierIndicators): { score: number | null; outOf: number } {
  const known = DIGITISATION_KEYS.filter((k) => ind[k] !== null);
  if (!known.length) return { score: null, outOf: 0 };
  return {
    score: known.reduce((sum, k) => sum + thresholdScore(SCORE_766_DIGITISATION[k].max, ind[k], SCORE_766_DIGITISATION[k].threshold)!, 0),
    outOf: known.reduce((sum, k) => sum + SCORE_766_DIGITISATION[k].max, 0),
  };
}

/**
 * A unit's Decision 766 score from what this system knows: progress (2.1, linear),
 * online service (full points at 50% online), online payment (full at 30%),
 * satisfaction (full at 90%), digitisation from 4.1 + 4.2 + 4.3 (SCORE_766_DIGITISATION).
 * Transparency needs the national procedure database, so it stays "no data" unless given.
 */
export function score766(ind: DossierIndicators, transparency: Ratio = null): Score766 {
  const digitisation = digitisationScore(ind);
  const groups: Record<Group766, number | null> = {
    transparency: transparency === null ? null : SCORE_766_MAX.transparency * transparency,
    progress: thresholdScore(SCORE_766_MAX.progress, ind.onTimeRate766, SCORE_766_THRESHOLD.progress),
    online: thresholdScore(SCORE_766_MAX.online, ind.onlineRate, SCORE_766_THRESHOLD.online),
    payment: thresholdScore(SCORE_766_MAX.payment, ind.onlinePaymentRate, SCORE_766_THRESHOLD.payment),
    satisfaction: thresholdScore(SCORE_766_MAX.satisfaction, ind.satisfaction766, SCORE_766_THRESHOLD.satisfaction),
    digitisation: digitisation.score,
  };
  const groupOutOf: Record<Group766, number> = { ...SCORE_766_MAX, digitisation: digitisation.outOf };
  const known = (Object.keys(groups) as Group766[]).filter((g) => groups[g] !== null);
  return {
    groups,
    groupOutOf,
    total: known.length ? Math.round(known.reduce((sum, g) => sum + groups[g]!, 0) * 100) / 100 : null,
    outOf: known.reduce((sum, g) => sum + groupOutOf[g], 0),
  };
}

// Queue indicators -----------------------------------------------------------------------

/** The p-th percentile (0–100) by nearest rank, or null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface QueueFacts {
  /** Issue → call, ms, of every called ticket. */
  waitsMs: readonly number[];
  /** Serve → done, ms, of every finished ticket. */
  servicesMs: readonly number[];
  issued: number;
  noShows: number;
}

export function queueIndicators(f: QueueFacts, targetWaitMs = 15 * 60_000) {
  const mean = (v: readonly number[]) => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
  return {
    tickets: f.issued,
    avgWaitMs: mean(f.waitsMs),
    p90WaitMs: percentile(f.waitsMs, 90),
    avgServiceMs: mean(f.servicesMs),
    p90ServiceMs: percentile(f.servicesMs, 90),
    noShowRate: ratio(f.noShows, f.issued),
    servedWithinTarget: ratio(f.waitsMs.filter((w) => w <= targetWaitMs).length, f.waitsMs.length),
  };
}

/**
 * The p-th percentile (0–100) of waits kept as a histogram of whole minutes (bucket m holds
 * waits in [m, m+1) minutes; the last holds everything longer), by nearest rank. Returns the
 * bucket's upper edge in minutes — "90% were called within N minutes" — or null for no waits.
 */
export function histogramPercentile(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [m, n] of histogram.entries()) {
    seen += n;
    if (seen >= rank) return m + 1;
  }
  return histogram.length;
}

/** Sums of a queue read model (per center, counter or officer) over a period. */
export interface QueueSums {
  /** Tickets issued; null for a counter or officer (tickets are issued to a service). */
  issued: number | null;
  called: number;
  served: number;
  noShow: number;
  waitSecondsSum: number;
  serviceSecondsSum: number;
  withinTarget: number;
  /** The counter tablet's survey: ratings by level. */
  ratedVerySatisfied: number;
  ratedSatisfied: number;
  ratedNotSatisfied: number;
  /** Summed waits by whole minute, 0…120. */
  histogram: readonly number[];
}

/** Queue indicators from rollup sums: averages in minutes, p90 from the histogram, no-shows per ticket issued (or called, for a counter). */
export function queueSumsIndicators(s: QueueSums) {
  const perMinute = (seconds: number, n: number) => (n > 0 ? seconds / n / 60 : null);
  return {
    avgWaitMinutes: perMinute(s.waitSecondsSum, s.called),
    p90WaitMinutes: histogramPercentile(s.histogram, 90),
    avgServiceMinutes: perMinute(s.serviceSecondsSum, s.served),
    noShowRate: ratio(s.noShow, s.issued ?? s.called),
    servedWithinTarget: ratio(s.withinTarget, s.called),
    ...surveyIndicators(s),
  };
}

/** Survey averages: how many rated, the share satisfied or better, and the mean on 1 (not satisfied) … 3 (very satisfied). */
export function surveyIndicators(s: Pick<QueueSums, 'ratedVerySatisfied' | 'ratedSatisfied' | 'ratedNotSatisfied'>) {
  const ratings = s.ratedVerySatisfied + s.ratedSatisfied + s.ratedNotSatisfied;
  return {
    ratings,
    surveySatisfied: ratio(s.ratedVerySatisfied + s.ratedSatisfied, ratings),
    surveyAverage: ratings ? (3 * s.ratedVerySatisfied + 2 * s.ratedSatisfied + s.ratedNotSatisfied) / ratings : null,
  };
}
