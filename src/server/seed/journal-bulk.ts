import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks } from './batches.ts';

/** A bulk-filled column: its name, and its type on PostgreSQL (SQLite takes JSON's own). */
export type BulkColumn = readonly [name: string, type: 'int' | 'text' | 'date' | 'timestamptz' | 'float8'];

/** Tables the journal generator fills in bulk. */
type BulkTable = 'plan_items' | 'marks' | 'attendance' | 'audit_events';

/**
 * Inserts rows (arrays in column order) 20,000 rows a statement without a bound parameter per
 * value: on SQLite from one JSON parameter (`json_each`), on PostgreSQL from one array parameter
 * per column (`unnest`, which parses each value once, where `json ->> i` re-parses the row for
 * every column). The seed writes ≈900,000 journal rows a school for a whole year. Returns the new
 * ids in the order of `rows` when asked to.
 */
export async function insertFromJson(
  trx: Transaction<DB>,
  table: BulkTable,
  columns: readonly BulkColumn[],
  rows: readonly unknown[][],
  returning = false,
): Promise<number[]> {
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const names = sql.raw(columns.map(([name]) => name).join(', '));
  const tail = returning ? sql` returning id` : sql``;
  const ids: number[] = [];
  for (const batch of chunks(rows, 20_000)) {
    const query = pg
      ? sql<{ id: number }>`insert into ${sql.raw(table)} (${names})
          select ${sql.raw(columns.map((_, i) => `c${i}`).join(', '))}
          from unnest(${sql.join(columns.map(([, type], i) => sql`${batch.map((r) => r[i])}::${sql.raw(type)}[]`))})
            with ordinality as v(${sql.raw(columns.map((_, i) => `c${i}`).join(', '))}, key)
          order by key${tail}`
      : sql<{ id: number }>`insert into ${sql.raw(table)} (${names})
          select ${sql.raw(columns.map((_, i) => `j.value ->> ${i}`).join(', '))}
          from json_each(${JSON.stringify(batch)}) as j order by j.key${tail}`;
    const result = await query.execute(trx);
    if (!returning) continue;
    // Ids grow in the order of the SELECT on both engines, but RETURNING does not promise an order.
    const got = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    if (got.length !== batch.length) throw new Error(`Inserted ${got.length} rows of ${batch.length}`);
    ids.push(...got);
  }
  return ids;
}

/**
 * PostgreSQL: while the seed bulk-loads a school's journal in its transaction, commits need not
 * wait for the disk (`synchronous_commit = off`: a crash loses the last seeded school, not
 * consistency) and, when the role may do it, foreign keys are not checked row by row
 * (`session_replication_role = replica`): every id written comes from rows of the same
 * transaction, and the seed tests check the result. `on: false` turns the checks back on.
 * No-op on SQLite.
 */
export async function bulkLoading(trx: Transaction<DB>, on: boolean): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  if (!on) {
    // Only a role that could turn the checks off has them off (others may not even set it back).
    const { rows } = await sql<{
      role: string;
    }>`select current_setting('session_replication_role') as role`.execute(trx);
    if (rows[0]?.role === 'replica') await sql`set local session_replication_role = origin`.execute(trx);
    return;
  }
  await sql`set local synchronous_commit = off`.execute(trx);
  const { rows } = await sql<{
    su: boolean;
  }>`select rolsuper as su from pg_roles where rolname = current_user`.execute(trx);
  if (rows[0]?.su) await sql`set local session_replication_role = replica`.execute(trx);
}
