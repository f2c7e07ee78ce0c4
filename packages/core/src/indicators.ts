/**
 * Performance indicators of DOMAIN.md "Indicators" and Decision 766/QĐ-TTg
 * (reference/dossier-domain.md §2.5–§3). Pure functions over facts and counts;
 * "no data" is null, never 0.
 */

/** A share in [0, 1], or null when there is nothing to divide by. */
export type Ratio = number | null;

export function ratio(numerator: number, denominator: number): Ratio {
  return denominator > 0 ? numerator / denominator : null;
}

// Decision 766 indicator 2.1 ---------------------------------------------------

export interface SupplementRequest {
  requestedAt: Date;
  /** When the applicant completed it; null while still awaited. */
  completedAt: Date | null;
}

export interface DossierFacts {
  /** The appointment given at intake (never moved by an apology). */
  dueAt: Date;
  /** When the result was ready (resolved), else the first terminal time (returned, stopped, refused, withdrawn); null while in progress. */
  finishedAt: Date | null;
  /** Supplement requests made during processing. */
  supplements: readonly SupplementRequest[];
}

export type Progress766 = 'on_time' | 'late' | 'in_time' | 'overdue';

/**
 * Classifies a dossier at the end of a period for 766 indicator 2.1: the time spent
 * waiting for a supplement is deducted; a dossier still waiting for one ends at the
 * request; more than one supplement request makes it late whatever the dates.
 */
export function classify766(d: DossierFacts, periodEnd: Date): Progress766 {
  const finished = d.finishedAt !== null && d.finishedAt.getTime() <= periodEnd.getTime();
  if (d.supplements.length > 1) return finished ? 'late' : 'overdue';
  const open = d.supplements.find((s) => s.completedAt === null || s.completedAt.getTime() > periodEnd.getTime());
  const end = finished ? d.finishedAt! : open ? open.requestedAt : periodEnd;
  const deducted = d.supplements
    .filter((s) => s !== open && s.completedAt !== null && s.requestedAt.getTime() < end.getTime())
    .reduce((sum, s) => sum + (Math.min(s.completedAt!.getTime(), end.getTime()) - s.requestedAt.getTime()), 0);
  const withinTime = end.getTime() - deducted <= d.dueAt.getTime();
  if (finished) return withinTime ? 'on_time' : 'late';
  return withinTime ? 'in_time' : 'overdue';
}

// Dossier indicators from counts --------------------------------------------------

/** Counts for one unit (or field, procedure, channel) over one period: what rollups store. */
export interface DossierCounts {
  /** Received in the period, by channel. */
  received: number;
  receivedOnline: number;
  /** Still in progress from before the period. */
  carriedOver: number;
  /** Resolved in the period (finish = resolved, not returned). */
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  /** In progress at the end of the period. */
  inProgressInTime: number;
  inProgressOverdue: number;
  /** Dossiers of procedures with a non-zero fee, and those paid online. */
  withFee: number;
  paidOnline: number;
  /** Resolved dossiers rated "not satisfied" or with a complaint. */
  dissatisfied: number;
  /** Dossiers with digitised components and an electronic result. */
  digitised: number;
}

export const emptyCounts = (): DossierCounts => ({
  received: 0, receivedOnline: 0, carriedOver: 0, resolvedEarly: 0, resolvedOnTime: 0, resolvedLate: 0,
  inProgressInTime: 0, inProgressOverdue: 0, withFee: 0, paidOnline: 0, dissatisfied: 0, digitised: 0,
});

export function addCounts(a: DossierCounts, b: DossierCounts): DossierCounts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as Array<keyof DossierCounts>) out[k] = a[k] + b[k];
  return out;
}

export interface DossierIndicators {
  resolved: number;
  toProcess: number;
  overdue: number;
  /** (early + on time) / resolved. */
  onTimeRate: Ratio;
  /** 766 2.1: (resolved on time + in progress within time) / everything handled in the period. */
  onTimeRate766: Ratio;
  /** (late in progress + late resolved) / to process. */
  lateRate: Ratio;
  onlineRate: Ratio;
  onlinePaymentRate: Ratio;
  /** 766 5.4: 100% − (overdue rate + dissatisfied rate). */
  satisfaction766: Ratio;
  digitisationRate: Ratio;
}

export function dossierIndicators(c: DossierCounts): DossierIndicators {
  const resolved = c.resolvedEarly + c.resolvedOnTime + c.resolvedLate;
  const toProcess = resolved + c.inProgressInTime + c.inProgressOverdue;
  const overdue = c.resolvedLate + c.inProgressOverdue;
  const lateRate = ratio(overdue, toProcess);
  const dissatisfiedRate = ratio(c.dissatisfied, toProcess);
  return {
    resolved,
    toProcess,
    overdue,
    onTimeRate: ratio(c.resolvedEarly + c.resolvedOnTime, resolved),
    onTimeRate766: ratio(c.resolvedEarly + c.resolvedOnTime + c.inProgressInTime, toProcess),
    lateRate,
    onlineRate: ratio(c.receivedOnline, c.received),
    onlinePaymentRate: ratio(c.paidOnline, c.withFee),
    satisfaction766: lateRate === null || dissatisfiedRate === null ? null : Math.max(0, 1 - lateRate - dissatisfiedRate),
    digitisationRate: ratio(c.digitised, toProcess),
  };
}

// Decision 766 scores ------------------------------------------------------------------

export const SCORE_766_MAX = { transparency: 18, progress: 20, online: 12, payment: 10, satisfaction: 18, digitisation: 22 } as const;
export type Group766 = keyof typeof SCORE_766_MAX;

/** Full points at the threshold, proportional below it. */
const thresholdScore = (max: number, r: Ratio, threshold: number) => (r === null ? null : Math.min(max, (max * r) / threshold));

export interface Score766 {
  groups: Record<Group766, number | null>;
  /** Sum of the groups with data, out of `outOf` (100 when every group has data). */
  total: number | null;
  outOf: number;
}

/**
 * A unit's Decision 766 score from what this system knows: progress (2.1, linear),
 * online service (full points at 50% online), online payment (full at 30%),
 * satisfaction (full at 90%), digitisation (full at 80%). Transparency needs the
 * national procedure database, so it stays "no data" unless given.
 */
export function score766(ind: DossierIndicators, transparency: Ratio = null): Score766 {
  const groups: Record<Group766, number | null> = {
    transparency: transparency === null ? null : SCORE_766_MAX.transparency * transparency,
    progress: ind.onTimeRate766 === null ? null : SCORE_766_MAX.progress * ind.onTimeRate766,
    online: thresholdScore(SCORE_766_MAX.online, ind.onlineRate, 0.5),
    payment: thresholdScore(SCORE_766_MAX.payment, ind.onlinePaymentRate, 0.3),
    satisfaction: thresholdScore(SCORE_766_MAX.satisfaction, ind.satisfaction766, 0.9),
    digitisation: thresholdScore(SCORE_766_MAX.digitisation, ind.digitisationRate, 0.8),
  };
  const known = (Object.keys(groups) as Group766[]).filter((g) => groups[g] !== null);
  return {
    groups,
    total: known.length ? Math.round(known.reduce((sum, g) => sum + groups[g]!, 0) * 100) / 100 : null,
    outOf: known.reduce((sum, g) => sum + SCORE_766_MAX[g], 0),
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
