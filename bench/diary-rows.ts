import { type Measurement, percentile, sortedSamples } from './load.ts';

/** Statuses that are answers, not failures: the week, or «not modified». */
export const okStatus = (status: number) => status === 200 || status === 304;

/** A row from latency samples and statuses; errors are every status but 200 and 304. */
export function rowOf(
  name: string,
  latencies: number[],
  statuses: Record<string, number>,
  rps: number | null,
): Measurement {
  const sorted = sortedSamples(latencies);
  const errors = Object.entries(statuses)
    .filter(([code]) => !okStatus(Number(code)))
    .reduce((sum, [, n]) => sum + n, 0);
  return {
    name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps,
    requests: latencies.length,
    errors,
    statuses,
  };
}
