import type { Measurement } from './load.ts';

const headers = ['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', '% ceiling', 'errors'];
const dash = '—';

export function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function rate(value: number | null): string {
  if (value === null) return dash;
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

export function share(value: number | null, ceiling: number): string {
  if (value === null || ceiling <= 0) return dash;
  return `${((value / ceiling) * 100).toFixed(value / ceiling < 0.1 ? 1 : 0)}%`;
}

/** One aligned markdown table of every measurement, with throughput as a share of the ceiling. */
export function formatTable(rows: Measurement[], ceilingRps: number): string {
  const cells = rows.map((row) => [
    row.name,
    ms(row.p50),
    ms(row.p95),
    ms(row.p99),
    rate(row.rps),
    share(row.rps, ceilingRps),
    String(row.errors),
  ]);
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/** A line per scenario that had failed requests, by status code, so errors are never hidden. */
export function formatErrors(rows: Measurement[]): string[] {
  return rows
    .filter((row) => row.errors > 0)
    .map((row) => {
      const failed = Object.entries(row.statuses)
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, count]) => `${code} × ${count}`);
      return `errors in ${row.name}: ${failed.join(', ')}`;
    });
}

/** The facts a reader needs to compare runs: machine, runtime, database and load settings. */
export function formatFacts(facts: Record<string, string>): string {
  const width = Math.max(...Object.keys(facts).map((key) => key.length));
  return Object.entries(facts)
    .map(([key, value]) => `${`${key}:`.padEnd(width + 1)} ${value}`)
    .join('\n');
}
