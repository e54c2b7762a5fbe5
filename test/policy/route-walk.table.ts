import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The policy table of docs/SECURITY.md («Policy table: route × role»), read for the route walk:
 * one row per `METHOD /path` of the API, one column per actor.
 */

/** The actors of the walk, in the table's column order. */
export const actors = [
  'anonymous',
  'admin',
  'director',
  'deputy',
  'teacher',
  'other teacher',
  'parent',
  'other parent',
  'student',
  'district',
] as const;
/** One actor (a column of the table). */
export type Actor = (typeof actors)[number];

/** A cell: `✓` gets past access control (any status but 401/403/404, never a 5xx), or the refusal. */
export type Cell = '✓' | '401' | '403' | '404';
const cells = new Set<string>(['✓', '401', '403', '404']);

/** The heading of the table's section. */
export const heading = '## Policy table: route × role';

/** The table: each route's expected cell per actor. */
export function readPolicyTable(file = resolve(import.meta.dirname, '../../docs/SECURITY.md')) {
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(heading);
  if (start < 0) throw new Error(`docs/SECURITY.md has no «${heading}» section`);
  const end = text.indexOf('\n## ', start + heading.length);
  const lines = text.slice(start, end < 0 ? undefined : end).split('\n');
  const rows = new Map<string, Record<Actor, Cell>>();
  const problems: string[] = [];
  for (const line of lines) {
    const cols = line.split('|').map((c) => c.trim());
    const route = /^`(GET|POST|PUT|PATCH|DELETE) (\/\S*)`$/.exec(cols[1] ?? '');
    if (!route) continue;
    const key = `${route[1]} ${route[2]}`;
    const values = cols.slice(2, 2 + actors.length);
    if (values.length !== actors.length || values.some((v) => !cells.has(v))) {
      problems.push(`${key}: each of the ${actors.length} cells must be one of ✓ 401 403 404: «${line}»`);
      continue;
    }
    if (rows.has(key)) problems.push(`${key}: two rows`);
    rows.set(key, Object.fromEntries(actors.map((a, i) => [a, values[i] as Cell])) as Record<Actor, Cell>);
  }
  return { rows, problems };
}

/** What a status means in the table's terms. */
export function cellOf(status: number): Cell | `${number}` {
  if (status >= 500) return `${status}`;
  if (status === 401 || status === 403 || status === 404) return `${status}` as Cell;
  return '✓';
}

/** A row to paste for a route the table lacks, with what the walk saw as a starting point. */
export function rowFor(key: string, seen?: Partial<Record<Actor, string>>): string {
  return `| \`${key}\` | ${actors.map((a) => seen?.[a] ?? '?').join(' | ')} |`;
}
