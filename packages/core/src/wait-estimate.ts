export interface WaitEstimateInput {
  /** People waiting before this one in the same service. */
  peopleAhead: number;
  /** Counters open now that serve this service. */
  openCounters: number;
  /** Recent service durations of this service (ms), newest first; the typical time stands in while there are few. */
  recentServiceMs: readonly number[];
  typicalServiceMinutes: number;
}

export interface WaitEstimate {
  peopleAhead: number;
  minMinutes: number;
  maxMinutes: number;
}

const SAMPLE = 20;

/**
 * Estimated wait as a range (docs/domain.md "Wait estimate"): the average of the last
 * few service times (blended with the typical time while samples are few),
 * times the people ahead, shared among the open counters.
 */
export function estimateWait(input: WaitEstimateInput): WaitEstimate {
  const samples = input.recentServiceMs.slice(0, SAMPLE);
  const typicalMs = input.typicalServiceMinutes * 60_000;
  // With fewer than SAMPLE measurements the typical time fills the rest, so one odd service cannot swing the estimate.
  const averageMs = (samples.reduce((a, b) => a + b, 0) + typicalMs * (SAMPLE - samples.length)) / SAMPLE;
  const counters = Math.max(1, input.openCounters);
  const centralMinutes = ((input.peopleAhead + 0.5) * averageMs) / counters / 60_000;
  if (input.peopleAhead === 0 && input.openCounters > 0) return { peopleAhead: 0, minMinutes: 0, maxMinutes: Math.ceil(averageMs / counters / 60_000) };
  return {
    peopleAhead: input.peopleAhead,
    minMinutes: Math.max(0, Math.floor(centralMinutes * 0.75)),
    maxMinutes: Math.ceil(centralMinutes * 1.3),
  };
}
