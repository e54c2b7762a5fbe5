import autocannon from 'autocannon';

/** One HTTP scenario: a request autocannon repeats on every connection. */
export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Bodies sent in turn instead of `body` (e.g. several accounts, so one is not throttled). */
  bodies?: string[];
}

/** How hard and how long to load a scenario. */
export interface LoadSettings {
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before, not measured. */
  warmup: number;
  connections: number;
}

/** One row of the report: latency percentiles (ms), throughput and every failed request. */
export interface Measurement {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  /** Responses per second; null where it means nothing (cold start). */
  rps: number | null;
  requests: number;
  /** Non-2xx responses plus socket errors and timeouts. */
  errors: number;
  /** Responses by status code, and `socket` for connection errors. */
  statuses: Record<string, number>;
}

/** The nearest-rank percentile of values sorted ascending (0 when there are none). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/** A sorted copy of numbers, typed for fast sorting of many samples. */
export function sortedSamples(values: number[]): Float64Array {
  return Float64Array.from(values).sort();
}

function run(baseUrl: string, scenario: Scenario, duration: number, connections: number) {
  const bodies = scenario.bodies;
  let turn = 0;
  return autocannon({
    requests: bodies?.length
      ? [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }) }]
      : undefined,
    url: `${baseUrl}${scenario.path}`,
    method: scenario.method,
    headers: scenario.headers ?? {},
    body: scenario.body,
    duration,
    connections,
    timeout: 10,
    title: scenario.name,
  });
}

/**
 * Loads one scenario with autocannon and measures it. Latencies are kept per response (autocannon's
 * own histogram has no p95 and whole-millisecond resolution); non-2xx responses count as errors.
 */
export async function measureScenario(
  baseUrl: string,
  scenario: Scenario,
  settings: LoadSettings,
): Promise<Measurement> {
  if (settings.warmup > 0) await run(baseUrl, scenario, settings.warmup, settings.connections);
  const latencies: number[] = [];
  const instance = run(baseUrl, scenario, settings.duration, settings.connections);
  instance.on('response', (_client, _status, _bytes, responseTime) => {
    latencies.push(responseTime);
  });
  const result = await instance;
  const sorted = sortedSamples(latencies);
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = Number(count);
  if (result.errors > 0) statuses.socket = result.errors;
  return {
    name: scenario.name,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: result.duration > 0 ? latencies.length / result.duration : 0,
    requests: latencies.length,
    errors: result.non2xx + result.errors,
    statuses,
  };
}
