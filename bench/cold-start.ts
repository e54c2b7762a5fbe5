import { type Measurement, percentile, sortedSamples } from './load.ts';
import { type ServerSpec, startServer } from './servers.ts';

/**
 * Starts the server `times` times, each from spawn until its health check first answers 200, and
 * stops it between runs. The row's percentiles are over those start times; req/s means nothing here.
 */
export async function measureColdStart(spec: ServerSpec, times: number): Promise<Measurement> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const server = await startServer(spec);
    samples.push(server.readyMs);
    await server.stop();
  }
  const sorted = sortedSamples(samples);
  return {
    name: `cold start (median of ${times})`,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: null,
    requests: times,
    errors: 0,
    statuses: {},
  };
}
