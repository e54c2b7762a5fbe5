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
