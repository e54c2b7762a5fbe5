import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../access/actor.ts';

/**
 * Holds a named lock until the current transaction ends, so that concurrent processes do the
 * guarded work one at a time. PostgreSQL: a transaction-scoped advisory lock. SQLite: nothing
 * to do, since a file has one writer at a time and Otmetka opens it from one process.
 */
export async function lockForTransaction(trx: Db, name: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${`otmetka:${name}`}))`.execute(trx);
}

/**
 * Holds several named locks until the current transaction ends, taken in one statement and in
 * sorted order (so two holders never wait on each other crosswise). A shared lock is held by many
 * at once but not while anyone holds the same name exclusively, and the other way round: writers
 * share a lock that a closing takes alone. PostgreSQL only; nothing to do on SQLite, as above.
 */
export async function lockAllForTransaction(
  trx: Db,
  names: readonly string[],
  mode: 'shared' | 'exclusive',
): Promise<void> {
  if (names.length === 0 || !(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  const keys = [...new Set(names)].sort().map((name) => `otmetka:${name}`);
  const take = sql.raw(mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock');
  await sql`select ${take}(hashtext(k)) from unnest(${keys}::text[]) as k`.execute(trx);
}
