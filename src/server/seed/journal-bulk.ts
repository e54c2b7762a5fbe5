import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import { chunks } from './batches.ts';

/** A column filled from JSON: its name, and its type on PostgreSQL (SQLite takes JSON's own). */
export type BulkColumn = readonly [name: string, type: 'int' | 'text' | 'date' | 'timestamptz' | 'float8'];

/** Tables the journal generator fills in bulk. */
type BulkTable = 'plan_items' | 'marks' | 'attendance' | 'audit_events';

/**
 * Inserts rows (arrays in column order) from one JSON parameter per 20,000 rows — `json_each` on
 * SQLite, `json_array_elements` on PostgreSQL — instead of a bound parameter per value: the seed
 * writes ≈150,000 journal rows a school, and binding each value costs more than the insert itself.
 * Returns the new ids in the order of `rows` when asked to.
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
  const values = sql.raw(
    columns.map(([, type], i) => (pg ? `(j.value ->> ${i})::${type}` : `j.value ->> ${i}`)).join(', '),
  );
  const ids: number[] = [];
  for (const batch of chunks(rows, 20_000)) {
    const json = JSON.stringify(batch);
    const from = pg
      ? sql`json_array_elements(${json}::json) with ordinality as j(value, key)`
      : sql`json_each(${json}) as j`;
    const tail = returning ? sql` returning id` : sql``;
    const result = await sql<{ id: number }>`insert into ${sql.raw(table)} (${names})
      select ${values} from ${from} order by j.key${tail}`.execute(trx);
    if (!returning) continue;
    // Ids grow in the order of the SELECT on both engines, but RETURNING does not promise an order.
    const got = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    if (got.length !== batch.length) throw new Error(`Inserted ${got.length} rows of ${batch.length}`);
    ids.push(...got);
  }
  return ids;
}
