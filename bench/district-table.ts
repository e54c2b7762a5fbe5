/**
 * The one table of `npm run bench -- --scale district`: every scenario as a row, SQLite and
 * PostgreSQL side by side, throughput as a share of the one ceiling of the run. A scenario that
 * did not run on an engine says why in its row instead of disappearing.
 */
import type { Measurement } from './load.ts';
import { ms, rate, share } from './report.ts';

const dash = '—';

/** The two engines the district bench compares. */
export type EngineName = 'sqlite' | 'postgres';

/** The engines in the table's column order, with their headings. */
export const engines: ReadonlyArray<{ name: EngineName; title: string }> = [
  { name: 'sqlite', title: 'SQLite' },
  { name: 'postgres', title: 'PostgreSQL' },
];

/**
 * One result of one engine: `key` matches the same scenario on the other engine; a row without
 * `measurement` did not run there and `note` says why (`failed` when it broke rather than being
 * impossible on district data).
 */
export interface KeyedRow {
  key: string;
  label: string;
  measurement?: Measurement;
  note?: string;
  failed?: boolean;
}

/** What one engine gave: its rows, or why the whole engine did not run. */
export type EngineRows = { rows: KeyedRow[] } | { notRun: string };

/** The union of both engines' keys, in the order they first appear (SQLite first). */
function keysInOrder(results: Record<EngineName, EngineRows>): { key: string; label: string }[] {
  const labels = new Map<string, string>();
  const named = new Set<string>();
  for (const { name } of engines) {
    const result = results[name];
    if (!('rows' in result)) continue;
    for (const row of result.rows) {
      if (!labels.has(row.key)) labels.set(row.key, row.label);
      if (row.measurement && !named.has(row.key)) {
        labels.set(row.key, row.measurement.name);
        named.add(row.key);
      }
    }
  }
  return [...labels].map(([key, label]) => ({ key, label }));
}

/** What a row's scenario cell says about an engine where it did not run (a whole engine: its heading). */
function noteOf(result: EngineRows, row: KeyedRow | undefined): string | undefined {
  if (!('rows' in result)) return undefined;
  if (!row) return 'not run on this engine';
  if (row.measurement) return undefined;
  return oneLine(row.note ?? 'not run');
}

/** A note fit for a table cell: its first line, at most 160 characters (the whole is printed under the table). */
function oneLine(note: string): string {
  const first = note.split('\n')[0]!.trim();
  return first.length > 160 ? `${first.slice(0, 159)}…` : first;
}

/**
 * Formats the one table: scenario | per engine p50 / p95 / req/s / % ceiling | errors (SQLite /
 * PostgreSQL). Notes of rows that did not run go into the scenario cell, per engine.
 */
export function formatDistrictTable(results: Record<EngineName, EngineRows>, ceilingRps: number): string {
  const headers = [
    'scenario',
    ...engines.flatMap(({ name, title }) => [
      'rows' in results[name] ? `${title} p50 ms` : `${title} (not run) p50 ms`,
      'p95 ms',
      'req/s',
      '% ceiling',
    ]),
    'errors (SQLite / PG)',
  ];
  const cells = keysInOrder(results).map(({ key, label }) => {
    const found = engines.map(({ name }) => {
      const result = results[name];
      const row = 'rows' in result ? result.rows.find((r) => r.key === key) : undefined;
      return { name, result, row };
    });
    const notes = found
      .map(({ result, row }, i) => ({ title: engines[i]!.title, note: noteOf(result, row) }))
      .filter((n): n is { title: string; note: string } => n.note !== undefined);
    const [first, second] = notes;
    const said =
      notes.length === 2 && first!.note === second!.note
        ? ` — ${first!.note}`
        : notes.map((n) => ` — ${n.title}: ${n.note}`).join('');
    const figures = found.flatMap(({ row }) => {
      const m = row?.measurement;
      return m ? [ms(m.p50), ms(m.p95), rate(m.rps), share(m.rps, ceilingRps)] : [dash, dash, dash, dash];
    });
    const errors = found
      .map(({ row }) => {
        if (row?.measurement) return String(row.measurement.errors);
        return row?.failed ? 'failed' : dash;
      })
      .join(' / ');
    return [`${label}${said}`, ...figures, errors];
  });
  const widths = headers.map((header, i) => Math.max(header.length, ...cells.map((line) => line[i]!.length)));
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (i === 0 ? value.padEnd(widths[i]!) : value.padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, i) => (i === 0 ? `-${'-'.repeat(width)}-` : `-${'-'.repeat(width)}:`)).join('|')}|`;
  return [line(headers), rule, ...cells.map(line)].join('\n');
}

/** Every measured row with failed requests, and every scenario that broke, per engine. */
export function formatDistrictErrors(results: Record<EngineName, EngineRows>): string[] {
  const lines: string[] = [];
  for (const { name, title } of engines) {
    const result = results[name];
    if (!('rows' in result)) continue;
    for (const row of result.rows) {
      if (row.failed) lines.push(`${title}: ${row.label} ${row.note ?? 'failed'}`);
      const m = row.measurement;
      if (!m || m.errors === 0) continue;
      const failed = Object.entries(m.statuses)
        .filter(([code]) => !code.startsWith('2') && code !== '304')
        .map(([code, count]) => `${code} × ${count}`);
      lines.push(`${title}: errors in ${m.name}: ${failed.join(', ') || m.errors}`);
    }
  }
  return lines;
}
