import type { Database } from '../db/database.ts';
import { summarizeWith } from './read-tables.ts';
import type { Snapshot } from './summary.ts';

export { exportDatabase } from './export.ts';
export { loadDatabase } from './load.ts';
export { differences, type Snapshot, SnapshotError, type TableSummary } from './summary.ts';

/**
 * The row counts and checksums of every table of a database as it is now (PostgreSQL: one
 * repeatable-read transaction; SQLite: table by table, meant for a database nobody writes to).
 */
export async function summarize(database: Database): Promise<Snapshot> {
  const db = database.db.withoutPlugins();
  if (database.engine === 'sqlite') return summarizeWith(db, 'sqlite');
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute((trx) => summarizeWith(trx, 'postgres'));
}
