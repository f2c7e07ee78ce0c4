// Shared by the benchmarks: closed-loop load at a fixed concurrency, and percentiles.

/** Runs `task` `requests` times with `concurrency` in flight; returns rate and latency percentiles (ms). */
export async function load(task, { requests, concurrency }) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        next++;
        const t = performance.now();
        await task();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: requests / seconds, ...percentiles(latencies) };
}

/** p50, p95 and p99 by nearest rank, and the sample count. */
export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50: pct(50), p95: pct(95), p99: pct(99), n: sorted.length };
}
