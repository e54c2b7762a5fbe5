import { setImmediate as nextTurn } from 'node:timers/promises';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { rowLine, type Snapshot, TableChecksum } from './summary.ts';
import { listTables, query, quote, schemaVersion, type TableInfo } from './tables.ts';

/** Rows read per query or cursor fetch: a few milliseconds of work between turns of the event loop. */
export const scanBatch = 2000;
/**
 * Rows handed over (and hashed) per turn of the event loop: each turn stays far below the 50 ms a
 * write may wait. SQLite reads this many per query; a PostgreSQL fetch is handed over in slices.
 */
const rowsPerTurn = 250;

/**
 * Reads a whole table in batches of rows (values in `table.columns` order), letting the event
 * loop run between batches. SQLite: by rowid ranges (never an open statement across turns, so the
 * connection stays free for others), or with one statement over `copy`, a private read-only
 * connection nobody else uses; PostgreSQL: a cursor, so `db` must be a transaction.
 */
export async function scanTable(
  db: Kysely<DB>,
  engine: Engine,
  table: TableInfo,
  onBatch: (rows: unknown[][]) => Promise<void> | void,
  copy?: SQLite.Database,
): Promise<void> {
  const columns = table.columns.map(quote).join(', ');
  if (copy) return scanCopy(copy, `select ${columns} from ${quote(table.name)}`, onBatch);
  const toValues = (row: Record<string, unknown>) => table.columns.map((c) => row[c]);
  if (engine === 'sqlite') {
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await query(
        db,
        `select rowid as "__rowid", ${columns} from ${quote(table.name)} where rowid > ? order by rowid limit ?`,
        [after, rowsPerTurn],
      );
      if (rows.length === 0) return;
      after = Number(rows[rows.length - 1]!.__rowid);
      await onBatch(rows.map(toValues));
      await nextTurn();
      if (rows.length < rowsPerTurn) return;
    }
  }
  await query(db, `declare otmetka_scan no scroll cursor for select ${columns} from ${quote(table.name)}`);
  try {
    for (;;) {
      const rows = await query(db, `fetch forward ${scanBatch} from otmetka_scan`);
      if (rows.length === 0) break;
      // Hashing a whole fetch at once held the event loop 30-90 ms on 150k marks.
      for (let i = 0; i < rows.length; i += rowsPerTurn) {
        await onBatch(rows.slice(i, i + rowsPerTurn).map(toValues));
        await nextTurn();
      }
    }
  } finally {
    await query(db, 'close otmetka_scan');
  }
}

async function scanCopy(
  copy: SQLite.Database,
  text: string,
  onBatch: (rows: unknown[][]) => Promise<void> | void,
): Promise<void> {
  const rows = copy.prepare(text).raw(true).iterate() as IterableIterator<unknown[]>;
  let batch: unknown[][] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length < rowsPerTurn) continue;
    await onBatch(batch);
    batch = [];
    await nextTurn();
  }
  if (batch.length > 0) await onBatch(batch);
}

/** Row counts and checksums of every table, read through `db` (on PostgreSQL a transaction). */
export async function summarizeWith(db: Kysely<DB>, engine: Engine): Promise<Snapshot> {
  const version = await schemaVersion(db);
  const tables = [];
  for (const table of await listTables(db, engine)) {
    const sum = new TableChecksum(table.name);
    await scanTable(db, engine, table, (rows) => {
      for (const row of rows) sum.add(rowLine(row));
    });
    tables.push(sum.summary());
  }
  return { schemaVersion: version, tables };
}
