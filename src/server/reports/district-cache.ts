import { PostgresAdapter } from 'kysely';
import type { Db } from '../access/actor.ts';
import { today } from '../access/relationships.queries.ts';

/** How many schools' figures a database keeps in memory at most (least recently used dropped first). */
export const cachedSchoolsLimit = 2000;

/**
 * How long kept figures are trusted even with an unchanged data version: a write that is not
 * audited (a seed, a manual repair) does not bump the version, so it shows after this at the latest.
 */
export const cachedSchoolTtlMs = 10 * 60_000;

interface Kept<T> {
  at: number;
  value: Promise<T>;
}

/**
 * The kept figures of each open database (tests and tools open several in one process), keyed by
 * the database's adapter: one object per opened database, shared by its transactions and by
 * `withPlugin` copies.
 */
const caches = new WeakMap<object, Map<string, Kept<unknown>>>();

const keyOf = (db: Db): object => db.getExecutor().adapter;

/** Each school's data version (`data_versions`; 0 when nothing audited has changed it yet). */
export async function dataVersionsOf(db: Db, schoolIds: number[]): Promise<Map<number, number>> {
  const rows = schoolIds.length
    ? await db
        .selectFrom('dataVersions')
        .select(['schoolId', 'version'])
        .where('schoolId', 'in', schoolIds)
        .execute()
    : [];
  const out = new Map(schoolIds.map((id) => [id, 0]));
  for (const r of rows) out.set(r.schoolId, Number(r.version));
  return out;
}

/**
 * A school's figures computed once per (school, data version, today, question) and kept in memory:
 * every audited change bumps the school's version in the same transaction (`recordAudit`), so kept
 * figures are never older than the last committed change; today is in the key because the figures
 * count up to today. A computation that fails is not kept. Concurrent askers share one computation.
 */
export function cachedSchoolFigures<T>(
  db: Db,
  key: { schoolId: number; version: number; question: string },
  compute: () => Promise<T>,
): Promise<T> {
  let cache = caches.get(keyOf(db));
  if (!cache) {
    cache = new Map();
    caches.set(keyOf(db), cache);
  }
  const id = `${key.schoolId}|${key.version}|${today()}|${key.question}`;
  const now = Date.now();
  const kept = cache.get(id);
  if (kept && now - kept.at < cachedSchoolTtlMs) {
    cache.delete(id);
    cache.set(id, kept);
    return kept.value as Promise<T>;
  }
  const value = compute();
  const entry: Kept<unknown> = { at: now, value };
  cache.set(id, entry);
  value.catch(() => {
    if (cache.get(id) === entry) cache.delete(id);
  });
  while (cache.size > cachedSchoolsLimit) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
  return value;
}

/** Forgets every kept figure of a database (tests; after writes that bypass the audit). */
export function forgetSchoolFigures(db: Db): void {
  caches.delete(keyOf(db));
}

/**
 * How many schools a rollup computes at once: PostgreSQL answers on several pooled connections,
 * SQLite runs in this thread and gains nothing from interleaving, so one at a time.
 */
export function schoolConcurrency(db: Db): number {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 4 : 1;
}
