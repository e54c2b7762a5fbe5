/**
 * Prometheus metrics written by hand (text exposition format 0.0.4): counters, gauges and
 * histograms keyed by their label values. One registry per process, like a database pool: the
 * database's query timing is observed before any app exists.
 */

/** Label names to values; the values are escaped when written. */
export type Labels = Record<string, string>;

/** The buckets (seconds) of every duration histogram. */
export const durationBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const pairs = Object.entries(labels).map(([name, value]) => `${name}="${escapeLabel(value)}"`);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/** A number as Prometheus writes it (`+Inf`, `NaN`). */
export function sampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Number.POSITIVE_INFINITY) return '+Inf';
  if (value === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(value);
}

/** One metric family's `# HELP` and `# TYPE` lines followed by its samples. */
export function family(
  name: string,
  type: 'counter' | 'gauge' | 'histogram',
  help: string,
  samples: { suffix?: string; labels?: Labels; value: number }[],
): string {
  const lines = [
    `# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`,
    `# TYPE ${name} ${type}`,
  ];
  for (const s of samples)
    lines.push(`${name}${s.suffix ?? ''}${labelText(s.labels ?? {})} ${sampleValue(s.value)}`);
  return `${lines.join('\n')}\n`;
}

const keyOf = (labels: Labels) => JSON.stringify(Object.entries(labels));

/** A monotonically increasing count per label set. */
export class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  /** Adds `by` (default 1) to the count of these labels. */
  inc(labels: Labels, by = 1): void {
    const key = keyOf(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }

  /** The family in exposition format. */
  render(): string {
    return family(this.name, 'counter', this.help, [...this.values.values()]);
  }
}

interface HistogramEntry {
  labels: Labels;
  counts: number[];
  sum: number;
  count: number;
}

/** Observations counted into fixed buckets per label set; written cumulatively with `+Inf`. */
export class Histogram {
  private readonly values = new Map<string, HistogramEntry>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[] = durationBuckets,
  ) {}

  /** Records one observation (seconds for durations). */
  observe(labels: Labels, value: number): void {
    const key = keyOf(labels);
    let entry = this.values.get(key);
    if (!entry) {
      entry = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.values.set(key, entry);
    }
    const i = this.buckets.findIndex((bound) => value <= bound);
    if (i >= 0) entry.counts[i]!++;
    entry.sum += value;
    entry.count++;
  }

  /** The family in exposition format: `_bucket` per bound (cumulative), `_sum`, `_count`. */
  render(): string {
    const samples: { suffix?: string; labels?: Labels; value: number }[] = [];
    for (const entry of this.values.values()) {
      let running = 0;
      this.buckets.forEach((bound, i) => {
        running += entry.counts[i]!;
        samples.push({
          suffix: '_bucket',
          labels: { ...entry.labels, le: sampleValue(bound) },
          value: running,
        });
      });
      samples.push({ suffix: '_bucket', labels: { ...entry.labels, le: '+Inf' }, value: entry.count });
      samples.push({ suffix: '_sum', labels: entry.labels, value: entry.sum });
      samples.push({ suffix: '_count', labels: entry.labels, value: entry.count });
    }
    return family(this.name, 'histogram', this.help, samples);
  }
}

/** HTTP requests answered, by method, route pattern and status. */
export const httpRequests = new Counter('otmetka_http_requests_total', 'HTTP requests answered.');

/** HTTP request durations, by method and route pattern. */
export const httpDuration = new Histogram(
  'otmetka_http_request_duration_seconds',
  'Time from receiving an HTTP request to sending its answer.',
);

/** Database query durations, by engine (fed by Kysely's log hook in db/database.ts). */
export const dbQueryDuration = new Histogram(
  'otmetka_db_query_duration_seconds',
  'Time a database query took, failed ones included.',
);

/** Records one query's duration; called for every query Kysely runs. */
export function observeQuery(engine: string, millis: number): void {
  dbQueryDuration.observe({ engine }, millis / 1000);
}
